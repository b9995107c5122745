import { describe, expect, it } from "@effect/vitest"
import { McpTestClient } from "@mcp-effect/server"
import { Effect, Fiber } from "effect"
import { EverythingTemplate } from "../src/everything.js"

describe("the everything server's conformance fixtures", () => {
  it.scoped("tools return each kind of content", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      expect((yield* client.callTool("test_simple_text")).content[0]?.type).toBe("text")
      expect((yield* client.callTool("test_image_content")).content[0]).toMatchObject({ type: "image", mimeType: "image/png" })
      expect((yield* client.callTool("test_audio_content")).content[0]).toMatchObject({ type: "audio", mimeType: "audio/wav" })
      expect((yield* client.callTool("test_multiple_content_types")).content.map((c) => c.type)).toEqual([
        "text",
        "image",
        "resource"
      ])
      expect(yield* client.callTool("test_error_handling")).toEqual({
        content: [{ type: "text", text: "This tool intentionally returns an error for testing" }],
        isError: true
      })
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("the JSON Schema 2020-12 tool lists its schema verbatim", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const tool = (yield* client.listTools()).tools.find((t) => t.name === "json_schema_2020_12_tool")
      expect(tool?.inputSchema).toMatchObject({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $defs: { address: { type: "object" } },
        additionalProperties: false
      })
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("elicitation forms carry defaults and every enum shape", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect({ capabilities: { elicitation: {} } })
      const defaults = yield* Effect.fork(client.callTool("test_elicitation_sep1034_defaults"))
      const request = yield* client.nextRequest("elicitation/create")
      expect(request.params?.requestedSchema).toMatchObject({
        properties: {
          name: { type: "string", default: "John Doe" },
          age: { type: "integer", default: 30 },
          score: { type: "number", default: 95.5 },
          status: { enum: ["active", "inactive", "pending"], default: "active" },
          verified: { type: "boolean", default: true }
        }
      })
      yield* client.reply(request.id, { action: "decline" })
      expect((yield* Fiber.join(defaults)).content).toEqual([{ type: "text", text: "Elicitation completed: action=decline" }])

      const enums = yield* Effect.fork(client.callTool("test_elicitation_sep1330_enums"))
      const enumRequest = yield* client.nextRequest("elicitation/create")
      expect(enumRequest.params?.requestedSchema).toMatchObject({
        properties: {
          titledSingle: { oneOf: [{ const: "value1", title: "First Option" }, {}, {}] },
          legacyEnum: { enumNames: ["Option One", "Option Two", "Option Three"] },
          titledMulti: { type: "array", items: { anyOf: [{ const: "value1" }, {}, {}] } }
        }
      })
      yield* client.reply(enumRequest.id, { action: "accept", content: { untitledMulti: ["option1"] } })
      expect((yield* Fiber.join(enums)).content).toEqual([
        { type: "text", text: "Elicitation completed: action=accept, content={\"untitledMulti\":[\"option1\"]}" }
      ])
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("resources, the template, prompts and completion", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      expect((yield* client.readResource("test://template/123/data")).contents[0]).toMatchObject({
        text: JSON.stringify({ id: "123", templateTest: true, data: "Data for ID: 123" })
      })
      expect((yield* client.listResources()).resources.every((r) => r.description !== undefined)).toBe(true)
      expect((yield* client.getPrompt("test_prompt_with_arguments", { arg1: "hello", arg2: "world" })).messages).toEqual([
        { role: "user", content: { type: "text", text: "Prompt with arguments: arg1='hello', arg2='world'" } }
      ])
      expect(
        yield* client.request("completion/complete", {
          ref: { type: "ref/prompt", name: "test_prompt_with_arguments" },
          argument: { name: "arg1", value: "par" }
        })
      ).toEqual({ completion: { values: ["paris", "park", "party"], total: 3, hasMore: false } })
    }).pipe(Effect.provide(EverythingTemplate)))
})
