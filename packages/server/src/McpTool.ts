/**
 * Tools: a Schema for the arguments, an Effect for the work. The requirements of the handler show up in the tool's
 * type, and adding the tool to a session demands them.
 *
 * @example
 * ```ts
 * import { McpTool } from "@mcp-effect/server"
 * import { Effect, Schema } from "effect"
 *
 * const add = McpTool.make("add", {
 *   description: "Adds two numbers",
 *   input: Schema.Struct({ a: Schema.Number, b: Schema.Number }),
 *   output: Schema.Struct({ sum: Schema.Number }),
 *   handler: ({ a, b }) => Effect.succeed({ sum: a + b })
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as JSONSchema from "effect/JSONSchema"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import { errorMessage, formatParseError } from "./internal/errors.js"
import { McpError } from "./JsonRpc.js"
import * as McpMiddleware from "./McpMiddleware.js"
import type * as McpSchema from "./McpSchema.js"

/**
 * @since 0.1.0
 * @category type ids
 */
export const TypeId: unique symbol = Symbol.for("@mcp-effect/server/McpTool")

/**
 * @since 0.1.0
 * @category type ids
 */
export type TypeId = typeof TypeId

/**
 * A tool definition; `R` is what its handler requires. A handler's failures are already mapped here: an `McpError`
 * is answered as that JSON-RPC error, any other failure becomes an `isError` result the model can read.
 *
 * @since 0.1.0
 * @category models
 */
export interface McpTool<out R> {
  readonly [TypeId]: TypeId
  readonly name: string
  /** What `tools/list` shows, JSON Schemas included: computed once, here. */
  readonly definition: McpSchema.Tool
  /** Decodes the arguments and runs the handler. Invalid arguments give an `isError` result (SEP-1303). */
  readonly call: (args: Readonly<Record<string, unknown>>) => Effect.Effect<McpSchema.CallToolResult, McpError, R>
}

/**
 * What a tool without an output Schema may return: a text, one content block, several, or a whole result.
 *
 * @since 0.1.0
 * @category models
 */
export type Result =
  | string
  | McpSchema.ContentBlock
  | ReadonlyArray<McpSchema.ContentBlock>
  | McpSchema.CallToolResult

/**
 * Options common to every tool.
 *
 * @since 0.1.0
 * @category models
 */
export interface BaseOptions {
  readonly title?: string
  readonly description?: string
  readonly annotations?: McpSchema.ToolAnnotations
  readonly icons?: ReadonlyArray<McpSchema.Icon>
  readonly _meta?: Readonly<Record<string, unknown>>
  /**
   * Whether clients may run the tool as a task (protocol 2025-11-25): `"optional"`, `"required"`, or
   * `"forbidden"` (the default).
   */
  readonly taskSupport?: "optional" | "required" | "forbidden"
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options<A, I, E, R> extends BaseOptions {
  /** The arguments' Schema (`Schema.Struct({})` for none); its JSON Schema (2020-12) is the tool's `inputSchema`. */
  readonly input: Schema.Schema<A, I>
  readonly handler: (args: A) => Effect.Effect<Result, E, R>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface OutputOptions<A, I, O, OI, E, R> extends BaseOptions {
  readonly input: Schema.Schema<A, I>
  /** The result's Schema: the tool's `outputSchema`; results are sent as `structuredContent` and a text copy. */
  readonly output: Schema.Schema<O, OI>
  readonly handler: (args: A) => Effect.Effect<O, E, R>
}

const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** Marks a Schema whose JSON Schema is given verbatim by the user. */
const RawJsonSchema: unique symbol = Symbol.for("@mcp-effect/server/McpTool/RawJsonSchema")

/**
 * An input Schema from a raw JSON Schema, for tools whose arguments are described elsewhere. The JSON Schema is
 * listed exactly as given (`$schema`, `$defs`, `$ref` and all); the handler receives the arguments as they came.
 *
 * @since 0.1.0
 * @category schemas
 */
export const jsonSchema = (
  schema: Readonly<Record<string, unknown>>
): Schema.Schema<Readonly<Record<string, unknown>>> => JsonObject.annotations({ [RawJsonSchema]: schema })

const toJsonSchema = <A, I>(schema: Schema.Schema<A, I>): McpSchema.Tool["inputSchema"] => {
  const raw = SchemaAST.getAnnotation<Readonly<Record<string, unknown>>>(schema.ast, RawJsonSchema)
  if (Option.isSome(raw)) {
    return { ...raw.value, type: "object" }
  }
  const generated = JSONSchema.make(schema, { target: "jsonSchema2020-12" })
  return { ...generated, type: "object" }
}

/**
 * Makes a tool.
 *
 * @since 0.1.0
 * @category constructors
 */
export function make<A, I, E, R>(name: string, options: Options<A, I, E, R>): McpTool<R>
export function make<A, I, O, OI, E, R>(name: string, options: OutputOptions<A, I, O, OI, E, R>): McpTool<R>
export function make<A, I, O, OI, E, R>(
  name: string,
  options: Options<A, I, E, R> | OutputOptions<A, I, O, OI, E, R>
): McpTool<R> {
  if ("output" in options) {
    const encode = Schema.encodeEither(options.output)
    return build(name, options, {
      outputSchema: toJsonSchema(options.output),
      run: (args: A) =>
        Effect.flatMap(options.handler(args), (output) =>
          Either.match(encode(output), {
            // The handler returned a value its own output Schema rejects: a bug in the server, not the client.
            onLeft: (error) =>
              Effect.fail(McpError.internalError(`Tool "${name}" produced invalid output: ${formatParseError(error)}`)),
            onRight: (encoded) => Effect.succeed(structured(encoded))
          }))
    })
  }
  return build(name, options, {
    outputSchema: undefined,
    run: (args: A) => Effect.map(options.handler(args), toResult)
  })
}

const build = <A, I, E, R>(
  name: string,
  options: BaseOptions & { readonly input: Schema.Schema<A, I> },
  impl: {
    readonly outputSchema: McpSchema.Tool["inputSchema"] | undefined
    readonly run: (args: A) => Effect.Effect<McpSchema.CallToolResult, E | McpError, R>
  }
): McpTool<R> => {
  const decode = Schema.decodeUnknownEither(options.input, { errors: "all" })
  const definition: McpSchema.Tool = {
    name,
    inputSchema: toJsonSchema(options.input),
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(impl.outputSchema === undefined ? {} : { outputSchema: impl.outputSchema }),
    ...(options.annotations === undefined ? {} : { annotations: options.annotations }),
    ...(options.icons === undefined ? {} : { icons: options.icons }),
    ...(options.taskSupport === undefined ? {} : { execution: { taskSupport: options.taskSupport } }),
    ...(options._meta === undefined ? {} : { _meta: options._meta })
  }
  return {
    [TypeId]: TypeId,
    name,
    definition,
    call: (args) =>
      Either.match(decode(args), {
        onLeft: (error) => Effect.succeed(invalidArguments(name, formatParseError(error))),
        onRight: (a) =>
          Effect.catchAll(impl.run(a), (e): Effect.Effect<McpSchema.CallToolResult, McpError> =>
            e instanceof McpError ? Effect.fail(e) : Effect.succeed(errorResult(errorMessage(e))))
      })
  }
}

/**
 * A tool result that reports a failure to the model, which may correct itself and try again.
 *
 * @since 0.1.0
 * @category constructors
 */
export const errorResult = (message: string): McpSchema.CallToolResult => ({
  content: [{ type: "text", text: message }],
  isError: true
})

const invalidArguments = (name: string, problem: string): McpSchema.CallToolResult =>
  errorResult(`Invalid arguments for tool "${name}": ${problem}`)

const structured = (encoded: unknown): McpSchema.CallToolResult => ({
  content: [{ type: "text", text: JSON.stringify(encoded) }],
  structuredContent: Schema.is(JsonObject)(encoded) ? encoded : { result: encoded }
})

/**
 * Normalises what a handler returned to a `CallToolResult`.
 *
 * @since 0.1.0
 * @category utils
 */
export const toResult = (result: Result): McpSchema.CallToolResult => {
  if (typeof result === "string") {
    return { content: [{ type: "text", text: result }] }
  }
  if (isContentArray(result)) {
    return { content: result }
  }
  if ("content" in result) {
    return result
  }
  return { content: [result] }
}

const isContentArray = (
  result: Exclude<Result, string>
): result is ReadonlyArray<McpSchema.ContentBlock> => Array.isArray(result)

/**
 * Attaches a middleware that provides a service to the tool's handler: it runs first, per call, before the arguments
 * are decoded, and the tool no longer requires the service, only what the middleware itself needs.
 *
 * @example
 * ```ts
 * import { McpMiddleware, McpRequest, McpTool } from "@mcp-effect/server"
 * import { Context, Effect, Schema, pipe } from "effect"
 *
 * class Tenant extends Context.Tag("app/Tenant")<Tenant, string>() {}
 * const FromMeta = McpMiddleware.provides(
 *   Tenant,
 *   Effect.map(McpRequest.McpRequest, (request) => String(request.meta?.tenant ?? "default"))
 * )
 *
 * const report = pipe(
 *   McpTool.make("report", { input: Schema.Struct({}), handler: () => Effect.map(Tenant, (t) => `report of ${t}`) }),
 *   McpTool.middleware(FromMeta)
 * )
 * ```
 *
 * @since 0.2.0
 * @category combinators
 */
export const middleware: {
  <I, S, R2>(provider: McpMiddleware.Provider<I, S, R2>): <R>(self: McpTool<R>) => McpTool<Exclude<R, I> | R2>
  <R, I, S, R2>(self: McpTool<R>, provider: McpMiddleware.Provider<I, S, R2>): McpTool<Exclude<R, I> | R2>
} = dual(
  2,
  <R, I, S, R2>(self: McpTool<R>, provider: McpMiddleware.Provider<I, S, R2>): McpTool<Exclude<R, I> | R2> => ({
    [TypeId]: TypeId,
    name: self.name,
    definition: self.definition,
    call: (args) => McpMiddleware.apply(self.call(args), provider)
  })
)
