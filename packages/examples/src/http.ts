/**
 * The example server over Streamable HTTP: `pnpm start:http` serves it on http://127.0.0.1:${PORT:-3000}/mcp.
 *
 * Every client gets its own live session, copied from the template. A client that sends `x-user: admin` also gets
 * the `admin_report` tool, on its session only (the seed's user-specific tools).
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NodeMcpHttp } from "@mcp-effect/platform-node"
import { McpTool } from "@mcp-effect/server"
import { Effect, Layer, Schema } from "effect"
import { Template } from "./Server.js"

const adminReport = McpTool.make("admin_report", {
  description: "A report only admins see",
  input: Schema.Struct({}),
  handler: () => Effect.succeed("All systems nominal")
})

const port = Number(process.env.PORT ?? 3000)

NodeMcpHttp.layer({
  port,
  onSession: (session, request) => request.headers["x-user"] === "admin" ? session.addTools(adminReport) : Effect.void
}).pipe(
  Layer.provide(Template),
  Layer.launch,
  NodeRuntime.runMain
)
