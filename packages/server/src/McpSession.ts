/**
 * Sessions: everything a conversation with one client knows, held in `Ref`s.
 *
 * A **template** session is made once from the server's info and the application's dependencies; it talks to no
 * client. A **live** session is a copy of it made per connection: new `Ref`s seeded with the template's values at that
 * moment. Changing the template changes only live sessions made later; changing a live session changes only its
 * client, which is told through `notifications/{tools,prompts,resources}/list_changed`.
 *
 * Adding a tool, prompt, resource or middleware captures the `Context` its handler needs, so a live session copied
 * from a template needs nothing more to run it.
 *
 * @example
 * ```ts
 * import { McpSession, McpTool } from "@mcp-effect/server"
 * import { Effect, Schema } from "effect"
 *
 * const echo = McpTool.make("echo", {
 *   input: Schema.Struct({ text: Schema.String }),
 *   handler: ({ text }) => Effect.succeed(text)
 * })
 *
 * const Template = McpSession.layerTemplate({ name: "echo-server", version: "1.0.0" }).pipe(
 *   McpSession.withTools(echo)
 * )
 * ```
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"
import * as ClientRequests from "./internal/clientRequests.js"
import * as Registry from "./internal/registry.js"
import * as JsonRpc from "./JsonRpc.js"
import { McpClientError } from "./McpClientError.js"
import type { McpMiddleware } from "./McpMiddleware.js"
import type * as McpPrompt from "./McpPrompt.js"
import { McpRequest } from "./McpRequest.js"
import type * as McpResource from "./McpResource.js"
import type * as McpSchema from "./McpSchema.js"
import type * as McpTool from "./McpTool.js"

/**
 * @since 0.1.0
 * @category type ids
 */
export const TypeId: unique symbol = Symbol.for("@mcp-effect/server/McpSession")

/**
 * @since 0.1.0
 * @category type ids
 */
export type TypeId = typeof TypeId

/**
 * The server's side of `initialize`: who it is and what it tells clients.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerInfo {
  readonly name: string
  readonly version: string
  readonly title?: string
  readonly description?: string
  readonly icons?: ReadonlyArray<McpSchema.Icon>
  readonly websiteUrl?: string
  /** Sent in the `initialize` result: how a model should use this server. */
  readonly instructions?: string
}

/**
 * How a session behaves.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Items per page of `tools/list`, `prompts/list`, `resources/list` and `resources/templates/list`. */
  readonly pageSize: number
  /**
   * Advertise these capabilities even while the session has nothing of the kind, for servers that add tools,
   * prompts or resources to live sessions after `initialize`.
   */
  readonly capabilities: {
    readonly tools?: boolean
    readonly prompts?: boolean
    readonly resources?: boolean
    /**
     * Accept `resources/subscribe` even without watched resources, for servers that call `notifyResourceUpdated`
     * themselves.
     */
    readonly subscribe?: boolean
  }
  /** How long a request to the client (sampling, elicitation, roots, ping) may wait for its answer. */
  readonly clientRequestTimeout: Duration.DurationInput
  /** How long a handler may run before its request is answered with −32603 and the handler interrupted. */
  readonly requestTimeout: Duration.DurationInput | undefined
}

/**
 * @since 0.1.0
 * @category constants
 */
export const defaultOptions: Options = {
  pageSize: 1000,
  capabilities: {},
  clientRequestTimeout: "60 seconds",
  requestTimeout: undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Config {
  readonly info: ServerInfo
  readonly options: Options
}

/**
 * What the client said of itself in `initialize`, and the version the two agreed on.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientState {
  readonly info: McpSchema.Implementation
  readonly capabilities: McpSchema.ClientCapabilities
  readonly protocolVersion: McpSchema.ProtocolVersion
}

/**
 * Work of a registered handler, ready to run for a request: the context captured at registration plus the request,
 * provided at once. It needs nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export type Run<A> = (request: McpRequest["Type"]) => Effect.Effect<A, JsonRpc.McpError>

/**
 * What the engine makes of a request's work (its answer to the request). Generic in the context, which is the
 * fiber's own.
 *
 * @since 0.1.0
 * @category models
 */
export type Continuation = <A, R>(work: Effect.Effect<A, JsonRpc.McpError, R>) => Effect.Effect<void, never, R>

/**
 * A tool with its context captured: it needs only its arguments and the request to run.
 *
 * @since 0.1.0
 * @category models
 */
export interface RegisteredTool {
  readonly definition: McpSchema.Tool
  readonly call: (args: Readonly<Record<string, unknown>>) => Run<McpSchema.CallToolResult>
  /**
   * Engine use, the hot path of `tools/call`: runs the call, then `then`, in a new fiber that starts at once, with
   * the references of `parent` (loggers, tracer, log level) and, from its first instruction, the context captured at
   * registration plus the request. Nothing is provided around the handler, which would cost a fiber-reference swap
   * and restore per call.
   */
  readonly start: (
    args: Readonly<Record<string, unknown>>,
    request: McpRequest["Type"],
    parent: Runtime.Runtime<never>,
    then: Continuation
  ) => Fiber.RuntimeFiber<void>
}

/**
 * Completes an argument or variable: `None` when it has no completions.
 *
 * @since 0.1.0
 * @category models
 */
export type RegisteredCompleter = (
  name: string,
  value: string,
  context: Readonly<Record<string, string>>
) => Option.Option<Run<ReadonlyArray<string>>>

/**
 * @since 0.1.0
 * @category models
 */
export interface RegisteredPrompt {
  readonly definition: McpSchema.Prompt
  readonly get: (args: Readonly<Record<string, unknown>>) => Run<McpSchema.GetPromptResult>
  readonly complete: RegisteredCompleter
  readonly completable: boolean
}

/**
 * A change stream with its context captured.
 *
 * @since 0.1.0
 * @category models
 */
export type Watch = Stream.Stream<unknown, JsonRpc.McpError, McpRequest>

/**
 * @since 0.1.0
 * @category models
 */
export interface RegisteredResource {
  readonly definition: McpSchema.Resource
  readonly read: (uri: string) => Run<McpSchema.ReadResourceResult>
  readonly watch: Option.Option<Watch>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface RegisteredResourceTemplate {
  readonly definition: McpSchema.ResourceTemplate
  readonly match: (uri: string) => Option.Option<Run<McpSchema.ReadResourceResult>>
  readonly list: Run<ReadonlyArray<McpSchema.Resource>>
  readonly watch: (uri: string) => Option.Option<Watch>
  readonly watchable: boolean
  readonly complete: RegisteredCompleter
  readonly completable: boolean
}

/**
 * @since 0.1.0
 * @category models
 */
export type RegisteredMiddleware = McpMiddleware<McpRequest>

/**
 * A callback with its context captured: run by the engine with the live session.
 *
 * @since 0.1.0
 * @category models
 */
export type Hook = (session: McpSession) => Effect.Effect<void>

/**
 * A task (protocol 2025-11-25): its state as clients see it, its outcome once it ends, and the fiber doing the work.
 *
 * @since 0.1.0
 * @category models
 */
export interface TaskEntry {
  readonly task: Ref.Ref<McpSchema.Task>
  readonly outcome: Deferred.Deferred<unknown, JsonRpc.McpError>
  readonly fiber: Ref.Ref<Option.Option<Fiber.RuntimeFiber<void>>>
}

/**
 * A message for the client, and the request it belongs to when it was sent while handling one.
 *
 * @since 0.1.0
 * @category models
 */
export interface Outbound {
  readonly message: JsonRpc.Message
  readonly relatedRequestId?: JsonRpc.RequestId
}

/**
 * Where a conversation sends a session's own messages: its transport.
 *
 * @since 0.1.0
 * @category models
 */
export type Sink = (message: JsonRpc.Message, relatedRequestId: JsonRpc.RequestId | undefined) => Effect.Effect<void>

/**
 * Options of a request to the client.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientRequestOptions {
  /** The request being handled, if any: on HTTP the client request travels on its stream. */
  readonly relatedRequestId?: JsonRpc.RequestId
  /** Overrides the session's `clientRequestTimeout`. */
  readonly timeout?: Duration.DurationInput
  /** Asks the client for progress and receives it. */
  readonly onProgress?: (progress: McpSchema.ProgressNotificationParams) => Effect.Effect<void>
}

/**
 * A session, template or live. Its state is in `Ref`s; its mutators are Effects that, on a live session whose client
 * has finished initializing, tell the client its lists changed.
 *
 * @since 0.1.0
 * @category models
 */
export interface McpSession {
  readonly [TypeId]: TypeId
  readonly kind: "template" | "live"
  readonly config: Ref.Ref<Config>
  readonly tools: Ref.Ref<Registry.Registry<RegisteredTool>>
  readonly prompts: Ref.Ref<Registry.Registry<RegisteredPrompt>>
  readonly resources: Ref.Ref<Registry.Registry<RegisteredResource>>
  readonly resourceTemplates: Ref.Ref<Registry.Registry<RegisteredResourceTemplate>>
  readonly middleware: Ref.Ref<ReadonlyArray<RegisteredMiddleware>>
  /** Set by `initialize`; `None` before it, and always on a template. */
  readonly client: Ref.Ref<Option.Option<ClientState>>
  /** True once the client has sent `notifications/initialized`. */
  readonly ready: Ref.Ref<boolean>
  /** The level set by `logging/setLevel`, if any. */
  readonly logLevel: Ref.Ref<Option.Option<McpSchema.LoggingLevel>>
  /** The client's roots, as last listed. */
  readonly roots: Ref.Ref<Option.Option<ReadonlyArray<McpSchema.Root>>>
  /** User data, keyed by `Context.Reference`s: typed, and copied from template to live like the rest. */
  readonly data: Ref.Ref<Context.Context<never>>
  /** URIs the client subscribed to with `resources/subscribe`. */
  readonly subscriptions: Ref.Ref<ReadonlySet<string>>
  /** Tasks of this client (task-augmented `tools/call`), by task id. */
  readonly tasks: Ref.Ref<ReadonlyMap<string, TaskEntry>>
  /** The fibers watching subscribed resources, by URI; they live in the conversation's scope. */
  readonly watchers: Ref.Ref<ReadonlyMap<string, Fiber.RuntimeFiber<void>>>
  /** Run when the client's roots change (`notifications/roots/list_changed`). */
  readonly rootsChangedHooks: Ref.Ref<ReadonlyArray<Hook>>
  /** Run once the client has sent `notifications/initialized`. */
  readonly startHooks: Ref.Ref<ReadonlyArray<Hook>>
  /** Run when the conversation ends, however it ends. */
  readonly endHooks: Ref.Ref<ReadonlyArray<Hook>>

  /** Adds tools, replacing any of the same name. */
  readonly addTools: <R>(
    ...tools: ReadonlyArray<McpTool.McpTool<R>>
  ) => Effect.Effect<void, never, Exclude<R, McpRequest>>
  readonly removeTool: (name: string) => Effect.Effect<boolean>
  readonly addPrompts: <R>(
    ...prompts: ReadonlyArray<McpPrompt.McpPrompt<R>>
  ) => Effect.Effect<void, never, Exclude<R, McpRequest>>
  readonly removePrompt: (name: string) => Effect.Effect<boolean>
  /** Adds resources and resource templates, replacing any with the same URI or URI template. */
  readonly addResources: <R>(
    ...resources: ReadonlyArray<McpResource.Any<R>>
  ) => Effect.Effect<void, never, Exclude<R, McpRequest>>
  /** Removes the resource with this URI, or the template with this URI template. */
  readonly removeResource: (uriOrTemplate: string) => Effect.Effect<boolean>
  readonly addMiddleware: <R>(middleware: McpMiddleware<R>) => Effect.Effect<void, never, Exclude<R, McpRequest>>
  /** Reads user data. */
  readonly get: <I, S>(key: Context.Reference<I, S>) => Effect.Effect<S>
  /** Writes user data. */
  readonly set: <I, S>(key: Context.Reference<I, S>, value: S) => Effect.Effect<void>
  /** Sends a notification to the client once it is initialized; a no-op on a template or before that. */
  readonly notify: (
    method: string,
    params?: JsonRpc.Params,
    relatedRequestId?: JsonRpc.RequestId
  ) => Effect.Effect<void>
  /**
   * Sends a request to the client and waits for its result, decoded by `schema`. Correlated by id; fails with an
   * `McpClientError` on a timeout, an error answer, an invalid result, or the end of the conversation.
   */
  readonly request: <A, I>(
    method: string,
    params: JsonRpc.Params | undefined,
    schema: Schema.Schema<A, I>,
    options?: ClientRequestOptions
  ) => Effect.Effect<A, McpClientError>
  /** Tells the clients subscribed to `uri` that it changed; a no-op for a client that is not subscribed. */
  readonly notifyResourceUpdated: (uri: string) => Effect.Effect<void>
  /** Registers a callback for root changes (the seed's `set-roots-changed-callback`). */
  readonly onRootsChanged: <R>(
    hook: (session: McpSession) => Effect.Effect<void, never, R>
  ) => Effect.Effect<void, never, R>
  /** Registers a callback for the start of a conversation (after `notifications/initialized`). */
  readonly onStart: <R>(hook: (session: McpSession) => Effect.Effect<void, never, R>) => Effect.Effect<void, never, R>
  /** Registers a callback for the end of a conversation. */
  readonly onEnd: <R>(hook: (session: McpSession) => Effect.Effect<void, never, R>) => Effect.Effect<void, never, R>
  /**
   * Engine use: sends a message to the client through the conversation running on this session, from the caller's
   * own fiber; while none runs, messages wait, and go out when one starts.
   */
  readonly send: (message: JsonRpc.Message, relatedRequestId?: JsonRpc.RequestId) => Effect.Effect<void>
  /** Engine use: routes this session's messages to a conversation's transport for as long as the scope is open. */
  readonly connect: (sink: Sink) => Effect.Effect<void, never, Scope.Scope>
  /** Engine use: hands the client's answer to the request waiting for it. */
  readonly resolve: (response: JsonRpc.Response) => Effect.Effect<void>
  /** Engine use: hands the client's progress on a server request to its `onProgress`. */
  readonly progressed: (progress: McpSchema.ProgressNotificationParams) => Effect.Effect<void>
  /** Engine use: fails every request still waiting for the client, when the conversation ends. */
  readonly disconnect: Effect.Effect<void>
}

/**
 * The template session of the application, from which every connection's live session is copied.
 *
 * @since 0.1.0
 * @category services
 */
export class Template extends Context.Tag("@mcp-effect/server/McpSession/Template")<Template, McpSession>() {}

/**
 * The context captured at registration plus the request: everything `R` asks for. The compiler cannot see that
 * `Exclude<R, McpRequest> | McpRequest` covers a generic `R`, so the Context is made from its map with its type
 * stated; `Context.add` would copy the same map.
 *
 * Of the context where the request is being handled, only the request's own services come along: the span the
 * engine opened for it (so the handler's spans are its children). The rest (a transport's, an HTTP server's) stays
 * out, so that nothing a handler captures keeps a connection alive.
 */
const withRequest = <R>(
  context: Context.Context<Exclude<R, McpRequest>>,
  request: McpRequest["Type"],
  current?: Context.Context<never>
): Context.Context<R> => {
  const services = new Map(context.unsafeMap).set(McpRequest.key, request)
  const span = current?.unsafeMap.get(Tracer.ParentSpan.key)
  if (span !== undefined) services.set(Tracer.ParentSpan.key, span)
  return Context.unsafeMake<R>(services)
}

/**
 * Runs `effect` with the context captured at registration plus the request: one `Context`, provided once. It is the
 * only provide on a request's way to its handler, since each costs a fiber-ref swap and restore.
 */
const withCaptured = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  context: Context.Context<Exclude<R, McpRequest>>
): (request: McpRequest["Type"]) => Effect.Effect<A, E> =>
(request) =>
  Effect.mapInputContext(effect, (current: Context.Context<never>) => withRequest<R>(context, request, current))

/** Middleware runs inside the engine's `McpRequest`: it reads the request from there. */
const withCapturedMiddleware = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  context: Context.Context<Exclude<R, McpRequest>>
): Effect.Effect<A, E, McpRequest> => Effect.flatMap(McpRequest, withCaptured(effect, context))

const withCapturedStream = <A, E, R>(
  stream: Stream.Stream<A, E, R>,
  context: Context.Context<Exclude<R, McpRequest>>
): Stream.Stream<A, E, McpRequest> =>
  Stream.unwrap(Effect.map(McpRequest, (request) =>
    Stream.mapInputContext(
      Stream.provideService(stream, McpRequest, request),
      (_: Context.Context<never>) => context
    )))

/**
 * The context a handler, middleware or hook is registered in, as it will run with: the application's services,
 * without the services of the request being handled at that moment (a tool added from inside a handler, or from a
 * hook) — its `McpRequest`, which holds the transport's data (an HTTP request, say), and its span. Keeping those
 * would keep that request alive for as long as the session, and hand it to requests it has nothing to do with.
 */
const captured = <R>(): Effect.Effect<Context.Context<R>, never, R> =>
  Effect.map(Effect.context<R>(), (context) => {
    // Stated as `R` like `withRequest`'s: neither service is one a registration supplies (the engine gives each
    // request its own), so what `R` asks of the registration is all there.
    const services = new Map(context.unsafeMap)
    services.delete(McpRequest.key)
    services.delete(Tracer.ParentSpan.key)
    return Context.unsafeMake<R>(services)
  })

interface State {
  readonly config: Config
  readonly tools: Registry.Registry<RegisteredTool>
  readonly prompts: Registry.Registry<RegisteredPrompt>
  readonly resources: Registry.Registry<RegisteredResource>
  readonly resourceTemplates: Registry.Registry<RegisteredResourceTemplate>
  readonly middleware: ReadonlyArray<RegisteredMiddleware>
  readonly data: Context.Context<never>
  readonly rootsChangedHooks: ReadonlyArray<Hook>
  readonly startHooks: ReadonlyArray<Hook>
  readonly endHooks: ReadonlyArray<Hook>
}

const fromState = (kind: McpSession["kind"], state: State): Effect.Effect<McpSession> =>
  Effect.gen(function*() {
    const tools = yield* Ref.make(state.tools)
    const prompts = yield* Ref.make(state.prompts)
    const resources = yield* Ref.make(state.resources)
    const resourceTemplates = yield* Ref.make(state.resourceTemplates)
    const ready = yield* Ref.make(false)
    const data = yield* Ref.make(state.data)
    const config = yield* Ref.make(state.config)
    const client = yield* Ref.make(Option.none<ClientState>())
    const subscriptions = yield* Ref.make<ReadonlySet<string>>(new Set())
    const watchers = yield* Ref.make<ReadonlyMap<string, Fiber.RuntimeFiber<void>>>(new Map())
    const tasks = yield* Ref.make<ReadonlyMap<string, TaskEntry>>(new Map())
    const rootsChangedHooks = yield* Ref.make(state.rootsChangedHooks)
    const startHooks = yield* Ref.make(state.startHooks)
    const endHooks = yield* Ref.make(state.endHooks)

    // The conversation's transport, while one runs; what is sent meanwhile waits. No fiber per session carries
    // messages: each goes out from the fiber that sends it.
    let sink: Sink | undefined
    let waiting: Array<Outbound> = []

    const send = (message: JsonRpc.Message, relatedRequestId?: JsonRpc.RequestId): Effect.Effect<void> =>
      Effect.suspend(() => {
        if (sink !== undefined) {
          return sink(message, relatedRequestId)
        }
        waiting.push(relatedRequestId === undefined ? { message } : { message, relatedRequestId })
        return Effect.void
      })

    const connect = (next: Sink): Effect.Effect<void, never, Scope.Scope> => {
      // What waited goes out first, in order; what is sent while it goes out waits its turn.
      const drain = (): Effect.Effect<void> => {
        if (waiting.length === 0) {
          sink = next
          return Effect.void
        }
        const queued = waiting
        waiting = []
        return Effect.zipRight(
          Effect.forEach(queued, ({ message, relatedRequestId }) => next(message, relatedRequestId), { discard: true }),
          Effect.suspend(drain)
        )
      }
      // `Scope.addFinalizer`, not `acquireRelease`, which would keep the connecting fiber's references (for HTTP,
      // the request that opened the session) for as long as the conversation lasts.
      return Effect.flatMap(Effect.scope, (scope) =>
        Effect.zipRight(
          Effect.suspend(drain),
          Scope.addFinalizer(
            scope,
            Effect.sync(() => {
              if (sink === next) {
                sink = undefined
              }
            })
          )
        ))
    }

    const notify = (
      method: string,
      params?: JsonRpc.Params,
      relatedRequestId?: JsonRpc.RequestId
    ): Effect.Effect<void> =>
      kind === "template"
        ? Effect.void
        : Effect.flatMap(
          Ref.get(ready),
          (isReady) =>
            isReady ? Effect.asVoid(send(JsonRpc.notification(method, params), relatedRequestId)) : Effect.void
        )

    const clientRequests = ClientRequests.make(send)

    const request = <A, I>(
      method: string,
      params: JsonRpc.Params | undefined,
      schema: Schema.Schema<A, I>,
      options?: ClientRequestOptions
    ): Effect.Effect<A, McpClientError> =>
      Effect.flatMap(Ref.get(config), ({ options: { clientRequestTimeout } }) =>
        clientRequests.request(method, params, schema, {
          relatedRequestId: options?.relatedRequestId,
          timeout: options?.timeout ?? clientRequestTimeout,
          onProgress: options?.onProgress
        }))

    const register = <R>(
      hooks: Ref.Ref<ReadonlyArray<Hook>>,
      hook: (session: McpSession) => Effect.Effect<void, never, R>
    ) =>
      // Whatever the hook's type asks for is kept, the request included when it was registered from a handler and
      // asks for it: a hook may legitimately use the request that registered it.
      Effect.contextWithEffect((context: Context.Context<R>) =>
        Ref.update(hooks, (all) => [...all, (s: McpSession) =>
          Effect.provide(hook(s), context)])
      )

    const changed = (list: "tools" | "prompts" | "resources") => notify(`notifications/${list}/list_changed`)

    const removeFrom = <A>(ref: Ref.Ref<Registry.Registry<A>>, key: string) =>
      Ref.modify(ref, (registry) => {
        const next = Registry.remove(registry, key)
        return [next !== registry, next]
      })

    const session: McpSession = {
      [TypeId]: TypeId,
      kind,
      config,
      tools,
      prompts,
      resources,
      resourceTemplates,
      middleware: yield* Ref.make(state.middleware),
      client,
      ready,
      logLevel: yield* Ref.make(Option.none<McpSchema.LoggingLevel>()),
      roots: yield* Ref.make(Option.none<ReadonlyArray<McpSchema.Root>>()),
      data,
      subscriptions,
      tasks,
      watchers,
      rootsChangedHooks,
      startHooks,
      endHooks,
      addTools: <R>(...added: ReadonlyArray<McpTool.McpTool<R>>) =>
        Effect.flatMap(captured<Exclude<R, McpRequest>>(), (context) =>
          Ref.update(tools, (registry) =>
            Registry.setAll(
              registry,
              added.map((tool) =>
                [tool.name, {
                  definition: tool.definition,
                  call: (args) => withCaptured(tool.call(args), context),
                  start: (args, request, parent, then) =>
                    // Forked from a runtime, as `FiberSet.makeRuntime` does, so that the context is the fiber's from
                    // its start; the engine tracks the fiber and interrupts it when the conversation ends.
                    Runtime.runFork(
                      Runtime.make({
                        context: withRequest<R>(context, request),
                        fiberRefs: parent.fiberRefs,
                        runtimeFlags: parent.runtimeFlags
                      })
                    )(then(tool.call(args)))
                }] as const
              )
            )).pipe(Effect.zipRight(changed("tools")))),
      removeTool: (name) => Effect.tap(removeFrom(tools, name), (removed) => removed ? changed("tools") : Effect.void),
      addPrompts: <R>(...added: ReadonlyArray<McpPrompt.McpPrompt<R>>) =>
        Effect.flatMap(captured<Exclude<R, McpRequest>>(), (context) =>
          Ref.update(prompts, (registry) =>
            Registry.setAll(
              registry,
              added.map((prompt) =>
                [prompt.name, {
                  definition: prompt.definition,
                  get: (args) => withCaptured(prompt.get(args), context),
                  complete: (name, value, args) =>
                    Option.map(prompt.complete(name, value, args), (effect) => withCaptured(effect, context)),
                  completable: prompt.completable
                }] as const
              )
            )).pipe(Effect.zipRight(changed("prompts")))),
      removePrompt: (name) =>
        Effect.tap(removeFrom(prompts, name), (removed) => removed ? changed("prompts") : Effect.void),
      addResources: <R>(...added: ReadonlyArray<McpResource.Any<R>>) =>
        Effect.flatMap(captured<Exclude<R, McpRequest>>(), (context) =>
          Effect.gen(function*() {
            const fixed: Array<readonly [string, RegisteredResource]> = []
            const templated: Array<readonly [string, RegisteredResourceTemplate]> = []
            for (const resource of added) {
              if (resource._tag === "Resource") {
                fixed.push([resource.uri, {
                  definition: resource.definition,
                  read: (uri) => withCaptured(resource.read(uri), context),
                  watch: Option.map(resource.watch, (stream) => withCapturedStream(stream, context))
                }])
              } else {
                templated.push([resource.uriTemplate, {
                  definition: resource.definition,
                  match: (uri) => Option.map(resource.match(uri), (read) => withCaptured(read, context)),
                  list: withCaptured(resource.list, context),
                  watch: (uri) => Option.map(resource.watch(uri), (stream) => withCapturedStream(stream, context)),
                  watchable: resource.watchable,
                  complete: (name, value, args) =>
                    Option.map(resource.complete(name, value, args), (effect) => withCaptured(effect, context)),
                  completable: resource.completable
                }])
              }
            }
            yield* Ref.update(resources, (registry) => Registry.setAll(registry, fixed))
            yield* Ref.update(resourceTemplates, (registry) => Registry.setAll(registry, templated))
            yield* changed("resources")
          })),
      removeResource: (key) =>
        Effect.zipWith(removeFrom(resources, key), removeFrom(resourceTemplates, key), (a, b) => a || b).pipe(
          Effect.tap((removed) => removed ? changed("resources") : Effect.void)
        ),
      addMiddleware: <R>(middleware: McpMiddleware<R>) =>
        Effect.flatMap(captured<Exclude<R, McpRequest>>(), (context) =>
          Ref.update(session.middleware, (installed) => [
            ...installed,
            (next: Effect.Effect<unknown, JsonRpc.McpError, McpRequest>) =>
              withCapturedMiddleware(middleware(next), context)
          ])),
      get: (key) => Effect.map(Ref.get(data), (context) => Context.get(context, key)),
      set: (key, value) => Ref.update(data, (context) => Context.add(context, key, value)),
      notify,
      send,
      connect,
      request,
      notifyResourceUpdated: (uri) =>
        Effect.flatMap(
          Ref.get(subscriptions),
          (subscribed) => subscribed.has(uri) ? notify("notifications/resources/updated", { uri }) : Effect.void
        ),
      onRootsChanged: (hook) => register(rootsChangedHooks, hook),
      onStart: (hook) => register(startHooks, hook),
      onEnd: (hook) => register(endHooks, hook),
      resolve: clientRequests.resolve,
      progressed: clientRequests.progressed,
      disconnect: clientRequests.disconnect
    }
    return session
  })

/**
 * Makes a template session.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (info: ServerInfo, options?: Partial<Options>): Effect.Effect<McpSession> =>
  fromState("template", {
    config: { info, options: { ...defaultOptions, ...options } },
    tools: Registry.empty(),
    prompts: Registry.empty(),
    resources: Registry.empty(),
    resourceTemplates: Registry.empty(),
    middleware: [],
    data: Context.empty(),
    rootsChangedHooks: [],
    startHooks: [],
    endHooks: []
  })

/**
 * Copies a session into a new live session: fresh `Ref`s holding the source's current tools, prompts, resources,
 * middleware, configuration and user data. Nothing of a client's state is copied.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeLive = (template: McpSession): Effect.Effect<McpSession> =>
  Effect.gen(function*() {
    return yield* fromState("live", {
      config: yield* Ref.get(template.config),
      tools: yield* Ref.get(template.tools),
      prompts: yield* Ref.get(template.prompts),
      resources: yield* Ref.get(template.resources),
      resourceTemplates: yield* Ref.get(template.resourceTemplates),
      middleware: yield* Ref.get(template.middleware),
      data: yield* Ref.get(template.data),
      rootsChangedHooks: yield* Ref.get(template.rootsChangedHooks),
      startHooks: yield* Ref.get(template.startHooks),
      endHooks: yield* Ref.get(template.endHooks)
    })
  })

/**
 * A new live session copied from the application's template.
 *
 * @since 0.1.0
 * @category constructors
 */
export const live: Effect.Effect<McpSession, never, Template> = Effect.flatMap(Template, makeLive)

/**
 * The template session as a layer. Add what every client gets with `withTools`, `withPrompts`, `withResources` and
 * `withMiddleware`; their requirements become the layer's, so `Layer.provide` the application's services to it.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTemplate = (info: ServerInfo, options?: Partial<Options>): Layer.Layer<Template> =>
  Layer.effect(Template, make(info, options))

/**
 * Adds tools to the template a layer builds.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withTools =
  <R>(...tools: ReadonlyArray<McpTool.McpTool<R>>) =>
  <E, RIn>(self: Layer.Layer<Template, E, RIn>): Layer.Layer<Template, E, RIn | Exclude<R, McpRequest>> =>
    Layer.tap(self, (context) => Context.get(context, Template).addTools(...tools))

/**
 * Adds prompts to the template a layer builds.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withPrompts =
  <R>(...prompts: ReadonlyArray<McpPrompt.McpPrompt<R>>) =>
  <E, RIn>(self: Layer.Layer<Template, E, RIn>): Layer.Layer<Template, E, RIn | Exclude<R, McpRequest>> =>
    Layer.tap(self, (context) => Context.get(context, Template).addPrompts(...prompts))

/**
 * Adds resources and resource templates to the template a layer builds.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withResources =
  <R>(...resources: ReadonlyArray<McpResource.Any<R>>) =>
  <E, RIn>(self: Layer.Layer<Template, E, RIn>): Layer.Layer<Template, E, RIn | Exclude<R, McpRequest>> =>
    Layer.tap(self, (context) => Context.get(context, Template).addResources(...resources))

/**
 * Installs a middleware on the template a layer builds: it runs around every request of every client.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withMiddleware =
  <R>(middleware: McpMiddleware<R>) =>
  <E, RIn>(self: Layer.Layer<Template, E, RIn>): Layer.Layer<Template, E, RIn | Exclude<R, McpRequest>> =>
    Layer.tap(self, (context) => Context.get(context, Template).addMiddleware(middleware))

/**
 * Treats a live session as initialized without a handshake, for transports where every request stands alone
 * (stateless Streamable HTTP): the client is assumed to speak `protocolVersion`.
 *
 * @since 0.1.0
 * @category utils
 */
export const markInitialized = (
  session: McpSession,
  client: {
    readonly protocolVersion: McpSchema.ProtocolVersion
    readonly info?: McpSchema.Implementation
    readonly capabilities?: McpSchema.ClientCapabilities
  }
): Effect.Effect<void> =>
  Effect.zipRight(
    Ref.set(
      session.client,
      Option.some({
        info: client.info ?? { name: "unknown", version: "0.0.0" },
        capabilities: client.capabilities ?? {},
        protocolVersion: client.protocolVersion
      })
    ),
    Ref.set(session.ready, true)
  )
