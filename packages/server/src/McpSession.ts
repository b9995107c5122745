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
 * import { Effect, Layer, Schema } from "effect"
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
import { Context, Effect, Layer, Option, Queue, Ref } from "effect"
import * as Registry from "./internal/registry.js"
import * as JsonRpc from "./JsonRpc.js"
import type { McpMiddleware } from "./McpMiddleware.js"
import type * as McpPrompt from "./McpPrompt.js"
import { McpRequest } from "./McpRequest.js"
import type * as McpResource from "./McpResource.js"
import type * as McpSchema from "./McpSchema.js"
import type * as McpTool from "./McpTool.js"

/** @since 0.1.0 */
export const TypeId: unique symbol = Symbol.for("@mcp-effect/server/McpSession")

/** @since 0.1.0 */
export type TypeId = typeof TypeId

/**
 * The server's side of `initialize`: who it is and what it tells clients.
 *
 * @since 0.1.0
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
 */
export interface Options {
  /** Items per page of `tools/list`, `prompts/list`, `resources/list` and `resources/templates/list`. */
  readonly pageSize: number
  /**
   * Advertise these capabilities even while the session has nothing of the kind, for servers that add tools,
   * prompts or resources to live sessions after `initialize`.
   */
  readonly capabilities: {
    readonly tools: boolean
    readonly prompts: boolean
    readonly resources: boolean
  }
}

/** @since 0.1.0 */
export const defaultOptions: Options = {
  pageSize: 1000,
  capabilities: { tools: false, prompts: false, resources: false }
}

/** @since 0.1.0 */
export interface Config {
  readonly info: ServerInfo
  readonly options: Options
}

/**
 * What the client said of itself in `initialize`, and the version the two agreed on.
 *
 * @since 0.1.0
 */
export interface ClientState {
  readonly info: McpSchema.Implementation
  readonly capabilities: McpSchema.ClientCapabilities
  readonly protocolVersion: McpSchema.ProtocolVersion
}

/** A tool with its context captured: it needs only the request to run. @since 0.1.0 */
export interface RegisteredTool {
  readonly definition: McpSchema.Tool
  readonly call: (args: Readonly<Record<string, unknown>>) => Effect.Effect<McpSchema.CallToolResult, JsonRpc.McpError, McpRequest>
}

/** @since 0.1.0 */
export interface RegisteredPrompt {
  readonly definition: McpSchema.Prompt
  readonly get: (args: Readonly<Record<string, unknown>>) => Effect.Effect<McpSchema.GetPromptResult, JsonRpc.McpError, McpRequest>
}

/** @since 0.1.0 */
export interface RegisteredResource {
  readonly definition: McpSchema.Resource
  readonly read: (uri: string) => Effect.Effect<McpSchema.ReadResourceResult, JsonRpc.McpError, McpRequest>
}

/** @since 0.1.0 */
export interface RegisteredResourceTemplate {
  readonly definition: McpSchema.ResourceTemplate
  readonly match: (uri: string) => Option.Option<Effect.Effect<McpSchema.ReadResourceResult, JsonRpc.McpError, McpRequest>>
  readonly list: Effect.Effect<ReadonlyArray<McpSchema.Resource>, JsonRpc.McpError, McpRequest>
}

/** @since 0.1.0 */
export type RegisteredMiddleware = McpMiddleware<McpRequest>

/**
 * A session, template or live. Its state is in `Ref`s; its mutators are Effects that, on a live session whose client
 * has finished initializing, tell the client its lists changed.
 *
 * @since 0.1.0
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
  /** Messages for the client that belong to no request (list changes, log messages); the engine sends them. */
  readonly outbox: Queue.Queue<JsonRpc.Message>

  /** Adds tools, replacing any of the same name. */
  readonly addTools: <R>(...tools: ReadonlyArray<McpTool.McpTool<R>>) => Effect.Effect<void, never, Exclude<R, McpRequest>>
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
  readonly notify: (method: string, params?: JsonRpc.Params) => Effect.Effect<void>
}

/**
 * The template session of the application, from which every connection's live session is copied.
 *
 * @since 0.1.0
 */
export class Template extends Context.Tag("@mcp-effect/server/McpSession/Template")<Template, McpSession>() {}

/**
 * Runs `effect` with the context captured at registration plus the current request.
 */
const withCaptured = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  context: Context.Context<Exclude<R, McpRequest>>
): Effect.Effect<A, E, McpRequest> =>
  Effect.flatMap(McpRequest, (request) =>
    Effect.mapInputContext(
      Effect.provideService(effect, McpRequest, request),
      (_: Context.Context<never>) => context
    ))

interface State {
  readonly config: Config
  readonly tools: Registry.Registry<RegisteredTool>
  readonly prompts: Registry.Registry<RegisteredPrompt>
  readonly resources: Registry.Registry<RegisteredResource>
  readonly resourceTemplates: Registry.Registry<RegisteredResourceTemplate>
  readonly middleware: ReadonlyArray<RegisteredMiddleware>
  readonly data: Context.Context<never>
}

const fromState = (kind: McpSession["kind"], state: State): Effect.Effect<McpSession> =>
  Effect.gen(function*() {
    const tools = yield* Ref.make(state.tools)
    const prompts = yield* Ref.make(state.prompts)
    const resources = yield* Ref.make(state.resources)
    const resourceTemplates = yield* Ref.make(state.resourceTemplates)
    const ready = yield* Ref.make(false)
    const outbox = yield* Queue.unbounded<JsonRpc.Message>()
    const data = yield* Ref.make(state.data)

    const notify = (method: string, params?: JsonRpc.Params): Effect.Effect<void> =>
      kind === "template"
        ? Effect.void
        : Effect.flatMap(Ref.get(ready), (isReady) =>
          isReady ? Queue.offer(outbox, JsonRpc.notification(method, params)) : Effect.void)

    const changed = (list: "tools" | "prompts" | "resources") => notify(`notifications/${list}/list_changed`)

    const removeFrom = <A>(ref: Ref.Ref<Registry.Registry<A>>, key: string) =>
      Ref.modify(ref, (registry) => {
        const next = Registry.remove(registry, key)
        return [next !== registry, next]
      })

    const session: McpSession = {
      [TypeId]: TypeId,
      kind,
      config: yield* Ref.make(state.config),
      tools,
      prompts,
      resources,
      resourceTemplates,
      middleware: yield* Ref.make(state.middleware),
      client: yield* Ref.make(Option.none<ClientState>()),
      ready,
      logLevel: yield* Ref.make(Option.none<McpSchema.LoggingLevel>()),
      roots: yield* Ref.make(Option.none<ReadonlyArray<McpSchema.Root>>()),
      data,
      outbox,
      addTools: <R>(...added: ReadonlyArray<McpTool.McpTool<R>>) =>
        Effect.contextWithEffect((context: Context.Context<Exclude<R, McpRequest>>) =>
          Ref.update(tools, (registry) =>
            Registry.setAll(
              registry,
              added.map((tool) =>
                [tool.name, {
                  definition: tool.definition,
                  call: (args) => withCaptured(tool.call(args), context)
                }] as const
              )
            )).pipe(Effect.zipRight(changed("tools")))
        ),
      removeTool: (name) =>
        Effect.tap(removeFrom(tools, name), (removed) => removed ? changed("tools") : Effect.void),
      addPrompts: <R>(...added: ReadonlyArray<McpPrompt.McpPrompt<R>>) =>
        Effect.contextWithEffect((context: Context.Context<Exclude<R, McpRequest>>) =>
          Ref.update(prompts, (registry) =>
            Registry.setAll(
              registry,
              added.map((prompt) =>
                [prompt.name, {
                  definition: prompt.definition,
                  get: (args) => withCaptured(prompt.get(args), context)
                }] as const
              )
            )).pipe(Effect.zipRight(changed("prompts")))
        ),
      removePrompt: (name) =>
        Effect.tap(removeFrom(prompts, name), (removed) => removed ? changed("prompts") : Effect.void),
      addResources: <R>(...added: ReadonlyArray<McpResource.Any<R>>) =>
        Effect.contextWithEffect((context: Context.Context<Exclude<R, McpRequest>>) =>
          Effect.gen(function*() {
            const fixed: Array<readonly [string, RegisteredResource]> = []
            const templated: Array<readonly [string, RegisteredResourceTemplate]> = []
            for (const resource of added) {
              if (resource._tag === "Resource") {
                fixed.push([resource.uri, {
                  definition: resource.definition,
                  read: (uri) => withCaptured(resource.read(uri), context)
                }])
              } else {
                templated.push([resource.uriTemplate, {
                  definition: resource.definition,
                  match: (uri) => Option.map(resource.match(uri), (read) => withCaptured(read, context)),
                  list: withCaptured(resource.list, context)
                }])
              }
            }
            yield* Ref.update(resources, (registry) => Registry.setAll(registry, fixed))
            yield* Ref.update(resourceTemplates, (registry) => Registry.setAll(registry, templated))
            yield* changed("resources")
          })
        ),
      removeResource: (key) =>
        Effect.zipWith(removeFrom(resources, key), removeFrom(resourceTemplates, key), (a, b) => a || b).pipe(
          Effect.tap((removed) => removed ? changed("resources") : Effect.void)
        ),
      addMiddleware: <R>(middleware: McpMiddleware<R>) =>
        Effect.contextWithEffect((context: Context.Context<Exclude<R, McpRequest>>) =>
          Ref.update(session.middleware, (installed) => [
            ...installed,
            (next: Effect.Effect<unknown, JsonRpc.McpError, McpRequest>) => withCaptured(middleware(next), context)
          ])
        ),
      get: (key) => Effect.map(Ref.get(data), (context) => Context.get(context, key)),
      set: (key, value) => Ref.update(data, (context) => Context.add(context, key, value)),
      notify
    }
    return session
  })

/**
 * Makes a template session.
 *
 * @since 0.1.0
 */
export const make = (info: ServerInfo, options?: Partial<Options>): Effect.Effect<McpSession> =>
  fromState("template", {
    config: { info, options: { ...defaultOptions, ...options } },
    tools: Registry.empty(),
    prompts: Registry.empty(),
    resources: Registry.empty(),
    resourceTemplates: Registry.empty(),
    middleware: [],
    data: Context.empty()
  })

/**
 * Copies a session into a new live session: fresh `Ref`s holding the source's current tools, prompts, resources,
 * middleware, configuration and user data. Nothing of a client's state is copied.
 *
 * @since 0.1.0
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
      data: yield* Ref.get(template.data)
    })
  })

/**
 * A new live session copied from the application's template.
 *
 * @since 0.1.0
 */
export const live: Effect.Effect<McpSession, never, Template> = Effect.flatMap(Template, makeLive)

/**
 * The template session as a layer. Add what every client gets with `withTools`, `withPrompts`, `withResources` and
 * `withMiddleware`; their requirements become the layer's, so `Layer.provide` the application's services to it.
 *
 * @since 0.1.0
 */
export const layerTemplate = (info: ServerInfo, options?: Partial<Options>): Layer.Layer<Template> =>
  Layer.effect(Template, make(info, options))

/**
 * Adds tools to the template a layer builds.
 *
 * @since 0.1.0
 */
export const withTools = <R>(...tools: ReadonlyArray<McpTool.McpTool<R>>) =>
<E, RIn>(self: Layer.Layer<Template, E, RIn>): Layer.Layer<Template, E, RIn | Exclude<R, McpRequest>> =>
  Layer.tap(self, (context) => Context.get(context, Template).addTools(...tools))

/**
 * Adds prompts to the template a layer builds.
 *
 * @since 0.1.0
 */
export const withPrompts = <R>(...prompts: ReadonlyArray<McpPrompt.McpPrompt<R>>) =>
<E, RIn>(self: Layer.Layer<Template, E, RIn>): Layer.Layer<Template, E, RIn | Exclude<R, McpRequest>> =>
  Layer.tap(self, (context) => Context.get(context, Template).addPrompts(...prompts))

/**
 * Adds resources and resource templates to the template a layer builds.
 *
 * @since 0.1.0
 */
export const withResources = <R>(...resources: ReadonlyArray<McpResource.Any<R>>) =>
<E, RIn>(self: Layer.Layer<Template, E, RIn>): Layer.Layer<Template, E, RIn | Exclude<R, McpRequest>> =>
    Layer.tap(self, (context) => Context.get(context, Template).addResources(...resources))

/**
 * Installs a middleware on the template a layer builds: it runs around every request of every client.
 *
 * @since 0.1.0
 */
export const withMiddleware = <R>(middleware: McpMiddleware<R>) =>
<E, RIn>(self: Layer.Layer<Template, E, RIn>): Layer.Layer<Template, E, RIn | Exclude<R, McpRequest>> =>
  Layer.tap(self, (context) => Context.get(context, Template).addMiddleware(middleware))
