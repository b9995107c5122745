/**
 * The bytes of Streamable HTTP: JSON-RPC error responses, JSON bodies, SSE events, and the header checks.
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { JsonRpc } from "@mcp-effect/server"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Stream from "effect/Stream"
import { randomBytes } from "node:crypto"

/** JSON-RPC code of errors about the transport itself (bad headers, unknown session), as the official SDK uses. */
export const TRANSPORT_ERROR = -32000

/** JSON-RPC code of an unknown or ended session. */
export const SESSION_NOT_FOUND = -32001

export const SESSION_ID_HEADER = "mcp-session-id"
export const PROTOCOL_VERSION_HEADER = "mcp-protocol-version"
export const LAST_EVENT_ID_HEADER = "last-event-id"

/** A new session id: 128 random bits, hex (visible ASCII, as the spec requires). */
export const sessionId = (): string => randomBytes(16).toString("hex")

/** A short random tag: stream ids start with it, so that a session recognizes its own streams. */
export const streamTag = (): string => randomBytes(9).toString("base64url")

/** An HTTP error whose body is a JSON-RPC error response. */
export const errorResponse = (
  status: number,
  code: number,
  message: string,
  options?: { readonly id?: JsonRpc.RequestId | null; readonly headers?: Readonly<Record<string, string>> }
): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.text(JSON.stringify(JsonRpc.failure(options?.id ?? null, { code, message })), {
    status,
    contentType: "application/json",
    ...(options?.headers === undefined ? {} : { headers: options.headers })
  })

/**
 * Serializes an outgoing message. A response that cannot be serialized (a `BigInt` or a cycle in a result) is
 * replaced by an internal error for the same request, so the client is still answered; any other message that
 * cannot be is dropped. Both are logged.
 */
export const encode = (message: JsonRpc.Outgoing): Effect.Effect<Option.Option<string>> => {
  // Plain try/catch: this runs for every message, and the failure is rare.
  try {
    return Effect.succeed(Option.some(JSON.stringify(message)))
  } catch (error) {
    return Effect.as(
      Effect.logError("MCP HTTP: a message could not be serialized as JSON", Cause.die(error)),
      JsonRpc.isBatch(message)
        ? Option.some(JSON.stringify(message.filter(JsonRpc.isResponse).map((m) => internalError(m.id))))
        : JsonRpc.isResponse(message)
        ? Option.some(JSON.stringify(internalError(message.id)))
        : Option.none()
    )
  }
}

const internalError = (id: JsonRpc.RequestId | null): JsonRpc.Failure =>
  JsonRpc.failure(id, JsonRpc.McpError.internalError("Internal error: the response could not be serialized"))

/** One SSE event carrying a JSON-RPC message. `data` is single-line: `JSON.stringify` escapes newlines. */
export const sseEvent = (eventId: string, data: string): string => `id: ${eventId}\nevent: message\ndata: ${data}\n\n`

/** A priming event: an id and empty data, so the client holds a cursor to resume from before any message. */
export const ssePriming = (eventId: string): string => `id: ${eventId}\ndata: \n\n`

/** An SSE comment: keeps proxies and idle timers from closing a quiet stream. Clients ignore it. */
export const sseKeepAlive = ": keep-alive\n\n"

/** Tells an SSE client how long to wait (ms) before it reconnects. */
export const sseRetry = (ms: number): string => `retry: ${ms}\n\n`

/** Headers of every SSE response. */
export const sseHeaders: Readonly<Record<string, string>> = {
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no"
}

/** The media types an `Accept` header lists, lower-cased, without parameters. */
const acceptedTypes = (accept: string | undefined): ReadonlyArray<string> =>
  accept === undefined ? [] : accept.split(",").map((part) => part.split(";")[0].trim().toLowerCase())

/** Whether an `Accept` header admits a media type, wildcards included. */
export const accepts = (accept: string | undefined, mediaType: string): boolean => {
  const major = mediaType.split("/")[0]
  return acceptedTypes(accept).some((type) => type === mediaType || type === "*/*" || type === `${major}/*`)
}

/** Whether a `Content-Type` header is JSON (`application/json`, any parameters). */
export const isJsonContentType = (contentType: string | undefined): boolean =>
  contentType !== undefined && contentType.split(";")[0].trim().toLowerCase() === "application/json"

/** A `200` with a JSON body. */
export const jsonResponse = (
  body: string,
  headers?: Readonly<Record<string, string>>
): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.text(body, { contentType: "application/json", ...(headers === undefined ? {} : { headers }) })

/** A `200` streaming SSE events. */
export const sseResponse = (
  events: Stream.Stream<Uint8Array>,
  headers?: Readonly<Record<string, string>>
): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.stream(events, { contentType: "text/event-stream", headers: { ...sseHeaders, ...headers } })
