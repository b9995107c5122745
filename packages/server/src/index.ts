/**
 * @since 0.1.0
 */

/**
 * JSON-RPC 2.0 as MCP uses it: the envelopes, the error codes, and `McpError`, the one error type every protocol
 * failure becomes.
 *
 * @since 0.1.0
 */
export * as JsonRpc from "./JsonRpc.js"

/**
 * The error of a request the server sends to its client (sampling, elicitation, roots, ping): why it failed.
 *
 * @since 0.2.0
 */
export * as McpClientError from "./McpClientError.js"

/**
 * Middleware: functions around the dispatch of every request, installed on the template or on one live session.
 *
 * @since 0.1.0
 */
export * as McpMiddleware from "./McpMiddleware.js"

/**
 * Prompts: templated messages a client offers its user, with arguments decoded by a Schema.
 *
 * @since 0.1.0
 */
export * as McpPrompt from "./McpPrompt.js"

/**
 * The context of the request being handled, and what a handler can do with it: progress, logging, sampling,
 * elicitation, roots.
 *
 * @since 0.1.0
 */
export * as McpRequest from "./McpRequest.js"

/**
 * Resources: data a client can read by URI, with a fixed URI or an RFC 6570 URI template.
 *
 * @since 0.1.0
 */
export * as McpResource from "./McpResource.js"

/**
 * The Model Context Protocol's message types as Effect Schemas (protocol versions 2024-11-05 to 2025-11-25).
 *
 * @since 0.1.0
 */
export * as McpSchema from "./McpSchema.js"

/**
 * What each protocol version has: one table for every behaviour that differs by version.
 *
 * @since 0.2.0
 */
export * as McpProtocol from "./McpProtocol.js"

/**
 * The engine: a live session and a transport make a running conversation.
 *
 * @since 0.1.0
 */
export * as McpServer from "./McpServer.js"

/**
 * Sessions: the template every connection is copied from, and the live session of each conversation.
 *
 * @since 0.1.0
 */
export * as McpSession from "./McpSession.js"

/**
 * An MCP client in memory, for testing servers without a process.
 *
 * @since 0.1.0
 */
export * as McpTestClient from "./McpTestClient.js"

/**
 * Tools: a Schema for the arguments, an Effect for the work.
 *
 * @since 0.1.0
 */
export * as McpTool from "./McpTool.js"

/**
 * The seam between bytes and the protocol engine: frames in, JSON-RPC messages out.
 *
 * @since 0.1.0
 */
export * as McpTransport from "./McpTransport.js"
