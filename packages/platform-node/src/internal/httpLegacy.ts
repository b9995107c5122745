/**
 * The deprecated HTTP+SSE transport of protocol 2024-11-05, for old clients: `GET` on the SSE path opens a session
 * whose stream starts with an `endpoint` event naming where to POST (`<messages path>?sessionId=…`); each POST there
 * is answered 202, and everything the server sends travels on the stream. The session lives as long as the stream.
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { JsonRpc, McpTransport } from "@mcp-effect/server"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import * as Body from "./httpBody.js"
import type * as Registry from "./httpRegistry.js"
import * as Streamable from "./httpStreamable.js"
import * as Wire from "./httpWire.js"

type Response = HttpServerResponse.HttpServerResponse

const sessionIdOf = (request: HttpServerRequest.HttpServerRequest): string | undefined => {
  const url = HttpServerRequest.toURL(request)
  const id = Option.isSome(url) ? url.value.searchParams.get("sessionId") : null
  return id === null || id === "" ? undefined : id
}

/** `GET` on the SSE path: a new session, and its stream. */
export const sse = (
  registry: Registry.Registry,
  messagesPath: string
): Effect.Effect<Response, never, HttpServerRequest.HttpServerRequest> =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
    Option.match(Streamable.guard(registry, request), {
      onSome: Effect.succeed,
      onNone: () =>
        Effect.gen(function*() {
          const opened = yield* registry.open(request, { _tag: "Legacy" })
          if (Either.isLeft(opened)) return opened.left
          const session = opened.right
          const endpoint = `event: endpoint\ndata: ${messagesPath}?sessionId=${encodeURIComponent(session.id)}\n\n`
          const stream = yield* session.openStandalone({ priming: false, prelude: [endpoint] })
          return Either.match(stream, {
            onLeft: () => Wire.errorResponse(409, Wire.TRANSPORT_ERROR, "Conflict"),
            // The client going away ends the session.
            onRight: (events) => Wire.sseResponse(Stream.ensuring(events, session.close("ended")))
          })
        })
    }))

/** `POST` on the messages path: one message (or batch) for the session, answered on its stream. */
export const messages = (
  registry: Registry.Registry
): Effect.Effect<Response, never, HttpServerRequest.HttpServerRequest> =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
    Option.match(Streamable.guard(registry, request), {
      onSome: Effect.succeed,
      onNone: () =>
        Effect.gen(function*() {
          const id = sessionIdOf(request)
          if (id === undefined) {
            return Wire.errorResponse(
              400,
              Wire.TRANSPORT_ERROR,
              "Bad Request: the sessionId query parameter is required"
            )
          }
          const session = registry.find("Legacy", id)
          if (session === undefined || session.isClosed()) {
            return Wire.errorResponse(404, Wire.SESSION_NOT_FOUND, "Session not found")
          }
          const contentType = request.headers["content-type"]
          if (!Wire.isJsonContentType(contentType)) {
            return Wire.errorResponse(
              415,
              Wire.TRANSPORT_ERROR,
              "Unsupported Media Type: Content-Type must be application/json"
            )
          }
          const body = yield* Effect.either(Body.readJson(request, registry.config.maxBodyBytes))
          if (Either.isLeft(body)) {
            return body.left.reason === "TooLarge"
              ? Wire.errorResponse(413, Wire.TRANSPORT_ERROR, `Payload Too Large: ${body.left.message}`)
              : Wire.errorResponse(
                400,
                body.left.reason === "Malformed" ? JsonRpc.PARSE_ERROR : Wire.TRANSPORT_ERROR,
                body.left.message
              )
          }
          yield* session.deliver(McpTransport.json(body.right, Streamable.frameContext(request)))
          return HttpServerResponse.text("Accepted", { status: 202 })
        })
    }))
