// The floor on @effect/platform: the Node HTTP server and router mcp-effect serves Streamable HTTP on, with a handler
// that does no MCP at all (one JSON body in, one out, a session id per initialize). What mcp-effect adds over the
// server it is built on is the gap between the two.
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { randomUUID } from "node:crypto"
import * as http from "node:http"
import "./memory-report.mjs"

const reply = (m) =>
  m.method === "initialize"
    ? {
      protocolVersion: m.params.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: "platform", version: "1" }
    }
    : { content: [{ type: "text", text: m.params.arguments.text }] }

const handler = Effect.flatMap(
  HttpServerRequest.HttpServerRequest,
  (request) =>
    Effect.map(Effect.orDie(request.text), (text) => {
      const m = JSON.parse(text)
      const sid = m.method === "initialize" ? randomUUID() : request.headers["mcp-session-id"]
      return m.id === undefined
        ? HttpServerResponse.empty({ status: 202 })
        : HttpServerResponse.text(JSON.stringify({ jsonrpc: "2.0", id: m.id, result: reply(m) }), {
          contentType: "application/json",
          headers: { "mcp-session-id": sid }
        })
    })
)

HttpServer.serve(HttpRouter.empty.pipe(HttpRouter.post("/mcp", handler))).pipe(
  Layer.provide(
    NodeHttpServer.layer(() => http.createServer(), { port: Number(process.env.PORT ?? 3000), host: "127.0.0.1" })
  ),
  Layer.launch,
  NodeRuntime.runMain({ disableErrorReporting: true })
)
