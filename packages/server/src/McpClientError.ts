/**
 * The failure of a request the server sent to its client (sampling, elicitation, roots, ping).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Why a server-to-client request failed:
 * - `CapabilityMissing`: the client did not declare the capability in `initialize`, so the request was not sent;
 * - `Timeout`: no answer in time (the request is then cancelled with `notifications/cancelled`);
 * - `ErrorResponse`: the client answered with a JSON-RPC error (`code`, `data`);
 * - `InvalidResponse`: the client's result did not match the protocol's Schema;
 * - `Disconnected`: the conversation ended first.
 *
 * @since 0.1.0
 * @category errors
 */
export class McpClientError extends Schema.TaggedError<McpClientError>("@mcp-effect/server/McpClientError")(
  "McpClientError",
  {
    reason: Schema.Literal("CapabilityMissing", "Timeout", "ErrorResponse", "InvalidResponse", "Disconnected"),
    method: Schema.String,
    message: Schema.String,
    code: Schema.optional(Schema.Number),
    data: Schema.optional(Schema.Unknown)
  }
) {}
