/**
 * The engine: a live session and a transport make a running conversation.
 *
 * Every request runs in its own fiber, so a slow tool never holds up `ping` or another call. All of a conversation's
 * fibers live in its scope: when the client goes (the transport's stream ends) or the conversation is interrupted,
 * in-flight requests are interrupted and their finalizers run. Protocol errors are answered and forgotten; only a
 * failure of the transport itself ends the conversation.
 *
 * @example
 * ```ts
 * import { McpServer, McpSession } from "@mcp-effect/server"
 * import { Effect } from "effect"
 *
 * // Keep a handle on the live session, then run the conversation on it.
 * declare const transport: import("@mcp-effect/server").McpTransport.McpTransport
 * const program = Effect.gen(function*() {
 *   const session = yield* McpSession.live
 *   // ... store `session` to add tools later, from outside any handler
 *   yield* McpServer.run(session, transport)
 * })
 * ```
 *
 * @since 0.1.0
 */
import { Cause, Context, Effect, FiberMap, Option, Ref, Stream } from "effect"
import { methods, initialize } from "./internal/methods.js"
import * as JsonRpc from "./JsonRpc.js"
import * as McpSchema from "./McpSchema.js"
import { McpRequest } from "./McpRequest.js"
import * as McpSession from "./McpSession.js"
import type { McpTransport, TransportError } from "./McpTransport.js"

/** Request ids may be strings or numbers: `1` and `"1"` are different requests. */
const idKey = (id: JsonRpc.RequestId): string => typeof id === "number" ? `n${id}` : `s${id}`

/** JSON-RPC batches exist only in protocol 2025-03-26: added there, removed in 2025-06-18. */
const allowsBatches = (version: McpSchema.ProtocolVersion): boolean => version === "2025-03-26"

/**
 * Where a request came from, and how to talk back to its client while handling it.
 *
 * @since 0.1.0
 */
export interface Origin {
  readonly transport: Context.Context<never>
  readonly send: McpTransport["send"]
}

const noOrigin: Origin = { transport: Context.empty(), send: () => Effect.void }

const requestContext = (
  session: McpSession.McpSession,
  request: JsonRpc.Request,
  origin: Origin
): Effect.Effect<McpRequest["Type"]> =>
  Effect.map(Ref.get(session.client), (client) => {
    const params = request.params ?? {}
    const meta = isRecord(params._meta) ? params._meta : undefined
    const progressToken = meta !== undefined && (typeof meta.progressToken === "string" || typeof meta.progressToken === "number")
      ? meta.progressToken
      : undefined
    return {
      session,
      id: request.id,
      method: request.method,
      params,
      meta,
      progressToken,
      protocolVersion: Option.match(client, {
        onNone: () => McpSchema.LATEST_PROTOCOL_VERSION,
        onSome: (c) => c.protocolVersion
      }),
      clientInfo: Option.getOrUndefined(Option.map(client, (c) => c.info)),
      clientCapabilities: Option.getOrUndefined(Option.map(client, (c) => c.capabilities)),
      transport: origin.transport,
      notify: (method, params) =>
        origin.send(JsonRpc.notification(method, params), { relatedRequestId: request.id })
    }
  })

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** Finds the method's handler; `initialize` and `ping` are the only requests served before initialization. */
const route = (
  session: McpSession.McpSession,
  request: JsonRpc.Request
): Effect.Effect<unknown, JsonRpc.McpError, McpRequest> => {
  const params = request.params ?? {}
  switch (request.method) {
    case "initialize":
      return initialize(params)
    case "ping":
      return Effect.succeed({})
  }
  return Effect.flatMap(Ref.get(session.client), (client) => {
    if (Option.isNone(client)) {
      return Effect.fail(JsonRpc.McpError.invalidRequest(
        `Invalid request: "${request.method}" before "initialize"; the session is not initialized`
      ))
    }
    const handler = methods.get(request.method)
    return handler === undefined ? Effect.fail(JsonRpc.McpError.methodNotFound(request.method)) : handler(params)
  })
}

/**
 * Answers one request: its result, its JSON-RPC error, or −32603 for a defect, which is logged and stays inside the
 * request.
 *
 * @since 0.1.0
 */
export const respond = (
  session: McpSession.McpSession,
  request: JsonRpc.Request,
  origin: Origin = noOrigin
): Effect.Effect<JsonRpc.Response> =>
  Effect.gen(function*() {
    const context = yield* requestContext(session, request, origin)
    const middleware = yield* Ref.get(session.middleware)
    const handled = middleware.reduceRight<Effect.Effect<unknown, JsonRpc.McpError, McpRequest>>(
      (next, wrap) => wrap(next),
      route(session, request)
    )
    return yield* Effect.provideService(handled, McpRequest, context)
  }).pipe(
    Effect.map((result): JsonRpc.Response => JsonRpc.success(request.id, result)),
    Effect.catchAll((error) => Effect.succeed(JsonRpc.failure(request.id, error))),
    Effect.catchAllDefect((defect) =>
      Effect.as(
        Effect.logError(`MCP request "${request.method}" failed with a defect`, Cause.die(defect)),
        JsonRpc.failure(request.id, JsonRpc.McpError.internalError("Internal error"))
      )
    )
  )

/**
 * Runs a conversation between a live session and a client over a transport, until the client goes away.
 *
 * @since 0.1.0
 */
export const run = (session: McpSession.McpSession, transport: McpTransport): Effect.Effect<void, TransportError> =>
  Effect.scoped(Effect.gen(function*() {
    const scope = yield* Effect.scope
    const inFlight = yield* FiberMap.make<string>()

    yield* Stream.fromQueue(session.outbox).pipe(Stream.runForEach(transport.send), Effect.forkScoped)

    const onNotification = (notification: JsonRpc.Notification): Effect.Effect<void> => {
      switch (notification.method) {
        case "notifications/initialized":
          return Effect.flatMap(Ref.get(session.client), (client) =>
            Option.isSome(client) ? Ref.set(session.ready, true) : Effect.void)
        case "notifications/cancelled": {
          // The cancelled request's fiber is interrupted: its finalizers run and it sends no response.
          const requestId = notification.params?.requestId
          return typeof requestId === "string" || typeof requestId === "number"
            ? FiberMap.remove(inFlight, idKey(requestId))
            : Effect.void
        }
        case "notifications/roots/list_changed":
          return Ref.set(session.roots, Option.none())
        default:
          return Effect.void
      }
    }

    const originOf = (context: Context.Context<never> | undefined): Origin =>
      context === undefined ? plainOrigin : { transport: context, send: transport.send }
    const plainOrigin: Origin = { transport: Context.empty(), send: transport.send }

    const onRequest = (request: JsonRpc.Request, origin: Origin): Effect.Effect<void> => {
      const key = idKey(request.id)
      return Effect.flatMap(FiberMap.has(inFlight, key), (busy) =>
        busy
          ? transport.send(JsonRpc.failure(
            request.id,
            JsonRpc.McpError.invalidRequest(`Invalid request: id ${JSON.stringify(request.id)} is already in use`)
          ))
          : FiberMap.run(
            inFlight,
            key,
            Effect.flatMap(respond(session, request, origin), (response) => transport.send(response))
          ))
    }

    const onMessage = (value: unknown, origin: Origin): Effect.Effect<void> => {
      const message = JsonRpc.classify(value)
      switch (message._tag) {
        case "Request":
          return onRequest(message.message, origin)
        case "Notification":
          return onNotification(message.message)
        case "Response":
          // Answers to server-to-client requests: none are sent yet, so there is nothing to route.
          return Effect.void
        case "Invalid":
          return transport.send(JsonRpc.failure(message.id, message.error))
      }
    }

    const onBatch = (values: ReadonlyArray<unknown>, origin: Origin): Effect.Effect<void> =>
      Effect.flatMap(Ref.get(session.client), (client) => {
        const version = Option.map(client, (c) => c.protocolVersion)
        if (values.length === 0 || Option.isNone(version) || !allowsBatches(version.value)) {
          const reason = values.length === 0
            ? "an empty batch"
            : Option.match(version, {
              onNone: () => "a batch before \"initialize\"",
              onSome: (v) => `a batch: protocol version ${v} has no batches`
            })
          return transport.send(JsonRpc.failure(null, JsonRpc.McpError.invalidRequest(`Invalid request: ${reason}`)))
        }
        return Effect.forEach(values, (value) => {
          const message = JsonRpc.classify(value)
          switch (message._tag) {
            case "Request":
              return Effect.asSome(respond(session, message.message, origin))
            case "Notification":
              return Effect.as(onNotification(message.message), Option.none())
            case "Response":
              return Effect.succeedNone
            case "Invalid":
              return Effect.succeedSome(JsonRpc.failure(message.id, message.error))
          }
        }, { concurrency: "unbounded" }).pipe(
          Effect.map((responses) => responses.flatMap(Option.toArray)),
          Effect.flatMap((responses) => responses.length === 0 ? Effect.void : transport.send(responses)),
          Effect.forkIn(scope),
          Effect.asVoid
        )
      })

    yield* Stream.runForEach(transport.incoming, (frame) => {
      if (frame._tag === "Malformed") {
        return transport.send(JsonRpc.failure(null, frame.error))
      }
      const origin = originOf(frame.context)
      return Array.isArray(frame.value) ? onBatch(frame.value, origin) : onMessage(frame.value, origin)
    })
  }))

/**
 * Copies the application's template into a new live session and runs a conversation on it.
 *
 * @since 0.1.0
 */
export const serve = (transport: McpTransport): Effect.Effect<void, TransportError, McpSession.Template> =>
  Effect.flatMap(McpSession.live, (session) => run(session, transport))
