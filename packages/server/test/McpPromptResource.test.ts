import { describe, expect, it } from "@effect/vitest"
import { JsonRpc, McpPrompt, McpResource, McpSession, McpTestClient } from "@mcp-effect/server"
import { Data, Effect, Schema } from "effect"

class NotFound extends Data.TaggedError("NotFound")<{ readonly message: string }> {}

const review = McpPrompt.make("review", {
  title: "Code review",
  description: "Reviews code",
  args: Schema.Struct({
    code: Schema.String.annotations({ description: "The code" }),
    focus: Schema.optional(Schema.String)
  }),
  handler: ({ code, focus }) => Effect.succeed(`Review${focus === undefined ? "" : ` for ${focus}`}: ${code}`)
})

const conversation = McpPrompt.make("conversation", {
  args: Schema.Struct({ count: Schema.NumberFromString }),
  handler: ({ count }) =>
    Effect.succeed(Array.from({ length: count }, (_, i) => ({
      role: i % 2 === 0 ? "user" as const : "assistant" as const,
      content: { type: "text" as const, text: `message ${i}` }
    })))
})

const failing = McpPrompt.make("failing", {
  args: Schema.Struct({}),
  handler: () => Effect.fail(new NotFound({ message: "template missing" }))
})

const readme = McpResource.make("docs://readme", {
  name: "readme",
  title: "README",
  mimeType: "text/markdown",
  handler: Effect.succeed("# Hello")
})

const logo = McpResource.make("images://logo", {
  name: "logo",
  mimeType: "image/png",
  handler: Effect.succeed(new Uint8Array([137, 80, 78, 71]))
})

const user = McpResource.template("users://{id}/profile", {
  name: "user-profile",
  description: "A user's profile",
  mimeType: "application/json",
  params: Schema.Struct({ id: Schema.NumberFromString.pipe(Schema.int()) }),
  handler: ({ id }, uri) => Effect.succeed(JSON.stringify({ id, uri })),
  list: Effect.succeed([{ uri: "users://1/profile", name: "user 1" }])
})

const files = McpResource.template("file:///{+path}", {
  name: "file",
  params: Schema.Struct({ path: Schema.String }),
  handler: ({ path }) =>
    path === "missing"
      ? Effect.fail(JsonRpc.McpError.resourceNotFound(`file:///${path}`))
      : Effect.succeed(`contents of ${path}`)
})

const Template = McpSession.layerTemplate({ name: "prompts-and-resources", version: "1" }).pipe(
  McpSession.withPrompts(review, conversation, failing),
  McpSession.withResources(readme, logo, user, files)
)

describe("prompts", () => {
  it.scoped("are listed with their arguments, descriptions and required flags", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const { prompts } = yield* client.listPrompts()
      expect(prompts[0]).toEqual({
        name: "review",
        title: "Code review",
        description: "Reviews code",
        arguments: [
          { name: "code", description: "The code", required: true },
          { name: "focus", required: false }
        ]
      })
    }).pipe(Effect.provide(Template)))

  it.scoped("get decodes arguments and normalises the handler's result", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      expect(yield* client.getPrompt("review", { code: "x = 1", focus: "style" })).toEqual({
        messages: [{ role: "user", content: { type: "text", text: "Review for style: x = 1" } }]
      })
      const many = yield* client.getPrompt("conversation", { count: "2" })
      expect(many.messages.map((m) => m.role)).toEqual(["user", "assistant"])
    }).pipe(Effect.provide(Template)))

  it.scoped("missing or invalid arguments, and unknown prompts, get -32602", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const missing = yield* Effect.flip(client.getPrompt("review", {}))
      expect(missing.code).toBe(JsonRpc.INVALID_PARAMS)
      expect(missing.message).toContain("code")
      expect((yield* Effect.flip(client.getPrompt("conversation", { count: "many" }))).code).toBe(
        JsonRpc.INVALID_PARAMS
      )
      expect((yield* Effect.flip(client.getPrompt("nope"))).code).toBe(JsonRpc.INVALID_PARAMS)
    }).pipe(Effect.provide(Template)))

  it.scoped("a handler's failure is -32603 with its message", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const error = yield* Effect.flip(client.getPrompt("failing"))
      expect(error.code).toBe(JsonRpc.INTERNAL_ERROR)
      expect(error.message).toBe("template missing")
    }).pipe(Effect.provide(Template)))
})

describe("resources", () => {
  it.scoped("are listed, with what templates list after the fixed ones", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const { resources } = yield* client.listResources()
      expect(resources.map((r) => r.uri)).toEqual(["docs://readme", "images://logo", "users://1/profile"])
      const { resourceTemplates } = yield* client.listResourceTemplates()
      expect(resourceTemplates).toEqual([
        {
          uriTemplate: "users://{id}/profile",
          name: "user-profile",
          description: "A user's profile",
          mimeType: "application/json"
        },
        { uriTemplate: "file:///{+path}", name: "file" }
      ])
    }).pipe(Effect.provide(Template)))

  it.scoped("reads text and blob resources", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      expect(yield* client.readResource("docs://readme")).toEqual({
        contents: [{ uri: "docs://readme", mimeType: "text/markdown", text: "# Hello" }]
      })
      expect(yield* client.readResource("images://logo")).toEqual({
        contents: [{ uri: "images://logo", mimeType: "image/png", blob: "iVBORw==" }]
      })
    }).pipe(Effect.provide(Template)))

  it.scoped("reads through a template, with its variables decoded", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      expect(yield* client.readResource("users://42/profile")).toEqual({
        contents: [{
          uri: "users://42/profile",
          mimeType: "application/json",
          text: JSON.stringify({ id: 42, uri: "users://42/profile" })
        }]
      })
      const nested = yield* client.readResource("file:///src/index.ts")
      expect(nested.contents[0]).toMatchObject({ text: "contents of src/index.ts" })
    }).pipe(Effect.provide(Template)))

  it.scoped("an unknown URI gets -32002; variables the template rejects get -32602", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const unknown = yield* Effect.flip(client.readResource("nothing://here"))
      expect(unknown.code).toBe(JsonRpc.RESOURCE_NOT_FOUND)
      expect(unknown.data).toEqual({ uri: "nothing://here" })
      expect((yield* Effect.flip(client.readResource("users://abc/profile"))).code).toBe(JsonRpc.INVALID_PARAMS)
      expect((yield* Effect.flip(client.readResource("file:///missing"))).code).toBe(JsonRpc.RESOURCE_NOT_FOUND)
    }).pipe(Effect.provide(Template)))

  it("an invalid URI template is refused when the resource is defined", () => {
    expect(() =>
      McpResource.template("bad://{unclosed", {
        name: "bad",
        params: Schema.Struct({}),
        handler: () => Effect.succeed("")
      })
    ).toThrow()
  })
})
