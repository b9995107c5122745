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
import type * as Effect from "effect/Effect"
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
