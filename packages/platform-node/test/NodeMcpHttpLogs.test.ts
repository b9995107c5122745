/**
 * A request's log lines travel on its own stream, in order with its progress, before its result: a client that stops
 * reading at the result has seen every one of them.
 */
import * as HttpServer from "@effect/platform/HttpServer"
import { describe, expect, it } from "@effect/vitest"
import { McpSession } from "@mcp-effect/server"
import { Context, Effect, Layer } from "effect"
import { NodeMcpHttp } from "../src/index.js"
import { countdown, countdownOf3, describe as describeMessage } from "./fixtures/countdown.js"
import { initialize, messageOf, post, postHeaders, SseReader } from "./fixtures/http-server.js"

const serve = Effect.gen(function*() {
  const context = yield* Layer.build(
    NodeMcpHttp.layer({ port: 0 }).pipe(
      Layer.provide(McpSession.layerTemplate({ name: "logs", version: "1.0.0" }).pipe(McpSession.withTools(countdown)))
    )
  )
  const address = Context.get(context, HttpServer.HttpServer).address
  return `http://127.0.0.1:${address._tag === "TcpAddress" ? address.port : 0}/mcp`
})

describe("NodeMcpHttp: a request's log lines", () => {
  it.scopedLive("arrive on its POST stream, each after the progress before it, and all before its result", () =>
    Effect.gen(function*() {
      const url = yield* serve
      const session = yield* initialize(url)
      const headers = { "mcp-session-id": session, "mcp-protocol-version": "2025-11-25" }
      const setLevel = yield* post(url, {
        jsonrpc: "2.0",
        id: 1,
        method: "logging/setLevel",
        params: { level: "debug" }
      }, headers)
      expect(setLevel.status).toBe(200)

      for (let round = 0; round < 10; round++) {
        const response = yield* Effect.promise(() =>
          fetch(url, {
            method: "POST",
            headers: postHeaders(headers),
            body: JSON.stringify({
              jsonrpc: "2.0",
              id: 10 + round,
              method: "tools/call",
              params: { name: "countdown", arguments: { from: 3 }, _meta: { progressToken: `p${round}` } }
            })
          })
        )
        expect(response.headers.get("content-type")).toBe("text/event-stream")
        const body = response.body
        if (body === null) return yield* Effect.die("no body")
        const events = yield* Effect.promise(() => new SseReader(body).rest())
        const seen = events.filter((event) => event.data !== "").map((event) => describeMessage(messageOf(event)))
        expect(seen).toEqual(countdownOf3)
      }
    }))
})
