/**
 * What the lean Streamable HTTP sessions must still do: one sweeper expires each idle session on time and leaves the
 * active ones alone; bodies are read with the size limit whatever their framing; the connection stays usable after
 * a refused body; a JSON answer and many concurrent calls on one session still come back right.
 */
import { describe, expect, it } from "@effect/vitest"
import { McpTool } from "@mcp-effect/server"
import { Deferred, Effect, Schema, TestClock } from "effect"
import * as Http from "node:http"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { initialize, makeProbe, post, postHeaders, serve } from "./fixtures/http-server.js"

/** A POST whose body is sent chunked (no `Content-Length`), on a fresh connection. */
const postChunked = (url: string, headers: Record<string, string>, chunks: ReadonlyArray<string>) =>
  Effect.async<{ readonly status: number; readonly text: string }>((resume) => {
    const request = Http.request(url, {
      method: "POST",
      headers: { ...postHeaders(headers), "transfer-encoding": "chunked" }
    })
    request.on("response", (response) => {
      let text = ""
      response.setEncoding("utf8")
      response.on("data", (chunk: string) => (text += chunk))
      response.on("end", () => resume(Effect.succeed({ status: response.statusCode ?? 0, text })))
    })
    request.on("error", (error) => resume(Effect.die(error)))
    for (const chunk of chunks) request.write(chunk)
    request.end()
  })

// A forced garbage collection, to show what is no longer reachable.
setFlagsFromString("--expose-gc")
const collectGarbage: unknown = runInNewContext("gc")
const gc = Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 0))).pipe(
  Effect.zipRight(Effect.sync(() => typeof collectGarbage === "function" && collectGarbage()))
)

describe("NodeMcpHttp, lean sessions", () => {
  it.scopedLive("a tool added by onSession keeps nothing of the HTTP request that opened the session", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const opening: Array<WeakRef<object>> = []
      // Made outside onSession: a closure made inside it would hold its scope, the request included.
      const mine = McpTool.make("mine", { input: Schema.Struct({}), handler: () => Effect.succeed("yours") })
      const { url } = yield* serve(probe, {
        onSession: (session, request) =>
          Effect.suspend(() => {
            opening.push(new WeakRef(request))
            return session.addTools(mine)
          })
      })
      const id = yield* initialize(url)
      const called = yield* post(url, {
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "mine", arguments: {} }
      }, { "mcp-session-id": id, "mcp-protocol-version": "2025-11-25" })
      expect(called.json).toMatchObject({ result: { content: [{ type: "text", text: "yours" }] } })
      yield* gc
      yield* gc
      expect(opening).toHaveLength(1)
      expect(opening[0].deref()).toBeUndefined()
    }))

  it.scoped("one sweeper expires each idle session at its own time (TestClock)", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const ended = yield* Deferred.make<void>()
      let endings = 0
      const { url } = yield* serve(probe, {
        idleTimeout: "1 minute",
        onSession: (session) =>
          session.onEnd(() =>
            Effect.suspend(() => {
              endings++
              return Deferred.succeed(ended, undefined)
            })
          )
      })
      const quiet = yield* initialize(url)
      const busy = yield* initialize(url)
      const ping = (id: string) => post(url, { jsonrpc: "2.0", id: 1, method: "ping" }, { "mcp-session-id": id })

      // Only `busy` is used; `quiet` has been idle since the start.
      yield* TestClock.adjust("40 seconds")
      expect((yield* ping(busy)).status).toBe(200)
      yield* TestClock.adjust("40 seconds")
      expect((yield* ping(busy)).status).toBe(200)
      yield* Deferred.await(ended)
      expect(endings).toBe(1)
      expect((yield* ping(quiet)).status).toBe(404)
      expect((yield* ping(busy)).status).toBe(200)

      // Now `busy` goes quiet too: a whole timeout after its last request, it ends.
      yield* TestClock.adjust("59 seconds")
      expect((yield* ping(busy)).status).toBe(200)
      yield* TestClock.adjust("61 seconds")
      expect((yield* ping(busy)).status).toBe(404)
      expect(endings).toBe(2)
    }))

  it.scopedLive("reads chunked bodies, refuses one over maxBodyBytes with 413, and answers after it", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe, { maxBodyBytes: 1_000 })
      const id = yield* initialize(url)
      const headers = { "mcp-session-id": id, "mcp-protocol-version": "2025-11-25" }

      const body = JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "echo", arguments: { text: "hé" } }
      })
      const split = Math.floor(body.length / 2)
      const ok = yield* postChunked(url, headers, [body.slice(0, split), body.slice(split)])
      expect(ok.status).toBe(200)
      expect(ok.text).toContain("hé")

      const big = JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping", params: { pad: "x".repeat(3_000) } })
      const refused = yield* postChunked(url, headers, [big.slice(0, 800), big.slice(800)])
      expect(refused.status).toBe(413)

      const after = yield* post(url, { jsonrpc: "2.0", id: 3, method: "ping" }, headers)
      expect(after.status).toBe(200)
    }))

  it.scopedLive("answers many concurrent calls on one session, each with its own result", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe)
      const id = yield* initialize(url)
      const headers = { "mcp-session-id": id, "mcp-protocol-version": "2025-11-25" }
      const replies = yield* Effect.forEach(
        Array.from({ length: 50 }, (_, i) => i),
        (i) =>
          post(url, {
            jsonrpc: "2.0",
            id: i,
            method: "tools/call",
            params: { name: "echo", arguments: { text: `t${i}` } }
          }, headers),
        { concurrency: "unbounded" }
      )
      replies.forEach((reply, i) => {
        expect(reply.status).toBe(200)
        expect(reply.headers.get("content-type")).toContain("application/json")
        expect(reply.text).toContain(`"id":${i},`)
        expect(reply.text).toContain(`t${i}`)
      })
    }))
})
