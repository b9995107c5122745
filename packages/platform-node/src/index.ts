/**
 * @since 0.1.0
 */

/**
 * The stdio transport: the server is a child process of its client, speaking newline-delimited JSON-RPC on stdin
 * and stdout.
 *
 * @since 0.1.0
 */
export * as NodeMcpStdio from "./NodeMcpStdio.js"

/**
 * Where the Streamable HTTP transport keeps the SSE events it sends, so that a client can resume a broken stream.
 *
 * @since 0.1.0
 */
export * as EventStore from "./EventStore.js"

/**
 * The Streamable HTTP transport on `@effect/platform`'s HTTP server, with sessions, resumable SSE streams and
 * DNS-rebinding protection.
 *
 * @since 0.1.0
 */
export * as NodeMcpHttp from "./NodeMcpHttp.js"
