/**
 * Prompts: templated messages a client offers its user. Arguments are strings on the wire; a Schema of string-encoded
 * fields decodes them, and the prompt's `arguments` list (names, descriptions, required flags) is read from it.
 *
 * @example
 * ```ts
 * import { McpPrompt } from "@mcp-effect/server"
 * import { Effect, Schema } from "effect"
 *
 * const review = McpPrompt.make("review", {
 *   description: "Review a piece of code",
 *   args: Schema.Struct({
 *     code: Schema.String.annotations({ description: "The code to review" }),
 *     focus: Schema.optional(Schema.String)
 *   }),
 *   handler: ({ code, focus }) => Effect.succeed(`Review this${focus ? ` for ${focus}` : ""}:\n${code}`)
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import { errorMessage, formatParseError } from "./internal/errors.js"
import { McpError } from "./JsonRpc.js"
import * as McpMiddleware from "./McpMiddleware.js"
import { type Completer, completer, type Completions } from "./McpResource.js"
import type * as McpSchema from "./McpSchema.js"

/**
 * @since 0.1.0
 * @category type ids
 */
export const TypeId: unique symbol = Symbol.for("@mcp-effect/server/McpPrompt")

/**
 * @since 0.1.0
 * @category type ids
 */
export type TypeId = typeof TypeId

/**
 * A prompt definition; `R` is what its handler requires.
 *
 * @since 0.1.0
 * @category models
 */
export interface McpPrompt<out R> {
  readonly [TypeId]: TypeId
  readonly name: string
  readonly definition: McpSchema.Prompt
  /** Decodes the arguments (bad ones: −32602) and runs the handler (failures: −32603 with their message). */
  readonly get: (args: Readonly<Record<string, unknown>>) => Effect.Effect<McpSchema.GetPromptResult, McpError, R>
  /** Completions for an argument's partial value (`completion/complete`). */
  readonly complete: Completer<R>
  readonly completable: boolean
}

/**
 * What a prompt handler may return: a text (one user message), messages, or a whole result.
 *
 * @since 0.1.0
 * @category models
 */
export type Result = string | ReadonlyArray<McpSchema.PromptMessage> | McpSchema.GetPromptResult

/**
 * The encoded side of a prompt's argument Schema: every argument is a string.
 *
 * @since 0.1.0
 * @category models
 */
export type Arguments = { readonly [name: string]: string | undefined }

/**
 * @since 0.1.0
 * @category models
 */
export interface Options<A, I extends Arguments, E, R> {
  readonly title?: string
  readonly description?: string
  readonly icons?: ReadonlyArray<McpSchema.Icon>
  readonly _meta?: Readonly<Record<string, unknown>>
  /** A Struct of string-encoded fields; optional fields are optional arguments. */
  readonly args: Schema.Schema<A, I>
  readonly handler: (args: A) => Effect.Effect<Result, E, R>
  /** Completes arguments (`completion/complete`), by argument name. */
  readonly completions?: Completions<R>
}

/**
 * Makes a prompt.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <A, I extends Arguments, E, R>(name: string, options: Options<A, I, E, R>): McpPrompt<R> => {
  const decode = Schema.decodeUnknownEither(options.args, { errors: "all" })
  const definition: McpSchema.Prompt = {
    name,
    arguments: argumentsOf(options.args.ast),
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.icons === undefined ? {} : { icons: options.icons }),
    ...(options._meta === undefined ? {} : { _meta: options._meta })
  }
  return {
    [TypeId]: TypeId,
    name,
    definition,
    complete: completer(options.completions),
    completable: options.completions !== undefined && Object.keys(options.completions).length > 0,
    get: (args) =>
      Either.match(decode(args), {
        onLeft: (error) =>
          Effect.fail(McpError.invalidParams(`Invalid arguments for prompt "${name}": ${formatParseError(error)}`)),
        onRight: (a) =>
          options.handler(a).pipe(
            Effect.map(toResult),
            Effect.catchAll((e) => Effect.fail(e instanceof McpError ? e : McpError.internalError(errorMessage(e))))
          )
      })
  }
}

const argumentsOf = (ast: SchemaAST.AST): Array<McpSchema.PromptArgument> => {
  // Names and optionality are read on the encoded side (what the client sends); descriptions may sit on either side.
  const encoded = SchemaAST.encodedAST(ast)
  const decoded = SchemaAST.typeAST(ast)
  if (encoded._tag !== "TypeLiteral") {
    return []
  }
  const describe = (name: string, ...asts: ReadonlyArray<SchemaAST.Annotated>): Option.Option<string> => {
    const typed = decoded._tag === "TypeLiteral" ? decoded.propertySignatures.find((p) => p.name === name) : undefined
    const candidates = typed === undefined ? asts : [...asts, typed, typed.type]
    return Option.firstSomeOf(candidates.map(SchemaAST.getDescriptionAnnotation))
  }
  return encoded.propertySignatures.flatMap((property) => {
    if (typeof property.name !== "string") {
      return []
    }
    const description = describe(property.name, property, property.type)
    return [{
      name: property.name,
      required: !property.isOptional,
      ...Option.match(description, { onNone: () => ({}), onSome: (d) => ({ description: d }) })
    }]
  })
}

const toResult = (result: Result): McpSchema.GetPromptResult => {
  if (typeof result === "string") {
    return { messages: [{ role: "user", content: { type: "text", text: result } }] }
  }
  if (isMessages(result)) {
    return { messages: result }
  }
  return result
}

const isMessages = (result: Exclude<Result, string>): result is ReadonlyArray<McpSchema.PromptMessage> =>
  Array.isArray(result)

/**
 * Attaches a middleware that provides a service to the prompt's handler and completions: it runs first, per request,
 * and the prompt no longer requires the service, only what the middleware itself needs.
 *
 * @since 0.2.0
 * @category combinators
 */
export const middleware: {
  <I, S, R2>(provider: McpMiddleware.Provider<I, S, R2>): <R>(self: McpPrompt<R>) => McpPrompt<Exclude<R, I> | R2>
  <R, I, S, R2>(self: McpPrompt<R>, provider: McpMiddleware.Provider<I, S, R2>): McpPrompt<Exclude<R, I> | R2>
} = dual(
  2,
  <R, I, S, R2>(self: McpPrompt<R>, provider: McpMiddleware.Provider<I, S, R2>): McpPrompt<Exclude<R, I> | R2> => ({
    [TypeId]: TypeId,
    name: self.name,
    definition: self.definition,
    completable: self.completable,
    get: (args) => McpMiddleware.apply(self.get(args), provider),
    complete: (name, value, context) =>
      Option.map(self.complete(name, value, context), (completions) => McpMiddleware.apply(completions, provider))
  })
)
