import { describe, expect, it } from "@effect/vitest"
import { McpTestClient } from "@mcp-effect/server"
import { Effect, Layer } from "effect"
import { NoteNotFound, Notes } from "../src/Notes.js"
import { TemplateWithoutDependencies } from "../src/Server.js"

// The application's service, mocked: no process, no real storage.
const NotesTest = Layer.succeed(Notes, {
  add: (text) => Effect.succeed({ id: 7, text }),
  get: (id) => id === 1 ? Effect.succeed({ id, text: "mocked note" }) : Effect.fail(new NoteNotFound({ id })),
  all: Effect.succeed([{ id: 1, text: "mocked note" }])
})

const TestTemplate = TemplateWithoutDependencies.pipe(Layer.provide(NotesTest))

describe("example server", () => {
  it.scoped("reads notes through the mocked service", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      expect((yield* client.callTool("get_note", { id: 1 })).content).toEqual([{ type: "text", text: "mocked note" }])
      expect(yield* client.callTool("get_note", { id: 2 })).toEqual({
        content: [{ type: "text", text: "No note with id 2" }],
        isError: true
      })
      expect(yield* client.readResource("notes://1")).toEqual({
        contents: [{ uri: "notes://1", mimeType: "text/plain", text: "mocked note" }]
      })
      const { resources } = yield* client.listResources()
      expect(resources.map((r) => r.uri)).toEqual(["docs://readme", "time://now", "notes://1"])
    }).pipe(Effect.provide(TestTemplate)))

  it.scoped("add_note returns structured content and tells only its client that resources changed", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const other = yield* McpTestClient.connect()
      const result = yield* client.callTool("add_note", { text: "hello" })
      expect(result.structuredContent).toEqual({ id: 7 })
      expect(yield* client.nextNotification("notifications/resources/list_changed")).toBeDefined()
      yield* other.ping
      expect(yield* other.messages.size).toBe(0)
    }).pipe(Effect.provide(TestTemplate)))

  it.scoped("unlock_secret adds a tool to the calling session only", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const other = yield* McpTestClient.connect()
      yield* client.callTool("unlock_secret")
      yield* client.nextNotification("notifications/tools/list_changed")
      expect((yield* client.callTool("secret")).content).toEqual([{ type: "text", text: "42" }])
      expect((yield* Effect.flip(other.callTool("secret"))).code).toBe(-32602)
    }).pipe(Effect.provide(TestTemplate)))

  it.scoped("the summarize prompt lists its arguments", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const { prompts } = yield* client.listPrompts()
      expect(prompts[0]?.arguments).toEqual([
        { name: "text", description: "The text to summarize", required: true },
        { name: "style", description: "short or detailed", required: false }
      ])
    }).pipe(Effect.provide(TestTemplate)))
})
