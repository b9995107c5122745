/**
 * The example server's template: what every client gets. Transports (stdio, HTTP) copy a live session from it.
 */
import { McpPrompt, McpRequest, McpResource, McpSession, McpTool } from "@mcp-effect/server"
import { Clock, Context, Effect, Layer, Schedule, Schema, Stream } from "effect"
import { Notes, NotesLive } from "./Notes.js"

export const echo = McpTool.make("echo", {
  title: "Echo",
  description: "Returns the text it is given",
  input: Schema.Struct({ text: Schema.String.annotations({ description: "The text to echo" }) }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: ({ text }) => Effect.succeed(text)
})

export const add = McpTool.make("add", {
  title: "Add",
  description: "Adds two numbers",
  input: Schema.Struct({ a: Schema.Number, b: Schema.Number }),
  output: Schema.Struct({ sum: Schema.Number }),
  annotations: { readOnlyHint: true },
  handler: ({ a, b }) => Effect.succeed({ sum: a + b })
})

export const addNote = McpTool.make("add_note", {
  title: "Add a note",
  description: "Stores a note and returns its id",
  input: Schema.Struct({ text: Schema.String.pipe(Schema.minLength(1)) }),
  output: Schema.Struct({ id: Schema.Number }),
  handler: ({ text }) =>
    Effect.gen(function*() {
      const notes = yield* Notes
      const note = yield* notes.add(text)
      // Tell this client (and only this one) that the list of note resources changed.
      const session = yield* McpRequest.session
      yield* session.notify("notifications/resources/list_changed")
      return { id: note.id }
    })
})

export const getNote = McpTool.make("get_note", {
  title: "Get a note",
  description: "Reads a note by id; fails with an error result when there is none",
  input: Schema.Struct({ id: Schema.Int }),
  annotations: { readOnlyHint: true },
  handler: ({ id }) => Effect.map(Effect.flatMap(Notes, (notes) => notes.get(id)), (note) => note.text)
})

/** Adds a tool to the calling client's live session only: other clients never see it. */
export const unlockSecret = McpTool.make("unlock_secret", {
  title: "Unlock the secret tool",
  description: "Adds the `secret` tool to this session",
  input: Schema.Struct({}),
  handler: () =>
    Effect.gen(function*() {
      const session = yield* McpRequest.session
      yield* session.addTools(secret)
      return "The secret tool is now available to you"
    })
})

export const secret = McpTool.make("secret", {
  description: "A tool only unlocked sessions have",
  input: Schema.Struct({}),
  handler: () => Effect.succeed("42")
})

/** Reports progress and logs as it works: the client sees both while it waits. */
export const countdown = McpTool.make("countdown", {
  title: "Countdown",
  description: "Counts down, reporting progress every 100 ms; clients may run it as a task",
  taskSupport: "optional",
  input: Schema.Struct({ from: Schema.Int.pipe(Schema.between(1, 20)) }),
  handler: ({ from }) =>
    Effect.gen(function*() {
      for (let step = 1; step <= from; step++) {
        yield* Effect.sleep("100 millis")
        yield* McpRequest.progress(step, { total: from, message: `${from - step} to go` })
        yield* Effect.logInfo(`countdown at ${from - step}`)
      }
      return "Liftoff!"
    })
})

/** Asks the client's model (sampling). */
export const askModel = McpTool.make("ask_model", {
  title: "Ask the client's model",
  description: "Forwards a question to the client's LLM through sampling",
  input: Schema.Struct({ question: Schema.String }),
  handler: ({ question }) =>
    Effect.map(
      McpRequest.sample({ messages: [{ role: "user", content: { type: "text", text: question } }], maxTokens: 200 }),
      (answer) => "type" in answer.content && answer.content.type === "text" ? answer.content.text : "(no text)"
    )
})

/** Asks the user to fill in a form (elicitation), decoded by a Schema. */
export const register = McpTool.make("register", {
  title: "Register",
  description: "Asks the user for their name and favourite colour",
  input: Schema.Struct({}),
  handler: () =>
    Effect.map(
      McpRequest.elicit(
        "Please introduce yourself",
        Schema.Struct({ name: Schema.String, color: Schema.Literal("red", "green", "blue") })
      ),
      (answer) =>
        answer.action === "accept"
          ? `Welcome, ${answer.content.name} (${answer.content.color})`
          : `You chose to ${answer.action}`
    )
})

/** Reads the client's roots. */
export const showRoots = McpTool.make("show_roots", {
  title: "Show roots",
  description: "Lists the client's roots",
  input: Schema.Struct({}),
  handler: () => Effect.map(McpRequest.roots, (roots) => roots.map((root) => root.uri).join("\n") || "(no roots)")
})

/** A resource that changes every second: subscribe to it to be told. */
export const clock = McpResource.make("time://now", {
  name: "clock",
  title: "The server's clock",
  mimeType: "text/plain",
  handler: Effect.map(Clock.currentTimeMillis, (now) => new Date(now).toISOString()),
  watch: Stream.fromSchedule(Schedule.spaced("1 second"))
})

export const summarize = McpPrompt.make("summarize", {
  title: "Summarize",
  description: "Asks the model to summarize a text",
  args: Schema.Struct({
    text: Schema.String.annotations({ description: "The text to summarize" }),
    style: Schema.optional(Schema.Literal("short", "detailed")).annotations({ description: "short or detailed" })
  }),
  handler: ({ style, text }) =>
    Effect.succeed(`Summarize this text${style === "detailed" ? " in detail" : " briefly"}:\n\n${text}`),
  completions: {
    style: (value) => Effect.succeed(["short", "detailed"].filter((style) => style.startsWith(value)))
  }
})

export const readme = McpResource.make("docs://readme", {
  name: "readme",
  title: "README",
  description: "What this server is",
  mimeType: "text/markdown",
  handler: Effect.succeed("# Example server\n\nAn mcp-effect example: notes, echo and arithmetic.")
})

export const note = McpResource.template("notes://{id}", {
  name: "note",
  title: "A note",
  description: "A stored note, by id",
  mimeType: "text/plain",
  params: Schema.Struct({ id: Schema.NumberFromString.pipe(Schema.int()) }),
  handler: ({ id }) => Effect.flatMap(Notes, (notes) => Effect.map(notes.get(id), (n) => n.text)),
  list: Effect.map(
    Effect.flatMap(Notes, (notes) => notes.all),
    (all) => all.map((n) => ({ uri: `notes://${n.id}`, name: `note-${n.id}`, mimeType: "text/plain" }))
  ),
  completions: {
    id: (value) =>
      Effect.map(
        Effect.flatMap(Notes, (notes) => notes.all),
        (all) => all.map((n) => `${n.id}`).filter((id) => id.startsWith(value))
      )
  }
})

/** The template without its dependencies: tests provide their own `Notes`. */
export const TemplateWithoutDependencies = McpSession.layerTemplate({
  name: "mcp-effect-example",
  title: "mcp-effect example",
  version: "0.1.0",
  description: "Notes, echo and arithmetic, served by mcp-effect",
  instructions: "Use add_note and get_note to keep notes; read notes://{id} for a note."
}).pipe(
  McpSession.withTools(echo, add, addNote, getNote, unlockSecret, countdown, askModel, register, showRoots),
  McpSession.withPrompts(summarize),
  McpSession.withResources(readme, note, clock),
  Layer.tap((context) =>
    Context.get(context, McpSession.Template).onStart((session) =>
      Effect.flatMap(
        session.client.get,
        (client) => Effect.logInfo(`client connected: ${client._tag === "Some" ? client.value.info.name : "unknown"}`)
      )
    )
  )
)

/** The template with the real dependencies. */
export const Template = TemplateWithoutDependencies.pipe(Layer.provide(NotesLive))
