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
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Mailbox from "effect/Mailbox"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Ref from "effect/Ref"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"
import { withClientLogger } from "./internal/clientLogger.js"
import { directCall, initialize, methods } from "./internal/methods.js"
import * as Tracing from "./internal/tracing.js"
import * as JsonRpc from "./JsonRpc.js"
import * as McpProtocol from "./McpProtocol.js"
import { McpRequest } from "./McpRequest.js"
import * as McpSchema from "./McpSchema.js"
import * as McpSession from "./McpSession.js"
import type { Frame, McpTransport, TransportError } from "./McpTransport.js"

/** A request being handled; its fiber is known once forked. */
interface InFlight {
  fiber: Fiber.RuntimeFiber<void> | undefined
}

/** Where a request came from, and how to talk back to its client while handling it. */
interface Origin {
  readonly transport: Context.Context<never>
  /** Sends to the client; a message tied to a request goes out after that request's log lines. */
  readonly send: McpTransport["send"]
  /** Sends one of a request's log lines from a logger (which cannot wait): before what the request sends next. */
  readonly log: ClientLog
  /** The conversation's scope. */
  readonly scope: Scope.Scope
  /** Whether each request gets a span: the application installed a tracer. */
  readonly traced: boolean
  /** The transport's id for the conversation (Streamable HTTP's `Mcp-Session-Id`), for spans. */
  readonly sessionId: string | undefined
}

/**
 * How a conversation is set up.
 *
 * @since 0.2.0
 * @category models
 */
export interface ConnectOptions {
  /** The transport's id for the conversation (Streamable HTTP's `Mcp-Session-Id`), recorded on request spans. */
  readonly sessionId?: string | undefined
}

/**
 * Sends a request's log line from a synchronous logger, on a fiber of `runtime`.
 *
 * @since 0.2.0
 * @category models
 */
export type ClientLog = (
  runtime: Runtime.Runtime<never>,
  message: JsonRpc.Notification,
  relatedRequestId: JsonRpc.RequestId
) => void

const requestContext = (
  session: McpSession.McpSession,
  request: JsonRpc.Request,
  origin: Origin,
  client: Option.Option<McpSession.ClientState>
): McpRequest["Type"] => {
  const params = request.params ?? {}
  const meta = Predicate.isRecord(params._meta) ? params._meta : undefined
  const progressToken =
    meta !== undefined && (typeof meta.progressToken === "string" || typeof meta.progressToken === "number")
      ? meta.progressToken
      : undefined
  const state = Option.getOrUndefined(client)
  return {
    session,
    id: request.id,
    method: request.method,
    params,
    meta,
    progressToken,
    protocolVersion: state === undefined ? McpSchema.LATEST_PROTOCOL_VERSION : state.protocolVersion,
    clientInfo: state?.info,
    clientCapabilities: state?.capabilities,
    transport: origin.transport,
    notify: (method, params) => origin.send(JsonRpc.notification(method, params), { relatedRequestId: request.id }),
    scope: origin.scope
  }
}

/** Finds the method's handler; `initialize` and `ping` are the only requests served before initialization. */
const route = (
  request: McpRequest["Type"],
  client: Option.Option<McpSession.ClientState>
): Effect.Effect<unknown, JsonRpc.McpError> => {
  switch (request.method) {
    case "initialize":
      return initialize(request)
    case "ping":
      return Effect.succeed({})
  }
  if (Option.isNone(client)) {
    return Effect.fail(JsonRpc.McpError.invalidRequest(
      `Invalid request: "${request.method}" before "initialize"; the session is not initialized`
    ))
  }
  const handler = methods.get(request.method)
  return handler === undefined ? Effect.fail(JsonRpc.McpError.methodNotFound(request.method)) : handler(request)
}

/**
 * What a request becomes: its result, its error, or −32603 (logged) for a defect or an interruption the handler
 * brought on itself (`Effect.interrupt`, joining an interrupted fiber), so that every request is answered.
 *
 * A request the engine interrupts (the client cancelled it, or the conversation ended) never gets here: an
 * interrupted fiber skips failure handlers and only runs its finalizers, so it sends nothing, as the spec wants.
 */
const toResponse = (request: JsonRpc.Request) =>
  Effect.matchCauseEffect({
    onSuccess: (result: unknown): Effect.Effect<JsonRpc.Response> =>
      Effect.succeed(JsonRpc.success(request.id, result)),
    onFailure: (cause: Cause.Cause<JsonRpc.McpError>): Effect.Effect<JsonRpc.Response> =>
      Either.match(Cause.failureOrCause(cause), {
        onLeft: (error) => Effect.succeed(JsonRpc.failure(request.id, error)),
        onRight: (other) => {
          const interrupted = Cause.isInterruptedOnly(other)
          return Effect.as(
            Effect.logError(
              interrupted
                ? `MCP request "${request.method}" was interrupted by its handler`
                : `MCP request "${request.method}" failed with a defect`,
              other
            ),
            JsonRpc.failure(
              request.id,
              JsonRpc.McpError.internalError(
                interrupted ? "Internal error: the request was interrupted" : "Internal error"
              )
            )
          )
        }
      })
  })

/** What wraps every request's handling: the client's logging, and the request timeout. */
type Bound = <A, R>(handled: Effect.Effect<A, JsonRpc.McpError, R>) => Effect.Effect<A, JsonRpc.McpError, R>

const bounds = (session: McpSession.McpSession, request: JsonRpc.Request, log: ClientLog): Effect.Effect<Bound> =>
  Effect.flatMap(Ref.get(session.logLevel), (logLevel) =>
    Effect.map(Ref.get(session.config), ({ options }): Bound => {
      const { requestTimeout } = options
      if (Option.isNone(logLevel) && requestTimeout === undefined) {
        return identity
      }
      return (handled) => {
        let bounded = handled
        if (Option.isSome(logLevel)) {
          // The client asked for log messages: the request's own Effect.log lines go to it as well.
          bounded = withClientLogger(logLevel.value, (runtime, message) => log(runtime, message, request.id))(bounded)
        }
        if (requestTimeout !== undefined) {
          bounded = Effect.timeoutFail(bounded, {
            duration: requestTimeout,
            onTimeout: () => JsonRpc.McpError.internalError(`Request "${request.method}" timed out`)
          })
        }
        return bounded
      }
    }))

const identity: Bound = (handled) => handled

/**
 * Starts a request's fiber from `runtime` (the references of the fiber that received it) and runs its work, then
 * `then`, there. The fiber's context is, from its first instruction, the services its work needs: no provide sits
 * between the engine and the handler.
 */
type Start = (runtime: Runtime.Runtime<never>, then: McpSession.Continuation) => Fiber.RuntimeFiber<void>

/**
 * How a request is run. A `tools/call` of a known tool, with no session middleware around it, runs in a fiber whose
 * context is the tool's own (captured when it was added) plus the request; every other request runs the method's
 * handler, inside the session's middleware, in a fiber whose context is the request, and the method gives the
 * handlers it calls their own contexts.
 */
const resolve = (
  session: McpSession.McpSession,
  request: JsonRpc.Request,
  context: McpRequest["Type"],
  client: Option.Option<McpSession.ClientState>
): Effect.Effect<Start> =>
  Effect.flatMap(Ref.get(session.middleware), (middleware) => {
    const general = (): Start => {
      const routed = route(context, client)
      const handled = middleware.reduceRight<Effect.Effect<unknown, JsonRpc.McpError, McpRequest>>(
        (next, wrap) => wrap(next),
        routed
      )
      const services = Context.make(McpRequest, context)
      return (runtime, then) =>
        Runtime.runFork(
          Runtime.make({ context: services, fiberRefs: runtime.fiberRefs, runtimeFlags: runtime.runtimeFlags })
        )(then(handled))
    }
    if (middleware.length > 0 || request.method !== "tools/call" || Option.isNone(client)) {
      return Effect.succeed(general())
    }
    return Effect.map(Ref.get(session.tools), (tools) => {
      const direct = directCall(context.params, tools, client.value.protocolVersion)
      if (Option.isNone(direct)) {
        return general()
      }
      const { args, tool } = direct.value
      return (runtime, then) => tool.start(args, context, runtime, then)
    })
  })

/** A request's handling, ending in its response, inside a span of its own (see `internal/tracing`). */
const traceRequest = <R>(
  request: JsonRpc.Request,
  origin: Origin,
  client: Option.Option<McpSession.ClientState>,
  meta: Readonly<Record<string, unknown>> | undefined,
  parent: Option.Option<Tracer.AnySpan>,
  answer: Effect.Effect<JsonRpc.Response, never, R>
): Effect.Effect<JsonRpc.Response, never, R> =>
  Tracing.traced(request, {
    meta,
    protocolVersion: Option.match(client, { onNone: () => undefined, onSome: (state) => state.protocolVersion }),
    sessionId: origin.sessionId,
    parent
  }, answer)

/**
 * Runs a conversation between a live session and a client over a transport, until the client goes away.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  session: McpSession.McpSession,
  transport: McpTransport,
  options?: ConnectOptions
): Effect.Effect<void, TransportError> =>
  // Interruptible wherever it is forked from (HTTP handlers run uninterruptibly): ending a connection must end it.
  // The scope is passed by hand rather than provided: a conversation may idle for hours, and a provided service
  // would keep a copy of the fiber's references for all that time.
  Effect.interruptible(Effect.flatMap(Scope.make(), (scope) =>
    Effect.flatMap(setUp(session, transport.send, scope, options), (onFrame) =>
      forEachFrame(transport.incoming, onFrame)).pipe(
        Effect.onExit((exit) =>
          Scope.close(scope, exit)
        )
      )))

/**
 * Connects a live session to a client for as long as the scope is open, with no fiber of its own: the result handles
 * one frame from the client, in the caller's fiber, and each request runs in a fiber of its own in the scope. When
 * the scope closes, requests in flight are interrupted and the session's end hooks run.
 *
 * `run` is this plus a loop over a transport's incoming frames. A transport called once per message (an HTTP POST)
 * can use it directly and spare each idle connection a waiting fiber.
 *
 * @example
 * ```ts
 * import { JsonRpc, McpServer, McpSession, McpTransport } from "@mcp-effect/server"
 * import { Effect } from "effect"
 *
 * declare const send: McpTransport.McpTransport["send"]
 * const program = Effect.gen(function*() {
 *   const session = yield* McpSession.live
 *   const receive = yield* McpServer.connect(session, send)
 *   // ... for each message from the client:
 *   yield* receive(McpTransport.json(JsonRpc.request(1, "ping")))
 * }).pipe(Effect.scoped)
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const connect = (
  session: McpSession.McpSession,
  send: McpTransport["send"],
  options?: ConnectOptions
): Effect.Effect<(frame: Frame) => Effect.Effect<void>, never, Scope.Scope> =>
  Effect.flatMap(
    Effect.scope,
    (scope) =>
      Effect.map(setUp(session, send, scope, options), (onFrame) => (frame: Frame) =>
        // Whatever fiber calls it (HTTP handlers run uninterruptibly), the requests it starts can be cancelled.
        Effect.interruptible(onFrame(frame)))
  )

/** Prepares a conversation in its scope; the result handles one frame from the client. */
const setUp = (
  session: McpSession.McpSession,
  send: McpTransport["send"],
  scope: Scope.Scope,
  options: ConnectOptions | undefined
): Effect.Effect<(frame: Frame) => Effect.Effect<void>> =>
  Effect.gen(function*() {
    // Decided once per conversation: the tracer is the application's, set where the program starts.
    const traced = yield* Tracing.isInstalled
    const sessionId = options?.sessionId
    // The log line of each request still on its way, if any: whatever the request sends next (progress, a request to
    // the client, its response) waits for it, so that a client reading the request's stream sees every line before
    // the result. Loggers are synchronous, so each line goes out on a fiber of its own, chained after the one before.
    // Made on the first line: most conversations never log to their client, and an idle one should hold nothing.
    let logTails: Map<JsonRpc.RequestId, Fiber.RuntimeFiber<void>> | undefined
    const afterLogs = (
      relatedRequestId: JsonRpc.RequestId | undefined,
      sent: Effect.Effect<void>
    ): Effect.Effect<void> => {
      const tail = relatedRequestId === undefined ? undefined : logTails?.get(relatedRequestId)
      return tail === undefined ? sent : Effect.zipRight(Fiber.await(tail), sent)
    }
    const transport: Pick<McpTransport, "send"> = {
      send: (message, options) => afterLogs(options?.relatedRequestId, send(message, options))
    }
    const log: ClientLog = (runtime, message, relatedRequestId) => {
      const line = afterLogs(relatedRequestId, send(message, { relatedRequestId }))
      const fiber = Runtime.runFork(runtime)(line)
      const tails = logTails ??= new Map()
      tails.set(relatedRequestId, fiber)
      fiber.addObserver(() => {
        if (tails.get(relatedRequestId) === fiber) tails.delete(relatedRequestId)
      })
    }
    // Requests being handled, by id, for `notifications/cancelled`. Their fibers live in the conversation's scope.
    // Keyed by the id itself: a Map tells `1` from `"1"`, as JSON-RPC does.
    const inFlight = new Map<JsonRpc.RequestId, InFlight>()

    // Hooks and server-to-client requests end with the conversation, whatever ends it.
    yield* Scope.addFinalizer(
      scope,
      Effect.zipRight(
        session.disconnect,
        Effect.flatMap(Ref.get(session.endHooks), (hooks) => runHooks(session, hooks))
      )
    )
    // Messages the session sends of itself (list changes, log lines, requests to the client) go out on the transport
    // from the fiber that sends them: no fiber per conversation waits for them.
    yield* Scope.extend(
      session.connect((message, relatedRequestId) =>
        transport.send(message, relatedRequestId === undefined ? undefined : { relatedRequestId })
      ),
      scope
    )

    const plainOrigin: Origin = { transport: Context.empty(), send: transport.send, log, scope, traced, sessionId }
    const originOf = (context: Context.Context<never> | undefined): Origin =>
      context === undefined ? plainOrigin : { transport: context, send: transport.send, log, scope, traced, sessionId }

    const fork = (effect: Effect.Effect<void>) => Effect.asVoid(Effect.forkIn(effect, scope))

    const onNotification = (notification: JsonRpc.Notification): Effect.Effect<void> => {
      switch (notification.method) {
        case "notifications/initialized":
          return Effect.flatMap(Ref.get(session.client), (client) =>
            Option.isNone(client)
              ? Effect.void
              : Effect.flatMap(Ref.getAndSet(session.ready, true), (wasReady) =>
                wasReady
                  ? Effect.void
                  : fork(Effect.flatMap(Ref.get(session.startHooks), (hooks) => runHooks(session, hooks)))))
        case "notifications/cancelled": {
          // The cancelled request's fiber is interrupted: its finalizers run and it sends no response.
          const requestId = notification.params?.requestId
          return typeof requestId === "string" || typeof requestId === "number"
            ? Effect.suspend(() => {
              const fiber = inFlight.get(requestId)?.fiber
              inFlight.delete(requestId)
              return fiber === undefined ? Effect.void : Fiber.interrupt(fiber)
            })
            : Effect.void
        }
        case "notifications/progress":
          return Option.match(decodeProgress(notification.params), {
            onNone: () => Effect.void,
            onSome: session.progressed
          })
        case "notifications/roots/list_changed":
          return Ref.set(session.roots, Option.none()).pipe(
            Effect.zipRight(Ref.get(session.rootsChangedHooks)),
            Effect.flatMap((hooks) => fork(runHooks(session, hooks)))
          )
        default:
          return Effect.void
      }
    }

    // Every request runs in a fiber of its own, outside the scope: the conversation ends them with it all the same.
    yield* Scope.addFinalizer(
      scope,
      Effect.suspend(() =>
        Fiber.interruptAll(Array.from(inFlight.values(), (entry) => entry.fiber).filter(Predicate.isNotUndefined))
      )
    )

    /**
     * Runs one request in a fiber of its own; `reply` gets its answer, unless the client cancelled it or the
     * conversation ended (its fiber is then interrupted, runs its finalizers, and answers nothing). The request's id
     * is in use from now until it is answered or its fiber ends, whichever comes first: the fiber's observer sees
     * every way it can end.
     */
    const start = (
      request: JsonRpc.Request,
      origin: Origin,
      reply: (response: JsonRpc.Response) => Effect.Effect<void>
    ): Effect.Effect<Fiber.RuntimeFiber<void> | undefined> =>
      Effect.suspend(() => {
        const { id } = request
        if (inFlight.has(id)) {
          return Effect.as(
            reply(JsonRpc.failure(
              id,
              JsonRpc.McpError.invalidRequest(`Invalid request: id ${JSON.stringify(id)} is already in use`)
            )),
            undefined
          )
        }
        // Remembered at once, so that a cancellation read next finds it; the fiber is filled in once started.
        const entry: InFlight = { fiber: undefined }
        inFlight.set(id, entry)
        const release = () => {
          if (inFlight.get(id) === entry) inFlight.delete(id)
        }
        const answer = (response: JsonRpc.Response): Effect.Effect<void> => {
          // The id is free again as soon as the answer is decided, before it is written.
          release()
          return afterLogs(id, reply(response))
        }
        return Effect.flatMap(Ref.get(session.client), (client) => {
          const context = requestContext(session, request, origin, client)
          return Effect.flatMap(resolve(session, request, context, client), (run) =>
            Effect.flatMap(bounds(session, request, origin.log), (bound) =>
              Effect.withFiberRuntime<Fiber.RuntimeFiber<void>>((parent, status) => {
                // The request's fiber starts with a context of its own: the span current here is handed over by hand.
                const then: McpSession.Continuation = origin.traced
                  ? (work) =>
                    Effect.flatMap(
                      traceRequest(
                        request,
                        origin,
                        client,
                        context.meta,
                        Context.getOption(parent.currentContext, Tracer.ParentSpan),
                        toResponse(request)(bound(work))
                      ),
                      answer
                    )
                  : (work) => Effect.flatMap(toResponse(request)(bound(work)), answer)
                const fiber = run(
                  Runtime.make({
                    context: Context.empty(),
                    fiberRefs: parent.getFiberRefs(),
                    runtimeFlags: status.runtimeFlags
                  }),
                  then
                )
                entry.fiber = fiber
                fiber.addObserver(release)
                return Effect.succeed(fiber)
              })))
        })
      })

    const onRequest = (request: JsonRpc.Request, origin: Origin): Effect.Effect<void> =>
      Effect.asVoid(start(request, origin, (response) => transport.send(response)))

    const onMessage = (value: unknown, origin: Origin): Effect.Effect<void> => {
      const message = JsonRpc.classify(value)
      switch (message._tag) {
        case "Request":
          return onRequest(message.message, origin)
        case "Notification":
          return onNotification(message.message)
        case "Response":
          return session.resolve(message.message)
        case "Invalid":
          return transport.send(JsonRpc.failure(message.id, message.error))
      }
    }

    const onBatch = (values: ReadonlyArray<unknown>, origin: Origin): Effect.Effect<void> =>
      Effect.flatMap(Ref.get(session.client), (client) => {
        const version = Option.map(client, (c) => c.protocolVersion)
        if (values.length === 0 || Option.isNone(version) || !McpProtocol.has(version.value, "batches")) {
          const reason = values.length === 0
            ? "an empty batch"
            : Option.match(version, {
              onNone: () => "a batch before \"initialize\"",
              onSome: (v) => `a batch: protocol version ${v} has no batches`
            })
          return transport.send(JsonRpc.failure(null, JsonRpc.McpError.invalidRequest(`Invalid request: ${reason}`)))
        }
        // Each request of the batch runs as any request does; the batch is answered, in one message, once they all
        // have ended (a cancelled one has no answer in it).
        const answers: Array<JsonRpc.Response | undefined> = values.map(() => undefined)
        return Effect.forEach(values, (value, i): Effect.Effect<Fiber.RuntimeFiber<void> | undefined> => {
          const message = JsonRpc.classify(value)
          switch (message._tag) {
            case "Request":
              return start(message.message, origin, (response) => Effect.sync(() => void (answers[i] = response)))
            case "Notification":
              return Effect.as(onNotification(message.message), undefined)
            case "Response":
              return Effect.as(session.resolve(message.message), undefined)
            case "Invalid":
              return Effect.sync(() => void (answers[i] = JsonRpc.failure(message.id, message.error)))
          }
        }).pipe(
          Effect.flatMap((fibers) => Fiber.awaitAll(fibers.filter(Predicate.isNotUndefined))),
          Effect.flatMap(() => {
            const answered = answers.filter(Predicate.isNotUndefined)
            return answered.length === 0 ? Effect.void : transport.send(answered)
          }),
          fork
        )
      })

    const onFrame = (frame: Frame): Effect.Effect<void> => {
      if (frame._tag === "Malformed") {
        return transport.send(JsonRpc.failure(null, frame.error))
      }
      const origin = originOf(frame.context)
      return Array.isArray(frame.value) ? onBatch(frame.value, origin) : onMessage(frame.value, origin)
    }
    return onFrame
  })

/** Handles every frame in order until the client goes; a mailbox is drained directly, a chunk at a time. */
const forEachFrame = (
  incoming: McpTransport["incoming"],
  f: (frame: Frame) => Effect.Effect<void>
): Effect.Effect<void, TransportError> => {
  if (!Mailbox.isReadonlyMailbox<Frame, TransportError>(incoming)) {
    return Stream.runForEach(incoming, f)
  }
  const loop: Effect.Effect<void, TransportError> = Effect.flatMap(incoming.takeAll, ([frames, done]) => {
    const handled = Effect.forEach(Chunk.toReadonlyArray(frames), f, { discard: true })
    return done ? handled : Effect.zipRight(handled, loop)
  })
  return loop
}

const decodeProgress = Schema.decodeUnknownOption(McpSchema.ProgressNotificationParams)

/** Runs hooks one after another; a hook's defect is logged and never reaches the conversation. */
const runHooks = (session: McpSession.McpSession, hooks: ReadonlyArray<McpSession.Hook>): Effect.Effect<void> =>
  Effect.forEach(
    hooks,
    (hook) => Effect.catchAllCause(hook(session), (cause) => Effect.logError("An MCP session hook failed", cause)),
    {
      discard: true
    }
  )

/**
 * Copies the application's template into a new live session and runs a conversation on it.
 *
 * @since 0.1.0
 * @category running
 */
export const serve = (transport: McpTransport): Effect.Effect<void, TransportError, McpSession.Template> =>
  Effect.flatMap(McpSession.live, (session) => run(session, transport))
