/**
 * @since 0.1.0
 */
export * as NodeMcpStdio from "./NodeMcpStdio.js"
export * as EventStore from "./EventStore.js"
export * as NodeMcpHttp from "./NodeMcpHttp.js"
