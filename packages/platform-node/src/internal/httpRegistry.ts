/**
 * The sessions of one HTTP endpoint: making them (live session, conversation, the user's `onSession`), finding them
 * by id, counting them against the limit, and ending them all at shutdown. Per-process state, owned by the scope the
 * endpoint was made in.
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { McpSchema, McpSession } from "@mcp-effect/server"
import type { Duration, Scope } from "effect"
import { Effect, Either, Option } from "effect"
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
    const scope = yield* Effect.scope
    const streamable = new Map<string, HttpSession.HttpSession>()
    const legacy = new Map<string, HttpSession.HttpSession>()
    const transient = new Set<HttpSession.HttpSession>()
    let reserved = 0
    let closing = false

    const count = (): number => streamable.size + legacy.size + transient.size

    const open: Registry["open"] = (request, kind) =>
      Effect.gen(function*() {
        if (closing) {
          return Either.left(Wire.errorResponse(503, Wire.TRANSPORT_ERROR, "Service Unavailable: the server is shutting down"))
        }
        if (count() + reserved >= config.maxSessions) {
          yield* Effect.logWarning(`MCP HTTP: refused a session: the limit of ${config.maxSessions} sessions is reached`)
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
              parent: scope,
              keepAlive: config.keepAlive,
              single: kind._tag === "Legacy",
              onClose: kind._tag === "Stateless"
                ? (closed) => { transient.delete(closed) }
                : () => { registry.delete(id) }
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
              return Either.left(Wire.errorResponse(500, McpSchema.INTERNAL_ERROR, "Internal error: the session could not be set up"))
            }
            if (kind._tag === "Streamable") {
              yield* session.expireAfter(config.idleTimeout)
            }
            return Either.right(session)
          }),
          Effect.sync(() => { reserved-- })
        )
      })

    const shutdown = Effect.suspend(() => {
      closing = true
      const all = [...streamable.values(), ...legacy.values(), ...transient]
      return Effect.forEach(all, (session) => session.close("shutdown"), { concurrency: "unbounded", discard: true })
    })

    yield* Effect.addFinalizer(() => shutdown)

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
