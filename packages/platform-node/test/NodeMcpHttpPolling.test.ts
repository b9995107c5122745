import { describe, expect, it } from "@effect/vitest"
import { McpSession, McpTestClient, McpTool } from "@mcp-effect/server"
import { Effect, Schema } from "effect"
import { NodeMcpHttp } from "../src/index.js"
import { initialize, makeProbe, post, raw, serve } from "./fixtures/http-server.js"

/** Ends its POST stream at once, then answers. */
const poll = McpTool.make("poll", {
  input: Schema.Struct({}),
  handler: () =>
    NodeMcpHttp.closeStream({ retry: "100 millis" }).pipe(
      Effect.zipRight(Effect.sleep("50 millis")),
      Effect.as("polled")
    )
})

const eventIds = (text: string) => [...text.matchAll(/^id: (.+)$/gm)].map((m) => m[1])

describe("SSE polling (NodeMcpHttp.closeStream)", () => {
  it.scopedLive("ends the POST stream after a priming event and retry; the result comes on resumption", () =>
    Effect.gen(function*() {
      const probe = yield* makeProbe
      const { url } = yield* serve(probe, { onSession: (session) => session.addTools(poll) })
      const sessionId = yield* initialize(url)
      const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" }

      const first = yield* post(url, { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "poll" } }, headers)
      expect(first.status).toBe(200)
      expect(first.headers.get("content-type")).toContain("text/event-stream")
      expect(first.text).toMatch(/^retry: 100$/m)
      // The stream ended before the result.
      expect(first.text).not.toContain("polled")
      const lastEventId = eventIds(first.text).at(-1)
      expect(lastEventId).toBeDefined()

      const resumed = yield* raw(url, {
        method: "GET",
        headers: { accept: "text/event-stream", "last-event-id": lastEventId ?? "", ...headers }
      })
      expect(resumed.status).toBe(200)
      expect(resumed.text).toContain("\"polled\"")
    }))

  it.scoped("is a no-op off Streamable HTTP", () =>
    Effect.gen(function*() {
      const tool = McpTool.make("try_poll", {
        input: Schema.Struct({}),
        handler: () => Effect.map(NodeMcpHttp.closeStream(), (closed) => `closed: ${closed}`)
      })
      const client = yield* McpTestClient.connect().pipe(
        Effect.provide(McpSession.layerTemplate({ name: "t", version: "1" }).pipe(McpSession.withTools(tool)))
      )
      expect((yield* client.callTool("try_poll")).content).toEqual([{ type: "text", text: "closed: false" }])
    }))
})
