/** mcp-effect's echo server over stdio (`pnpm -s bench:server`). BENCH_TOOLS=n registers n more tools. */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NodeMcpStdio } from "@mcp-effect/platform-node"
import * as Effect from "effect/Effect"
import { Template } from "./mcp-effect-template.js"

NodeMcpStdio.serve().pipe(Effect.provide(Template), NodeRuntime.runMain({ disableErrorReporting: true }))
