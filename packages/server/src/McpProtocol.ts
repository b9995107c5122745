/**
 * What each protocol version has: one table for every behaviour that differs by version, so that supporting a new
 * version is a new row, and no check elsewhere compares version strings.
 *
 * @example
 * ```ts
 * import { McpProtocol } from "@mcp-effect/server"
 *
 * McpProtocol.has("2025-03-26", "batches") // true: JSON-RPC batches exist in that version only
 * McpProtocol.has("2025-06-18", "tasks") // false: tasks came in 2025-11-25
 * ```
 *
 * @since 0.2.0
 */
import type * as McpSchema from "./McpSchema.js"

/**
 * The behaviours that differ by version.
 *
 * - `batches`: JSON-RPC batches (added in 2025-03-26, removed in 2025-06-18).
 * - `tasks`: task-augmented requests (`tasks/*`, `execution.taskSupport`).
 * - `ssePriming`: an SSE stream starts with a priming event (an id and empty data) the client can resume from.
 *
 * @since 0.2.0
 * @category models
 */
export type Feature = "batches" | "tasks" | "ssePriming"

/**
 * Every supported version and what it has.
 *
 * @since 0.2.0
 * @category constants
 */
export const features: { readonly [V in McpSchema.ProtocolVersion]: ReadonlySet<Feature> } = {
  "2024-11-05": new Set(),
  "2025-03-26": new Set(["batches"]),
  "2025-06-18": new Set(),
  "2025-11-25": new Set(["tasks", "ssePriming"])
}

/**
 * Whether a protocol version has a feature.
 *
 * @since 0.2.0
 * @category guards
 */
export const has = (version: McpSchema.ProtocolVersion, feature: Feature): boolean => features[version].has(feature)

/**
 * The version a Streamable HTTP server assumes for a client that sends no `MCP-Protocol-Version` header and never
 * negotiated one, as the transport's specification says.
 *
 * @since 0.2.0
 * @category constants
 */
export const HTTP_DEFAULT_VERSION: McpSchema.ProtocolVersion = "2025-03-26"
