import { describe, expect, it } from "@effect/vitest"
import { JsonRpc, McpMiddleware, McpPrompt, McpRequest, McpSession, McpTestClient, McpTool } from "@mcp-effect/server"
import { Data, Deferred, Effect, Fiber, Layer, Option, Queue, Ref, Schema } from "effect"

class Boom extends Data.TaggedError("Boom")<{ readonly message: string }> {}

const echo = McpTool.make("echo", {
  description: "Echoes",
  input: Schema.Struct({ text: Schema.String }),
  handler: ({ text }) => Effect.succeed(text)
})

const add = McpTool.make("add", {
  input: Schema.Struct({ a: Schema.Number, b: Schema.Number }),
  output: Schema.Struct({ sum: Schema.Number }),
  handler: ({ a, b }) => Effect.succeed({ sum: a + b })
})

const fails = McpTool.make("fails", {
  input: Schema.Struct({}),
  handler: () => Effect.fail(new Boom({ message: "the widget broke" }))
})

const protocolError = McpTool.make("protocol_error", {
  input: Schema.Struct({}),
  handler: () => Effect.fail(JsonRpc.McpError.invalidParams("no such widget"))
})

const defect = McpTool.make("defect", {
  input: Schema.Struct({}),
  handler: () => Effect.die(new Error("bug"))
})

const whoAmI = McpTool.make("who_am_i", {
  input: Schema.Struct({}),
  handler: () =>
    Effect.map(McpRequest.McpRequest, (request) =>
      JSON.stringify({
        client: request.clientInfo?.name,
        version: request.protocolVersion,
        progressToken: request.progressToken ?? null,
        method: request.method
      }))
})

const Template = McpSession.layerTemplate({
  name: "test-server",
  version: "1.2.3",
  title: "Test server",
  instructions: "Be nice"
}).pipe(McpSession.withTools(echo, add, fails, protocolError, defect, whoAmI))

const errorOf = <A, R>(effect: Effect.Effect<A, JsonRpc.McpError, R>) => Effect.flip(effect)

describe("McpServer", () => {
  describe("lifecycle", () => {
    it.scoped("initialize answers server info, instructions and the capabilities the session has", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.make
        const result = yield* client.initialize()
        expect(result.protocolVersion).toBe("2025-11-25")
        expect(result.serverInfo).toEqual({ name: "test-server", version: "1.2.3", title: "Test server" })
        expect(result.instructions).toBe("Be nice")
        expect(result.capabilities.tools).toEqual({ listChanged: true })
        expect(result.capabilities.logging).toEqual({})
        // No prompts or resources: not announced.
        expect(result.capabilities.prompts).toBeUndefined()
        expect(result.capabilities.resources).toBeUndefined()
      }).pipe(Effect.provide(Template)))

    it.scoped.each(["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"])(
      "answers a supported version (%s) with that version",
      (version) =>
        Effect.gen(function*() {
          const client = yield* McpTestClient.make
          const result = yield* client.initialize({ protocolVersion: version })
          expect(result.protocolVersion).toBe(version)
        }).pipe(Effect.provide(Template))
    )

    it.scoped("answers an unsupported version with the latest", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.make
        const result = yield* client.initialize({ protocolVersion: "1999-01-01" })
        expect(result.protocolVersion).toBe("2025-11-25")
      }).pipe(Effect.provide(Template)))

    it.scoped("serves ping before initialize and refuses everything else", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.make
        yield* client.ping
        const error = yield* errorOf(client.request("tools/list"))
        expect(error.code).toBe(JsonRpc.INVALID_REQUEST)
        expect(error.message).toMatch(/not initialized/)
        yield* client.initialize()
        expect((yield* client.listTools()).tools.length).toBeGreaterThan(0)
      }).pipe(Effect.provide(Template)))

    it.scoped("refuses a second initialize", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const error = yield* errorOf(client.initialize())
        expect(error.code).toBe(JsonRpc.INVALID_REQUEST)
      }).pipe(Effect.provide(Template)))

    it.scoped("refuses initialize with invalid params", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.make
        const error = yield* errorOf(client.request("initialize", { protocolVersion: 2025 }))
        expect(error.code).toBe(JsonRpc.INVALID_PARAMS)
        // The session is still uninitialized and can be initialized properly.
        yield* client.initialize()
      }).pipe(Effect.provide(Template)))
  })

  describe("tools", () => {
    it.scoped("lists tools with JSON Schema 2020-12 input schemas and output schemas", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const { tools } = yield* client.listTools()
        const byName = new Map(tools.map((t) => [t.name, t]))
        expect(byName.get("echo")?.description).toBe("Echoes")
        expect(byName.get("echo")?.inputSchema).toMatchObject({
          $schema: "https://json-schema.org/draft/2020-12/schema",
          type: "object",
          required: ["text"],
          properties: { text: { type: "string" } }
        })
        expect(byName.get("add")?.outputSchema).toMatchObject({
          type: "object",
          properties: { sum: { type: "number" } }
        })
      }).pipe(Effect.provide(Template)))

    const rawSchema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      $defs: { address: { type: "object", properties: { city: { type: "string" } } } },
      properties: { query: { type: "string", minLength: 1 }, address: { $ref: "#/$defs/address" } },
      required: ["query"],
      additionalProperties: false
    }

    it.scoped("lists a raw JSON Schema exactly as given, and passes the arguments as they came", () =>
      Effect.gen(function*() {
        const raw = McpTool.make("raw", {
          input: McpTool.jsonSchema(rawSchema),
          handler: (args) => Effect.succeed(JSON.stringify(args))
        })
        const client = yield* McpTestClient.connect()
        yield* client.session.addTools(raw)
        const { tools } = yield* client.listTools()
        expect(tools.find((t) => t.name === "raw")?.inputSchema).toEqual(rawSchema)
        expect((yield* client.callTool("raw", { query: "q", extra: 1 })).content).toEqual([
          { type: "text", text: "{\"query\":\"q\",\"extra\":1}" }
        ])
      }).pipe(Effect.provide(Template)))

    it.scoped("calls a tool with decoded arguments", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const result = yield* client.callTool("echo", { text: "hello" })
        expect(result).toEqual({ content: [{ type: "text", text: "hello" }] })
      }).pipe(Effect.provide(Template)))

    it.scoped("returns structured content and a text copy for tools with an output schema", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const result = yield* client.callTool("add", { a: 2, b: 3 })
        expect(result.structuredContent).toEqual({ sum: 5 })
        expect(result.content).toEqual([{ type: "text", text: "{\"sum\":5}" }])
        expect(result.isError).toBeUndefined()
      }).pipe(Effect.provide(Template)))

    it.scoped("answers invalid arguments with an isError result naming the problem", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const result = yield* client.callTool("add", { a: "two" })
        expect(result.isError).toBe(true)
        const text = result.content[0]?.type === "text" ? result.content[0].text : ""
        expect(text).toContain("Invalid arguments for tool \"add\"")
        expect(text).toMatch(/\["a"\]/)
        expect(text).toMatch(/\["b"\]/)
      }).pipe(Effect.provide(Template)))

    it.scoped("answers an unknown tool with -32602", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const error = yield* errorOf(client.callTool("nope"))
        expect(error.code).toBe(JsonRpc.INVALID_PARAMS)
        expect(error.message).toContain("nope")
      }).pipe(Effect.provide(Template)))

    it.scoped("turns a typed failure into an isError result with its message", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const result = yield* client.callTool("fails")
        expect(result).toEqual({ content: [{ type: "text", text: "the widget broke" }], isError: true })
      }).pipe(Effect.provide(Template)))

    it.scoped("answers a handler's McpError as that JSON-RPC error", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const error = yield* errorOf(client.callTool("protocol_error"))
        expect(error.code).toBe(JsonRpc.INVALID_PARAMS)
        expect(error.message).toBe("no such widget")
      }).pipe(Effect.provide(Template)))

    it.scoped("answers a defect with -32603 and keeps serving", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const error = yield* errorOf(client.callTool("defect"))
        expect(error.code).toBe(JsonRpc.INTERNAL_ERROR)
        expect(error.message).not.toContain("bug")
        expect((yield* client.callTool("echo", { text: "still here" })).content).toEqual([
          { type: "text", text: "still here" }
        ])
      }).pipe(Effect.provide(Template)))

    it.scoped("gives handlers the request context", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect({ protocolVersion: "2025-06-18" })
        const result = yield* client.request("tools/call", {
          name: "who_am_i",
          arguments: {},
          _meta: { progressToken: "tok-1" }
        })
        expect(result).toEqual({
          content: [{
            type: "text",
            text: JSON.stringify({
              client: "mcp-effect-test-client",
              version: "2025-06-18",
              progressToken: "tok-1",
              method: "tools/call"
            })
          }]
        })
      }).pipe(Effect.provide(Template)))
  })

  describe("concurrency and cancellation", () => {
    const gate = (started: Deferred.Deferred<void>, finalized: Ref.Ref<boolean>) =>
      McpTool.make("slow", {
        input: Schema.Struct({}),
        handler: () =>
          Deferred.succeed(started, undefined).pipe(
            Effect.zipRight(Effect.never),
            Effect.ensuring(Ref.set(finalized, true))
          )
      })

    it.scoped("a slow tool never blocks ping or other calls", () =>
      Effect.gen(function*() {
        const started = yield* Deferred.make<void>()
        const finalized = yield* Ref.make(false)
        const client = yield* McpTestClient.connect()
        yield* client.session.addTools(gate(started, finalized))
        yield* client.nextNotification("notifications/tools/list_changed")
        const slow = yield* Effect.fork(client.callTool("slow"))
        yield* Deferred.await(started)
        yield* client.ping
        expect((yield* client.callTool("echo", { text: "meanwhile" })).content).toEqual([
          { type: "text", text: "meanwhile" }
        ])
        yield* Fiber.interrupt(slow)
      }).pipe(Effect.provide(Template)))

    it.scoped("notifications/cancelled interrupts the request, runs its finalizers, and sends no response", () =>
      Effect.gen(function*() {
        const started = yield* Deferred.make<void>()
        const finalized = yield* Ref.make(false)
        const client = yield* McpTestClient.connect()
        yield* client.session.addTools(gate(started, finalized))
        yield* client.nextNotification("notifications/tools/list_changed")
        yield* client.send({ jsonrpc: "2.0", id: "slow-1", method: "tools/call", params: { name: "slow" } })
        yield* Deferred.await(started)
        yield* client.notify("notifications/cancelled", { requestId: "slow-1", reason: "user gave up" })
        yield* client.ping
        expect(yield* Ref.get(finalized)).toBe(true)
        // Only the ping's answer came back: nothing for the cancelled request.
        expect(yield* client.messages.size).toBe(0)
      }).pipe(Effect.provide(Template)))

    it.scoped("closing the connection interrupts requests in flight", () =>
      Effect.gen(function*() {
        const started = yield* Deferred.make<void>()
        const finalized = yield* Ref.make(false)
        const client = yield* McpTestClient.connect()
        yield* client.session.addTools(gate(started, finalized))
        yield* client.nextNotification("notifications/tools/list_changed")
        yield* client.send({ jsonrpc: "2.0", id: 99, method: "tools/call", params: { name: "slow" } })
        yield* Deferred.await(started)
        yield* client.close
        yield* Effect.repeat(Ref.get(finalized), { until: (done) => done })
        expect(yield* Ref.get(finalized)).toBe(true)
      }).pipe(Effect.provide(Template)))

    it.scoped("refuses a request whose id is already in flight", () =>
      Effect.gen(function*() {
        const started = yield* Deferred.make<void>()
        const finalized = yield* Ref.make(false)
        const client = yield* McpTestClient.connect()
        yield* client.session.addTools(gate(started, finalized))
        yield* client.nextNotification("notifications/tools/list_changed")
        yield* client.send({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "slow" } })
        yield* Deferred.await(started)
        yield* client.send({ jsonrpc: "2.0", id: 7, method: "ping" })
        expect(yield* client.nextMessage).toMatchObject({ id: 7, error: { code: JsonRpc.INVALID_REQUEST } })
        // The string "7" is another id.
        yield* client.send({ jsonrpc: "2.0", id: "7", method: "ping" })
        expect(yield* client.nextMessage).toEqual({ jsonrpc: "2.0", id: "7", result: {} })
      }).pipe(Effect.provide(Template)))
  })

  describe("every request is answered", () => {
    const interrupts = McpTool.make("interrupts", {
      input: Schema.Struct({}),
      handler: () => Effect.interrupt
    })
    const joinsInterrupted = McpTool.make("joins_interrupted", {
      input: Schema.Struct({}),
      handler: () =>
        Effect.gen(function*() {
          const child = yield* Effect.fork(Effect.never)
          yield* Fiber.interrupt(child)
          return yield* Fiber.join(child)
        })
    })
    const passThrough: McpMiddleware.McpMiddleware<McpRequest.McpRequest> = (next) => next

    it.scoped("a handler that interrupts itself gets -32603, and its id is free again", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.session.addTools(interrupts, joinsInterrupted)
        yield* client.nextNotification("notifications/tools/list_changed")
        yield* client.send({ jsonrpc: "2.0", id: 5, method: "tools/call", params: { name: "interrupts" } })
        expect(yield* client.nextMessage).toEqual({
          jsonrpc: "2.0",
          id: 5,
          error: { code: JsonRpc.INTERNAL_ERROR, message: "Internal error: the request was interrupted" }
        })
        yield* client.send({ jsonrpc: "2.0", id: 5, method: "ping" })
        expect(yield* client.nextMessage).toEqual({ jsonrpc: "2.0", id: 5, result: {} })
        expect((yield* errorOf(client.callTool("joins_interrupted"))).code).toBe(JsonRpc.INTERNAL_ERROR)
      }).pipe(Effect.provide(Template)))

    it.scoped("so does one running under middleware, a prompt, and a request in a batch", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect({ protocolVersion: "2025-03-26" })
        yield* client.session.addTools(interrupts)
        yield* client.session.addPrompts(McpPrompt.make("interrupted_prompt", {
          args: Schema.Struct({}),
          handler: () => Effect.interrupt
        }))
        yield* client.session.addMiddleware(passThrough)
        expect((yield* errorOf(client.callTool("interrupts"))).code).toBe(JsonRpc.INTERNAL_ERROR)
        expect((yield* errorOf(client.request("prompts/get", { name: "interrupted_prompt" }))).code).toBe(
          JsonRpc.INTERNAL_ERROR
        )
        yield* Queue.takeAll(client.messages)
        yield* client.send([
          { jsonrpc: "2.0", id: "a", method: "tools/call", params: { name: "interrupts" } },
          { jsonrpc: "2.0", id: "b", method: "ping" }
        ])
        expect(yield* client.nextMessage).toEqual([
          {
            jsonrpc: "2.0",
            id: "a",
            error: { code: JsonRpc.INTERNAL_ERROR, message: "Internal error: the request was interrupted" }
          },
          { jsonrpc: "2.0", id: "b", result: {} }
        ])
      }).pipe(Effect.provide(Template)))
  })

  describe("bad input", () => {
    it.scoped("malformed JSON gets -32700 with a null id", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.sendText("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ")
        expect(yield* client.nextMessage).toMatchObject({
          jsonrpc: "2.0",
          id: null,
          error: { code: JsonRpc.PARSE_ERROR }
        })
        yield* client.ping
      }).pipe(Effect.provide(Template)))

    it.scoped.each([
      ["a number", 42],
      ["a string", "hello"],
      ["null", null]
    ])("%s gets -32600 with a null id", (_, value) =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.send(value)
        expect(yield* client.nextMessage).toMatchObject({ id: null, error: { code: JsonRpc.INVALID_REQUEST } })
        yield* client.ping
      }).pipe(Effect.provide(Template)))

    it.scoped("a message without jsonrpc gets -32600 with its id", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.send({ id: 5, method: "ping" })
        expect(yield* client.nextMessage).toMatchObject({ id: 5, error: { code: JsonRpc.INVALID_REQUEST } })
      }).pipe(Effect.provide(Template)))

    it.scoped("a null id gets -32600", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.send({ jsonrpc: "2.0", id: null, method: "ping" })
        expect(yield* client.nextMessage).toMatchObject({ id: null, error: { code: JsonRpc.INVALID_REQUEST } })
      }).pipe(Effect.provide(Template)))

    it.scoped("non-object params get -32600", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.send({ jsonrpc: "2.0", id: 6, method: "tools/list", params: [1, 2] })
        expect(yield* client.nextMessage).toMatchObject({ id: 6, error: { code: JsonRpc.INVALID_REQUEST } })
      }).pipe(Effect.provide(Template)))

    it.scoped("an unknown method gets -32601", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const error = yield* errorOf(client.request("tools/frobnicate"))
        expect(error.code).toBe(JsonRpc.METHOD_NOT_FOUND)
        expect(error.message).toContain("tools/frobnicate")
      }).pipe(Effect.provide(Template)))

    it.scoped("invalid params get -32602", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const error = yield* errorOf(client.request("tools/call", { name: 5 }))
        expect(error.code).toBe(JsonRpc.INVALID_PARAMS)
        const level = yield* errorOf(client.request("logging/setLevel", { level: "loud" }))
        expect(level.code).toBe(JsonRpc.INVALID_PARAMS)
      }).pipe(Effect.provide(Template)))

    it.scoped("a stray response or unknown notification is ignored", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.send({ jsonrpc: "2.0", id: 1234, result: {} })
        yield* client.notify("notifications/something_new")
        yield* client.ping
        expect(yield* client.messages.size).toBe(0)
      }).pipe(Effect.provide(Template)))
  })

  describe("batches", () => {
    it.scoped("are answered as a batch under protocol 2025-03-26", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect({ protocolVersion: "2025-03-26" })
        yield* client.send([
          { jsonrpc: "2.0", id: 1, method: "ping" },
          { jsonrpc: "2.0", method: "notifications/something" },
          { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "echo", arguments: { text: "b" } } },
          { jsonrpc: "2.0", id: 3, method: "nope" }
        ])
        const answer = yield* client.nextMessage
        expect(answer).toEqual([
          { jsonrpc: "2.0", id: 1, result: {} },
          { jsonrpc: "2.0", id: 2, result: { content: [{ type: "text", text: "b" }] } },
          {
            jsonrpc: "2.0",
            id: 3,
            error: { code: JsonRpc.METHOD_NOT_FOUND, message: "Method not found: nope", data: { method: "nope" } }
          }
        ])
      }).pipe(Effect.provide(Template)))

    it.scoped.each(["2024-11-05", "2025-06-18", "2025-11-25"])(
      "are refused under protocol %s",
      (protocolVersion) =>
        Effect.gen(function*() {
          const client = yield* McpTestClient.connect({ protocolVersion })
          yield* client.send([{ jsonrpc: "2.0", id: 1, method: "ping" }])
          expect(yield* client.nextMessage).toMatchObject({ id: null, error: { code: JsonRpc.INVALID_REQUEST } })
        }).pipe(Effect.provide(Template))
    )

    it.scoped("an empty batch is refused", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect({ protocolVersion: "2025-03-26" })
        yield* client.send([])
        expect(yield* client.nextMessage).toMatchObject({ id: null, error: { code: JsonRpc.INVALID_REQUEST } })
      }).pipe(Effect.provide(Template)))
  })

  describe("pagination", () => {
    const many = Array.from(
      { length: 5 },
      (_, i) => McpTool.make(`tool_${i}`, { input: Schema.Struct({}), handler: () => Effect.succeed(`${i}`) })
    )
    const Paged = McpSession.layerTemplate({ name: "paged", version: "1" }, { pageSize: 2 }).pipe(
      McpSession.withTools(...many)
    )

    it.scoped("pages through tools with opaque cursors", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const names: Array<string> = []
        let cursor: string | undefined = undefined
        let pages = 0
        do {
          const page: { tools: ReadonlyArray<{ name: string }>; nextCursor?: string | undefined } = yield* client
            .listTools(cursor)
          names.push(...page.tools.map((t) => t.name))
          cursor = page.nextCursor
          pages++
        } while (cursor !== undefined)
        expect(pages).toBe(3)
        expect(names).toEqual(["tool_0", "tool_1", "tool_2", "tool_3", "tool_4"])
      }).pipe(Effect.provide(Paged)))

    it.scoped("refuses a forged cursor, or one of another list, with -32602", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        expect((yield* errorOf(client.listTools("not-a-cursor"))).code).toBe(JsonRpc.INVALID_PARAMS)
        const first = yield* client.listTools()
        expect(first.nextCursor).toBeDefined()
        expect((yield* errorOf(client.listPrompts(first.nextCursor))).code).toBe(JsonRpc.INVALID_PARAMS)
      }).pipe(Effect.provide(Paged)))
  })

  describe("middleware", () => {
    it.scoped("runs around every request on the template and may short-circuit", () =>
      Effect.gen(function*() {
        const seen = yield* Ref.make<ReadonlyArray<string>>([])
        const Guarded = Template.pipe(
          McpSession.withMiddleware((next) =>
            Effect.gen(function*() {
              const request = yield* McpRequest.McpRequest
              yield* Ref.update(seen, (all) => [...all, request.method])
              if (request.method === "tools/call" && request.meta?.token !== "secret") {
                return yield* JsonRpc.McpError.invalidRequest("Unauthorized")
              }
              return yield* next
            })
          )
        )
        const client = yield* McpTestClient.connect().pipe(Effect.provide(Guarded))
        const denied = yield* errorOf(client.callTool("echo", { text: "x" }))
        expect(denied.message).toBe("Unauthorized")
        const allowed = yield* client.request("tools/call", {
          name: "echo",
          arguments: { text: "x" },
          _meta: { token: "secret" }
        })
        expect(allowed).toEqual({ content: [{ type: "text", text: "x" }] })
        expect(yield* Ref.get(seen)).toEqual(["initialize", "ping", "tools/call", "tools/call"])
      }))

    it.scoped("installed on one live session, affects only that client", () =>
      Effect.gen(function*() {
        const guarded = yield* McpTestClient.connect()
        const open = yield* McpTestClient.connect()
        yield* guarded.session.addMiddleware(() => Effect.fail(JsonRpc.McpError.invalidRequest("closed")))
        expect((yield* errorOf(guarded.ping)).message).toBe("closed")
        yield* open.ping
      }).pipe(Effect.provide(Template)))
  })

  describe("logging/setLevel", () => {
    it.scoped("stores the level on the session", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.setLogLevel("warning")
        expect(yield* Ref.get(client.session.logLevel)).toEqual(Option.some("warning"))
      }).pipe(Effect.provide(Template)))
  })

  it.scoped("a template layer can require application services", () =>
    Effect.gen(function*() {
      class Greeter extends Effect.Tag("test/Greeter")<Greeter, { readonly greet: (name: string) => string }>() {}
      const greet = McpTool.make("greet", {
        input: Schema.Struct({ name: Schema.String }),
        handler: ({ name }) => Effect.map(Greeter, (g) => g.greet(name))
      })
      const WithService = McpSession.layerTemplate({ name: "greeter", version: "1" }).pipe(
        McpSession.withTools(greet),
        Layer.provide(Layer.succeed(Greeter, { greet: (name) => `Hej ${name}` }))
      )
      const client = yield* McpTestClient.connect().pipe(Effect.provide(WithService))
      expect((yield* client.callTool("greet", { name: "Ada" })).content).toEqual([{ type: "text", text: "Hej Ada" }])
    }))
})
