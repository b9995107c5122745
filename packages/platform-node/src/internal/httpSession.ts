/**
 * One Streamable HTTP session: a live MCP session, the conversation running on it, and the SSE streams its messages
 * travel on.
 *
 * Every POSTed request gets a *channel*: a logical stream identified by a stream id, alive from the POST until the
 * request's response has been sent. The messages the engine sends for that request (its notifications, requests to
 * the client, and finally its response) go to the channel. Until the first of them arrives the channel is
 * *waiting*; if that first message is the response, the POST is answered with plain JSON and nothing is stored.
 * Otherwise the channel becomes *streaming*: from then on each message is appended to the event store (which names
 * the event) and written to the channel's current connection, if it has one. A client whose connection broke
 * reconnects with `GET` and `Last-Event-ID`: the store replays what it missed, and the new connection takes over the
 * channel. Messages tied to no request go to the session's *standalone* stream (the `GET` stream), which works the
 * same way.
 *
 * A semaphore orders everything that appends to the store or moves a connection, so a replay and a live message
 * never cross. The common exchange takes no lock: while a channel is waiting, a message is only buffered, which is
 * synchronous, and a response that is the whole answer is sent as JSON without touching the store.
 *
 * An idle session holds as little as it can: no fiber of its own (the conversation is connected with
 * `McpServer.connect`, and each POST hands its message to the engine from its own fiber; idle sessions are expired by
 * the registry's one sweeper), and its lock is made the first time it is needed.
 */
import type { McpSession } from "@mcp-effect/server"
import { JsonRpc, McpServer, McpTransport } from "@mcp-effect/server"
import type * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Mailbox from "effect/Mailbox"
import * as Option from "effect/Option"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type * as EventStore from "../EventStore.js"
import * as Wire from "./httpWire.js"

/** Why a session ended. */
export type CloseReason = "deleted" | "expired" | "shutdown" | "ended"

/** How a POSTed request is answered. */
export type Reply =
  | { readonly _tag: "Json"; readonly body: string; readonly message: JsonRpc.Outgoing }
  | { readonly _tag: "Sse"; readonly events: Stream.Stream<Uint8Array> }
  | { readonly _tag: "Closed"; readonly reason: CloseReason }

/** Messages kept for the standalone stream while no `GET` connection is open, at most. */
const MAX_PENDING = 100

interface Channel {
  readonly streamId: string
  /** The request keys this channel answers: one, or those of a batch. */
  readonly keys: ReadonlyArray<string>
  readonly batch: boolean
  state: "waiting" | "streaming"
  /** Messages received while waiting. */
  buffer: Array<JsonRpc.Outgoing>
  /** Resumes the POST waiting for the first message (or for the session's end); set while it waits. */
  wake: (() => void) | undefined
  connection: Mailbox.Mailbox<string> | undefined
  /** The final response has been sent. */
  done: boolean
  /** Set by `poll` while waiting: answer with an SSE stream that ends at once, after this `retry` (ms). */
  pollRetry: number | undefined
}

/** A live session served over HTTP. */
export interface HttpSession {
  /** The `Mcp-Session-Id`; empty for stateless and legacy sessions. */
  readonly id: string
  readonly live: McpSession.McpSession
  readonly isClosed: () => boolean
  /** Whether a request with this key is in flight. */
  readonly hasRequest: (key: string) => boolean
  /** Hands a frame that needs no answer (notifications, responses) to the engine. */
  readonly deliver: (frame: McpTransport.Frame) => Effect.Effect<void>
  /**
   * Hands a frame with requests to the engine and waits for its answer: JSON if the response comes first, else an
   * SSE stream (starting with a priming event when `priming`) that ends after the response.
   */
  readonly request: (
    value: unknown,
    context: Context.Context<never>,
    keys: ReadonlyArray<string>,
    options: { readonly batch: boolean; readonly priming: boolean }
  ) => Effect.Effect<Reply>
  /** Opens the standalone stream, starting with `prelude`'s events; `Left` when one is already open. */
  readonly openStandalone: (
    options: { readonly priming: boolean; readonly prelude?: ReadonlyArray<string> }
  ) => Effect.Effect<Either.Either<Stream.Stream<Uint8Array>, "Conflict">>
  /** Replays a stream of this session after `lastEventId` and continues it; `None` when that cannot be done. */
  readonly resume: (lastEventId: string) => Effect.Effect<Option.Option<Stream.Stream<Uint8Array>>>
  /**
   * The client cancelled a request (`notifications/cancelled`): the engine sends no response for it, so its POST is
   * answered with an empty stream, or its stream ended.
   */
  readonly cancel: (key: string) => Effect.Effect<void>
  /**
   * SSE polling: ends the POST stream of a request in progress after a priming event and a `retry` (ms), so the
   * client comes back with `Last-Event-ID`; what the request sends meanwhile is stored for that. False when the
   * request has no stream to end.
   */
  readonly poll: (key: string, retryMs: number) => Effect.Effect<boolean>
  /** Runs an HTTP exchange of this session, which counts as activity. */
  readonly track: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** Whether an exchange or an SSE connection is open. */
  readonly isBusy: () => boolean
  /** Clock time (ms) of the last activity. */
  readonly lastActivity: () => number
  /** Ends the session: its connections, then its conversation (interrupted; its finalizers run). */
  readonly close: (reason: CloseReason) => Effect.Effect<void>
}

/** The key of a request id, as the engine keys them: `1` and `"1"` differ. */
export const keyOf = (id: JsonRpc.RequestId): string => typeof id === "number" ? `n${id}` : `s${id}`

const { isBatch, isResponse } = JsonRpc

const encodeEvent = (eventId: string, message: JsonRpc.Outgoing): Effect.Effect<Option.Option<string>> =>
  Effect.map(Wire.encode(message), Option.map((data) => Wire.sseEvent(eventId, data)))

/** A store that keeps nothing, for sessions that cannot be resumed. */
export const discardingStore: EventStore.EventStore = (() => {
  let next = 0
  return {
    append: (streamId) => Effect.sync(() => `${streamId}:${++next}`),
    replayAfter: () => Effect.succeedNone,
    forget: () => Effect.void
  }
})()

/** Makes a session and connects its conversation, in a scope of its own that `close` closes. */
export const make = (options: {
  readonly id: string
  readonly live: McpSession.McpSession
  readonly store: EventStore.EventStore
  readonly keepAlive: Duration.Duration
  /** Every message goes to the standalone stream (the 2024-11-05 HTTP+SSE transport has no other). */
  readonly single: boolean
  readonly onClose: (session: HttpSession) => void
}): Effect.Effect<HttpSession> =>
  Effect.gen(function*() {
    const { live, store } = options
    const scope = yield* Scope.make()
    // Made when first needed: most sessions only ever answer with JSON, which takes no lock.
    let lock: Effect.Semaphore | undefined
    const locked = <A>(effect: Effect.Effect<A>): Effect.Effect<A> =>
      Effect.suspend(() => (lock ??= Effect.unsafeMakeSemaphore(1)).withPermits(1)(effect))
    const tag = Wire.streamTag()
    const standaloneId = `${tag}.0`

    let isClosed = false
    let closeReason: CloseReason = "ended"
    let nextStream = 0
    let lastActivity = yield* Effect.clockWith((clock) => clock.currentTimeMillis)
    let exchanges = 0
    let connections = 0
    const byKey = new Map<string, Channel>()
    const batches: Array<Channel> = []
    const channels = new Map<string, Channel>()
    const storedStreams = new Set<string>()
    let standalone: Mailbox.Mailbox<string> | undefined
    let pending: Array<string> = []

    const touch = Effect.clockWith((clock) =>
      Effect.sync(() => {
        lastActivity = clock.unsafeCurrentTimeMillis()
      })
    )

    /** Appends a message to a stream in the store and renders its SSE event. */
    const emit = (streamId: string, message: JsonRpc.Outgoing): Effect.Effect<Option.Option<string>> =>
      Effect.flatMap(store.append(streamId, message), (eventId) => {
        storedStreams.add(streamId)
        return encodeEvent(eventId, message)
      })

    const prime = (streamId: string): Effect.Effect<string> =>
      Effect.map(store.append(streamId, null), (eventId) => {
        storedStreams.add(streamId)
        return Wire.ssePriming(eventId)
      })

    const finish = (channel: Channel): void => {
      channel.done = true
      for (const key of channel.keys) {
        if (byKey.get(key) === channel) byKey.delete(key)
      }
      const index = batches.indexOf(channel)
      if (index !== -1) batches.splice(index, 1)
      channels.delete(channel.streamId)
    }

    /** Where a message goes: a request's channel, the standalone stream, or nowhere (a response nobody waits for). */
    const route = (
      message: JsonRpc.Outgoing,
      related: JsonRpc.RequestId | undefined
    ): Channel | "standalone" | "drop" => {
      if (options.single) return "standalone"
      if (related !== undefined) {
        return byKey.get(keyOf(related)) ?? (isBatch(message) || isResponse(message) ? "drop" : "standalone")
      }
      if (isBatch(message)) {
        for (const m of message) {
          const channel = isResponse(m) && m.id !== null ? byKey.get(keyOf(m.id)) : undefined
          if (channel !== undefined) return channel
        }
        return batches[0] ?? "drop"
      }
      if (!isResponse(message)) return "standalone"
      if (message.id !== null) return byKey.get(keyOf(message.id)) ?? "drop"
      // A response without an id answers an unreadable batch: the oldest batch waiting gets it.
      return batches[0] ?? "drop"
    }

    const isFinal = (channel: Channel, message: JsonRpc.Outgoing): boolean =>
      channel.batch
        ? isBatch(message) || (isResponse(message) && message.id === null)
        : !isBatch(message) && isResponse(message) && message.id !== null && keyOf(message.id) === channel.keys[0]

    /** A message for a channel still waiting: buffered, and its POST woken. Synchronous, so it needs no lock. */
    const buffer = (channel: Channel, message: JsonRpc.Outgoing): void => {
      if (isFinal(channel, message)) finish(channel)
      channel.buffer.push(message)
      wakeUp(channel)
    }

    const wakeUp = (channel: Channel): void => {
      const wake = channel.wake
      channel.wake = undefined
      wake?.()
    }

    const send = (message: JsonRpc.Outgoing, sendOptions?: McpTransport.SendOptions): Effect.Effect<void> =>
      Effect.suspend(() => {
        if (isClosed) return Effect.void
        // The hot path: a response (or a first notification) for a request whose POST still waits.
        const target = route(message, sendOptions?.relatedRequestId)
        if (typeof target !== "string" && target.state === "waiting") {
          buffer(target, message)
          return Effect.void
        }
        return locked(sendLocked(message, sendOptions))
      })

    const sendLocked = (message: JsonRpc.Outgoing, sendOptions?: McpTransport.SendOptions): Effect.Effect<void> =>
      Effect.suspend(() => {
        if (isClosed) return Effect.void
        // Routed again: what was true before the lock was taken may not be now.
        const target = route(message, sendOptions?.relatedRequestId)
        if (target === "drop") {
          return Effect.logDebug("MCP HTTP: dropped a response no request is waiting for")
        }
        if (target === "standalone") {
          return Effect.flatMap(
            emit(standaloneId, message),
            Option.match({
              onNone: () => Effect.void,
              onSome: (event) =>
                Effect.sync(() => {
                  if (standalone !== undefined) {
                    standalone.unsafeOffer(event)
                  } else {
                    // Kept for the next GET stream; the oldest go first when too many pile up.
                    pending.push(event)
                    if (pending.length > MAX_PENDING) pending.shift()
                  }
                })
            })
          )
        }
        const channel = target
        if (channel.state === "waiting") {
          buffer(channel, message)
          return Effect.void
        }
        const final = isFinal(channel, message)
        if (final) finish(channel)
        return Effect.flatMap(emit(channel.streamId, message), (event) =>
          Effect.sync(() => {
            const connection = channel.connection
            if (connection === undefined) return
            if (Option.isSome(event)) connection.unsafeOffer(event.value)
            if (final) connection.unsafeDone(Exit.void)
          }))
      })

    // The conversation has no fiber: each message goes to the engine from the fiber of the POST that carried it.
    const receive = yield* Scope.extend(
      McpServer.connect(live, send, options.id === "" ? undefined : { sessionId: options.id }),
      scope
    )

    /** The bytes of a connection: its events and keep-alives, until it ends; `release` runs when it is gone. */
    const sse = (connection: Mailbox.Mailbox<string>, release: Effect.Effect<void>): Stream.Stream<Uint8Array> =>
      Mailbox.toStream(connection).pipe(
        // Made per stream, not per session: most sessions never open one.
        Stream.merge(Stream.repeatEffect(Effect.as(Effect.sleep(options.keepAlive), Wire.sseKeepAlive)), {
          haltStrategy: "left"
        }),
        Stream.encodeText,
        Stream.ensuring(Effect.zipRight(locked(release), touch))
      )

    const releaseChannel = (channel: Channel, connection: Mailbox.Mailbox<string>): Effect.Effect<void> =>
      Effect.sync(() => {
        if (channel.connection === connection) {
          channel.connection = undefined
          connections--
        }
      })

    const releaseStandalone = (connection: Mailbox.Mailbox<string>): Effect.Effect<void> =>
      Effect.sync(() => {
        if (standalone === connection) {
          standalone = undefined
          connections--
        }
      })

    /**
     * Once the first message has come: JSON when it is the whole answer, else an SSE stream from there on. A channel
     * that is done gets no more messages, so its JSON answer needs no lock.
     */
    const decide = (channel: Channel, priming: boolean): Effect.Effect<Reply> =>
      Effect.suspend(() => {
        if (channel.done && channel.buffer.length === 0) {
          // Cancelled before anything was sent: the request gets no response, so the stream is empty.
          return Effect.succeed<Reply>({ _tag: "Sse", events: Stream.empty })
        }
        if (channel.done && channel.buffer.length === 1 && isFinal(channel, channel.buffer[0])) {
          const message = channel.buffer[0]
          channel.buffer = []
          return Effect.map(
            Wire.encode(message),
            Option.match({
              onNone: (): Reply => ({ _tag: "Closed", reason: "ended" }),
              onSome: (body): Reply => ({ _tag: "Json", body, message })
            })
          )
        }
        return locked(stream(channel, priming))
      })

    /** The channel turns into an SSE stream: what it buffered first, then each message as it comes. */
    const stream = (channel: Channel, priming: boolean): Effect.Effect<Reply> =>
      Effect.gen(function*() {
        const connection = yield* Mailbox.make<string>()
        channel.state = "streaming"
        if (channel.pollRetry !== undefined) {
          // Polling asked for before the first message: a priming event (the id to resume from), then the end.
          connection.unsafeOffer(yield* prime(channel.streamId))
          for (const message of channel.buffer) {
            const event = yield* emit(channel.streamId, message)
            if (Option.isSome(event)) connection.unsafeOffer(event.value)
          }
          channel.buffer = []
          connection.unsafeOffer(Wire.sseRetry(channel.pollRetry))
          connection.unsafeDone(Exit.void)
          return { _tag: "Sse", events: sse(connection, Effect.void) }
        }
        if (priming) connection.unsafeOffer(yield* prime(channel.streamId))
        for (const message of channel.buffer) {
          const event = yield* emit(channel.streamId, message)
          if (Option.isSome(event)) connection.unsafeOffer(event.value)
        }
        channel.buffer = []
        if (channel.done || isClosed) {
          // Answered already, or the session ended while the POST was being answered: nothing more will come.
          connection.unsafeDone(Exit.void)
        } else {
          channel.connection = connection
          connections++
        }
        return { _tag: "Sse", events: sse(connection, releaseChannel(channel, connection)) } satisfies Reply
      })

    /** The POST's connection went before the first message: later messages are only stored. */
    const abandon = (channel: Channel): Effect.Effect<void> =>
      locked(Effect.gen(function*() {
        if (channel.state !== "waiting") return
        channel.state = "streaming"
        for (const message of channel.buffer) yield* emit(channel.streamId, message)
        channel.buffer = []
      }))

    /** Waits until the channel has a message, or the session ends; the client leaving abandons the channel. */
    const first = (channel: Channel): Effect.Effect<void> =>
      Effect.interruptible(Effect.async<void>((resume) => {
        if (channel.buffer.length > 0 || channel.done || channel.pollRetry !== undefined || isClosed) {
          return resume(Effect.void)
        }
        channel.wake = () => resume(Effect.void)
        return Effect.suspend(() => {
          channel.wake = undefined
          return abandon(channel)
        })
      }))

    const request: HttpSession["request"] = (value, context, keys, { batch, priming }) =>
      Effect.suspend(() => {
        if (isClosed) return Effect.succeed<Reply>({ _tag: "Closed", reason: closeReason })
        const channel: Channel = {
          streamId: `${tag}.${++nextStream}`,
          keys,
          batch,
          state: "waiting",
          buffer: [],
          wake: undefined,
          connection: undefined,
          done: false,
          pollRetry: undefined
        }
        for (const key of keys) byKey.set(key, channel)
        if (batch) batches.push(channel)
        channels.set(channel.streamId, channel)
        return Effect.flatMap(Effect.zipRight(receive(McpTransport.json(value, context)), first(channel)), () => {
          // Woken by the session's end: unless the answer came first, the POST gets the reason.
          return isClosed && channel.buffer.length === 0 && !channel.done
            ? Effect.succeed<Reply>({ _tag: "Closed", reason: closeReason })
            : decide(channel, priming)
        })
      })

    const cancel = (key: string): Effect.Effect<void> =>
      locked(Effect.suspend(() => {
        const channel = byKey.get(key)
        if (channel === undefined || channel.batch) return Effect.void
        finish(channel)
        if (channel.state === "waiting") {
          wakeUp(channel)
          return Effect.void
        }
        channel.connection?.unsafeDone(Exit.void)
        return Effect.void
      }))

    const poll: HttpSession["poll"] = (key, retryMs) =>
      locked(Effect.gen(function*() {
        const channel = byKey.get(key)
        if (channel === undefined || channel.batch || channel.done) return false
        if (channel.state === "waiting") {
          channel.pollRetry = retryMs
          wakeUp(channel)
          return true
        }
        const connection = channel.connection
        if (connection === undefined) return true
        // The client needs an event id to come back with: a priming event gives one even if nothing was sent yet.
        connection.unsafeOffer(yield* prime(channel.streamId))
        connection.unsafeOffer(Wire.sseRetry(retryMs))
        connection.unsafeDone(Exit.void)
        channel.connection = undefined
        connections--
        return true
      }))

    const openStandalone: HttpSession["openStandalone"] = ({ prelude, priming }) =>
      locked(Effect.gen(function*() {
        if (standalone !== undefined) return Either.left("Conflict" as const)
        const connection = yield* Mailbox.make<string>()
        if (prelude !== undefined) connection.unsafeOfferAll(prelude)
        if (priming) connection.unsafeOffer(yield* prime(standaloneId))
        connection.unsafeOfferAll(pending)
        pending = []
        if (isClosed) {
          connection.unsafeDone(Exit.void)
        } else {
          standalone = connection
          connections++
        }
        return Either.right(sse(connection, releaseStandalone(connection)))
      }))

    const resume: HttpSession["resume"] = (lastEventId) =>
      locked(Effect.gen(function*() {
        const connection = yield* Mailbox.make<string>()
        const replayed = yield* store.replayAfter(lastEventId, (eventId, message) =>
          message === null
            ? Effect.void
            : Effect.map(encodeEvent(eventId, message), Option.map((event) => connection.unsafeOffer(event))))
        // Another session's stream is as good as unknown: its events are never sent here.
        if (Option.isNone(replayed) || !replayed.value.startsWith(`${tag}.`)) return Option.none()
        const streamId = replayed.value
        if (isClosed) {
          connection.unsafeDone(Exit.void)
          return Option.some(sse(connection, Effect.void))
        }
        if (streamId === standaloneId) {
          // Whatever was pending is in the replay already.
          pending = []
          if (standalone !== undefined) {
            standalone.unsafeDone(Exit.void)
          } else {
            connections++
          }
          standalone = connection
          return Option.some(sse(connection, releaseStandalone(connection)))
        }
        const channel = channels.get(streamId)
        if (channel === undefined || channel.done) {
          // The request was answered: the replay holds everything up to its response.
          connection.unsafeDone(Exit.void)
          return Option.some(sse(connection, Effect.void))
        }
        if (channel.connection !== undefined) {
          channel.connection.unsafeDone(Exit.void)
        } else {
          connections++
        }
        channel.connection = connection
        return Option.some(sse(connection, releaseChannel(channel, connection)))
      }))

    const close = (reason: CloseReason): Effect.Effect<void> =>
      Effect.uninterruptible(Effect.suspend(() => {
        if (isClosed) return Effect.void
        isClosed = true
        closeReason = reason
        options.onClose(session)
        standalone?.unsafeDone(Exit.void)
        for (const channel of channels.values()) {
          channel.connection?.unsafeDone(Exit.void)
          // A POST still waiting is answered with the reason.
          wakeUp(channel)
        }
        // The conversation ends with its scope: requests in flight are interrupted, end hooks run.
        return Effect.zipRight(
          Scope.close(scope, Exit.void),
          Effect.forEach(storedStreams, (streamId) => store.forget(streamId), { discard: true })
        )
      }))

    const session: HttpSession = {
      poll,
      id: options.id,
      live,
      isClosed: () => isClosed,
      hasRequest: (key) => byKey.has(key),
      deliver: (frame) => Effect.suspend(() => isClosed ? Effect.void : receive(frame)),
      request,
      cancel,
      openStandalone,
      resume,
      // Busy sessions are never expired, so only the end of an exchange needs to note the time.
      track: (effect) =>
        Effect.acquireUseRelease(
          Effect.sync(() => {
            exchanges++
          }),
          () => effect,
          () =>
            Effect.zipRight(
              Effect.sync(() => {
                exchanges--
              }),
              touch
            )
        ),
      isBusy: () => exchanges > 0 || connections > 0,
      lastActivity: () => lastActivity,
      close
    }
    return session
  })
