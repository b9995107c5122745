/**
 * @since 0.1.0
 */
export * as JsonRpc from "./JsonRpc.js"
export * as McpMiddleware from "./McpMiddleware.js"
export * as McpPrompt from "./McpPrompt.js"
export * as McpRequest from "./McpRequest.js"
export * as McpResource from "./McpResource.js"
export * as McpSchema from "./McpSchema.js"
export * as McpServer from "./McpServer.js"
export * as McpSession from "./McpSession.js"
export * as McpTestClient from "./McpTestClient.js"
export * as McpTool from "./McpTool.js"
export * as McpTransport from "./McpTransport.js"
