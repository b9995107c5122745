import { describe, expect, it } from "@effect/vitest"
import {
  JsonRpc,
  McpMiddleware,
  McpPrompt,
  McpRequest,
  McpResource,
  McpSession,
  McpTestClient,
  McpTool
} from "@mcp-effect/server"
import { Context, DefaultServices, Effect, Option, Schema, Tracer } from "effect"

/** An in-memory tracer: Effect's own spans, kept in a list as they start. */
const recording = () => {
  const native = Context.get(DefaultServices.liveServices, Tracer.Tracer)
  const spans: Array<Tracer.Span> = []
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind, options) => {
      const span = native.span(name, parent, context, links, startTime, kind, options)
      spans.push(span)
      return span
    },
    context: (f, fiber) => native.context(f, fiber)
  })
  const named = (name: string): Tracer.Span => {
    const span = spans.find((s) => s.name === name)
    if (span === undefined) throw new Error(`no span "${name}" in ${spans.map((s) => s.name).join(", ")}`)
    return span
  }
  return { spans, tracer, named }
}

const weather = McpTool.make("weather", {
  input: Schema.Struct({ city: Schema.String }),
  handler: ({ city }) => Effect.withSpan(Effect.succeed(`sunny in ${city}`), "weather.lookup")
})
const broken = McpTool.make("broken", {
  input: Schema.Struct({}),
  handler: () => Effect.fail("the widget broke")
})
const greeting = McpPrompt.make("greeting", {
  args: Schema.Struct({}),
  handler: () => Effect.succeed("hello")
})
const readme = McpResource.make("docs://readme", { name: "readme", handler: Effect.succeed("read me") })

const Template = McpSession.layerTemplate({ name: "traced", version: "1" }).pipe(
  McpSession.withTools(weather, broken),
  McpSession.withPrompts(greeting),
  McpSession.withResources(readme)
)

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
const CLIENT_SPAN = "00f067aa0ba902b7"

const attributes = (span: Tracer.Span) => Object.fromEntries(span.attributes)

describe("McpServer: a span per request", () => {
  it.scoped("named after the method and its target, attributed after OpenTelemetry's MCP conventions", () =>
    Effect.gen(function*() {
      const { named, tracer } = recording()
      yield* Effect.gen(function*() {
        const client = yield* McpTestClient.connect({ protocolVersion: "2025-06-18" })
        yield* client.request("tools/call", {
          name: "weather",
          arguments: { city: "Oslo" },
          _meta: { traceparent: `00-${TRACE_ID}-${CLIENT_SPAN}-01` }
        })
        yield* client.request("prompts/get", { name: "greeting" })
        yield* client.readResource("docs://readme")
        yield* client.request("tools/call", { name: "broken", arguments: {} })
        yield* Effect.flip(client.request("tools/call", { name: "nope", arguments: {} }))
      }).pipe(Effect.withTracer(tracer))

      const call = named("tools/call weather")
      expect(call.kind).toBe("server")
      expect(attributes(call)).toMatchObject({
        "mcp.method.name": "tools/call",
        "gen_ai.tool.name": "weather",
        "gen_ai.operation.name": "execute_tool",
        "mcp.protocol.version": "2025-06-18"
      })
      expect(typeof attributes(call)["jsonrpc.request.id"]).toBe("string")
      // A child of the client's span, from the traceparent in _meta.
      expect(Option.map(call.parent, (parent) => [parent.traceId, parent.spanId])).toEqual(
        Option.some([TRACE_ID, CLIENT_SPAN])
      )
      expect(call.traceId).toBe(TRACE_ID)
      expect(call.status._tag === "Ended" && call.status.exit._tag).toBe("Success")
      // The parent of what the handler traces.
      expect(Option.map(named("weather.lookup").parent, (parent) => parent.spanId)).toEqual(Option.some(call.spanId))

      expect(attributes(named("prompts/get greeting"))).toMatchObject({ "gen_ai.prompt.name": "greeting" })
      const read = named("resources/read")
      expect(attributes(read)).toMatchObject({ "mcp.resource.uri": "docs://readme" })
      expect(Option.isNone(read.parent)).toBe(true)

      const failed = named("tools/call broken")
      expect(attributes(failed)["error.type"]).toBe("tool_error")
      expect(failed.status._tag === "Ended" && failed.status.exit._tag).toBe("Failure")
      expect(attributes(named("tools/call nope"))["error.type"]).toBe(String(JsonRpc.INVALID_PARAMS))
      expect(attributes(named("initialize"))).toMatchObject({ "mcp.method.name": "initialize" })
    }).pipe(Effect.provide(Template)))

  it.scoped("covers requests under middleware too, with the handler's spans inside", () =>
    Effect.gen(function*() {
      const { named, tracer } = recording()
      const middleware: McpMiddleware.McpMiddleware<McpRequest.McpRequest> = (next) =>
        Effect.withSpan(next, "middleware")
      yield* Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.session.addMiddleware(middleware)
        yield* client.callTool("weather", { city: "Rome" })
      }).pipe(Effect.withTracer(tracer))
      const call = named("tools/call weather")
      expect(Option.map(named("middleware").parent, (parent) => parent.spanId)).toEqual(Option.some(call.spanId))
      const lookup = named("weather.lookup")
      expect(lookup.traceId).toBe(call.traceId)
    }).pipe(Effect.provide(Template)))

  it.scoped("makes no span when the application installed no tracer", () =>
    Effect.gen(function*() {
      const { spans, tracer } = recording()
      const client = yield* McpTestClient.connect()
      // The tracer is installed only around the handler's own work: the engine saw none when the conversation began.
      yield* Effect.withTracer(client.callTool("weather", { city: "Lima" }), tracer)
      expect(spans.map((span) => span.name)).not.toContain("tools/call weather")
    }).pipe(Effect.provide(Template)))

  it.scoped("ignores a malformed traceparent", () =>
    Effect.gen(function*() {
      const { named, tracer } = recording()
      yield* Effect.gen(function*() {
        const client = yield* McpTestClient.connect()
        yield* client.request("tools/call", {
          name: "weather",
          arguments: { city: "Oslo" },
          _meta: { traceparent: `00-${"0".repeat(32)}-${CLIENT_SPAN}-01` }
        })
      }).pipe(Effect.withTracer(tracer))
      expect(named("tools/call weather").traceId).not.toBe("0".repeat(32))
      expect(Option.isNone(named("tools/call weather").parent)).toBe(true)
    }).pipe(Effect.provide(Template)))
})
