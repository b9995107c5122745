/**
 * A span per request, named and attributed after OpenTelemetry's semantic conventions for MCP: `{mcp.method.name}
 * {target}`, where the target is the tool's or the prompt's name (a resource's URI stays an attribute: it would make
 * span names unbounded). The span is a child of the client's trace when the request's `_meta` carries a W3C
 * `traceparent`, and the parent of every span the handler makes.
 *
 * Effect's own tracer, the one in place when the application installed none, records spans nobody reads: with it the
 * engine makes no span at all, so an untraced server pays nothing for this.
 */
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Tracer from "effect/Tracer"
import type * as JsonRpc from "../JsonRpc.js"

const nativeTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/** Whether the application installed a tracer of its own. */
export const isInstalled: Effect.Effect<boolean> = Effect.map(Effect.tracer, (tracer) => tracer !== nativeTracer)

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/

/** The client's span, from `_meta.traceparent` (W3C Trace Context); `None` when absent or malformed. */
export const parentOf = (meta: Readonly<Record<string, unknown>> | undefined): Option.Option<Tracer.ExternalSpan> => {
  const header = meta?.traceparent
  const match = typeof header === "string" ? TRACEPARENT.exec(header.trim()) : null
  if (match === null) return Option.none()
  const [, version, traceId, spanId, flags] = match
  // Version ff is forbidden, and all-zero ids mean "no trace".
  if (version === "ff" || /^0+$/.test(traceId) || /^0+$/.test(spanId)) return Option.none()
  return Option.some(Tracer.externalSpan({ traceId, spanId, sampled: (parseInt(flags, 16) & 1) === 1 }))
}

const stringParam = (params: JsonRpc.Params, key: string): string | undefined => {
  const value = params[key]
  return typeof value === "string" ? value : undefined
}

/** Who the request concerns: what names the span, and its attributes. */
const targetOf = (request: JsonRpc.Request): {
  readonly name: string | undefined
  readonly attributes: Readonly<Record<string, string>>
} => {
  const params = request.params ?? {}
  switch (request.method) {
    case "tools/call": {
      const name = stringParam(params, "name")
      return {
        name,
        attributes: name === undefined ? {} : { "gen_ai.tool.name": name, "gen_ai.operation.name": "execute_tool" }
      }
    }
    case "prompts/get": {
      const name = stringParam(params, "name")
      return { name, attributes: name === undefined ? {} : { "gen_ai.prompt.name": name } }
    }
    case "resources/read":
    case "resources/subscribe":
    case "resources/unsubscribe": {
      const uri = stringParam(params, "uri")
      return { name: undefined, attributes: uri === undefined ? {} : { "mcp.resource.uri": uri } }
    }
    default:
      return { name: undefined, attributes: {} }
  }
}

const isToolError = (response: JsonRpc.Response): boolean =>
  "result" in response && Predicate.isRecord(response.result) && response.result.isError === true

/**
 * Runs `answer` (the handling of `request`, ending in its response) inside a server span. Its parent is the client's
 * span from `traceparent`, else `parent` (the span current where the request arrived, e.g. an HTTP server's), else
 * the span current where it runs. An error response ends the span as failed, with `error.type` the JSON-RPC code; a
 * tool's `isError` result, with `tool_error`.
 */
export const traced = <R>(
  request: JsonRpc.Request,
  details: {
    readonly meta: Readonly<Record<string, unknown>> | undefined
    readonly protocolVersion: string | undefined
    readonly sessionId: string | undefined
    readonly parent: Option.Option<Tracer.AnySpan>
  },
  answer: Effect.Effect<JsonRpc.Response, never, R>
): Effect.Effect<JsonRpc.Response, never, R> => {
  const target = targetOf(request)
  const attributes: Record<string, unknown> = {
    "mcp.method.name": request.method,
    "jsonrpc.request.id": String(request.id),
    ...target.attributes
  }
  if (details.protocolVersion !== undefined) attributes["mcp.protocol.version"] = details.protocolVersion
  if (details.sessionId !== undefined) attributes["mcp.session.id"] = details.sessionId
  const parent = Option.orElse(parentOf(details.meta), () => details.parent)
  return Effect.flatMap(
    Effect.makeSpan(target.name === undefined ? request.method : `${request.method} ${target.name}`, {
      kind: "server",
      attributes,
      ...(Option.isSome(parent) ? { parent: parent.value } : {})
    }),
    (span) =>
      Effect.provideService(answer, Tracer.ParentSpan, span).pipe(
        Effect.onExit((exit) =>
          Effect.clockWith((clock) =>
            Effect.sync(() => {
              const end = clock.unsafeCurrentTimeNanos()
              if (Exit.isFailure(exit)) return span.end(end, exit)
              const response = exit.value
              if ("error" in response) {
                span.attribute("error.type", String(response.error.code))
                return span.end(end, Exit.fail(response.error.message))
              }
              if (isToolError(response)) {
                span.attribute("error.type", "tool_error")
                return span.end(end, Exit.fail("tool_error"))
              }
              span.end(end, exit)
            })
          )
        )
      )
  )
}
