/**
 * What the server offers: a tool backed by the Greetings service, in a template session that every client copies.
 */
import { McpSession, McpTool } from "@mcp-effect/server"
import { Effect, Layer, Schema } from "effect"
import { Greetings } from "./Greetings.js"

// Schema in, Effect out; the tool's type says it needs Greetings.
export const greet = McpTool.make("greet", {
  description: "Greets someone by name",
  input: Schema.Struct({
    name: Schema.String.pipe(Schema.minLength(1)),
    language: Schema.optionalWith(Schema.Literal("en", "fr", "no"), { default: () => "en" })
  }),
  handler: ({ language, name }) => Effect.flatMap(Greetings, (greetings) => greetings.greet(name, language))
})

// Without its dependencies: tests provide a mock, main provides the real service.
export const TemplateWithoutDependencies = McpSession.layerTemplate({ name: "starter", version: "0.0.0" }).pipe(
  McpSession.withTools(greet)
)

export const Template = TemplateWithoutDependencies.pipe(Layer.provide(Greetings.layer))
