/**
 * The context of the request being handled: what a tool, prompt or resource handler (and any middleware) can ask
 * about the request and the session it arrived on. Handlers require it in their `R` type; the engine provides it.
 *
 * @example
 * ```ts
 * import { McpRequest, McpTool } from "@mcp-effect/server"
 * import { Effect, Schema } from "effect"
 *
 * const whoAmI = McpTool.make("who_am_i", {
 *   input: Schema.Struct({}),
 *   handler: () =>
 *     Effect.map(McpRequest.McpRequest, (request) => `client: ${request.clientInfo?.name ?? "unknown"}`)
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as JSONSchema from "effect/JSONSchema"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { formatParseError } from "./internal/errors.js"
import * as JsonRpc from "./JsonRpc.js"
import { McpClientError } from "./McpClientError.js"
import * as McpSchema from "./McpSchema.js"
import type { ClientRequestOptions, McpSession } from "./McpSession.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The live session the request arrived on. */
  readonly session: McpSession
  readonly id: JsonRpc.RequestId
  readonly method: string
  /** The raw params, `_meta` included. */
  readonly params: JsonRpc.Params
  /** The request's `params._meta`, if any. */
  readonly meta: Readonly<Record<string, unknown>> | undefined
  /** `params._meta.progressToken`, when the client asked for progress. */
  readonly progressToken: McpSchema.ProgressToken | undefined
  /** The negotiated protocol version: code that differs by version branches on this. */
  readonly protocolVersion: McpSchema.ProtocolVersion
  readonly clientInfo: McpSchema.Implementation | undefined
  readonly clientCapabilities: McpSchema.ClientCapabilities | undefined
  /**
   * What the transport knows of where the request came from (for Streamable HTTP: the HTTP request). Transports
   * export accessors for their own services.
   */
  readonly transport: Context.Context<never>
  /** Sends a notification to the client as part of this request (on HTTP, on this request's stream). */
  readonly notify: (method: string, params?: JsonRpc.Params) => Effect.Effect<void>
  /** The conversation's scope: work forked into it lives as long as the connection, and no longer. */
  readonly scope: Scope.Scope
}

/**
 * @since 0.1.0
 * @category services
 */
export class McpRequest extends Context.Tag("@mcp-effect/server/McpRequest")<McpRequest, Service>() {}

/**
 * The current request's live session.
 *
 * @since 0.1.0
 * @category accessors
 */
export const session: Effect.Effect<McpSession, never, McpRequest> = Effect.map(McpRequest, (r) => r.session)

/**
 * Reports progress on the current request (`notifications/progress`), when the client asked for it with a
 * `progressToken`; otherwise does nothing. `progress` should grow with each call.
 *
 * @example
 * ```ts
 * import { McpRequest } from "@mcp-effect/server"
 * import { Effect } from "effect"
 *
 * const work = Effect.forEach([1, 2, 3], (step) => McpRequest.progress(step, { total: 3, message: `step ${step}` }))
 * ```
 *
 * @since 0.1.0
 * @category notifications
 */
export const progress = (
  progress: number,
  options?: { readonly total?: number; readonly message?: string }
): Effect.Effect<void, never, McpRequest> =>
  Effect.flatMap(McpRequest, (request) =>
    request.progressToken === undefined
      ? Effect.void
      : request.notify("notifications/progress", {
        progressToken: request.progressToken,
        progress,
        ...(options?.total === undefined ? {} : { total: options.total }),
        ...(options?.message === undefined ? {} : { message: options.message })
      }))

/**
 * Sends a log message to the client (`notifications/message`) as part of the current request, unless the client set
 * a higher level with `logging/setLevel`. (`Effect.log*` inside a handler also reaches clients that set a level.)
 *
 * @since 0.1.0
 * @category notifications
 */
export const log = (
  level: McpSchema.LoggingLevel,
  data: unknown,
  logger?: string
): Effect.Effect<void, never, McpRequest> =>
  Effect.gen(function*() {
    const request = yield* McpRequest
    const threshold = yield* Ref.get(request.session.logLevel)
    if (Option.isSome(threshold) && McpSchema.LogLevelSeverity[level] < McpSchema.LogLevelSeverity[threshold.value]) {
      return
    }
    yield* request.notify("notifications/message", { level, data, ...(logger === undefined ? {} : { logger }) })
  })

const missing = (method: string, capability: string) =>
  new McpClientError({
    method,
    reason: "CapabilityMissing",
    message: `The client does not support "${method}" (no "${capability}" capability)`
  })

/** Sends a request to the client as part of the current request (on HTTP, on its stream). */
const ask = <A, I>(
  method: string,
  params: JsonRpc.Params | undefined,
  schema: Schema.Schema<A, I>,
  options?: ClientRequestOptions
): Effect.Effect<A, McpClientError, McpRequest> =>
  Effect.flatMap(
    McpRequest,
    (request) => request.session.request(method, params, schema, { relatedRequestId: request.id, ...options })
  )

/**
 * Asks the client to sample its LLM (`sampling/createMessage`). Tools and `toolChoice` (2025-11-25) need the
 * client's `sampling.tools` capability.
 *
 * @since 0.1.0
 * @category client requests
 */
export const sample = (
  params: McpSchema.CreateMessageRequestParams,
  options?: ClientRequestOptions
): Effect.Effect<McpSchema.CreateMessageResult, McpClientError, McpRequest> =>
  Effect.flatMap(McpRequest, (request) => {
    const sampling = request.clientCapabilities?.sampling
    if (sampling === undefined) {
      return Effect.fail(missing("sampling/createMessage", "sampling"))
    }
    if ((params.tools !== undefined || params.toolChoice !== undefined) && sampling.tools === undefined) {
      return Effect.fail(missing("sampling/createMessage", "sampling.tools"))
    }
    return ask("sampling/createMessage", params, McpSchema.CreateMessageResult, options)
  })

/**
 * The user's answer to an elicitation: the decoded form when they accepted, or their refusal.
 *
 * @since 0.1.0
 * @category models
 */
export type Elicited<A> =
  | { readonly action: "accept"; readonly content: A }
  | { readonly action: "decline" }
  | { readonly action: "cancel" }

/**
 * Writes `#/$defs/…` references out in place: elicitation forms are flat and clients do not resolve references. The
 * referring node's own keys (a user's title or description) win over the definition's.
 */
const inlineRefs = (node: unknown, defs: Readonly<Record<string, unknown>>, depth = 0): unknown => {
  if (Array.isArray(node)) {
    return node.map((item) => inlineRefs(item, defs, depth))
  }
  if (!Predicate.isRecord(node)) {
    return node
  }
  const out: Record<string, unknown> = {}
  const ref = node.$ref
  if (typeof ref === "string" && ref.startsWith("#/$defs/") && depth < 16) {
    const target = inlineRefs(defs[ref.slice("#/$defs/".length)], defs, depth + 1)
    if (Predicate.isRecord(target)) {
      Object.assign(out, target)
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== "$ref") {
      out[key] = inlineRefs(value, defs, depth)
    }
  }
  return out
}

const formSchema = <A, I>(schema: Schema.Schema<A, I>): JsonRpc.Params => {
  // Elicitation forms are a restricted JSON Schema: a flat object of primitives, nothing else.
  const generated: Readonly<Record<string, unknown>> = { ...JSONSchema.make(schema) }
  const defs = Predicate.isRecord(generated.$defs) ? generated.$defs : {}
  const form: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(generated)) {
    if (key !== "$schema" && key !== "$defs" && key !== "additionalProperties") {
      form[key] = inlineRefs(value, defs)
    }
  }
  return form
}

/**
 * Asks the user for structured input through the client (`elicitation/create`, form mode). The form's JSON Schema is
 * generated from `schema` (a Struct of strings, numbers, booleans and literals), and an accepted answer is decoded by
 * it.
 *
 * @example
 * ```ts
 * import { McpRequest } from "@mcp-effect/server"
 * import { Schema } from "effect"
 *
 * const askName = McpRequest.elicit("What is your name?", Schema.Struct({ name: Schema.String }))
 * ```
 *
 * @since 0.1.0
 * @category client requests
 */
export const elicit = <A, I>(
  message: string,
  schema: Schema.Schema<A, I>,
  options?: ClientRequestOptions
): Effect.Effect<Elicited<A>, McpClientError, McpRequest> =>
  Effect.gen(function*() {
    const request = yield* McpRequest
    const elicitation = request.clientCapabilities?.elicitation
    // An empty `elicitation` capability means form mode (as in 2025-06-18).
    if (elicitation === undefined || (elicitation.url !== undefined && elicitation.form === undefined)) {
      return yield* missing("elicitation/create", "elicitation.form")
    }
    const answer = yield* ask(
      "elicitation/create",
      { message, requestedSchema: formSchema(schema) },
      McpSchema.ElicitResult,
      options
    )
    if (answer.action !== "accept") {
      return { action: answer.action }
    }
    const content = yield* Schema.decodeUnknown(schema)(answer.content ?? {}).pipe(
      Effect.mapError((error) =>
        new McpClientError({
          method: "elicitation/create",
          reason: "InvalidResponse",
          message: `The user's answer does not fit the form: ${formatParseError(error)}`
        })
      )
    )
    return { action: "accept" as const, content }
  })

/**
 * Asks the user to continue at a URL (`elicitation/create`, URL mode, 2025-11-25), for what must not pass through
 * the client (credentials, payments). Tell the client when it is done with `completeElicitation`.
 *
 * @since 0.1.0
 * @category client requests
 */
export const elicitUrl = (
  params: { readonly message: string; readonly url: string; readonly elicitationId: string },
  options?: ClientRequestOptions
): Effect.Effect<McpSchema.ElicitResult["action"], McpClientError, McpRequest> =>
  Effect.flatMap(McpRequest, (request) =>
    request.clientCapabilities?.elicitation?.url === undefined
      ? Effect.fail(missing("elicitation/create", "elicitation.url"))
      : Effect.map(
        ask("elicitation/create", { mode: "url", ...params }, McpSchema.ElicitResult, options),
        (answer) => answer.action
      ))

/**
 * Tells the client a URL-mode elicitation is complete (`notifications/elicitation/complete`).
 *
 * @since 0.1.0
 * @category notifications
 */
export const completeElicitation = (session: McpSession, elicitationId: string): Effect.Effect<void> =>
  session.notify("notifications/elicitation/complete", { elicitationId })

/**
 * The client's roots (`roots/list`), cached on the session until the client says they changed.
 *
 * @since 0.1.0
 * @category client requests
 */
export const roots: Effect.Effect<ReadonlyArray<McpSchema.Root>, McpClientError, McpRequest> = Effect.gen(function*() {
  const request = yield* McpRequest
  const cached = yield* Ref.get(request.session.roots)
  if (Option.isSome(cached)) {
    return cached.value
  }
  if (request.clientCapabilities?.roots === undefined) {
    return yield* missing("roots/list", "roots")
  }
  const { roots } = yield* ask("roots/list", undefined, McpSchema.ListRootsResult)
  yield* Ref.set(request.session.roots, Option.some(roots))
  return roots
})

/**
 * Pings the client.
 *
 * @since 0.1.0
 * @category client requests
 */
export const ping: Effect.Effect<void, McpClientError, McpRequest> = Effect.asVoid(
  ask("ping", undefined, Schema.Unknown)
)
