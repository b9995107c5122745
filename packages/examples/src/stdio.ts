/**
 * The example server over stdio: `pnpm -s start`. stdout carries nothing but protocol messages; logs go to stderr.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NodeMcpStdio } from "@mcp-effect/platform-node"
import { Effect } from "effect"
import { Template } from "./Server.js"

NodeMcpStdio.serve().pipe(
  Effect.provide(Template),
  Effect.provide(NodeMcpStdio.layerLogger),
  NodeRuntime.runMain({ disableErrorReporting: true })
)
