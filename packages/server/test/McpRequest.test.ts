import { describe, expect, it } from "@effect/vitest"
import {
  JsonRpc,
  McpPrompt,
  McpRequest,
  McpResource,
  type McpSchema,
  McpSession,
  McpTestClient,
  McpTool
} from "@mcp-effect/server"
import { Deferred, Effect, Fiber, Option, Queue, Ref, Schema, Stream, TestClock } from "effect"

const text = (result: McpSchema.CallToolResult) => result.content.map((c) => (c.type === "text" ? c.text : "")).join("")

const counting = McpTool.make("count", {
  input: Schema.Struct({ to: Schema.Int }),
  handler: ({ to }) =>
    Effect.as(
      Effect.forEach(Array.from({ length: to }, (_, i) => i + 1), (i) =>
        McpRequest.progress(i, { total: to, message: `step ${i}` }), { discard: true }),
      "done"
    )
})

const chatty = McpTool.make("chatty", {
  input: Schema.Struct({}),
  handler: () =>
    Effect.gen(function*() {
      yield* Effect.logDebug("debug line")
      yield* Effect.logInfo("info line")
      yield* Effect.logWarning("warning line").pipe(Effect.annotateLogs("logger", "chatty"))
      yield* McpRequest.log("error", { detail: "explicit" }, "explicit")
      return "logged"
    })
})

const askModel = McpTool.make("ask_model", {
  input: Schema.Struct({ question: Schema.String }),
  handler: ({ question }) =>
    Effect.map(
      McpRequest.sample({
        messages: [{ role: "user", content: { type: "text", text: question } }],
        maxTokens: 100
      }),
      (result) =>
        `${result.model}: ${"type" in result.content && result.content.type === "text" ? result.content.text : "?"}`
    )
})

const askName = McpTool.make("ask_name", {
  input: Schema.Struct({}),
  handler: () =>
    Effect.map(
      McpRequest.elicit("Who are you?", Schema.Struct({ name: Schema.String, age: Schema.Number })),
      (answer) => answer.action === "accept" ? `hello ${answer.content.name} (${answer.content.age})` : answer.action
    )
})

const askUrl = McpTool.make("ask_url", {
  input: Schema.Struct({}),
  handler: () => McpRequest.elicitUrl({ message: "Log in", url: "https://example.com/login", elicitationId: "e-1" })
})

const listRoots = McpTool.make("list_roots", {
  input: Schema.Struct({}),
  handler: () => Effect.map(McpRequest.roots, (roots) => roots.map((r) => r.uri).join(","))
})

const pingClient = McpTool.make("ping_client", {
  input: Schema.Struct({}),
  handler: () => Effect.as(McpRequest.ping, "pong")
})

/** Progress and a log line per step, with a scheduling gap before each, then the result. */
const countdown = McpTool.make("countdown", {
  input: Schema.Struct({ from: Schema.Int }),
  handler: ({ from }) =>
    Effect.gen(function*() {
      for (let step = 1; step <= from; step++) {
        yield* Effect.yieldNow()
        yield* McpRequest.progress(step, { total: from })
        yield* Effect.logWarning(`countdown at ${from - step}`)
      }
      return "Liftoff!"
    })
})

const Template = McpSession.layerTemplate({ name: "context", version: "1" }).pipe(
  McpSession.withTools(counting, chatty, countdown, askModel, askName, askUrl, listRoots, pingClient)
)

const withCapabilities = (capabilities: Record<string, unknown>) => McpTestClient.connect({ capabilities })

describe("McpRequest", () => {
  describe("progress", () => {
    it.scoped("is sent in order, before the result, when the client gave a progress token", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const result = yield* client.request("tools/call", {
          name: "count",
          arguments: { to: 3 },
          _meta: { progressToken: 42 }
        })
        expect(result).toEqual({ content: [{ type: "text", text: "done" }] })
        const notes = yield* Effect.all([client.nextMessage, client.nextMessage, client.nextMessage])
        expect(notes).toEqual([1, 2, 3].map((i) => ({
          jsonrpc: "2.0",
          method: "notifications/progress",
          params: { progressToken: 42, progress: i, total: 3, message: `step ${i}` }
        })))
      }).pipe(Effect.provide(Template)))

    it.scoped("is a no-op without a progress token", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.callTool("count", { to: 3 })
        expect(yield* client.messages.size).toBe(0)
      }).pipe(Effect.provide(Template)))
  })

  describe("logging", () => {
    it.scoped("sends Effect.log lines and explicit logs at or above the client's level", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.setLogLevel("warning")
        yield* client.callTool("chatty")
        const first = yield* client.nextNotification("notifications/message")
        const second = yield* client.nextNotification("notifications/message")
        const messages = [first.params, second.params]
        expect(messages).toContainEqual({ level: "warning", data: "warning line", logger: "chatty" })
        expect(messages).toContainEqual({ level: "error", data: { detail: "explicit" }, logger: "explicit" })
        yield* client.ping
        expect(yield* client.messages.size).toBe(0)
      }).pipe(Effect.provide(Template)))

    it.scoped("sends a request's log lines before its response", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.setLogLevel("warning")
        // Sent raw, so the response arrives in the message queue, in order with the notifications.
        yield* client.send(JsonRpc.request("raw", "tools/call", { name: "chatty", arguments: {} }))
        const arrived = [yield* client.nextMessage, yield* client.nextMessage, yield* client.nextMessage]
        expect(arrived.map((m) => "method" in m ? m.method : `response ${"id" in m ? String(m.id) : ""}`)).toEqual([
          "notifications/message",
          "notifications/message",
          "response raw"
        ])
      }).pipe(Effect.provide(Template)))

    it.scoped("interleaves a request's log lines with its progress, in the order it made them", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.setLogLevel("info")
        yield* client.send(JsonRpc.request("c", "tools/call", {
          name: "countdown",
          arguments: { from: 3 },
          _meta: { progressToken: "t" }
        }))
        const seen: Array<string> = []
        while (seen.at(-1) !== "result") {
          const message = yield* client.nextMessage
          const params = "params" in message && typeof message.params === "object" ? message.params : undefined
          seen.push(
            "method" in message && message.method === "notifications/progress"
              ? `progress ${String(params?.progress)}`
              : "method" in message && message.method === "notifications/message"
              ? `log ${String(params?.data)}`
              : "result"
          )
        }
        expect(seen).toEqual([
          "progress 1",
          "log countdown at 2",
          "progress 2",
          "log countdown at 1",
          "progress 3",
          "log countdown at 0",
          "result"
        ])
      }).pipe(Effect.provide(Template)))

    it.scoped("forwards no Effect.log line to a client that set no level", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.callTool("chatty")
        const only = yield* client.nextNotification("notifications/message")
        expect(only.params).toMatchObject({ level: "error", logger: "explicit" })
        expect(yield* client.messages.size).toBe(0)
      }).pipe(Effect.provide(Template)))
  })

  describe("sampling", () => {
    it.scoped("round-trips a sampling request through the client", () =>
      Effect.gen(function*() {
        const client = yield* withCapabilities({ sampling: {} })
        const call = yield* Effect.fork(client.callTool("ask_model", { question: "2+2?" }))
        const request = yield* client.nextRequest("sampling/createMessage")
        expect(request.params).toMatchObject({
          maxTokens: 100,
          messages: [{ role: "user", content: { type: "text", text: "2+2?" } }]
        })
        yield* client.reply(request.id, {
          role: "assistant",
          content: { type: "text", text: "4" },
          model: "test-model",
          stopReason: "endTurn"
        })
        expect(text(yield* Fiber.join(call))).toBe("test-model: 4")
      }).pipe(Effect.provide(Template)))

    it.scoped("fails with a typed error (an isError result) when the client lacks the capability", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const result = yield* client.callTool("ask_model", { question: "?" })
        expect(result.isError).toBe(true)
        expect(text(result)).toContain("sampling")
      }).pipe(Effect.provide(Template)))

    it.scoped("fails with the client's error when the client refuses", () =>
      Effect.gen(function*() {
        const client = yield* withCapabilities({ sampling: {} })
        const call = yield* Effect.fork(client.callTool("ask_model", { question: "?" }))
        const request = yield* client.nextRequest("sampling/createMessage")
        yield* client.replyError(request.id, JsonRpc.McpError.invalidRequest("User rejected sampling"))
        const result = yield* Fiber.join(call)
        expect(result.isError).toBe(true)
        expect(text(result)).toBe("User rejected sampling")
      }).pipe(Effect.provide(Template)))

    it.scoped("times out, and cancels the request, when the client never answers", () =>
      Effect.gen(function*() {
        const client = yield* withCapabilities({ sampling: {} })
        const call = yield* Effect.fork(client.callTool("ask_model", { question: "?" }))
        const request = yield* client.nextRequest("sampling/createMessage")
        yield* TestClock.adjust("61 seconds")
        const result = yield* Fiber.join(call)
        expect(result.isError).toBe(true)
        expect(text(result)).toContain("in time")
        expect((yield* client.nextNotification("notifications/cancelled")).params).toEqual({
          requestId: request.id,
          reason: "timeout"
        })
      }).pipe(Effect.provide(Template)))
  })

  describe("elicitation", () => {
    it.scoped("sends a form built from the Schema and decodes an accepted answer", () =>
      Effect.gen(function*() {
        const client = yield* withCapabilities({ elicitation: {} })
        const call = yield* Effect.fork(client.callTool("ask_name"))
        const request = yield* client.nextRequest("elicitation/create")
        expect(request.params).toEqual({
          message: "Who are you?",
          requestedSchema: {
            type: "object",
            required: ["name", "age"],
            properties: { name: { type: "string" }, age: { type: "number" } }
          }
        })
        yield* client.reply(request.id, { action: "accept", content: { name: "Ada", age: 36 } })
        expect(text(yield* Fiber.join(call))).toBe("hello Ada (36)")
      }).pipe(Effect.provide(Template)))

    it.scoped("writes out referenced definitions: forms are flat, with no $ref", () =>
      Effect.gen(function*() {
        const askAge = McpTool.make("ask_age", {
          input: Schema.Struct({}),
          handler: () =>
            Effect.map(
              McpRequest.elicit(
                "How old?",
                Schema.Struct({ age: Schema.Int.annotations({ title: "Age" }), name: Schema.NonEmptyString })
              ),
              (answer) => answer.action === "accept" ? `${answer.content.name} is ${answer.content.age}` : answer.action
            )
        })
        const client = yield* withCapabilities({ elicitation: {} })
        yield* client.session.addTools(askAge)
        yield* client.nextNotification("notifications/tools/list_changed")
        const call = yield* Effect.fork(client.callTool("ask_age"))
        const request = yield* client.nextRequest("elicitation/create")
        expect(JSON.stringify(request.params)).not.toContain("$ref")
        expect(request.params?.requestedSchema).toMatchObject({
          properties: { age: { type: "integer", title: "Age" }, name: { type: "string", minLength: 1 } }
        })
        yield* client.reply(request.id, { action: "accept", content: { age: 36, name: "Ada" } })
        expect(text(yield* Fiber.join(call))).toBe("Ada is 36")
      }).pipe(Effect.provide(Template)))

    it.scoped.each(["decline", "cancel"] as const)("reports a %sd elicitation", (action) =>
      Effect.gen(function*() {
        const client = yield* withCapabilities({ elicitation: { form: {} } })
        const call = yield* Effect.fork(client.callTool("ask_name"))
        const request = yield* client.nextRequest("elicitation/create")
        yield* client.reply(request.id, { action })
        expect(text(yield* Fiber.join(call))).toBe(action)
      }).pipe(Effect.provide(Template)))

    it.scoped("rejects an accepted answer that does not fit the form", () =>
      Effect.gen(function*() {
        const client = yield* withCapabilities({ elicitation: {} })
        const call = yield* Effect.fork(client.callTool("ask_name"))
        const request = yield* client.nextRequest("elicitation/create")
        yield* client.reply(request.id, { action: "accept", content: { name: "Ada" } })
        const result = yield* Fiber.join(call)
        expect(result.isError).toBe(true)
        expect(text(result)).toContain("does not fit")
      }).pipe(Effect.provide(Template)))

    it.scoped("URL mode needs the client's url capability", () =>
      Effect.gen(function*() {
        const formOnly = yield* withCapabilities({ elicitation: {} })
        expect((yield* formOnly.callTool("ask_url")).isError).toBe(true)
        const client = yield* withCapabilities({ elicitation: { url: {} } })
        const call = yield* Effect.fork(client.callTool("ask_url"))
        const request = yield* client.nextRequest("elicitation/create")
        expect(request.params).toMatchObject({ mode: "url", url: "https://example.com/login", elicitationId: "e-1" })
        yield* client.reply(request.id, { action: "accept" })
        expect(text(yield* Fiber.join(call))).toBe("accept")
        yield* McpRequest.completeElicitation(client.session, "e-1")
        expect((yield* client.nextNotification("notifications/elicitation/complete")).params).toEqual({
          elicitationId: "e-1"
        })
      }).pipe(Effect.provide(Template)))

    it.scoped("a handler can answer -32042: a URL-mode elicitation is required first", () =>
      Effect.gen(function*() {
        const needsLogin = McpTool.make("needs_login", {
          input: Schema.Struct({}),
          handler: () =>
            Effect.fail(JsonRpc.McpError.urlElicitationRequired([
              { elicitationId: "e-2", url: "https://example.com/oauth", message: "Authorize access" }
            ]))
        })
        const client = yield* McpTestClient.connect()
        yield* client.session.addTools(needsLogin)
        const error = yield* Effect.flip(client.callTool("needs_login"))
        expect(error.code).toBe(-32042)
        expect(error.data).toEqual({
          elicitations: [{
            mode: "url",
            elicitationId: "e-2",
            url: "https://example.com/oauth",
            message: "Authorize access"
          }]
        })
      }).pipe(Effect.provide(Template)))
  })

  describe("roots", () => {
    it.scoped("lists roots once, until the client says they changed, and runs the roots-changed callbacks", () =>
      Effect.gen(function*() {
        const changed = yield* Ref.make(0)
        const template = yield* McpSession.Template
        yield* template.onRootsChanged(() => Ref.update(changed, (n) => n + 1))
        const client = yield* withCapabilities({ roots: { listChanged: true } })

        const answer = (uris: ReadonlyArray<string>) =>
          Effect.flatMap(
            client.nextRequest("roots/list"),
            (request) => client.reply(request.id, { roots: uris.map((uri) => ({ uri, name: uri })) })
          )

        const first = yield* Effect.fork(client.callTool("list_roots"))
        yield* answer(["file:///a"])
        expect(text(yield* Fiber.join(first))).toBe("file:///a")
        // Cached: no second roots/list.
        expect(text(yield* client.callTool("list_roots"))).toBe("file:///a")

        yield* client.notify("notifications/roots/list_changed")
        yield* client.ping
        yield* Effect.repeat(Ref.get(changed), { until: (n) => n === 1 })
        const second = yield* Effect.fork(client.callTool("list_roots"))
        yield* answer(["file:///b", "file:///c"])
        expect(text(yield* Fiber.join(second))).toBe("file:///b,file:///c")
      }).pipe(Effect.provide(Template)))
  })

  describe("server-to-client requests", () => {
    it.scoped("ping the client", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const call = yield* Effect.fork(client.callTool("ping_client"))
        const request = yield* client.nextRequest("ping")
        yield* client.reply(request.id, {})
        expect(text(yield* Fiber.join(call))).toBe("pong")
      }).pipe(Effect.provide(Template)))

    it.scoped("receive the client's progress", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const seen = yield* Ref.make<ReadonlyArray<number>>([])
        const asking = yield* Effect.fork(
          client.session.request("ping", undefined, Schema.Unknown, {
            onProgress: (p) => Ref.update(seen, (all) => [...all, p.progress])
          })
        )
        const request = yield* client.nextRequest("ping")
        const token = JSON.stringify(request.params?._meta)
        expect(token).toContain("progressToken")
        const progressToken = request.params?._meta !== undefined &&
            typeof request.params._meta === "object" && request.params._meta !== null &&
            "progressToken" in request.params._meta
          ? request.params._meta.progressToken
          : undefined
        yield* client.notify("notifications/progress", { progressToken, progress: 1 })
        yield* client.notify("notifications/progress", { progressToken, progress: 2 })
        yield* client.reply(request.id, {})
        yield* Fiber.join(asking)
        expect(yield* Ref.get(seen)).toEqual([1, 2])
      }).pipe(Effect.provide(Template)))

    it.scoped("fail as Disconnected when the conversation ends", () =>
      Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        const asking = yield* Effect.fork(client.session.request("ping", undefined, Schema.Unknown))
        yield* client.nextRequest("ping")
        yield* client.close
        const error = yield* Effect.flip(Fiber.join(asking))
        expect(error.reason).toBe("Disconnected")
      }).pipe(Effect.provide(Template)))
  })
})

describe("request timeout", () => {
  it.scoped("answers -32603 and interrupts the handler when a request runs too long", () =>
    Effect.gen(function*() {
      const interrupted = yield* Deferred.make<void>()
      const slow = McpTool.make("slow", {
        input: Schema.Struct({}),
        handler: () => Effect.never.pipe(Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined)))
      })
      const client = yield* McpTestClient.connect().pipe(
        Effect.provide(
          McpSession.layerTemplate({ name: "t", version: "1" }, { requestTimeout: "5 seconds" }).pipe(
            McpSession.withTools(slow)
          )
        )
      )
      const call = yield* Effect.fork(Effect.flip(client.callTool("slow")))
      yield* TestClock.adjust("6 seconds")
      const error = yield* Fiber.join(call)
      expect(error.code).toBe(JsonRpc.INTERNAL_ERROR)
      expect(error.message).toContain("timed out")
      yield* Deferred.await(interrupted)
    }))
})

describe("resource subscriptions", () => {
  it.scoped("subscribe starts a watcher; its changes reach the subscriber; unsubscribe stops it", () =>
    Effect.gen(function*() {
      const changes = yield* Queue.unbounded<void>()
      const stopped = yield* Ref.make(0)
      const watched = McpResource.make("mem://counter", {
        name: "counter",
        handler: Effect.succeed("0"),
        watch: Stream.fromQueue(changes).pipe(Stream.ensuring(Ref.update(stopped, (n) => n + 1)))
      })
      const Watched = McpSession.layerTemplate({ name: "w", version: "1" }).pipe(McpSession.withResources(watched))
      const client = yield* McpTestClient.connect().pipe(Effect.provide(Watched))
      const bystander = yield* McpTestClient.connect().pipe(Effect.provide(Watched))

      const init = yield* McpTestClient.make.pipe(Effect.provide(Watched))
      expect((yield* init.initialize()).capabilities.resources).toEqual({ listChanged: true, subscribe: true })

      yield* client.request("resources/subscribe", { uri: "mem://counter" })
      yield* Queue.offer(changes, undefined)
      expect((yield* client.nextNotification("notifications/resources/updated")).params).toEqual({
        uri: "mem://counter"
      })
      // Explicit notifications reach subscribers only.
      yield* client.session.notifyResourceUpdated("mem://counter")
      yield* bystander.session.notifyResourceUpdated("mem://counter")
      expect(yield* client.nextNotification("notifications/resources/updated")).toBeDefined()
      yield* bystander.ping
      expect(yield* bystander.messages.size).toBe(0)

      yield* client.request("resources/unsubscribe", { uri: "mem://counter" })
      expect(yield* Ref.get(stopped)).toBe(1)
      expect((yield* Ref.get(client.session.watchers)).size).toBe(0)
    }))

  it.scoped("the end of the conversation stops every watcher", () =>
    Effect.gen(function*() {
      const stopped = yield* Deferred.make<void>()
      const watched = McpResource.template("mem://{name}", {
        name: "mem",
        params: Schema.Struct({ name: Schema.String }),
        handler: ({ name }) => Effect.succeed(name),
        watch: () => Stream.never.pipe(Stream.ensuring(Deferred.succeed(stopped, undefined)))
      })
      const client = yield* McpTestClient.connect().pipe(
        Effect.provide(McpSession.layerTemplate({ name: "w", version: "1" }).pipe(McpSession.withResources(watched)))
      )
      yield* client.request("resources/subscribe", { uri: "mem://x" })
      yield* client.close
      yield* Deferred.await(stopped)
    }))

  it.scoped("subscribing to an unknown resource is -32002; without watchers, subscribe is -32601", () =>
    Effect.gen(function*() {
      const plain = McpResource.make("mem://plain", { name: "plain", handler: Effect.succeed("") })
      const client = yield* McpTestClient.connect().pipe(
        Effect.provide(McpSession.layerTemplate({ name: "w", version: "1" }).pipe(McpSession.withResources(plain)))
      )
      expect((yield* Effect.flip(client.request("resources/subscribe", { uri: "mem://plain" }))).code).toBe(
        JsonRpc.METHOD_NOT_FOUND
      )
      const subscribable = yield* McpTestClient.connect().pipe(
        Effect.provide(
          McpSession.layerTemplate({ name: "w", version: "1" }, { capabilities: { subscribe: true } }).pipe(
            McpSession.withResources(plain)
          )
        )
      )
      expect((yield* Effect.flip(subscribable.request("resources/subscribe", { uri: "mem://nope" }))).code).toBe(
        JsonRpc.RESOURCE_NOT_FOUND
      )
      yield* subscribable.request("resources/subscribe", { uri: "mem://plain" })
      yield* subscribable.session.notifyResourceUpdated("mem://plain")
      expect(yield* subscribable.nextNotification("notifications/resources/updated")).toBeDefined()
    }))
})

describe("completion", () => {
  const languages = ["python", "pytorch", "rust", "ruby"]
  const codeReview = McpPrompt.make("code_review", {
    args: Schema.Struct({ language: Schema.String, framework: Schema.optional(Schema.String) }),
    handler: ({ language }) => Effect.succeed(`Review ${language}`),
    completions: {
      language: (value) => Effect.succeed(languages.filter((l) => l.startsWith(value))),
      framework: (value, context) =>
        Effect.succeed(
          (context.language === "python" ? ["django", "flask"] : ["rails"]).filter((f) => f.startsWith(value))
        )
    }
  })
  const repo = McpResource.template("github://repos/{owner}/{repo}", {
    name: "repo",
    params: Schema.Struct({ owner: Schema.String, repo: Schema.String }),
    handler: ({ repo }) => Effect.succeed(repo),
    completions: { repo: (value, context) => Effect.succeed([`${context.owner ?? "?"}-${value}-1`]) }
  })
  const Completing = McpSession.layerTemplate({ name: "c", version: "1" }).pipe(
    McpSession.withPrompts(codeReview),
    McpSession.withResources(repo)
  )

  it.scoped("completes prompt arguments and template variables, with the other arguments as context", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.make
      expect((yield* client.initialize()).capabilities.completions).toEqual({})
      yield* client.notify("notifications/initialized")
      expect(
        yield* client.request("completion/complete", {
          ref: { type: "ref/prompt", name: "code_review" },
          argument: { name: "language", value: "py" }
        })
      ).toEqual({ completion: { values: ["python", "pytorch"], total: 2, hasMore: false } })
      expect(
        yield* client.request("completion/complete", {
          ref: { type: "ref/prompt", name: "code_review" },
          argument: { name: "framework", value: "" },
          context: { arguments: { language: "python" } }
        })
      ).toEqual({ completion: { values: ["django", "flask"], total: 2, hasMore: false } })
      expect(
        yield* client.request("completion/complete", {
          ref: { type: "ref/resource", uri: "github://repos/{owner}/{repo}" },
          argument: { name: "repo", value: "ef" },
          context: { arguments: { owner: "effect" } }
        })
      ).toEqual({ completion: { values: ["effect-ef-1"], total: 1, hasMore: false } })
      // No completer: no values.
      expect(
        yield* client.request("completion/complete", {
          ref: { type: "ref/resource", uri: "github://repos/{owner}/{repo}" },
          argument: { name: "owner", value: "x" }
        })
      ).toEqual({ completion: { values: [], total: 0, hasMore: false } })
      expect(
        (yield* Effect.flip(client.request("completion/complete", {
          ref: { type: "ref/prompt", name: "nope" },
          argument: { name: "x", value: "" }
        }))).code
      ).toBe(JsonRpc.INVALID_PARAMS)
    }).pipe(Effect.provide(Completing)))
})

describe("session hooks", () => {
  it.scoped("run on start (after initialized) and at the end of the conversation", () =>
    Effect.gen(function*() {
      const events = yield* Ref.make<ReadonlyArray<string>>([])
      const template = yield* McpSession.Template
      yield* template.onStart((session) =>
        Effect.flatMap(Ref.get(session.client), (client) =>
          Ref.update(events, (all) => [...all, `start ${Option.getOrThrow(client).info.name}`]))
      )
      yield* template.onEnd(() =>
        Ref.update(events, (all) => [...all, "end"])
      )
      const client = yield* McpTestClient.make
      yield* client.initialize()
      yield* client.ping
      expect(yield* Ref.get(events)).toEqual([])
      yield* client.notify("notifications/initialized")
      yield* Effect.repeat(Ref.get(events), { until: (all) => all.length === 1 })
      yield* client.close
      yield* Effect.repeat(Ref.get(events), { until: (all) => all.length === 2 })
      expect(yield* Ref.get(events)).toEqual(["start mcp-effect-test-client", "end"])
    }).pipe(Effect.provide(Template)))
})
