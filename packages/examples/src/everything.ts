/**
 * The "everything" server: the fixtures the official conformance suite (`@modelcontextprotocol/conformance`)
 * expects, one small handler each. `scripts/conformance/run.sh` serves it over Streamable HTTP and runs the suite.
 */
import { NodeMcpHttp } from "@mcp-effect/platform-node"
import { McpPrompt, McpRequest, McpResource, McpSession, McpTool } from "@mcp-effect/server"
import { Clock, Effect, Schedule, Schema, Stream } from "effect"

/** A 1×1 red PNG. */
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="

/** A silent 8-sample, 8 kHz, 8-bit mono WAV. */
const WAV = "UklGRiwAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQgAAACAgICAgICAgA=="

const NoArguments = Schema.Struct({})

const text = (value: string) => ({ type: "text" as const, text: value })

const simpleText = McpTool.make("test_simple_text", {
  description: "Returns a simple text",
  input: NoArguments,
  handler: () => Effect.succeed("This is a simple text response for testing.")
})

const imageContent = McpTool.make("test_image_content", {
  description: "Returns an image",
  input: NoArguments,
  handler: () => Effect.succeed({ type: "image" as const, data: PNG, mimeType: "image/png" })
})

const audioContent = McpTool.make("test_audio_content", {
  description: "Returns audio",
  input: NoArguments,
  handler: () => Effect.succeed({ type: "audio" as const, data: WAV, mimeType: "audio/wav" })
})

const embeddedResource = McpTool.make("test_embedded_resource", {
  description: "Returns an embedded resource",
  input: NoArguments,
  handler: () =>
    Effect.succeed({
      type: "resource" as const,
      resource: {
        uri: "test://embedded-resource",
        mimeType: "text/plain",
        text: "This is an embedded resource content."
      }
    })
})

const multipleContentTypes = McpTool.make("test_multiple_content_types", {
  description: "Returns text, an image and an embedded resource",
  input: NoArguments,
  handler: () =>
    Effect.succeed([
      text("Multiple content types test:"),
      { type: "image" as const, data: PNG, mimeType: "image/png" },
      {
        type: "resource" as const,
        resource: {
          uri: "test://mixed-content-resource",
          mimeType: "application/json",
          text: JSON.stringify({ test: "data", value: 123 })
        }
      }
    ])
})

const withLogging = McpTool.make("test_tool_with_logging", {
  description: "Logs three messages while it works",
  input: NoArguments,
  handler: () =>
    Effect.gen(function*() {
      yield* McpRequest.log("info", "Tool execution started")
      yield* Effect.sleep("50 millis")
      yield* McpRequest.log("info", "Tool processing data")
      yield* Effect.sleep("50 millis")
      yield* McpRequest.log("info", "Tool execution completed")
      return "Logging test completed"
    })
})

const errorHandling = McpTool.make("test_error_handling", {
  description: "Always fails",
  input: NoArguments,
  handler: () => Effect.fail(new Error("This tool intentionally returns an error for testing"))
})

const withProgress = McpTool.make("test_tool_with_progress", {
  description: "Reports progress 0, 50 and 100 of 100",
  input: NoArguments,
  handler: () =>
    Effect.gen(function*() {
      yield* McpRequest.progress(0, { total: 100 })
      yield* Effect.sleep("50 millis")
      yield* McpRequest.progress(50, { total: 100 })
      yield* Effect.sleep("50 millis")
      yield* McpRequest.progress(100, { total: 100 })
      return "Progress test completed"
    })
})

const sampling = McpTool.make("test_sampling", {
  description: "Asks the client's LLM",
  input: Schema.Struct({ prompt: Schema.String.annotations({ description: "The prompt to send to the LLM" }) }),
  handler: ({ prompt }) =>
    Effect.map(
      McpRequest.sample({ messages: [{ role: "user", content: text(prompt) }], maxTokens: 100 }),
      (result) =>
        `LLM response: ${"type" in result.content && result.content.type === "text" ? result.content.text : ""}`
    )
})

const describeAnswer = (answer: McpRequest.Elicited<unknown>) =>
  answer.action === "accept"
    ? `action=accept, content=${JSON.stringify(answer.content)}`
    : `action=${answer.action}`

const elicitation = McpTool.make("test_elicitation", {
  description: "Asks the user for a username and an email",
  input: Schema.Struct({ message: Schema.String.annotations({ description: "The message to show the user" }) }),
  handler: ({ message }) =>
    Effect.map(
      McpRequest.elicit(
        message,
        Schema.Struct({
          username: Schema.String.annotations({ description: "User's response" }),
          email: Schema.String.annotations({ description: "User's email address" })
        })
      ),
      (answer) => `User response: ${describeAnswer(answer)}`
    )
})

const elicitationDefaults = McpTool.make("test_elicitation_sep1034_defaults", {
  description: "Asks for a form whose fields have defaults",
  input: NoArguments,
  handler: () =>
    Effect.map(
      McpRequest.elicit(
        "Please review your profile",
        Schema.Struct({
          name: Schema.String.annotations({ description: "User name", default: "John Doe" }),
          // Titled: Schema.Int would otherwise label the field with its own title, "int".
          age: Schema.Int.annotations({ title: "Age", description: "User age", default: 30 }),
          score: Schema.Number.annotations({ description: "User score", default: 95.5 }),
          status: Schema.Literal("active", "inactive", "pending").annotations({
            description: "User status",
            default: "active"
          }),
          verified: Schema.Boolean.annotations({ description: "Verification status", default: true })
        })
      ),
      (answer) => `Elicitation completed: ${describeAnswer(answer)}`
    )
})

/** Titled choices, for the enum shapes an Effect Schema does not generate: the form gets them as given. */
const titled = (choices: ReadonlyArray<readonly [value: string, title: string]>) =>
  choices.map(([value, title]) => ({ const: value, title }))

const elicitationEnums = McpTool.make("test_elicitation_sep1330_enums", {
  description: "Asks for a form with every kind of enum",
  input: NoArguments,
  handler: () =>
    Effect.map(
      McpRequest.elicit(
        "Pick some options",
        Schema.Struct({
          // Generated as is: `{ type: "string", enum }` and `{ type: "array", items: { type: "string", enum } }`.
          untitledSingle: Schema.optional(Schema.Literal("option1", "option2", "option3")),
          untitledMulti: Schema.optional(Schema.Array(Schema.Literal("option1", "option2", "option3"))),
          // Given: the answer is still decoded by the Schema, the form shows the titles.
          titledSingle: Schema.optional(
            Schema.Literal("value1", "value2", "value3").annotations({
              jsonSchema: {
                type: "string",
                oneOf: titled([["value1", "First Option"], ["value2", "Second Option"], ["value3", "Third Option"]])
              }
            })
          ),
          legacyEnum: Schema.optional(
            Schema.Literal("opt1", "opt2", "opt3").annotations({
              jsonSchema: {
                type: "string",
                enum: ["opt1", "opt2", "opt3"],
                enumNames: ["Option One", "Option Two", "Option Three"]
              }
            })
          ),
          titledMulti: Schema.optional(
            Schema.Array(Schema.Literal("value1", "value2", "value3")).annotations({
              jsonSchema: {
                type: "array",
                items: {
                  anyOf: titled([["value1", "First Choice"], ["value2", "Second Choice"], ["value3", "Third Choice"]])
                }
              }
            })
          )
        })
      ),
      (answer) => `Elicitation completed: ${describeAnswer(answer)}`
    )
})

const jsonSchema202012 = McpTool.make("json_schema_2020_12_tool", {
  description: "Tool with JSON Schema 2020-12 features",
  input: McpTool.jsonSchema({
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    $defs: {
      address: { type: "object", properties: { street: { type: "string" }, city: { type: "string" } } }
    },
    properties: { name: { type: "string" }, address: { $ref: "#/$defs/address" } },
    additionalProperties: false
  }),
  handler: (args) => Effect.succeed(`Received: ${JSON.stringify(args)}`)
})

/** SSE polling: ends its POST stream mid-call; the client resumes with `Last-Event-ID` and gets the result. */
const reconnection = McpTool.make("test_reconnection", {
  description: "Closes its SSE stream mid-call to test client reconnection",
  input: NoArguments,
  handler: () =>
    NodeMcpHttp.closeStream({ retry: "200 millis" }).pipe(
      Effect.zipRight(Effect.sleep("300 millis")),
      Effect.as("Reconnection test completed")
    )
})

const staticText = McpResource.make("test://static-text", {
  name: "static-text",
  description: "A static text resource",
  mimeType: "text/plain",
  handler: Effect.succeed("This is the content of the static text resource.")
})

const staticBinary = McpResource.make("test://static-binary", {
  name: "static-binary",
  description: "A static binary resource (a PNG)",
  mimeType: "image/png",
  handler: Effect.sync(() => Buffer.from(PNG, "base64"))
})

/** Changes every 3 seconds: subscribers get `notifications/resources/updated` each time. */
const watched = McpResource.make("test://watched-resource", {
  name: "watched-resource",
  description: "A resource that changes every 3 seconds",
  mimeType: "text/plain",
  handler: Effect.map(Clock.currentTimeMillis, (now) => `Watched resource content at ${new Date(now).toISOString()}`),
  watch: Stream.fromSchedule(Schedule.spaced("3 seconds"))
})

const templateData = McpResource.template("test://template/{id}/data", {
  name: "template-data",
  description: "Data by id",
  mimeType: "application/json",
  params: Schema.Struct({ id: Schema.String }),
  handler: ({ id }) => Effect.succeed(JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` })),
  completions: { id: (value) => Effect.succeed(["123", "456", "789"].filter((id) => id.startsWith(value))) }
})

const simplePrompt = McpPrompt.make("test_simple_prompt", {
  description: "A prompt without arguments",
  args: Schema.Struct({}),
  handler: () => Effect.succeed("This is a simple prompt for testing.")
})

const promptWithArguments = McpPrompt.make("test_prompt_with_arguments", {
  description: "A prompt with two arguments",
  args: Schema.Struct({
    arg1: Schema.String.annotations({ description: "First test argument" }),
    arg2: Schema.String.annotations({ description: "Second test argument" })
  }),
  handler: ({ arg1, arg2 }) => Effect.succeed(`Prompt with arguments: arg1='${arg1}', arg2='${arg2}'`),
  completions: {
    arg1: (value) => Effect.succeed(["paris", "park", "party"].filter((word) => word.startsWith(value)))
  }
})

const promptWithEmbeddedResource = McpPrompt.make("test_prompt_with_embedded_resource", {
  description: "A prompt that embeds a resource",
  args: Schema.Struct({ resourceUri: Schema.String.annotations({ description: "URI of the resource to embed" }) }),
  handler: ({ resourceUri }) =>
    Effect.succeed([
      {
        role: "user" as const,
        content: {
          type: "resource" as const,
          resource: { uri: resourceUri, mimeType: "text/plain", text: "Embedded resource content for testing." }
        }
      },
      { role: "user" as const, content: text("Please process the embedded resource above.") }
    ])
})

const promptWithImage = McpPrompt.make("test_prompt_with_image", {
  description: "A prompt with an image",
  args: Schema.Struct({}),
  handler: () =>
    Effect.succeed([
      { role: "user" as const, content: { type: "image" as const, data: PNG, mimeType: "image/png" } },
      { role: "user" as const, content: text("Please analyze the image above.") }
    ])
})

/** The conformance fixtures as a template. */
export const EverythingTemplate = McpSession.layerTemplate({
  name: "mcp-effect-everything",
  version: "0.1.0",
  description: "The conformance suite's fixtures, served by mcp-effect"
}).pipe(
  McpSession.withTools(
    simpleText,
    imageContent,
    audioContent,
    embeddedResource,
    multipleContentTypes,
    withLogging,
    errorHandling,
    withProgress,
    sampling,
    elicitation,
    elicitationDefaults,
    elicitationEnums,
    jsonSchema202012,
    reconnection
  ),
  McpSession.withResources(staticText, staticBinary, watched, templateData),
  McpSession.withPrompts(simplePrompt, promptWithArguments, promptWithEmbeddedResource, promptWithImage)
)
