/**
 * The Streamable HTTP endpoint: `POST` carries one message (or a batch) from the client, `GET` opens the session's
 * standalone SSE stream or resumes a broken one, `DELETE` ends the session.
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { JsonRpc, McpProtocol, McpSchema, McpTransport } from "@mcp-effect/server"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Stream from "effect/Stream"
import * as Body from "./httpBody.js"
import type * as Registry from "./httpRegistry.js"
import * as Security from "./httpSecurity.js"
import * as HttpSession from "./httpSession.js"
import { StreamControl } from "./httpStreamControl.js"
import * as Wire from "./httpWire.js"

type Response = HttpServerResponse.HttpServerResponse

/** Priming events (empty `data`) only for versions that have them: older clients may choke on them. */
const primes = (version: McpSchema.ProtocolVersion): boolean => McpProtocol.has(version, "ssePriming")

const header = (request: HttpServerRequest.HttpServerRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return value === undefined || value === "" ? undefined : value
}

/** What the transport attaches to each frame: handlers read it through `McpRequest.transport`. */
export const frameContext = (
  request: HttpServerRequest.HttpServerRequest,
  session?: HttpSession.HttpSession
): Context.Context<never> => {
  const context = Context.make(HttpServerRequest.HttpServerRequest, request)
  return session === undefined
    ? context
    : Context.add(context, StreamControl, {
      poll: (requestId, retryMs) => session.poll(HttpSession.keyOf(requestId), retryMs)
    })
}

/** Refuses a request from a host or origin not allowed (403), or any request once shutdown began (503). */
export const guard = (
  registry: Registry.Registry,
  request: HttpServerRequest.HttpServerRequest
): Option.Option<Response> =>
  Option.match(
    Security.check(registry.config.policy, { host: header(request, "host"), origin: header(request, "origin") }),
    {
      onSome: (reason) => Option.some(Wire.errorResponse(403, Wire.TRANSPORT_ERROR, reason)),
      onNone: () =>
        registry.isClosing()
          ? Option.some(
            Wire.errorResponse(503, Wire.TRANSPORT_ERROR, "Service Unavailable: the server is shutting down")
          )
          : Option.none()
    }
  )

/** A `MCP-Protocol-Version` header naming a version this server does not speak is a 400. */
const versionHeader = (
  request: HttpServerRequest.HttpServerRequest
): Either.Either<Option.Option<McpSchema.ProtocolVersion>, Response> => {
  const value = header(request, Wire.PROTOCOL_VERSION_HEADER)
  if (value === undefined) return Either.right(Option.none())
  return McpSchema.isSupportedProtocolVersion(value)
    ? Either.right(Option.some(value))
    : Either.left(Wire.errorResponse(
      400,
      Wire.TRANSPORT_ERROR,
      `Bad Request: unsupported protocol version ${JSON.stringify(value)} (supported: ${
        McpSchema.SUPPORTED_PROTOCOL_VERSIONS.join(", ")
      })`
    ))
}

/** The version a session's requests speak: the header's, else the negotiated one, else 2025-03-26. */
const versionOf = (
  session: HttpSession.HttpSession,
  fromHeader: Option.Option<McpSchema.ProtocolVersion>
): Effect.Effect<McpSchema.ProtocolVersion> =>
  Option.match(fromHeader, {
    onSome: Effect.succeed,
    onNone: () =>
      Effect.map(Ref.get(session.live.client), (client) =>
        Option.match(client, {
          onNone: () => McpProtocol.HTTP_DEFAULT_VERSION,
          onSome: (c) => c.protocolVersion
        }))
  })

/** The session named by `Mcp-Session-Id`: 400 without one, 404 for an unknown or ended one. */
const lookup = (
  registry: Registry.Registry,
  request: HttpServerRequest.HttpServerRequest
): Either.Either<HttpSession.HttpSession, Response> => {
  const id = header(request, Wire.SESSION_ID_HEADER)
  if (id === undefined) {
    return Either.left(
      Wire.errorResponse(400, Wire.TRANSPORT_ERROR, "Bad Request: the Mcp-Session-Id header is required")
    )
  }
  const session = registry.find("Streamable", id)
  return session === undefined || session.isClosed()
    ? Either.left(Wire.errorResponse(404, Wire.SESSION_NOT_FOUND, "Session not found"))
    : Either.right(session)
}

const closedResponse = (reason: HttpSession.CloseReason): Response =>
  reason === "shutdown"
    ? Wire.errorResponse(503, Wire.TRANSPORT_ERROR, "Service Unavailable: the server is shutting down")
    : Wire.errorResponse(404, Wire.SESSION_NOT_FOUND, "Session not found")

const toResponse = (reply: HttpSession.Reply, headers?: Readonly<Record<string, string>>): Response => {
  switch (reply._tag) {
    case "Json":
      return Wire.jsonResponse(reply.body, headers)
    case "Sse":
      return Wire.sseResponse(reply.events, headers)
    case "Closed":
      return closedResponse(reply.reason)
  }
}

const accepted: Response = HttpServerResponse.empty({ status: 202 })

/** A POST's body, sorted: the request keys it needs answered, or nothing to answer. */
type Sorted =
  | { readonly _tag: "Answer"; readonly keys: ReadonlyArray<string>; readonly batch: boolean }
  | { readonly _tag: "Accept" }
  | { readonly _tag: "Invalid"; readonly response: Response }

const sort = (value: unknown): Sorted => {
  if (Array.isArray(value)) {
    // A batch: the engine decides whether the negotiated version allows it, and answers the whole of it at once.
    const classified = value.map(JsonRpc.classify)
    const keys = classified.flatMap((c) => c._tag === "Request" ? [HttpSession.keyOf(c.message.id)] : [])
    return value.length === 0 || keys.length > 0 || classified.some((c) => c._tag === "Invalid")
      ? { _tag: "Answer", keys, batch: true }
      : { _tag: "Accept" }
  }
  const message = JsonRpc.classify(value)
  switch (message._tag) {
    case "Request":
      return { _tag: "Answer", keys: [HttpSession.keyOf(message.message.id)], batch: false }
    case "Notification":
    case "Response":
      return { _tag: "Accept" }
    case "Invalid":
      return {
        _tag: "Invalid",
        response: Wire.errorResponse(400, message.error.code, message.error.message, { id: message.id })
      }
  }
}

/** The key of the request a `notifications/cancelled` cancels, if that is what the value is. */
const cancelledKey = (value: unknown): string | undefined => {
  const message = JsonRpc.classify(value)
  if (message._tag !== "Notification" || message.message.method !== "notifications/cancelled") return undefined
  const requestId = message.message.params?.requestId
  return typeof requestId === "string" || typeof requestId === "number" ? HttpSession.keyOf(requestId) : undefined
}

/** The value, when it is a lone `initialize` request. */
const initializeRequest = (value: unknown): Option.Option<JsonRpc.Request> => {
  const message = JsonRpc.classify(value)
  return message._tag === "Request" && message.message.method === "initialize"
    ? Option.some(message.message)
    : Option.none()
}

/** The `protocolVersion` an `initialize` asks for, if this server speaks it; else the latest. */
const requestedVersion = (request: JsonRpc.Request): McpSchema.ProtocolVersion => {
  const asked = request.params?.protocolVersion
  return McpSchema.isSupportedProtocolVersion(asked) ? asked : McpSchema.LATEST_PROTOCOL_VERSION
}

/** The checks every POST passes first: `Accept`, `Content-Type`, then the body, read and parsed. */
const readPost = (
  registry: Registry.Registry,
  request: HttpServerRequest.HttpServerRequest
): Effect.Effect<Either.Either<unknown, Response>> => {
  const accept = header(request, "accept")
  if (!Wire.accepts(accept, "application/json") || !Wire.accepts(accept, "text/event-stream")) {
    return Effect.succeed(Either.left(Wire.errorResponse(
      406,
      Wire.TRANSPORT_ERROR,
      "Not Acceptable: the client must accept both application/json and text/event-stream"
    )))
  }
  if (!Wire.isJsonContentType(header(request, "content-type"))) {
    return Effect.succeed(Either.left(Wire.errorResponse(
      415,
      Wire.TRANSPORT_ERROR,
      "Unsupported Media Type: Content-Type must be application/json"
    )))
  }
  return Body.readJson(request, registry.config.maxBodyBytes).pipe(
    Effect.map(Either.right),
    Effect.catchAll((error: Body.BodyError) =>
      Effect.succeed(Either.left(
        error.reason === "TooLarge"
          ? Wire.errorResponse(413, Wire.TRANSPORT_ERROR, `Payload Too Large: ${error.message}`)
          : error.reason === "Malformed"
          ? Wire.errorResponse(400, JsonRpc.PARSE_ERROR, error.message)
          : Wire.errorResponse(400, Wire.TRANSPORT_ERROR, error.message)
      ))
    )
  )
}

/** A POST to an existing session. Plain `flatMap`s rather than a generator: this is every call's path. */
const postTo = (
  session: HttpSession.HttpSession,
  request: HttpServerRequest.HttpServerRequest,
  value: unknown,
  fromHeader: Option.Option<McpSchema.ProtocolVersion>
): Effect.Effect<Response> =>
  Effect.suspend(() => {
    const sorted = sort(value)
    switch (sorted._tag) {
      case "Invalid":
        return Effect.succeed(sorted.response)
      case "Accept": {
        // Notifications and responses reach no handler, so they carry no request: a frame left in the engine's loop
        // must not keep this HTTP request alive (see `HttpSession.request`).
        const cancelled = cancelledKey(value)
        return Effect.as(
          Effect.zipRight(
            session.deliver(McpTransport.json(value)),
            cancelled === undefined ? Effect.void : session.cancel(cancelled)
          ),
          accepted
        )
      }
      case "Answer": {
        const busy = sorted.keys.find(session.hasRequest)
        if (busy !== undefined) {
          return Effect.succeed(
            Wire.errorResponse(400, JsonRpc.INVALID_REQUEST, "Invalid request: this request id is already in use")
          )
        }
        return Effect.flatMap(versionOf(session, fromHeader), (version) =>
          Effect.map(
            session.request(value, frameContext(request, session), sorted.keys, {
              batch: sorted.batch,
              priming: primes(version)
            }),
            (reply) => toResponse(reply)
          ))
      }
    }
  })

/** `initialize` without a session: a new live session, its id in the response's `Mcp-Session-Id`. */
const initialize = (
  registry: Registry.Registry,
  request: HttpServerRequest.HttpServerRequest,
  value: unknown,
  message: JsonRpc.Request
): Effect.Effect<Response> =>
  Effect.gen(function*() {
    const opened = yield* registry.open(request, { _tag: "Streamable" })
    if (Either.isLeft(opened)) return opened.left
    const session = opened.right
    const reply = yield* session.track(
      session.request(value, frameContext(request, session), [HttpSession.keyOf(message.id)], {
        batch: false,
        priming: primes(requestedVersion(message))
      })
    )
    if (
      reply._tag === "Closed" || (reply._tag === "Json" && !JsonRpc.isBatch(reply.message) && "error" in reply.message)
    ) {
      // A failed initialize leaves nothing behind: the client must start over anyway.
      yield* session.close("ended")
      return toResponse(reply)
    }
    return toResponse(reply, { [Wire.SESSION_ID_HEADER]: session.id })
  })

/** Stateless mode: a fresh live session per POST, closed once the request is answered. */
const postStateless = (
  registry: Registry.Registry,
  request: HttpServerRequest.HttpServerRequest,
  value: unknown,
  fromHeader: Option.Option<McpSchema.ProtocolVersion>
): Effect.Effect<Response> =>
  Effect.gen(function*() {
    const sorted = sort(value)
    if (sorted._tag === "Invalid") return sorted.response
    // Nothing to answer, and no session for a notification or a response to change.
    if (sorted._tag === "Accept") return accepted
    const opened = yield* registry.open(request, {
      _tag: "Stateless",
      initializeWith: Option.isSome(initializeRequest(value))
        ? Option.none()
        : Option.some(Option.getOrElse(fromHeader, () => McpSchema.LATEST_PROTOCOL_VERSION))
    })
    if (Either.isLeft(opened)) return opened.left
    const session = opened.right
    const reply = yield* session.request(value, frameContext(request, session), sorted.keys, {
      batch: sorted.batch,
      priming: false
    }).pipe(
      Effect.onInterrupt(() => session.close("ended"))
    )
    if (reply._tag === "Sse") {
      return toResponse({ ...reply, events: Stream.ensuring(reply.events, session.close("ended")) })
    }
    yield* session.close("ended")
    return toResponse(reply)
  })

const post = (registry: Registry.Registry, request: HttpServerRequest.HttpServerRequest): Effect.Effect<Response> =>
  Effect.flatMap(readPost(registry, request), (body) => {
    if (Either.isLeft(body)) return Effect.succeed(body.left)
    const value = body.right
    if (registry.config.stateless) {
      const fromHeader = versionHeader(request)
      return Either.isLeft(fromHeader)
        ? Effect.succeed(fromHeader.left)
        : postStateless(registry, request, value, fromHeader.right)
    }
    if (header(request, Wire.SESSION_ID_HEADER) === undefined) {
      const init = initializeRequest(value)
      if (Option.isSome(init)) return initialize(registry, request, value, init.value)
    }
    const session = lookup(registry, request)
    if (Either.isLeft(session)) return Effect.succeed(session.left)
    const fromHeader = versionHeader(request)
    if (Either.isLeft(fromHeader)) return Effect.succeed(fromHeader.left)
    return session.right.track(postTo(session.right, request, value, fromHeader.right))
  })

const get = (registry: Registry.Registry, request: HttpServerRequest.HttpServerRequest): Effect.Effect<Response> =>
  Effect.gen(function*() {
    if (!Wire.accepts(header(request, "accept"), "text/event-stream")) {
      return Wire.errorResponse(406, Wire.TRANSPORT_ERROR, "Not Acceptable: the client must accept text/event-stream")
    }
    const found = lookup(registry, request)
    if (Either.isLeft(found)) return found.left
    const session = found.right
    const fromHeader = versionHeader(request)
    if (Either.isLeft(fromHeader)) return fromHeader.left
    return yield* session.track(Effect.gen(function*() {
      const lastEventId = header(request, Wire.LAST_EVENT_ID_HEADER)
      if (lastEventId !== undefined) {
        const resumed = yield* session.resume(lastEventId)
        if (Option.isSome(resumed)) return Wire.sseResponse(resumed.value)
        // An unknown or expired cursor: nothing can be replayed, so this is a fresh standalone stream.
        yield* Effect.logDebug("MCP HTTP: a Last-Event-ID could not be resumed; opening a new stream")
      }
      const version = yield* versionOf(session, fromHeader.right)
      const opened = yield* session.openStandalone({ priming: primes(version) })
      return Either.match(opened, {
        onLeft: () =>
          Wire.errorResponse(409, Wire.TRANSPORT_ERROR, "Conflict: this session already has an open SSE stream"),
        onRight: (events) => Wire.sseResponse(events)
      })
    }))
  })

const del = (registry: Registry.Registry, request: HttpServerRequest.HttpServerRequest): Effect.Effect<Response> =>
  Effect.gen(function*() {
    const found = lookup(registry, request)
    if (Either.isLeft(found)) return found.left
    const fromHeader = versionHeader(request)
    if (Either.isLeft(fromHeader)) return fromHeader.left
    yield* found.right.close("deleted")
    return HttpServerResponse.empty({ status: 200 })
  })

const methodNotAllowed = (allow: string): Response =>
  Wire.errorResponse(405, Wire.TRANSPORT_ERROR, "Method Not Allowed", { headers: { allow } })

/** The endpoint's handler. */
export const handler = (
  registry: Registry.Registry
): Effect.Effect<Response, never, HttpServerRequest.HttpServerRequest> =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
    Option.match(guard(registry, request), {
      onSome: Effect.succeed,
      onNone: () => {
        switch (request.method) {
          case "POST":
            return post(registry, request)
          case "GET":
            return registry.config.stateless ? Effect.succeed(methodNotAllowed("POST")) : get(registry, request)
          case "DELETE":
            return registry.config.stateless ? Effect.succeed(methodNotAllowed("POST")) : del(registry, request)
          default:
            return Effect.succeed(methodNotAllowed(registry.config.stateless ? "POST" : "GET, POST, DELETE"))
        }
      }
    }))
