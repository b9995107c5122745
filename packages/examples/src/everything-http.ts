/**
 * The "everything" server over Streamable HTTP, for the conformance suite:
 * `PORT=3001 tsx packages/examples/src/everything-http.ts` serves http://127.0.0.1:3001/mcp.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NodeMcpHttp } from "@mcp-effect/platform-node"
import { Layer } from "effect"
import { EverythingTemplate } from "./everything.js"

NodeMcpHttp.layer({ host: "127.0.0.1", port: Number(process.env.PORT ?? 3000) }).pipe(
  Layer.provide(EverythingTemplate),
  Layer.launch,
  NodeRuntime.runMain
)
