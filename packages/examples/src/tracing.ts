/**
 * The README's tracing example: the example server over Streamable HTTP with OpenTelemetry, every request a span
 * (printed to the console here; use an OTLP exporter in production). Compiled by the test suite.
 */
import * as NodeSdk from "@effect/opentelemetry/NodeSdk"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NodeMcpHttp } from "@mcp-effect/platform-node"
import { BatchSpanProcessor, ConsoleSpanExporter } from "@opentelemetry/sdk-trace-base"
import { Layer } from "effect"
import { Template } from "./Server.js"

const Tracing = NodeSdk.layer(() => ({
  resource: { serviceName: "weather-mcp" },
  spanProcessor: new BatchSpanProcessor(new ConsoleSpanExporter()) // or an OTLP exporter
}))

NodeMcpHttp.layer({ port: Number(process.env.PORT ?? 3000) }).pipe(
  Layer.provide(Template),
  Layer.provide(Tracing),
  Layer.launch,
  NodeRuntime.runMain
)
