/**
 * The context of the request being handled: what a tool, prompt or resource handler (and any middleware) can ask
 * about the request and the session it arrived on. Handlers require it in their `R` type; the engine provides it.
 *
 * @example
 * ```ts
 * import { McpRequest, McpTool } from "@mcp-effect/server"
 * import { Effect, Schema } from "effect"
 *
 * const whoAmI = McpTool.make("who_am_i", {
 *   input: Schema.Struct({}),
 *   handler: () =>
 *     Effect.map(McpRequest.McpRequest, (request) => `client: ${request.clientInfo?.name ?? "unknown"}`)
 * })
 * ```
 *
 * @since 0.1.0
 */
import { Context, Effect } from "effect"
import type * as JsonRpc from "./JsonRpc.js"
import type * as McpSchema from "./McpSchema.js"
import type { McpSession } from "./McpSession.js"

/**
 * @since 0.1.0
 */
export interface Service {
  /** The live session the request arrived on. */
  readonly session: McpSession
  readonly id: JsonRpc.RequestId
  readonly method: string
  /** The raw params, `_meta` included. */
  readonly params: JsonRpc.Params
  /** The request's `params._meta`, if any. */
  readonly meta: Readonly<Record<string, unknown>> | undefined
  /** `params._meta.progressToken`, when the client asked for progress. */
  readonly progressToken: McpSchema.ProgressToken | undefined
  /** The negotiated protocol version: code that differs by version branches on this. */
  readonly protocolVersion: McpSchema.ProtocolVersion
  readonly clientInfo: McpSchema.Implementation | undefined
  readonly clientCapabilities: McpSchema.ClientCapabilities | undefined
  /**
   * What the transport knows of where the request came from (for Streamable HTTP: the HTTP request). Transports
   * export accessors for their own services.
   */
  readonly transport: Context.Context<never>
  /** Sends a notification to the client as part of this request (on HTTP, on this request's stream). */
  readonly notify: (method: string, params?: JsonRpc.Params) => Effect.Effect<void>
}

/**
 * @since 0.1.0
 */
export class McpRequest extends Context.Tag("@mcp-effect/server/McpRequest")<McpRequest, Service>() {}

/**
 * The current request's live session.
 *
 * @since 0.1.0
 */
export const session: Effect.Effect<McpSession, never, McpRequest> = Effect.map(McpRequest, (r) => r.session)
