import { McpSession, McpTool } from "@mcp-effect/server"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

const echo = McpTool.make("echo", {
  description: "Echoes its text",
  input: Schema.Struct({ text: Schema.String }),
  handler: ({ text }) => Effect.succeed(text)
})

const extra = Array.from({ length: Number(process.env.BENCH_TOOLS ?? 0) }, (_, i) =>
  McpTool.make(`tool_${i}`, {
    description: `Benchmark tool ${i}`,
    input: Schema.Struct({ a: Schema.String, b: Schema.optional(Schema.Number) }),
    handler: ({ a }) => Effect.succeed(a)
  }))

export const Template = McpSession.layerTemplate({ name: "bench", version: "1.0.0" }).pipe(
  McpSession.withTools(echo, ...extra)
)
