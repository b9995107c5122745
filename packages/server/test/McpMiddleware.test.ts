import { describe, expect, it } from "@effect/vitest"
import { JsonRpc, McpMiddleware, McpPrompt, McpRequest, McpSession, McpTestClient, McpTool } from "@mcp-effect/server"
import { Context, Effect, Layer, pipe, Schema } from "effect"

class CurrentUser extends Context.Tag("test/CurrentUser")<CurrentUser, { readonly name: string }>() {}
class Directory extends Context.Tag("test/Directory")<Directory, {
  readonly lookup: (token: string) => Effect.Effect<string | undefined>
}>() {}

// The user named by the token in the request's _meta, looked up in a service the middleware itself needs.
const Authenticated = McpMiddleware.provides(
  CurrentUser,
  Effect.gen(function*() {
    const request = yield* McpRequest.McpRequest
    const directory = yield* Directory
    const token = request.meta?.token
    const name = typeof token === "string" ? yield* directory.lookup(token) : undefined
    return name === undefined
      ? yield* Effect.fail(JsonRpc.McpError.invalidRequest("Who are you?"))
      : { name }
  })
)

const whoami = McpTool.make("whoami", {
  input: Schema.Struct({ greeting: Schema.String }),
  handler: ({ greeting }) => Effect.map(CurrentUser, (user) => `${greeting}, ${user.name}`)
})

// The types show it: the tool required CurrentUser; with the middleware it requires what the middleware needs.
const guarded: McpTool.McpTool<Directory | McpRequest.McpRequest> = pipe(whoami, McpTool.middleware(Authenticated))
// @ts-expect-error a tool still requiring CurrentUser is not one a session can run with only the Directory
const _unguarded: McpTool.McpTool<Directory | McpRequest.McpRequest> = whoami

const hello = McpPrompt.middleware(
  McpPrompt.make("hello", {
    args: Schema.Struct({}),
    handler: () => Effect.map(CurrentUser, (user) => `Say hello to ${user.name}`)
  }),
  Authenticated
)

const DirectoryTest = Layer.succeed(Directory, {
  lookup: (token) => Effect.succeed(token === "t-ada" ? "Ada" : undefined)
})

const Template = McpSession.layerTemplate({ name: "middleware", version: "1" }).pipe(
  McpSession.withTools(guarded),
  McpSession.withPrompts(hello),
  Layer.provide(DirectoryTest)
)

describe("McpMiddleware.provides", () => {
  it.scoped("hands the tool's handler the service it makes for each request", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const result = yield* client.request("tools/call", {
        name: "whoami",
        arguments: { greeting: "Hi" },
        _meta: { token: "t-ada" }
      })
      expect(result).toEqual({ content: [{ type: "text", text: "Hi, Ada" }] })
    }).pipe(Effect.provide(Template)))

  it.scoped("answers with the middleware's error, before the arguments are even decoded", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const error = yield* Effect.flip(
        client.request("tools/call", { name: "whoami", arguments: {}, _meta: { token: "nope" } })
      )
      expect(error).toMatchObject({ code: JsonRpc.INVALID_REQUEST, message: "Who are you?" })
    }).pipe(Effect.provide(Template)))

  it.scoped("works for prompts too", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const result = yield* client.request("prompts/get", { name: "hello", _meta: { token: "t-ada" } })
      expect(result).toMatchObject({
        messages: [{ role: "user", content: { type: "text", text: "Say hello to Ada" } }]
      })
    }).pipe(Effect.provide(Template)))
})
