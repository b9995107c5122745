/**
 * @since 0.1.0
 */
export * as NodeMcpStdio from "./NodeMcpStdio.js"
