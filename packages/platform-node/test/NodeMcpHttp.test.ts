import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { describe, expect, it } from "@effect/vitest"
import type { McpSession } from "@mcp-effect/server"
import { McpTool } from "@mcp-effect/server"
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js"
import { CreateMessageRequestSchema, ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js"
import {
  Context,
  Deferred,
  Effect,
  Exit,
  Fiber,
  Layer,
  Logger,
  LogLevel,
  Option,
  Schema,
  Scope,
  TestClock
} from "effect"
import * as Http from "node:http"
import { EventStore, NodeMcpHttp } from "../src/index.js"
import * as Security from "../src/internal/httpSecurity.js"
import type { RawResponse } from "./fixtures/http-server.js"
import {
  initialize,
  initializeBody,
  makeProbe,
  messageOf,
  post,
  postHeaders,
  raw,
  serve,
  SseReader,
  template
} from "./fixtures/http-server.js"

/** Connects an official SDK client; it is closed with the scope. */
const connect = (url: string, headers: Record<string, string> = {}) =>
  Effect.gen(function*() {
    const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } })
    const client = new Client({ name: "sdk-test", version: "1.0.0" })
    yield* Effect.acquireRelease(
      Effect.promise(() => client.connect(transport)),
      () => Effect.promise(() => client.close())
    )
    return { client, transport }
  })

const textOf = (result: unknown): string => {
  const content = (typeof result === "object" && result !== null && "content" in result) ? result.content : undefined
  const first: unknown = Array.isArray(content) ? content[0] : undefined
  return typeof first === "object" && first !== null && "text" in first && typeof first.text === "string"
    ? first.text
    : ""
}

const errorCode = (json: unknown): unknown =>
  typeof json === "object" && json !== null && "error" in json && typeof json.error === "object" &&
    json.error !== null &&
    "code" in json.error
    ? json.error.code
    : undefined

describe("NodeMcpHttp", () => {
  it.scopedLive("serves the official SDK client: tools, list_changed on the GET stream, DELETE", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const sessions = new Map<string, McpSession.McpSession>()
      const { url } = yield* serve(probe, {
        onSession: (session, request) => Effect.sync(() => sessions.set(request.headers["x-user"] ?? "", session))
      })
      const { client, transport } = yield* connect(url, { "x-user": "alice" })

      const tools = yield* Effect.promise(() => client.listTools())
      expect(tools.tools.map((t) => t.name)).toEqual(["echo", "steps", "hang", "ask", "whoami"])
      const echoed = yield* Effect.promise(() => client.callTool({ name: "echo", arguments: { text: "hi" } }))
      expect(textOf(echoed)).toBe("hi")
      const who = yield* Effect.promise(() => client.callTool({ name: "whoami", arguments: {} }))
      expect(textOf(who)).toBe("alice")

      // A tool added to this client's live session: the client hears of it on its GET stream.
      const changed = yield* Deferred.make<void>()
      client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
        Deferred.unsafeDone(changed, Exit.void)
      })
      const live = sessions.get("alice")
      expect(live).toBeDefined()
      if (live === undefined) return
      yield* live.addTools(McpTool.make("extra", { input: Schema.Struct({}), handler: () => Effect.succeed("x") }))
      yield* Deferred.await(changed).pipe(Effect.timeout("5 seconds"))
      const after = yield* Effect.promise(() => client.listTools())
      expect(after.tools.map((t) => t.name)).toContain("extra")

      const sessionId = transport.sessionId
      expect(sessionId).toMatch(/^[0-9a-f]{32}$/)
      yield* Effect.promise(() => transport.terminateSession())
      const gone = yield* post(url, { jsonrpc: "2.0", id: 9, method: "ping" }, { "mcp-session-id": sessionId ?? "" })
      expect(gone.status).toBe(404)
      expect(errorCode(gone.json)).toBe(-32001)
    }))

  it.scopedLive("isolates 100 concurrent sessions, each with its own per-user tool", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe, {
        onSession: (session, request) => {
          const user = request.headers["x-user"] ?? "nobody"
          return session.addTools(
            McpTool.make(`mine_${user}`, { input: Schema.Struct({}), handler: () => Effect.succeed(`for ${user}`) })
          )
        }
      })
      const users = Array.from({ length: 100 }, (_, i) => `u${i}`)
      const results = yield* Effect.forEach(users, (user) =>
        Effect.gen(function*() {
          const { client } = yield* connect(url, { "x-user": user })
          const tools = yield* Effect.promise(() => client.listTools())
          const own = yield* Effect.promise(() => client.callTool({ name: `mine_${user}`, arguments: {} }))
          const who = yield* Effect.promise(() => client.callTool({ name: "whoami", arguments: {} }))
          const other = users[(users.indexOf(user) + 1) % users.length]
          const foreign = yield* Effect.promise(() =>
            client.callTool({ name: `mine_${other}`, arguments: {} }).then(
              (result) => `answered: ${textOf(result)}`,
              (error: unknown) => `refused: ${String(error)}`
            )
          )
          return { user, names: tools.tools.map((t) => t.name), own: textOf(own), who: textOf(who), foreign }
        }), { concurrency: "unbounded" })
      for (const { foreign, names, own, user, who } of results) {
        expect(names.filter((n) => n.startsWith("mine_"))).toEqual([`mine_${user}`])
        expect(own).toBe(`for ${user}`)
        expect(who).toBe(user)
        expect(foreign).toMatch(/^refused: .*Unknown tool/)
      }
    }), 20_000)

  it.scopedLive("answers with SSE when a request sends messages first, and resumes a broken stream", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe)
      const sessionId = yield* initialize(url)
      const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" }

      // The POST's SSE stream: a priming event, then the first two notifications; then the connection breaks.
      const abort = new AbortController()
      const response = yield* Effect.promise(() =>
        fetch(url, {
          method: "POST",
          headers: postHeaders(headers),
          body: JSON.stringify({
            jsonrpc: "2.0",
            id: 7,
            method: "tools/call",
            params: { name: "steps", arguments: {} }
          }),
          signal: abort.signal
        })
      )
      expect(response.status).toBe(200)
      expect(response.headers.get("content-type")).toBe("text/event-stream")
      const body = response.body
      if (body === null) return yield* Effect.die("no body")
      const [priming, one, two] = yield* Effect.promise(() => new SseReader(body).take(3))
      expect(priming.data).toBe("")
      expect(priming.id).toBeDefined()
      expect(messageOf(one)).toMatchObject({ method: "notifications/message", params: { data: "one" } })
      expect(messageOf(two)).toMatchObject({ method: "notifications/message", params: { data: "two" } })
      abort.abort()

      // Resuming after "one": "two" again, then what the tool sends once let go, through to its response.
      const resumed = yield* Effect.promise(() =>
        fetch(url, { headers: { ...headers, accept: "text/event-stream", "last-event-id": one.id ?? "" } })
      )
      expect(resumed.status).toBe(200)
      const resumedBody = resumed.body
      if (resumedBody === null) return yield* Effect.die("no body")
      const reader = new SseReader(resumedBody)
      const [again] = yield* Effect.promise(() => reader.take(1))
      expect(again).toEqual(two)
      yield* Deferred.succeed(probe.gate, undefined)
      const rest = yield* Effect.promise(() => reader.rest())
      expect(rest.map(messageOf)).toMatchObject([
        { method: "notifications/message", params: { data: "three" } },
        { id: 7, result: { content: [{ type: "text", text: "done" }] } }
      ])
      for (const event of [one, two, ...rest]) expect(event.id).toMatch(/\S/)

      // From the priming event, the whole stream is replayed, and ends: the request was answered.
      const replay = yield* raw(url, {
        headers: { ...headers, accept: "text/event-stream", "last-event-id": priming.id ?? "" }
      })
      const replayed = replay.text.split("\n\n").filter((block) => block.includes("data: {")).length
      expect(replayed).toBe(4)

      // Another session cannot resume this one's stream: it gets a fresh stream of its own, without the replay.
      const stranger = yield* initialize(url)
      const abortStranger = new AbortController()
      const foreign = yield* Effect.promise(() =>
        fetch(url, {
          headers: { "mcp-session-id": stranger, accept: "text/event-stream", "last-event-id": one.id ?? "" },
          signal: abortStranger.signal
        })
      )
      const foreignBody = foreign.body
      if (foreignBody === null) return yield* Effect.die("no body")
      const [first] = yield* Effect.promise(() => new SseReader(foreignBody).take(1))
      expect(first.data).toBe("")
      abortStranger.abort()
    }))

  it.scopedLive("carries a request to the client on the POST's SSE stream, and takes its answer by POST", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe)
      const transport = new StreamableHTTPClientTransport(new URL(url))
      const client = new Client({ name: "sampler", version: "1.0.0" }, { capabilities: { sampling: {} } })
      client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
        const content = request.params.messages[0]?.content
        const question = content !== undefined && !Array.isArray(content) && content.type === "text" ? content.text : ""
        return { role: "assistant", content: { type: "text", text: `${question}? 42` }, model: "test" }
      })
      yield* Effect.acquireRelease(
        Effect.promise(() => client.connect(transport)),
        () => Effect.promise(() => client.close())
      )
      const answer = yield* Effect.promise(() => client.callTool({ name: "ask", arguments: { question: "meaning" } }))
      expect(textOf(answer)).toBe("meaning? 42")
    }))

  it.scopedLive("mounts in an HttpRouter of one's own, and in an HttpLayerRouter app", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const listen = NodeHttpServer.layer(() => Http.createServer(), { port: 0, host: "127.0.0.1" })
      const urlOf = (context: Context.Context<HttpServer.HttpServer>) => {
        const address = Context.get(context, HttpServer.HttpServer).address
        return `http://127.0.0.1:${address._tag === "TcpAddress" ? address.port : 0}`
      }

      const mounted = yield* Layer.build(
        Layer.scopedDiscard(Effect.gen(function*() {
          const mcp = yield* NodeMcpHttp.make({ path: "/api/mcp" })
          yield* HttpServer.serveEffect(
            HttpRouter.empty.pipe(
              HttpRouter.get("/health", HttpServerResponse.text("ok")),
              HttpRouter.concat(mcp.router)
            )
          )
        })).pipe(Layer.provide(template(probe)), Layer.provideMerge(listen))
      )
      const base = urlOf(mounted)
      expect((yield* raw(`${base}/health`, {})).text).toBe("ok")
      const { client } = yield* connect(`${base}/api/mcp`)
      expect(textOf(yield* Effect.promise(() => client.callTool({ name: "echo", arguments: { text: "a" } })))).toBe("a")

      const layered = yield* Layer.build(
        HttpLayerRouter.serve(NodeMcpHttp.layerRouter()).pipe(
          Layer.provide(template(probe)),
          Layer.provideMerge(listen)
        )
      )
      const other = yield* connect(`${urlOf(layered)}/mcp`)
      expect(textOf(yield* Effect.promise(() => other.client.callTool({ name: "echo", arguments: { text: "b" } }))))
        .toBe("b")
    }).pipe(Logger.withMinimumLogLevel(LogLevel.Error)))

  it.scopedLive("answers plain JSON when the response comes first, and primes SSE only for 2025-11-25", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      yield* Deferred.succeed(probe.gate, undefined)
      const { url } = yield* serve(probe)
      const call = { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "steps", arguments: {} } }

      const old = yield* initialize(url, "2025-06-18")
      const ping = yield* post(url, { jsonrpc: "2.0", id: 1, method: "ping" }, { "mcp-session-id": old })
      expect(ping.status).toBe(200)
      expect(ping.headers.get("content-type")).toBe("application/json")
      expect(ping.json).toEqual({ jsonrpc: "2.0", id: 1, result: {} })
      const streamed = yield* post(url, call, { "mcp-session-id": old, "mcp-protocol-version": "2025-06-18" })
      expect(streamed.headers.get("content-type")).toBe("text/event-stream")
      expect(streamed.text.startsWith("id: ")).toBe(true)
      expect(streamed.text).not.toContain("data: \n")

      const latest = yield* initialize(url, "2025-11-25")
      const primed = yield* post(url, call, { "mcp-session-id": latest, "mcp-protocol-version": "2025-11-25" })
      expect(primed.text).toMatch(/^id: \S+\ndata: \n\n/)
    }))

  it.scopedLive("passes batches to the engine: answered together in 2025-03-26, refused after", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe)
      const batch = [{ jsonrpc: "2.0", id: 1, method: "ping" }, { jsonrpc: "2.0", id: 2, method: "tools/list" }]

      const old = yield* initialize(url, "2025-03-26")
      const answered = yield* post(url, batch, { "mcp-session-id": old })
      expect(answered.status).toBe(200)
      expect(Array.isArray(answered.json) ? answered.json.map((r: { id: unknown }) => r.id) : answered.json).toEqual([
        1,
        2
      ])

      const latest = yield* initialize(url, "2025-11-25")
      const refused = yield* post(url, batch, { "mcp-session-id": latest })
      expect(errorCode(refused.json)).toBe(-32600)
    }))

  it.scopedLive("refuses bad requests with the spec's status and a JSON-RPC error body", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { origin, url } = yield* serve(probe, { maxBodyBytes: 2_000 })
      const id = yield* initialize(url)
      const session = { "mcp-session-id": id }
      const ping = { jsonrpc: "2.0", id: 1, method: "ping" }
      const valid = post(url, ping, session)

      const cases: ReadonlyArray<readonly [string, Effect.Effect<RawResponse>, number, number]> = [
        [
          "wrong Accept",
          raw(url, {
            method: "POST",
            headers: { ...postHeaders(session), accept: "application/json" },
            body: JSON.stringify(ping)
          }),
          406,
          -32000
        ],
        [
          "GET without text/event-stream",
          raw(url, { headers: { ...session, accept: "application/json" } }),
          406,
          -32000
        ],
        ["missing session id", post(url, ping), 400, -32000],
        ["unknown session id", post(url, ping, { "mcp-session-id": "0".repeat(32) }), 404, -32001],
        ["bad protocol version", post(url, ping, { ...session, "mcp-protocol-version": "1999-01-01" }), 400, -32000],
        ["bad Origin", post(url, ping, { ...session, origin: "http://evil.example" }), 403, -32000],
        [
          "oversized body",
          raw(url, {
            method: "POST",
            headers: postHeaders(session),
            body: JSON.stringify({ ...ping, params: { pad: "x".repeat(3_000) } })
          }),
          413,
          -32000
        ],
        [
          "malformed JSON",
          raw(url, { method: "POST", headers: postHeaders(session), body: "{\"jsonrpc\": \"2.0\", " }),
          400,
          -32700
        ],
        [
          "wrong Content-Type",
          raw(url, {
            method: "POST",
            headers: { ...postHeaders(session), "content-type": "text/plain" },
            body: JSON.stringify(ping)
          }),
          415,
          -32000
        ],
        ["not JSON-RPC", post(url, { hello: "world" }, session), 400, -32600],
        ["PUT", raw(url, { method: "PUT", headers: postHeaders(session), body: "{}" }), 405, -32000]
      ]
      for (const [name, request, status, code] of cases) {
        const response = yield* request
        expect({ name, status: response.status }).toEqual({ name, status })
        expect(response.headers.get("content-type")).toBe("application/json")
        expect(response.json).toMatchObject({ jsonrpc: "2.0", id: null, error: { code } })
        const after = yield* valid
        expect({ name, after: after.json }).toEqual({ name, after: { jsonrpc: "2.0", id: 1, result: {} } })
      }

      const badHost = yield* hostRequest(origin, "evil.example:80")
      expect(badHost.status).toBe(403)
      expect(badHost.json).toMatchObject({ error: { code: -32000 } })
      const goodHost = yield* hostRequest(origin, "localhost:1234")
      expect(goodHost.status).toBe(404)
      expect((yield* valid).status).toBe(200)

      // A second standalone stream is a conflict.
      const abort = new AbortController()
      const first = yield* Effect.promise(() =>
        fetch(url, { headers: { ...session, accept: "text/event-stream" }, signal: abort.signal })
      )
      expect(first.status).toBe(200)
      const second = yield* raw(url, { headers: { ...session, accept: "text/event-stream" } })
      expect(second.status).toBe(409)
      expect(errorCode(second.json)).toBe(-32000)
      abort.abort()
      expect((yield* valid).status).toBe(200)
    }))

  it.scoped("closes and finalizes a session idle for longer than idleTimeout (TestClock)", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const ended = yield* Deferred.make<void>()
      const { url } = yield* serve(probe, {
        idleTimeout: "1 minute",
        onSession: (session) => session.onEnd(() => Deferred.succeed(ended, undefined))
      })
      const id = yield* initialize(url)
      const ping = post(url, { jsonrpc: "2.0", id: 1, method: "ping" }, { "mcp-session-id": id })

      yield* TestClock.adjust("50 seconds")
      expect((yield* ping).status).toBe(200)
      yield* TestClock.adjust("50 seconds")
      // Active 50 seconds ago: still there.
      expect((yield* ping).status).toBe(200)
      expect(yield* Deferred.isDone(ended)).toBe(false)

      yield* TestClock.adjust("61 seconds")
      yield* Deferred.await(ended)
      expect((yield* ping).status).toBe(404)
    }))

  it.scopedLive("refuses sessions beyond maxSessions with 503", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe, { maxSessions: 2 })
      const first = yield* initialize(url)
      yield* initialize(url)
      const refused = yield* post(url, initializeBody())
      expect(refused.status).toBe(503)
      expect(refused.json).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 } })
      expect(refused.headers.get("mcp-session-id")).toBeNull()

      const deleted = yield* raw(url, { method: "DELETE", headers: { "mcp-session-id": first } })
      expect(deleted.status).toBe(200)
      yield* initialize(url)
    }))

  it.scopedLive("an onSession defect fails that initialize with 500 and leaves no session", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe, {
        maxSessions: 1,
        onSession: (_, request) => request.headers["x-fail"] === undefined ? Effect.void : Effect.die("boom")
      })
      const failed = yield* post(url, initializeBody(), { "x-fail": "1" })
      expect(failed.status).toBe(500)
      expect(failed.json).toMatchObject({ jsonrpc: "2.0", error: { code: -32603 } })
      expect(failed.headers.get("mcp-session-id")).toBeNull()
      // The slot was given back.
      yield* initialize(url)
    }))

  it.scopedLive("DELETE interrupts the session's in-flight requests", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe)
      const id = yield* initialize(url)
      const pending = yield* Effect.fork(
        post(url, { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "hang", arguments: {} } }, {
          "mcp-session-id": id
        })
      )
      yield* Deferred.await(probe.hangStarted)
      const deleted = yield* raw(url, { method: "DELETE", headers: { "mcp-session-id": id } })
      expect(deleted.status).toBe(200)
      yield* Deferred.await(probe.hangInterrupted)
      const answer = yield* Fiber.join(pending)
      expect(answer.status).toBe(404)
      const again = yield* raw(url, { method: "DELETE", headers: { "mcp-session-id": id } })
      expect(again.status).toBe(404)
    }))

  it.scopedLive("a cancelled request's POST gets an empty stream, and its handler is interrupted", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe)
      const id = yield* initialize(url)
      const pending = yield* Effect.fork(
        post(url, { jsonrpc: "2.0", id: "h", method: "tools/call", params: { name: "hang", arguments: {} } }, {
          "mcp-session-id": id
        })
      )
      yield* Deferred.await(probe.hangStarted)
      const cancel = { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: "h" } }
      expect((yield* post(url, cancel, { "mcp-session-id": id })).status).toBe(202)
      yield* Deferred.await(probe.hangInterrupted)
      const answer = yield* Fiber.join(pending)
      expect(answer.status).toBe(200)
      expect(answer.headers.get("content-type")).toBe("text/event-stream")
      expect(answer.text).toBe("")
      expect((yield* post(url, { jsonrpc: "2.0", id: "h", method: "ping" }, { "mcp-session-id": id })).json).toEqual({
        jsonrpc: "2.0",
        id: "h",
        result: {}
      })
    }))

  it.scopedLive("shuts down gracefully: open streams end, requests are interrupted, the server closes", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const ended = yield* Deferred.make<void>()
      const scope = yield* Scope.make()
      const { url } = yield* serve(probe, {
        onSession: (session) => session.onEnd(() => Deferred.succeed(ended, undefined))
      }).pipe(
        Scope.extend(scope)
      )
      const id = yield* initialize(url)
      const stream = yield* Effect.promise(() =>
        fetch(url, { headers: { "mcp-session-id": id, accept: "text/event-stream" } })
      )
      const body = stream.body
      if (body === null) return yield* Effect.die("no body")
      const streamEnded = Effect.promise(() => new SseReader(body).rest())
      const pending = yield* Effect.fork(
        post(url, { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "hang", arguments: {} } }, {
          "mcp-session-id": id
        })
      )
      yield* Deferred.await(probe.hangStarted)
      yield* Scope.close(scope, Exit.void).pipe(Effect.timeout("5 seconds"))
      yield* Deferred.await(probe.hangInterrupted)
      yield* Deferred.await(ended)
      yield* streamEnded.pipe(Effect.timeout("5 seconds"))
      expect((yield* Fiber.join(pending)).status).toBe(503)
      const refused = yield* Effect.promise(() => fetch(url).then(() => "connected", () => "refused"))
      expect(refused).toBe("refused")
    }))

  it.scopedLive("stateless mode: every POST is its own session, no ids, GET is 405", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe, { stateless: true })
      const listed = yield* post(url, { jsonrpc: "2.0", id: 1, method: "tools/list" })
      expect(listed.status).toBe(200)
      expect(listed.headers.get("mcp-session-id")).toBeNull()
      expect(listed.json).toMatchObject({
        id: 1,
        result: { tools: [{ name: "echo" }, { name: "steps" }, { name: "hang" }, { name: "ask" }, { name: "whoami" }] }
      })
      const get = yield* raw(url, { headers: { accept: "text/event-stream" } })
      expect(get.status).toBe(405)

      const { client } = yield* connect(url, { "x-user": "sam" })
      const who = yield* Effect.promise(() => client.callTool({ name: "whoami", arguments: {} }))
      expect(textOf(who)).toBe("sam")
    }))

  it.scopedLive("serves the deprecated HTTP+SSE transport when asked", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { origin } = yield* serve(probe, { legacySse: true })
      const transport = new SSEClientTransport(new URL(`${origin}/sse`))
      const client = new Client({ name: "old", version: "1.0.0" })
      yield* Effect.acquireRelease(
        Effect.promise(() => client.connect(transport)),
        () => Effect.promise(() => client.close())
      )
      const tools = yield* Effect.promise(() => client.listTools())
      expect(tools.tools.map((t) => t.name)).toContain("echo")
      const echoed = yield* Effect.promise(() => client.callTool({ name: "echo", arguments: { text: "old" } }))
      expect(textOf(echoed)).toBe("old")
    }))
})

/** A request with a `Host` header of our choosing (fetch will not send one). */
const hostRequest = (origin: string, host: string): Effect.Effect<RawResponse> =>
  Effect.async<RawResponse>((resume) => {
    const target = new URL("/mcp", origin)
    const request = Http.request(target, {
      method: "POST",
      headers: { ...postHeaders({ "mcp-session-id": "nope" }), host }
    }, (response) => {
      let text = ""
      response.setEncoding("utf8")
      response.on("data", (chunk: string) => {
        text += chunk
      })
      response.on("end", () => {
        resume(Effect.succeed({
          status: response.statusCode ?? 0,
          headers: new Headers(),
          text,
          json: JSON.parse(text)
        }))
      })
    })
    request.end(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }))
  })

describe("EventStore.makeMemory", () => {
  const message = (n: number) => ({ jsonrpc: "2.0" as const, method: "notifications/message", params: { n } })
  const replay = (store: EventStore.EventStore, after: string) =>
    Effect.gen(function*() {
      const seen: Array<unknown> = []
      const stream = yield* store.replayAfter(after, (_, m) =>
        Effect.sync(() => {
          seen.push(m)
        }))
      return { stream, seen }
    })

  it.effect("replays a stream after a cursor, and refuses a cursor with evicted events after it", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.makeMemory({ capacity: 3 })
      const a1 = yield* store.append("a", null)
      yield* store.append("b", message(0))
      const a2 = yield* store.append("a", message(1))
      yield* store.append("a", message(2))
      expect(yield* replay(store, a1)).toEqual({ stream: Option.some("a"), seen: [message(1), message(2)] })
      // a1 was evicted already, but everything after it is still there.
      yield* store.append("a", message(3))
      expect((yield* replay(store, a1)).seen).toEqual([message(1), message(2), message(3)])
      // Now a2 is evicted too: a replay after a1 would miss it, so there is none; after a2 nothing is missing.
      yield* store.append("a", message(4))
      expect((yield* replay(store, a1)).stream).toEqual(Option.none())
      expect((yield* replay(store, a2)).seen).toEqual([message(2), message(3), message(4)])
      expect((yield* replay(store, "nonsense")).stream).toEqual(Option.none())
      yield* store.forget("a")
      expect((yield* replay(store, a2)).stream).toEqual(Option.none())
    }))
})

describe("Host and Origin checks", () => {
  const loopback = Security.policy({})
  const open = Security.policy({ bindHost: "0.0.0.0" })
  const listed = Security.policy({ allowedHosts: ["mcp.example.com"], allowedOrigins: ["https://app.example.com"] })
  const allowed = (policy: Security.Policy, host: string | undefined, origin?: string) =>
    Option.isNone(Security.check(policy, { host, origin }))

  it("allows only loopback names by default, on any port", () => {
    expect(allowed(loopback, "localhost:3000")).toBe(true)
    expect(allowed(loopback, "127.0.0.1")).toBe(true)
    expect(allowed(loopback, "[::1]:8080")).toBe(true)
    expect(allowed(loopback, "attacker.example:3000")).toBe(false)
    expect(allowed(loopback, undefined)).toBe(false)
    expect(allowed(loopback, "localhost:3000", "http://localhost:5173")).toBe(true)
    expect(allowed(loopback, "localhost:3000", "https://attacker.example")).toBe(false)
    expect(allowed(loopback, "localhost:3000", "null")).toBe(false)
  })

  it("on a public address, any host, and only same-origin pages", () => {
    expect(allowed(open, "mcp.example.com")).toBe(true)
    expect(allowed(open, "mcp.example.com", "https://mcp.example.com")).toBe(true)
    expect(allowed(open, "mcp.example.com", "https://attacker.example")).toBe(false)
  })

  it("with allow-lists, exactly what they list", () => {
    expect(allowed(listed, "mcp.example.com:443", "https://app.example.com")).toBe(true)
    expect(allowed(listed, "localhost")).toBe(false)
    expect(allowed(listed, "mcp.example.com", "https://mcp.example.com")).toBe(false)
  })
})
