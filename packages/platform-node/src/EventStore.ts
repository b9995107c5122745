/**
 * Where the Streamable HTTP transport keeps the events it sends on SSE streams, so that a client whose connection
 * broke can reconnect (`GET` with `Last-Event-ID`) and receive what it missed on that stream.
 *
 * Every SSE event the transport sends is appended here first; the store gives it its event id. The in-memory store
 * (`makeMemory`) is the default of `NodeMcpHttp`; implement `EventStore` to keep events elsewhere.
 *
 * @example
 * ```ts
 * import { EventStore, NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { Effect, Layer } from "effect"
 *
 * // A larger in-memory store than the default.
 * const Server = Layer.unwrapEffect(
 *   Effect.map(EventStore.makeMemory({ capacity: 50_000 }), (eventStore) => NodeMcpHttp.layer({ port: 3000, eventStore }))
 * )
 * ```
 *
 * @since 0.1.0
 */
import type { JsonRpc } from "@mcp-effect/server"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"

/**
 * One stored event: a message, or `null` for a priming event (an event id with empty data, sent so that the client
 * holds a cursor before the first message).
 *
 * @example
 * ```ts
 * import type { EventStore } from "@mcp-effect/platform-node"
 *
 * const priming: EventStore.StoredMessage = null
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type StoredMessage = JsonRpc.Outgoing | null

/**
 * A store of SSE events, by stream.
 *
 * - `append` stores one event of a stream and returns its event id, which must be unique across the store and
 *   must let `replayAfter` find the stream again (the in-memory store writes `${streamId}:${n}`).
 * - `replayAfter` hands every event stored after `lastEventId` on the same stream to `send`, oldest first, and
 *   returns that stream's id. It returns `None`, sending nothing, when it cannot replay without a gap: the id is
 *   unknown, or events after it have been evicted.
 * - `forget` drops a stream's events (its session has ended).
 *
 * The transport checks that a replayed stream belongs to the session asking for it, so a store need not.
 *
 * @example
 * ```ts
 * import type { EventStore } from "@mcp-effect/platform-node"
 * import { Effect, Option } from "effect"
 *
 * // A store that keeps nothing: streams cannot be resumed.
 * let next = 0
 * const none: EventStore.EventStore = {
 *   append: (streamId) => Effect.sync(() => `${streamId}:${++next}`),
 *   replayAfter: () => Effect.succeed(Option.none()),
 *   forget: () => Effect.void
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface EventStore {
  readonly append: (streamId: string, message: StoredMessage) => Effect.Effect<string>
  readonly replayAfter: (
    lastEventId: string,
    send: (eventId: string, message: StoredMessage) => Effect.Effect<void>
  ) => Effect.Effect<Option.Option<string>>
  readonly forget: (streamId: string) => Effect.Effect<void>
}

/**
 * Options of the in-memory store.
 *
 * @example
 * ```ts
 * import type { EventStore } from "@mcp-effect/platform-node"
 *
 * const options: EventStore.MemoryOptions = { capacity: 1_000 }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface MemoryOptions {
  /**
   * The most events held at once, over all streams (default 10,000). When full, the oldest event is evicted; a
   * client resuming from before an evicted event of its stream gets no replay rather than one with a hole in it.
   */
  readonly capacity?: number | undefined
}

/**
 * The default of `MemoryOptions.capacity`: 10,000 events.
 *
 * @example
 * ```ts
 * import { EventStore } from "@mcp-effect/platform-node"
 *
 * const store = EventStore.makeMemory({ capacity: 2 * EventStore.DEFAULT_CAPACITY })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_CAPACITY = 10_000

interface Stream {
  /** The sequence numbers of the stream's retained events, oldest first. */
  readonly seqs: Array<number>
  /** The highest sequence number evicted from this stream: a replay from before it would have a hole. */
  evictedUpTo: number
}

/**
 * A bounded in-memory event store, private to the process: events are lost when it exits, and a client can only
 * resume on the process that served it.
 *
 * @example
 * ```ts
 * import { EventStore } from "@mcp-effect/platform-node"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.makeMemory()
 *   const first = yield* store.append("s1", null)
 *   yield* store.append("s1", { jsonrpc: "2.0", method: "notifications/message", params: {} })
 *   const stream = yield* store.replayAfter(first, (id, message) => Effect.log(id, message))
 *   // stream is Option.some("s1")
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeMemory = (options: MemoryOptions = {}): Effect.Effect<EventStore> =>
  Effect.sync(() => {
    const capacity = Math.max(0, Math.floor(options.capacity ?? DEFAULT_CAPACITY))
    // Every retained event by its sequence number; a Map iterates in insertion order, so the first key is the oldest.
    const events = new Map<number, { readonly streamId: string; readonly message: StoredMessage }>()
    const streams = new Map<string, Stream>()
    let seq = 0

    const evictOldest = (): void => {
      const oldest = events.keys().next()
      if (oldest.done === true) return
      const n = oldest.value
      const event = events.get(n)
      events.delete(n)
      const stream = event === undefined ? undefined : streams.get(event.streamId)
      if (stream !== undefined) {
        stream.seqs.shift()
        stream.evictedUpTo = n
      }
    }

    const parse = (eventId: string): Option.Option<readonly [string, number]> => {
      const colon = eventId.lastIndexOf(":")
      if (colon <= 0) return Option.none()
      const n = Number(eventId.slice(colon + 1))
      return Number.isSafeInteger(n) && n > 0 ? Option.some([eventId.slice(0, colon), n] as const) : Option.none()
    }

    const store: EventStore = {
      append: (streamId, message) =>
        Effect.sync(() => {
          const n = ++seq
          const id = `${streamId}:${n}`
          if (capacity === 0) return id
          let stream = streams.get(streamId)
          if (stream === undefined) {
            stream = { seqs: [], evictedUpTo: 0 }
            streams.set(streamId, stream)
          }
          events.set(n, { streamId, message })
          stream.seqs.push(n)
          while (events.size > capacity) evictOldest()
          return id
        }),
      replayAfter: (lastEventId, send) =>
        Effect.suspend(() => {
          const parsed = parse(lastEventId)
          if (Option.isNone(parsed)) return Effect.succeedNone
          const [streamId, after] = parsed.value
          const stream = streams.get(streamId)
          // The cursor must be an event this store gave out, and nothing after it may have been evicted.
          if (stream === undefined || after > seq || after < stream.evictedUpTo) return Effect.succeedNone
          const replay = stream.seqs.filter((n) => n > after).flatMap((n) => {
            const event = events.get(n)
            return event === undefined ? [] : [[`${streamId}:${n}`, event.message] as const]
          })
          return Effect.as(
            Effect.forEach(replay, ([id, message]) => send(id, message), { discard: true }),
            Option.some(streamId)
          )
        }),
      forget: (streamId) =>
        Effect.sync(() => {
          const stream = streams.get(streamId)
          if (stream === undefined) return
          for (const n of stream.seqs) events.delete(n)
          streams.delete(streamId)
        })
    }
    return store
  })
