/** mcp-effect's echo server over Streamable HTTP (`PORT=… pnpm -s bench:server:http`). */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NodeMcpHttp } from "@mcp-effect/platform-node"
import * as Duration from "effect/Duration"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import { Template } from "./mcp-effect-template.js"
import "./memory-report.js"

NodeMcpHttp.layer({ port: Number(process.env.PORT ?? 3000), maxSessions: 100_000, idleTimeout: Duration.infinity })
  .pipe(
    Layer.provide(Template),
    Layer.provide(Logger.minimumLogLevel(LogLevel.Warning)),
    Layer.launch,
    NodeRuntime.runMain({ disableErrorReporting: true })
  )
