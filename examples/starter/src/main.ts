/**
 * The server over stdio: what an MCP client (Claude Desktop, Cursor, the MCP Inspector) starts.
 */
import { NodeRuntime } from "@effect/platform-node"
import { NodeMcpStdio } from "@mcp-effect/platform-node"
import { Effect } from "effect"
import { Template } from "./Server.js"

NodeMcpStdio.serve().pipe(Effect.provide(Template), NodeRuntime.runMain)
