/**
 * An application service, as a user's program already has them: the example's tools read and write notes through it,
 * and tests replace it with a layer of their own.
 */
import { Context, Data, Effect, Layer, Ref } from "effect"

export class NoteNotFound extends Data.TaggedError("NoteNotFound")<{ readonly id: number }> {
  override get message() {
    return `No note with id ${this.id}`
  }
}

export interface Note {
  readonly id: number
  readonly text: string
}

export class Notes extends Context.Tag("examples/Notes")<Notes, {
  readonly add: (text: string) => Effect.Effect<Note>
  readonly get: (id: number) => Effect.Effect<Note, NoteNotFound>
  readonly all: Effect.Effect<ReadonlyArray<Note>>
}>() {}

/** Notes kept in memory, shared by every client of the process. */
export const NotesLive = Layer.effect(
  Notes,
  Effect.gen(function*() {
    const notes = yield* Ref.make<ReadonlyArray<Note>>([{ id: 1, text: "Buy milk" }])
    return {
      add: (text) =>
        Ref.modify(notes, (all) => {
          const note = { id: all.length + 1, text }
          return [note, [...all, note]]
        }),
      get: (id) =>
        Effect.flatMap(Ref.get(notes), (all) => {
          const note = all.find((n) => n.id === id)
          return note === undefined ? Effect.fail(new NoteNotFound({ id })) : Effect.succeed(note)
        }),
      all: Ref.get(notes)
    }
  })
)
