import { describe, expect, it } from "@effect/vitest"
import { McpTestClient } from "@mcp-effect/server"
import { Effect, Layer } from "effect"
import { Greetings } from "../src/Greetings.js"
import { TemplateWithoutDependencies } from "../src/Server.js"

// The service mocked: the test checks what the tool does with it, in memory, with no process.
const GreetingsTest = Layer.succeed(Greetings, {
  greet: (name, language) => Effect.succeed(`[${language}] ${name}`)
})

describe("starter server", () => {
  it.scoped("greet answers from the service", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const result = yield* client.callTool("greet", { name: "Ada", language: "fr" })
      expect(result.content).toEqual([{ type: "text", text: "[fr] Ada" }])
    }).pipe(Effect.provide(TemplateWithoutDependencies.pipe(Layer.provide(GreetingsTest)))))

  it.scoped("bad arguments are an error result the model can read, not a crash", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const result = yield* client.callTool("greet", { name: "" })
      expect(result.isError).toBe(true)
      const { tools } = yield* client.listTools()
      expect(tools.map((tool) => tool.name)).toEqual(["greet"])
    }).pipe(Effect.provide(TemplateWithoutDependencies.pipe(Layer.provide(GreetingsTest)))))
})
