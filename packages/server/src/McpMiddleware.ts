/**
 * Middleware: functions around the dispatch of every request. A middleware sees the request through `McpRequest`
 * (session, method, params, `_meta`), may run code before and after `next`, and may short-circuit by failing with an
 * `McpError`, which is sent as that JSON-RPC error. Install it on the template (every client) or on one live session.
 *
 * @example
 * ```ts
 * import { JsonRpc, McpMiddleware, McpRequest } from "@mcp-effect/server"
 * import { Effect } from "effect"
 *
 * // Refuse tool calls from clients that did not say who they are.
 * const requireClientName: McpMiddleware.McpMiddleware<McpRequest.McpRequest> = (next) =>
 *   Effect.flatMap(McpRequest.McpRequest, (request) =>
 *     request.method === "tools/call" && request.clientInfo === undefined
 *       ? Effect.fail(JsonRpc.McpError.invalidRequest("identify yourself first"))
 *       : next)
 * ```
 *
 * @since 0.1.0
 */
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type { McpError } from "./JsonRpc.js"
import type { McpRequest } from "./McpRequest.js"

/**
 * `R` is what the middleware requires besides the request (captured when it is installed).
 *
 * @since 0.1.0
 * @category models
 */
export type McpMiddleware<R> = (
  next: Effect.Effect<unknown, McpError, McpRequest>
) => Effect.Effect<unknown, McpError, R>

/**
 * A middleware that gives what it wraps a service: an authenticated user, a tenant, a database transaction. It runs
 * before the handler, per request (it may read `McpRequest`, or fail with an `McpError`, which is sent as that error),
 * and the handler receives its result as the service `I`.
 *
 * Unlike an `McpMiddleware`, which wraps every request of a session, a provider is attached to the tools and prompts
 * that need it (`McpTool.middleware`, `McpPrompt.middleware`), so their types show what it gives and what it needs:
 * a tool requiring `CurrentUser` is accepted by a session only once a provider of `CurrentUser` is attached.
 *
 * @example
 * ```ts
 * import { JsonRpc, McpMiddleware, McpRequest, McpTool } from "@mcp-effect/server"
 * import { Context, Effect, Schema } from "effect"
 *
 * class CurrentUser extends Context.Tag("app/CurrentUser")<CurrentUser, { readonly name: string }>() {}
 *
 * // The user from the request's _meta (a real server would verify a token).
 * const Authenticated = McpMiddleware.provides(
 *   CurrentUser,
 *   Effect.flatMap(McpRequest.McpRequest, (request) =>
 *     typeof request.meta?.user === "string"
 *       ? Effect.succeed({ name: request.meta.user })
 *       : Effect.fail(JsonRpc.McpError.invalidRequest("Who are you?")))
 * )
 *
 * // McpTool<CurrentUser> before, McpTool<McpRequest> after: a session takes it as it is.
 * const whoami = McpTool.middleware(
 *   McpTool.make("whoami", {
 *     input: Schema.Struct({}),
 *     handler: () => Effect.map(CurrentUser, (user) => user.name)
 *   }),
 *   Authenticated
 * )
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface Provider<in out I, in out S, out R> {
  readonly tag: Context.Tag<I, S>
  readonly make: Effect.Effect<S, McpError, R>
}

/**
 * A middleware that provides the service `tag`, made per request by `make`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const provides = <I, S, R>(tag: Context.Tag<I, S>, make: Effect.Effect<S, McpError, R>): Provider<I, S, R> => ({
  tag,
  make
})

/**
 * Runs `effect` with the provider's service made for this request.
 *
 * @since 0.2.0
 * @category combinators
 */
export const apply = <A, R, I, S, R2>(
  effect: Effect.Effect<A, McpError, R>,
  provider: Provider<I, S, R2>
): Effect.Effect<A, McpError, Exclude<R, I> | R2> => Effect.provideServiceEffect(effect, provider.tag, provider.make)
