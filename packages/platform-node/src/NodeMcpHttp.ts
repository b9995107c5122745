/**
 * The Streamable HTTP transport (MCP 2025-03-26 and later) on `@effect/platform`'s HTTP server: one endpoint
 * (`/mcp` by default) where clients `POST` messages, `GET` a stream of the server's own messages, and `DELETE` their
 * session.
 *
 * Each client gets its own live session, copied from the application's template at `initialize` and named by the
 * `Mcp-Session-Id` response header (128 random bits). `onSession` sees the live session and the HTTP request that
 * made it, so that tools can differ per user. A request is answered with plain JSON when its response is all there
 * is, and with an SSE stream when the server sends anything for it first (progress, log lines, requests to the
 * client). Messages tied to no request (`list_changed`, …) go to the session's `GET` stream; while none is open, up
 * to 100 of them are kept and sent when one opens. Every SSE event has an id and is kept in an `EventStore`, so a
 * client whose connection broke can resume with `GET` and `Last-Event-ID`.
 *
 * Sessions end on `DELETE`, after `idleTimeout` without a request or an open stream, or when the layer's scope
 * closes; ending one interrupts its in-flight requests and runs its finalizers, and touches no other session.
 *
 * Requests whose `Host` or `Origin` is not allowed are refused with 403 (DNS-rebinding protection). By default only
 * the loopback names (`localhost`, `127.0.0.1`, `[::1]`, any port) are allowed, which suits a server on
 * `127.0.0.1`; a server for other names sets `allowedHosts` (and, for browser clients, `allowedOrigins`).
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { McpSession, McpTool } from "@mcp-effect/server"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect, Layer, Schema } from "effect"
 *
 * const echo = McpTool.make("echo", {
 *   input: Schema.Struct({ text: Schema.String }),
 *   handler: ({ text }) => Effect.succeed(text)
 * })
 *
 * const Template = McpSession.layerTemplate({ name: "echo", version: "1.0.0" }).pipe(McpSession.withTools(echo))
 *
 * // http://127.0.0.1:3000/mcp
 * NodeMcpHttp.layer({ port: 3000 }).pipe(Layer.provide(Template), Layer.launch, NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import type { McpSession } from "@mcp-effect/server"
import { McpRequest } from "@mcp-effect/server"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import * as EventStore from "./EventStore.js"
import * as Connections from "./internal/httpConnections.js"
import * as Legacy from "./internal/httpLegacy.js"
import * as Registry from "./internal/httpRegistry.js"
import * as Security from "./internal/httpSecurity.js"
import * as Streamable from "./internal/httpStreamable.js"
import { StreamControl } from "./internal/httpStreamControl.js"

/**
 * Where the deprecated HTTP+SSE transport (protocol 2024-11-05) is served, when it is.
 *
 * @example
 * ```ts
 * import type { NodeMcpHttp } from "@mcp-effect/platform-node"
 *
 * const legacy: NodeMcpHttp.LegacySseOptions = { ssePath: "/sse", messagesPath: "/messages" }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface LegacySseOptions {
  /** Where old clients `GET` their stream (default `/sse`). */
  readonly ssePath?: `/${string}` | undefined
  /** Where they `POST` messages, with `?sessionId=` (default `/messages`). */
  readonly messagesPath?: `/${string}` | undefined
}

/**
 * How the endpoint behaves. `R` is what `onSession` requires.
 *
 * @example
 * ```ts
 * import type { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { Effect } from "effect"
 *
 * const options: NodeMcpHttp.Options = {
 *   path: "/mcp",
 *   allowedHosts: ["mcp.example.com"],
 *   allowedOrigins: ["https://app.example.com"],
 *   idleTimeout: "10 minutes",
 *   maxSessions: 500,
 *   onSession: (session, request) => Effect.log(`new session from ${request.headers["user-agent"]}`)
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options<R = never> {
  /** The endpoint's path (default `/mcp`). */
  readonly path?: `/${string}` | undefined
  /**
   * No sessions: each POST is served by a fresh live session that is closed once the request is answered, and is
   * taken as initialized (with the `MCP-Protocol-Version` header's version, else the latest) unless the request is
   * `initialize`. `GET` and `DELETE` answer 405, and nothing can be resumed; requests from the server to the
   * client cannot be answered. Notifications and responses POSTed alone are accepted (202) and dropped.
   */
  readonly stateless?: boolean | undefined
  /**
   * Runs when a live session is made, before its `initialize` is answered (in stateless mode: before each request):
   * add per-user tools here, keyed by a header. A defect fails the `initialize` with a 500.
   */
  readonly onSession?:
    | ((session: McpSession.McpSession, request: HttpServerRequest.HttpServerRequest) => Effect.Effect<void, never, R>)
    | undefined
  /**
   * Host names allowed in the `Host` header, optionally with a port (`"example.com"`, `"example.com:8443"`), or
   * `"any"`. Default: the loopback names, except for a `layer` bound to a non-loopback address, where it is `"any"`.
   */
  readonly allowedHosts?: ReadonlyArray<string> | "any" | undefined
  /**
   * Origins allowed in the `Origin` header (`"https://app.example.com"`), or `"any"`. A request without `Origin`
   * (not from a browser) is never refused for it. Default: origins on an allowed host; with `"any"` hosts, only the
   * origin of the `Host` the request was sent to.
   */
  readonly allowedOrigins?: ReadonlyArray<string> | "any" | undefined
  /**
   * The most live sessions at once (default 10,000; stateless requests in progress count too); an `initialize`
   * beyond it gets 503.
   */
  readonly maxSessions?: number | undefined
  /** The largest POST body accepted, in bytes (default 4 MiB); a larger one gets 413. */
  readonly maxBodyBytes?: number | undefined
  /**
   * A session with no request and no open stream for this long is closed (default 30 minutes;
   * `Duration.infinity` keeps sessions until `DELETE`). Measured with Effect's `Clock`.
   */
  readonly idleTimeout?: Duration.DurationInput | undefined
  /** How often an SSE stream with nothing to say sends a comment, so proxies keep it open (default 25 seconds). */
  readonly keepAlive?: Duration.DurationInput | undefined
  /** Where SSE events are kept for resumption (default: `EventStore.makeMemory()`, one per endpoint). */
  readonly eventStore?: EventStore.EventStore | undefined
  /** Also serve the deprecated HTTP+SSE transport of 2024-11-05 (default: no). */
  readonly legacySse?: boolean | LegacySseOptions | undefined
}

/**
 * Options of `layer`: the endpoint's, and where to listen.
 *
 * @example
 * ```ts
 * import type { NodeMcpHttp } from "@mcp-effect/platform-node"
 *
 * const options: NodeMcpHttp.LayerOptions = { port: 8080, host: "127.0.0.1" }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface LayerOptions<R = never> extends Options<R> {
  /** The port (default 3000; 0 picks a free one, readable from `HttpServer.HttpServer`'s `address`). */
  readonly port?: number | undefined
  /** The address to bind (default `127.0.0.1`: only this machine can connect). */
  readonly host?: string | undefined
}

/**
 * A running endpoint: its handler and routes to mount in an HTTP server, and its sessions.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const mcp = yield* NodeMcpHttp.make()
 *   yield* Effect.log(`${yield* mcp.sessionCount} sessions`)
 * })
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface McpHttp {
  /** Serves the endpoint for any method: mount it at `path` (the legacy transport's routes are in `router` only). */
  readonly handler: Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest>
  /** The endpoint at `path`, and the legacy transport's routes when enabled. */
  readonly router: HttpRouter.HttpRouter
  /** The number of live sessions. */
  readonly sessionCount: Effect.Effect<number>
  /** Refuses new requests (503) and ends every session. Also done when the scope closes. */
  readonly shutdown: Effect.Effect<void>
}

/**
 * The default endpoint path, `/mcp`.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 *
 * const url = `http://127.0.0.1:3000${NodeMcpHttp.DEFAULT_PATH}`
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_PATH = "/mcp" as const

/**
 * The default of `Options.maxBodyBytes`: 4 MiB.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 *
 * const layer = NodeMcpHttp.layer({ maxBodyBytes: 4 * NodeMcpHttp.DEFAULT_MAX_BODY_BYTES })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024

/**
 * The default of `Options.maxSessions`: 10,000.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 *
 * const layer = NodeMcpHttp.layer({ maxSessions: NodeMcpHttp.DEFAULT_MAX_SESSIONS / 10 })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MAX_SESSIONS = 10_000

/**
 * The default of `Options.idleTimeout`: 30 minutes.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { Duration } from "effect"
 *
 * const layer = NodeMcpHttp.layer({ idleTimeout: Duration.times(NodeMcpHttp.DEFAULT_IDLE_TIMEOUT, 2) })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_IDLE_TIMEOUT: Duration.Duration = Duration.minutes(30)

interface Route {
  readonly method: "*" | "GET" | "POST"
  readonly path: `/${string}`
  readonly handler: Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest>
}

/** The endpoint and its routes. */
interface Built extends McpHttp {
  readonly routes: ReadonlyArray<Route>
}

/** Handlers run uninterruptibly: they make interruptible the waits that a client leaving may cut short. */
const routeOptions = { uninterruptible: true } as const

const build = <R>(
  options: Options<R>,
  bindHost: string | undefined
): Effect.Effect<Built, never, McpSession.Template | Scope.Scope | R> =>
  Effect.gen(function*() {
    const context = yield* Effect.context<R>()
    const onSession = options.onSession
    const path = options.path ?? DEFAULT_PATH
    const registry = yield* Registry.make({
      stateless: options.stateless ?? false,
      policy: Security.policy({ allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins, bindHost }),
      maxSessions: options.maxSessions ?? DEFAULT_MAX_SESSIONS,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      idleTimeout: Duration.decode(options.idleTimeout ?? DEFAULT_IDLE_TIMEOUT),
      keepAlive: Duration.decode(options.keepAlive ?? "25 seconds"),
      store: options.eventStore ?? (yield* EventStore.makeMemory()),
      onSession: onSession === undefined
        ? () => Effect.void
        // In the endpoint's context, not the POST's: what onSession registers captures its context, and must not keep
        // the HTTP request that opened the session alive for as long as the session.
        : (session, request) => Effect.mapInputContext(onSession(session, request), () => context)
    })
    // Uninterruptible wherever it is mounted: only the waits a client leaving may cut short are interruptible.
    const handler = Effect.uninterruptible(Streamable.handler(registry))
    const routes: Array<Route> = [{ method: "*", path, handler }]
    if (options.legacySse !== undefined && options.legacySse !== false) {
      const legacy = options.legacySse === true ? {} : options.legacySse
      const messagesPath = legacy.messagesPath ?? "/messages"
      routes.push(
        {
          method: "GET",
          path: legacy.ssePath ?? "/sse",
          handler: Effect.uninterruptible(Legacy.sse(registry, messagesPath))
        },
        { method: "POST", path: messagesPath, handler: Effect.uninterruptible(Legacy.messages(registry)) }
      )
    }
    return {
      handler,
      routes,
      router: routes.reduce(
        (router, route) => HttpRouter.route(route.method)(router, route.path, route.handler, routeOptions),
        HttpRouter.empty
      ),
      sessionCount: Effect.sync(registry.count),
      shutdown: registry.shutdown
    }
  })

/**
 * Makes the endpoint, to mount in an HTTP server of your own. Its sessions live in the current scope: closing it
 * ends them all. Without `allowedHosts`, only the loopback names are allowed in `Host`.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { HttpRouter, HttpServer, HttpServerResponse } from "@effect/platform"
 * import { Effect, Layer } from "effect"
 *
 * const App = Layer.scopedDiscard(Effect.gen(function*() {
 *   const mcp = yield* NodeMcpHttp.make({ allowedHosts: ["mcp.example.com"] })
 *   const app = HttpRouter.empty.pipe(
 *     HttpRouter.get("/health", HttpServerResponse.text("ok")),
 *     HttpRouter.concat(mcp.router)
 *   )
 *   yield* HttpServer.serveEffect(app)
 * }))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <R = never>(
  options: Options<R> = {}
): Effect.Effect<McpHttp, never, McpSession.Template | Scope.Scope | R> => build(options, undefined)

/**
 * The endpoint's routes, for an `HttpRouter` of your own: `HttpRouter.concat` them. Sessions live in the current
 * scope.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { HttpServer } from "@effect/platform"
 * import { Effect, Layer } from "effect"
 *
 * const App = Layer.scopedDiscard(
 *   Effect.flatMap(NodeMcpHttp.router({ path: "/api/mcp" }), (mcp) => HttpServer.serveEffect(mcp))
 * )
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const router = <R = never>(
  options: Options<R> = {}
): Effect.Effect<HttpRouter.HttpRouter, never, McpSession.Template | Scope.Scope | R> =>
  Effect.map(make(options), (mcp) => mcp.router)

/**
 * Adds the endpoint (and the legacy routes, when enabled) to an `HttpLayerRouter` application. Sessions live as long
 * as the layer.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { HttpLayerRouter } from "@effect/platform"
 * import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
 * import { McpSession } from "@mcp-effect/server"
 * import { Layer } from "effect"
 * import { createServer } from "node:http"
 *
 * const Template = McpSession.layerTemplate({ name: "app", version: "1.0.0" })
 *
 * HttpLayerRouter.serve(NodeMcpHttp.layerRouter()).pipe(
 *   Layer.provide(Template),
 *   Layer.provide(NodeHttpServer.layer(createServer, { port: 3000, host: "127.0.0.1" })),
 *   Layer.launch
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerRouter = <R = never>(
  options: Options<R> = {}
): Layer.Layer<never, never, HttpLayerRouter.HttpRouter | McpSession.Template | R> =>
  HttpLayerRouter.use((layerRouter) =>
    Effect.gen(function*() {
      const mcp = yield* build(options, undefined)
      yield* Effect.forEach(mcp.routes, (route) =>
        layerRouter.add(route.method, route.path, route.handler, routeOptions), {
        discard: true
      })
    })
  )

/**
 * Serves the endpoint on its own Node HTTP server, for the layer's lifetime. Other paths answer 404. When the layer
 * closes, the endpoint refuses new requests (503), ends every session (interrupting their requests and closing
 * their streams), then the server closes.
 *
 * The layer provides the `HttpServer`, whose `address` tells the port when `port` is 0.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { McpSession, McpTool } from "@mcp-effect/server"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect, Layer, Schema } from "effect"
 *
 * const whoami = (user: string) =>
 *   McpTool.make("whoami", { input: Schema.Struct({}), handler: () => Effect.succeed(user) })
 *
 * const Template = McpSession.layerTemplate({ name: "per-user", version: "1.0.0" }, {
 *   capabilities: { tools: true, prompts: false, resources: false }
 * })
 *
 * // Each client gets a tool of its own, keyed by a header its gateway sets.
 * NodeMcpHttp.layer({
 *   port: 3000,
 *   onSession: (session, request) => session.addTools(whoami(request.headers["x-user"] ?? "anonymous"))
 * }).pipe(Layer.provide(Template), Layer.launch, NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = <R = never>(
  options: LayerOptions<R> = {}
): Layer.Layer<HttpServer.HttpServer, HttpServerError.ServeError, McpSession.Template | R> =>
  Layer.suspend(() => {
    const host = options.host ?? "127.0.0.1"
    const server = Http.createServer()
    const connections = Connections.track(server)
    const serving = Layer.scoped(
      HttpServer.HttpServer,
      Effect.gen(function*() {
        const mcp = yield* build(options, host)
        const httpServer = yield* HttpServer.HttpServer
        yield* HttpServer.serveEffect(mcp.router)
        // Registered after the handler, so it runs first on the way out: sessions end while requests still get
        // answers, then connections end as soon as they are idle, and the server closes without waiting for them.
        yield* Effect.addFinalizer(() => Effect.zipRight(mcp.shutdown, connections.endAll))
        yield* Effect.logInfo(
          `MCP Streamable HTTP endpoint on ${HttpServer.formatAddress(httpServer.address)}${
            options.path ?? DEFAULT_PATH
          }`
        )
        return httpServer
      })
    )
    return Layer.provide(serving, NodeHttpServer.layer(() => server, { port: options.port ?? 3000, host }))
  })

/**
 * The HTTP request that carried the current MCP request, for handlers and middleware: its headers (authentication,
 * a user id set by a gateway), URL and remote address. `None` on other transports.
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { McpTool } from "@mcp-effect/server"
 * import { Effect, Option, Schema } from "effect"
 *
 * const whoami = McpTool.make("whoami", {
 *   input: Schema.Struct({}),
 *   handler: () =>
 *     Effect.map(NodeMcpHttp.httpRequest, (request) =>
 *       Option.match(request, {
 *         onNone: () => "not over HTTP",
 *         onSome: (r) => r.headers["x-user"] ?? "anonymous"
 *       }))
 * })
 * ```
 *
 * @since 0.1.0
 * @category accessors
 */
export const httpRequest: Effect.Effect<
  Option.Option<HttpServerRequest.HttpServerRequest>,
  never,
  McpRequest.McpRequest
> = Effect.map(
  McpRequest.McpRequest,
  (request) => Context.getOption(request.transport, HttpServerRequest.HttpServerRequest)
)

/**
 * The address of the peer that sent the current MCP request, when it came over HTTP (the proxy's, behind one).
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import type { McpMiddleware, McpRequest } from "@mcp-effect/server"
 * import { Effect, Option } from "effect"
 *
 * const logPeer: McpMiddleware.McpMiddleware<McpRequest.McpRequest> = (next) =>
 *   Effect.zipRight(
 *     Effect.flatMap(NodeMcpHttp.remoteAddress, (address) => Effect.log(`from ${Option.getOrElse(address, () => "?")}`)),
 *     next
 *   )
 * ```
 *
 * @since 0.1.0
 * @category accessors
 */
export const remoteAddress: Effect.Effect<Option.Option<string>, never, McpRequest.McpRequest> = Effect.map(
  httpRequest,
  Option.flatMap((request) => request.remoteAddress)
)

/**
 * SSE polling (protocol 2025-11-25): ends the current request's POST stream now, telling the client to come back
 * after `retry` (default one second) with `Last-Event-ID`; the request keeps running, and what it sends meanwhile,
 * its result included, is replayed to the client when it does. For long-running tools behind proxies that cut long
 * connections. Returns false when there is nothing to end (not over Streamable HTTP, or the request is answered).
 *
 * @example
 * ```ts
 * import { NodeMcpHttp } from "@mcp-effect/platform-node"
 * import { McpTool } from "@mcp-effect/server"
 * import { Effect, Schema } from "effect"
 *
 * const longJob = McpTool.make("long_job", {
 *   input: Schema.Struct({}),
 *   handler: () =>
 *     NodeMcpHttp.closeStream({ retry: "500 millis" }).pipe(Effect.zipRight(Effect.sleep("10 seconds")), Effect.as("done"))
 * })
 * ```
 *
 * @since 0.1.0
 * @category utils
 */
export const closeStream = (
  options?: { readonly retry?: Duration.DurationInput }
): Effect.Effect<boolean, never, McpRequest.McpRequest> =>
  Effect.flatMap(McpRequest.McpRequest, (request) =>
    Option.match(Context.getOption(request.transport, StreamControl), {
      onNone: () => Effect.succeed(false),
      onSome: (control) => control.poll(request.id, Duration.toMillis(Duration.decode(options?.retry ?? "1 second")))
    }))
