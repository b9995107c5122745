import { describe, expect, it } from "@effect/vitest"
import { McpTestClient } from "@mcp-effect/server"
import { Effect, Fiber, Ref, TestClock } from "effect"
import { EverythingTemplate } from "../src/everything.js"

const text = (value: string) => ({ type: "text", text: value })

describe("the everything server's conformance fixtures", () => {
  it.scoped("tools return each kind of content, and an error result", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      expect((yield* client.callTool("test_simple_text")).content).toEqual([
        text("This is a simple text response for testing.")
      ])
      const image = (yield* client.callTool("test_image_content")).content[0]
      expect(image).toMatchObject({ type: "image", mimeType: "image/png" })
      expect((yield* client.callTool("test_audio_content")).content[0]).toMatchObject({
        type: "audio",
        mimeType: "audio/wav"
      })
      expect((yield* client.callTool("test_embedded_resource")).content).toEqual([{
        type: "resource",
        resource: {
          uri: "test://embedded-resource",
          mimeType: "text/plain",
          text: "This is an embedded resource content."
        }
      }])
      const mixed = (yield* client.callTool("test_multiple_content_types")).content
      expect(mixed.map((c) => c.type)).toEqual(["text", "image", "resource"])
      expect(mixed[1]).toEqual(image)
      expect(yield* client.callTool("test_error_handling")).toEqual({
        content: [text("This tool intentionally returns an error for testing")],
        isError: true
      })
      // Every tool has a description (tools-list).
      expect((yield* client.listTools()).tools.filter((tool) => tool.description === undefined)).toEqual([])
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("logging and progress reach the client while the tool works", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      yield* client.setLogLevel("debug")
      const logging = yield* Effect.fork(client.callTool("test_tool_with_logging"))
      yield* TestClock.adjust("100 millis")
      expect((yield* Fiber.join(logging)).content).toEqual([text("Logging test completed")])
      const logs = yield* Effect.all(Array.from({ length: 3 }, () => client.nextNotification("notifications/message")))
      expect(logs.map((log) => log.params)).toEqual([
        { level: "info", data: "Tool execution started" },
        { level: "info", data: "Tool processing data" },
        { level: "info", data: "Tool execution completed" }
      ])

      const progress = yield* Effect.fork(client.request("tools/call", {
        name: "test_tool_with_progress",
        arguments: {},
        _meta: { progressToken: "p-1" }
      }))
      yield* TestClock.adjust("100 millis")
      expect(yield* Fiber.join(progress)).toEqual({ content: [text("Progress test completed")] })
      const notes = yield* Effect.all(
        Array.from({ length: 3 }, () => client.nextNotification("notifications/progress"))
      )
      expect(notes.map((note) => note.params)).toEqual([0, 50, 100].map((progress) => ({
        progressToken: "p-1",
        progress,
        total: 100
      })))
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("sampling and elicitation round-trip through the client, and fail without its capability", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect({ capabilities: { sampling: {}, elicitation: {} } })
      const sampling = yield* Effect.fork(client.callTool("test_sampling", { prompt: "2+2?" }))
      const sample = yield* client.nextRequest("sampling/createMessage")
      expect(sample.params).toMatchObject({ messages: [{ role: "user", content: text("2+2?") }], maxTokens: 100 })
      yield* client.reply(sample.id, { role: "assistant", content: text("4"), model: "test-model" })
      expect((yield* Fiber.join(sampling)).content).toEqual([text("LLM response: 4")])

      const elicitation = yield* Effect.fork(client.callTool("test_elicitation", { message: "Who are you?" }))
      const form = yield* client.nextRequest("elicitation/create")
      expect(form.params).toEqual({
        message: "Who are you?",
        requestedSchema: {
          type: "object",
          required: ["username", "email"],
          properties: {
            username: { type: "string", description: "User's response" },
            email: { type: "string", description: "User's email address" }
          }
        }
      })
      yield* client.reply(form.id, { action: "accept", content: { username: "ada", email: "ada@example.com" } })
      expect((yield* Fiber.join(elicitation)).content).toEqual([
        text("User response: action=accept, content={\"username\":\"ada\",\"email\":\"ada@example.com\"}")
      ])

      const bare = yield* McpTestClient.connect()
      expect((yield* bare.callTool("test_sampling", { prompt: "2+2?" })).isError).toBe(true)
      expect((yield* bare.callTool("test_elicitation", { message: "Who are you?" })).isError).toBe(true)
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("elicitation forms carry defaults and every enum shape", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect({ capabilities: { elicitation: {} } })
      const defaults = yield* Effect.fork(client.callTool("test_elicitation_sep1034_defaults"))
      const request = yield* client.nextRequest("elicitation/create")
      expect(request.params?.requestedSchema).toMatchObject({
        properties: {
          name: { type: "string", default: "John Doe" },
          age: { type: "integer", title: "Age", default: 30 },
          score: { type: "number", default: 95.5 },
          status: { type: "string", enum: ["active", "inactive", "pending"], default: "active" },
          verified: { type: "boolean", default: true }
        }
      })
      yield* client.reply(request.id, { action: "decline" })
      expect((yield* Fiber.join(defaults)).content).toEqual([text("Elicitation completed: action=decline")])

      const enums = yield* Effect.fork(client.callTool("test_elicitation_sep1330_enums"))
      const enumRequest = yield* client.nextRequest("elicitation/create")
      expect(enumRequest.params?.requestedSchema).toEqual({
        type: "object",
        required: [],
        properties: {
          untitledSingle: { type: "string", enum: ["option1", "option2", "option3"] },
          untitledMulti: { type: "array", items: { type: "string", enum: ["option1", "option2", "option3"] } },
          titledSingle: {
            type: "string",
            oneOf: [
              { const: "value1", title: "First Option" },
              { const: "value2", title: "Second Option" },
              { const: "value3", title: "Third Option" }
            ]
          },
          legacyEnum: {
            type: "string",
            enum: ["opt1", "opt2", "opt3"],
            enumNames: ["Option One", "Option Two", "Option Three"]
          },
          titledMulti: {
            type: "array",
            items: {
              anyOf: [
                { const: "value1", title: "First Choice" },
                { const: "value2", title: "Second Choice" },
                { const: "value3", title: "Third Choice" }
              ]
            }
          }
        }
      })
      yield* client.reply(enumRequest.id, {
        action: "accept",
        content: { untitledMulti: ["option1"], titledSingle: "value2" }
      })
      expect((yield* Fiber.join(enums)).content).toEqual([
        text(
          "Elicitation completed: action=accept, content={\"untitledMulti\":[\"option1\"],\"titledSingle\":\"value2\"}"
        )
      ])

      // The answer is decoded by the form's Schema: a value that is not one of the choices is refused.
      const refused = yield* Effect.fork(client.callTool("test_elicitation_sep1330_enums"))
      const again = yield* client.nextRequest("elicitation/create")
      yield* client.reply(again.id, { action: "accept", content: { titledSingle: "value9" } })
      expect((yield* Fiber.join(refused)).isError).toBe(true)
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("the JSON Schema 2020-12 tool lists its schema verbatim", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const tool = (yield* client.listTools()).tools.find((t) => t.name === "json_schema_2020_12_tool")
      expect(tool?.inputSchema).toEqual({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        type: "object",
        $defs: { address: { type: "object", properties: { street: { type: "string" }, city: { type: "string" } } } },
        properties: { name: { type: "string" }, address: { $ref: "#/$defs/address" } },
        additionalProperties: false
      })
      expect((yield* client.callTool("json_schema_2020_12_tool", { name: "ada" })).content).toEqual([
        text("Received: {\"name\":\"ada\"}")
      ])
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("test_reconnection answers outside Streamable HTTP too, where there is no stream to close", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const call = yield* Effect.fork(client.callTool("test_reconnection"))
      yield* TestClock.adjust("300 millis")
      expect((yield* Fiber.join(call)).content).toEqual([text("Reconnection test completed")])
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("resources: static text and binary, the template, and subscribing to the watched resource", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const { resources } = yield* client.listResources()
      expect(resources.map((r) => [r.uri, r.mimeType])).toEqual([
        ["test://static-text", "text/plain"],
        ["test://static-binary", "image/png"],
        ["test://watched-resource", "text/plain"]
      ])
      expect(resources.filter((r) => r.description === undefined)).toEqual([])
      expect((yield* client.listResourceTemplates()).resourceTemplates).toMatchObject([
        { uriTemplate: "test://template/{id}/data", mimeType: "application/json" }
      ])

      expect((yield* client.readResource("test://static-text")).contents).toEqual([
        { uri: "test://static-text", mimeType: "text/plain", text: "This is the content of the static text resource." }
      ])
      const image = (yield* client.callTool("test_image_content")).content[0]
      const binary = (yield* client.readResource("test://static-binary")).contents[0]
      expect(binary).toMatchObject({ uri: "test://static-binary", mimeType: "image/png" })
      expect(binary !== undefined && "blob" in binary && image?.type === "image" && binary.blob === image.data).toBe(
        true
      )
      expect((yield* client.readResource("test://template/123/data")).contents).toEqual([{
        uri: "test://template/123/data",
        mimeType: "application/json",
        text: JSON.stringify({ id: "123", templateTest: true, data: "Data for ID: 123" })
      }])

      yield* client.request("resources/subscribe", { uri: "test://watched-resource" })
      yield* TestClock.adjust("3 seconds")
      expect((yield* client.nextNotification("notifications/resources/updated")).params).toEqual({
        uri: "test://watched-resource"
      })
      yield* client.request("resources/unsubscribe", { uri: "test://watched-resource" })
      expect((yield* Ref.get(client.session.watchers)).size).toBe(0)
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("prompts: simple, with arguments, with an embedded resource, with an image", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const { prompts } = yield* client.listPrompts()
      expect(prompts.map((p) => [p.name, (p.arguments ?? []).map((a) => [a.name, a.required])])).toEqual([
        ["test_simple_prompt", []],
        ["test_prompt_with_arguments", [["arg1", true], ["arg2", true]]],
        ["test_prompt_with_embedded_resource", [["resourceUri", true]]],
        ["test_prompt_with_image", []]
      ])
      expect(prompts.filter((p) => p.description === undefined)).toEqual([])

      expect((yield* client.getPrompt("test_simple_prompt")).messages).toEqual([
        { role: "user", content: text("This is a simple prompt for testing.") }
      ])
      expect((yield* client.getPrompt("test_prompt_with_arguments", { arg1: "hello", arg2: "world" })).messages)
        .toEqual([
          { role: "user", content: text("Prompt with arguments: arg1='hello', arg2='world'") }
        ])
      expect((yield* client.getPrompt("test_prompt_with_embedded_resource", { resourceUri: "test://x" })).messages)
        .toEqual([
          {
            role: "user",
            content: {
              type: "resource",
              resource: { uri: "test://x", mimeType: "text/plain", text: "Embedded resource content for testing." }
            }
          },
          { role: "user", content: text("Please process the embedded resource above.") }
        ])
      expect((yield* client.getPrompt("test_prompt_with_image")).messages).toMatchObject([
        { role: "user", content: { type: "image", mimeType: "image/png" } },
        { role: "user", content: text("Please analyze the image above.") }
      ])
    }).pipe(Effect.provide(EverythingTemplate)))

  it.scoped("completion of a prompt argument and of a template variable", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      expect(
        yield* client.request("completion/complete", {
          ref: { type: "ref/prompt", name: "test_prompt_with_arguments" },
          argument: { name: "arg1", value: "par" }
        })
      ).toEqual({ completion: { values: ["paris", "park", "party"], total: 3, hasMore: false } })
      expect(
        yield* client.request("completion/complete", {
          ref: { type: "ref/resource", uri: "test://template/{id}/data" },
          argument: { name: "id", value: "4" }
        })
      ).toEqual({ completion: { values: ["456"], total: 1, hasMore: false } })
    }).pipe(Effect.provide(EverythingTemplate)))
})
