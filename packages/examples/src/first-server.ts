/**
 * The README's "first server", compiled by the test suite so the README cannot rot.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NodeMcpStdio } from "@mcp-effect/platform-node"
import { McpSession, McpTool } from "@mcp-effect/server"
import { Context, Effect, Layer, Schema } from "effect"

// An application service, as your program already has them.
class Weather extends Context.Tag("app/Weather")<Weather, {
  readonly forecast: (city: string) => Effect.Effect<string>
}>() {}

// A tool: Schema in, Effect out. Its requirement (Weather) shows up in its type.
const forecast = McpTool.make("forecast", {
  description: "Weather forecast for a city",
  input: Schema.Struct({ city: Schema.String }),
  handler: ({ city }) => Effect.flatMap(Weather, (weather) => weather.forecast(city))
})

// The template session: what every client gets. Its layer must be given what the tools require.
const Template = McpSession.layerTemplate({ name: "weather", version: "1.0.0" }).pipe(
  McpSession.withTools(forecast),
  Layer.provide(Layer.succeed(Weather, { forecast: (city) => Effect.succeed(`Sunny in ${city}`) }))
)

// stdio: one live session copied from the template, served until stdin closes.
NodeMcpStdio.serve().pipe(Effect.provide(Template), NodeRuntime.runMain)
