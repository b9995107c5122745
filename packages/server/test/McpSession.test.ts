import { describe, expect, it } from "@effect/vitest"
import {
  McpMiddleware,
  McpPrompt,
  McpRequest,
  McpResource,
  McpSession,
  McpTestClient,
  McpTool
} from "@mcp-effect/server"
import { Context, Effect, Ref, Schema } from "effect"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"

// A forced garbage collection, to show what is no longer reachable.
setFlagsFromString("--expose-gc")
const collectGarbage: unknown = runInNewContext("gc")
const gc = Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 0))).pipe(
  Effect.zipRight(Effect.sync(() => typeof collectGarbage === "function" && collectGarbage()))
)

const tool = (name: string) => McpTool.make(name, { input: Schema.Struct({}), handler: () => Effect.succeed(name) })

const weather = tool("weather")
const calendar = tool("calendar")

const toolNames = (client: McpTestClient.McpTestClient) =>
  Effect.map(client.listTools(), ({ tools }) => tools.map((t) => t.name))

class UserId extends Context.Reference<UserId>()("test/UserId", { defaultValue: () => "anonymous" }) {}

const Template = McpSession.layerTemplate({ name: "sessions", version: "1" }).pipe(McpSession.withTools(tool("base")))

describe("McpSession", () => {
  it.live("a tool or middleware added from inside a handler keeps nothing of the request that added it", () =>
    Effect.gen(function*() {
      const requests: Array<WeakRef<object>> = []
      const passThrough: McpMiddleware.McpMiddleware<McpRequest.McpRequest> = (next) => next
      const unlock = McpTool.make("unlock", {
        input: Schema.Struct({}),
        handler: () =>
          Effect.gen(function*() {
            const request = yield* McpRequest.McpRequest
            requests.push(new WeakRef(request))
            yield* request.session.addTools(weather)
            yield* request.session.addMiddleware(passThrough)
            return "unlocked"
          })
      })
      const client = yield* McpTestClient.connect()
      yield* client.session.addTools(unlock)
      yield* client.callTool("unlock")
      expect((yield* client.callTool("weather")).content).toEqual([{ type: "text", text: "weather" }])
      yield* gc
      yield* gc
      expect(requests).toHaveLength(1)
      expect(requests[0].deref()).toBeUndefined()
    }).pipe(Effect.scoped, Effect.provide(Template)))

  it.scoped("isolation: a tool added to one live session is not seen by another", () =>
    Effect.gen(function*() {
      const one = yield* McpTestClient.connect()
      const two = yield* McpTestClient.connect()
      yield* one.session.addTools(weather)
      yield* two.session.addTools(calendar)
      expect(yield* toolNames(one)).toEqual(["base", "weather"])
      expect(yield* toolNames(two)).toEqual(["base", "calendar"])
      expect((yield* Effect.flip(two.callTool("weather"))).code).toBe(-32602)
    }).pipe(Effect.provide(Template)))

  it.scoped("changing the template affects only live sessions made afterwards", () =>
    Effect.gen(function*() {
      const template = yield* McpSession.Template
      const before = yield* McpTestClient.connect()
      yield* template.addTools(weather)
      const after = yield* McpTestClient.connect()
      expect(yield* toolNames(before)).toEqual(["base"])
      expect(yield* toolNames(after)).toEqual(["base", "weather"])
      // No client is told about a template change.
      yield* before.ping
      expect(yield* before.messages.size).toBe(0)
    }).pipe(Effect.provide(Template)))

  it.scoped("changing a live session never touches the template", () =>
    Effect.gen(function*() {
      const template = yield* McpSession.Template
      const client = yield* McpTestClient.connect()
      yield* client.session.addTools(weather)
      yield* client.session.removeTool("base")
      expect([...(yield* Ref.get(template.tools)).byKey.keys()]).toEqual(["base"])
    }).pipe(Effect.provide(Template)))

  it.scoped("live mutations send list_changed to their client once it is initialized", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.make
      // Before initialization nothing is sent.
      yield* client.session.addTools(weather)
      yield* client.initialize()
      yield* client.notify("notifications/initialized")
      yield* client.ping
      expect(yield* client.messages.size).toBe(0)

      yield* client.session.addTools(calendar)
      expect(yield* client.nextMessage).toEqual({ jsonrpc: "2.0", method: "notifications/tools/list_changed" })
      expect(yield* client.session.removeTool("calendar")).toBe(true)
      expect(yield* client.nextMessage).toEqual({ jsonrpc: "2.0", method: "notifications/tools/list_changed" })
      // Removing what is not there changes nothing and says nothing.
      expect(yield* client.session.removeTool("calendar")).toBe(false)

      yield* client.session.addPrompts(
        McpPrompt.make("p", { args: Schema.Struct({}), handler: () => Effect.succeed("hi") })
      )
      expect(yield* client.nextMessage).toEqual({ jsonrpc: "2.0", method: "notifications/prompts/list_changed" })
      yield* client.session.addResources(McpResource.make("mem://a", { name: "a", handler: Effect.succeed("a") }))
      expect(yield* client.nextMessage).toEqual({ jsonrpc: "2.0", method: "notifications/resources/list_changed" })
      expect(yield* client.session.removeResource("mem://a")).toBe(true)
      expect(yield* client.nextMessage).toEqual({ jsonrpc: "2.0", method: "notifications/resources/list_changed" })
      expect(yield* client.messages.size).toBe(0)
    }).pipe(Effect.provide(Template)))

  it.scoped("the manual approach: keep a handle on the live session and change it from outside any handler", () =>
    Effect.gen(function*() {
      const live = yield* McpSession.live
      const handle = yield* Ref.make(live)
      const client = yield* McpTestClient.makeWith(live)
      yield* client.initialize()
      yield* client.notify("notifications/initialized")
      yield* client.ping
      const session = yield* Ref.get(handle)
      yield* session.addTools(weather)
      expect(yield* client.nextNotification("notifications/tools/list_changed")).toBeDefined()
      expect(yield* toolNames(client)).toEqual(["base", "weather"])
    }).pipe(Effect.provide(Template)))

  it.scoped("user data is typed by Context.Reference keys, and copied from template to live", () =>
    Effect.gen(function*() {
      const template = yield* McpSession.Template
      expect(yield* template.get(UserId)).toBe("anonymous")
      yield* template.set(UserId, "template-user")
      const one = yield* McpSession.live
      const two = yield* McpSession.live
      yield* one.set(UserId, "ada")
      expect(yield* one.get(UserId)).toBe("ada")
      expect(yield* two.get(UserId)).toBe("template-user")
      expect(yield* template.get(UserId)).toBe("template-user")
    }).pipe(Effect.provide(Template)))

  it.scoped("capabilities follow what the live session has, or what the options force", () =>
    Effect.gen(function*() {
      const empty = yield* McpTestClient.make.pipe(
        Effect.provide(McpSession.layerTemplate({ name: "empty", version: "1" }))
      )
      expect((yield* empty.initialize()).capabilities).toEqual({ logging: {} })
      const forced = yield* McpTestClient.make.pipe(
        Effect.provide(McpSession.layerTemplate({ name: "forced", version: "1" }, {
          capabilities: { tools: true, prompts: true, resources: true }
        }))
      )
      expect((yield* forced.initialize()).capabilities).toEqual({
        logging: {},
        tools: { listChanged: true },
        prompts: { listChanged: true },
        resources: { listChanged: true }
      })
    }))
})
