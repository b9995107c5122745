/**
 * The sessions of one HTTP endpoint: making them (live session, conversation, the user's `onSession`), finding them
 * by id, counting them against the limit, expiring idle ones, and ending them all at shutdown. Per-process state,
 * owned by the scope the endpoint was made in.
 *
 * Idle sessions are found by one sweeper fiber for the whole endpoint, not a timer per session: it sleeps until the
 * earliest moment a session could expire, closes those that have, and sleeps again.
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { McpSchema, McpSession } from "@mcp-effect/server"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import type * as EventStore from "../EventStore.js"
import type * as Security from "./httpSecurity.js"
import * as HttpSession from "./httpSession.js"
import * as Wire from "./httpWire.js"

/** The endpoint's settings, resolved. */
export interface Config {
  readonly stateless: boolean
  readonly policy: Security.Policy
  readonly maxSessions: number
  readonly maxBodyBytes: number
  readonly idleTimeout: Duration.Duration
  readonly keepAlive: Duration.Duration
  readonly store: EventStore.EventStore
  /** The user's hook, its requirements already provided. */
  readonly onSession: (
    session: McpSession.McpSession,
    request: HttpServerRequest.HttpServerRequest
  ) => Effect.Effect<void>
}

/** What kind of session to open. */
export type Kind =
  /** Streamable HTTP, found by `Mcp-Session-Id`, closed when idle. */
  | { readonly _tag: "Streamable" }
  /** Streamable HTTP without sessions: one request, treated as initialized with this version unless it is `initialize`. */
  | { readonly _tag: "Stateless"; readonly initializeWith: Option.Option<McpSchema.ProtocolVersion> }
  /** The 2024-11-05 HTTP+SSE transport: found by `?sessionId=`, alive while its SSE stream is. */
  | { readonly _tag: "Legacy" }

/** The sessions of an endpoint. */
export interface Registry {
  readonly config: Config
  /** True once shutdown has begun: new requests are refused with 503. */
  readonly isClosing: () => boolean
  /** Opens a session, or answers why not (503 when full, 500 when `onSession` failed). */
  readonly open: (
    request: HttpServerRequest.HttpServerRequest,
    kind: Kind
  ) => Effect.Effect<Either.Either<HttpSession.HttpSession, HttpServerResponse.HttpServerResponse>>
  readonly find: (kind: "Streamable" | "Legacy", id: string) => HttpSession.HttpSession | undefined
  /** Live sessions, of every kind. */
  readonly count: () => number
  /** Refuses new requests and ends every session. */
  readonly shutdown: Effect.Effect<void>
}

/** What a stateless client is taken to be, since it never said. */
const statelessClient = { name: "stateless-client", version: "0.0.0" }

/** Makes a registry; its sessions end when the scope closes. */
export const make = (config: Config): Effect.Effect<Registry, never, McpSession.Template | Scope.Scope> =>
  Effect.gen(function*() {
    const template = yield* McpSession.Template
    const streamable = new Map<string, HttpSession.HttpSession>()
    const legacy = new Map<string, HttpSession.HttpSession>()
    const transient = new Set<HttpSession.HttpSession>()
    let reserved = 0
    let closing = false

    // Made out here: a closure made in `open` would share its scope, and so keep the HTTP request that opened the
    // session alive for as long as the session.
    const forgetTransient = (session: HttpSession.HttpSession): void => {
      transient.delete(session)
    }
    const forget = (sessions: Map<string, HttpSession.HttpSession>, id: string) => (): void => {
      sessions.delete(id)
    }

    const count = (): number => streamable.size + legacy.size + transient.size

    const open: Registry["open"] = (request, kind) =>
      Effect.gen(function*() {
        if (closing) {
          return Either.left(
            Wire.errorResponse(503, Wire.TRANSPORT_ERROR, "Service Unavailable: the server is shutting down")
          )
        }
        if (count() + reserved >= config.maxSessions) {
          yield* Effect.logWarning(
            `MCP HTTP: refused a session: the limit of ${config.maxSessions} sessions is reached`
          )
          return Either.left(Wire.errorResponse(503, Wire.TRANSPORT_ERROR, "Service Unavailable: too many sessions"))
        }
        reserved++
        return yield* Effect.ensuring(
          Effect.gen(function*() {
            const live = yield* McpSession.makeLive(template)
            if (kind._tag === "Stateless" && Option.isSome(kind.initializeWith)) {
              yield* McpSession.markInitialized(live, {
                protocolVersion: kind.initializeWith.value,
                info: statelessClient
              })
            }
            const id = kind._tag === "Stateless" ? "" : Wire.sessionId()
            const registry = kind._tag === "Legacy" ? legacy : streamable
            const session = yield* HttpSession.make({
              id,
              live,
              store: kind._tag === "Streamable" ? config.store : HttpSession.discardingStore,
              keepAlive: config.keepAlive,
              single: kind._tag === "Legacy",
              onClose: kind._tag === "Stateless" ? forgetTransient : forget(registry, id)
            })
            if (kind._tag === "Stateless") {
              transient.add(session)
            } else {
              registry.set(id, session)
            }
            const ok = yield* config.onSession(live, request).pipe(
              Effect.as(true),
              Effect.catchAllCause((cause) => Effect.as(Effect.logError("MCP HTTP: onSession failed", cause), false))
            )
            if (!ok) {
              yield* session.close("ended")
              return Either.left(
                Wire.errorResponse(500, McpSchema.INTERNAL_ERROR, "Internal error: the session could not be set up")
              )
            }
            return Either.right(session)
          }),
          Effect.sync(() => {
            reserved--
          })
        )
      })

    const shutdown = Effect.suspend(() => {
      closing = true
      const all = [...streamable.values(), ...legacy.values(), ...transient]
      return Effect.forEach(all, (session) => session.close("shutdown"), { concurrency: "unbounded", discard: true })
    })

    yield* Effect.addFinalizer(() => shutdown)

    const idleMillis = Math.max(1, Math.ceil(Duration.toMillis(config.idleTimeout)))
    if (!config.stateless && Number.isFinite(idleMillis)) {
      // Sessions made while it sleeps expire no sooner than it wakes: it never sleeps past now + the timeout.
      const sweep = Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        let next = now + idleMillis
        const expired: Array<HttpSession.HttpSession> = []
        for (const session of streamable.values()) {
          // A busy session is looked at again a whole timeout later: its activity ending notes the time.
          if (session.isBusy()) continue
          const deadline = session.lastActivity() + idleMillis
          if (deadline <= now) {
            expired.push(session)
          } else if (deadline < next) {
            next = deadline
          }
        }
        if (expired.length > 0) yield* Effect.logDebug(`MCP HTTP: closing ${expired.length} idle session(s)`)
        yield* Effect.forEach(expired, (session) => session.close("expired"), { discard: true })
        yield* Effect.sleep(next - now)
      })
      yield* Effect.forkScoped(Effect.interruptible(Effect.forever(sweep)))
    }

    const registry: Registry = {
      config,
      isClosing: () => closing,
      open,
      find: (kind, id) => (kind === "Legacy" ? legacy : streamable).get(id),
      count,
      shutdown
    }
    return registry
  })
