/**
 * Resources: data a client can read by URI. A resource has one fixed URI; a resource template has an RFC 6570 URI
 * template whose variables are decoded by a Schema before its handler runs.
 *
 * @example
 * ```ts
 * import { McpResource } from "@mcp-effect/server"
 * import { Effect, Schema } from "effect"
 *
 * const readme = McpResource.make("docs://readme", {
 *   name: "readme",
 *   mimeType: "text/markdown",
 *   handler: Effect.succeed("# Hello")
 * })
 *
 * const user = McpResource.template("users://{id}/profile", {
 *   name: "user-profile",
 *   params: Schema.Struct({ id: Schema.NumberFromString }),
 *   handler: ({ id }) => Effect.succeed(JSON.stringify({ id, name: `user ${id}` }))
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { errorMessage, formatParseError } from "./internal/errors.js"
import * as UriTemplate from "./internal/uriTemplate.js"
import { McpError } from "./JsonRpc.js"
import type * as McpSchema from "./McpSchema.js"

/**
 * @since 0.1.0
 * @category type ids
 */
export const TypeId: unique symbol = Symbol.for("@mcp-effect/server/McpResource")

/**
 * @since 0.1.0
 * @category type ids
 */
export type TypeId = typeof TypeId

/**
 * What a read handler may return: a text, bytes (sent as base64), the contents, or a whole result. Texts and bytes
 * are given the URI that was read and the resource's `mimeType`.
 *
 * @since 0.1.0
 * @category models
 */
export type Result =
  | string
  | Uint8Array
  | ReadonlyArray<McpSchema.TextResourceContents | McpSchema.BlobResourceContents>
  | McpSchema.ReadResourceResult

/**
 * A resource with a fixed URI; `R` is what its handler requires.
 *
 * @since 0.1.0
 * @category models
 */
export interface McpResource<out R> {
  readonly [TypeId]: TypeId
  readonly _tag: "Resource"
  readonly uri: string
  readonly definition: McpSchema.Resource
  readonly read: (uri: string) => Effect.Effect<McpSchema.ReadResourceResult, McpError, R>
  /** Emits whenever the resource changes; subscribed clients get `notifications/resources/updated`. */
  readonly watch: Option.Option<Stream.Stream<unknown, McpError, R>>
}

/**
 * A family of resources under a URI template; `R` is what its handlers require.
 *
 * @since 0.1.0
 * @category models
 */
export interface McpResourceTemplate<out R> {
  readonly [TypeId]: TypeId
  readonly _tag: "ResourceTemplate"
  readonly uriTemplate: string
  readonly definition: McpSchema.ResourceTemplate
  /** The read for `uri` when it matches the template, `None` otherwise. */
  readonly match: (uri: string) => Option.Option<Effect.Effect<McpSchema.ReadResourceResult, McpError, R>>
  /** Concrete resources this template can list in `resources/list`. */
  readonly list: Effect.Effect<ReadonlyArray<McpSchema.Resource>, McpError, R>
  /** The change stream of `uri`, when it matches and the template can watch. */
  readonly watch: (uri: string) => Option.Option<Stream.Stream<unknown, McpError, R>>
  readonly watchable: boolean
  /** Completions for a variable's partial value (`completion/complete`), when the template has a completer for it. */
  readonly complete: Completer<R>
  readonly completable: boolean
}

/**
 * Completes an argument or variable: its name, the partial value, and the values of the others already chosen.
 * `None` when there is no completer for that name.
 *
 * @since 0.1.0
 * @category models
 */
export type Completer<R> = (
  name: string,
  value: string,
  context: Readonly<Record<string, string>>
) => Option.Option<Effect.Effect<ReadonlyArray<string>, McpError, R>>

/**
 * Completion functions by argument or variable name.
 *
 * @since 0.1.0
 * @category models
 */
export type Completions<R> = Readonly<
  Record<
    string,
    (value: string, context: Readonly<Record<string, string>>) => Effect.Effect<ReadonlyArray<string>, never, R>
  >
>

/**
 * Makes a `Completer` from completion functions by name.
 *
 * @since 0.1.0
 * @category constructors
 */
export const completer = <R>(completions: Completions<R> | undefined): Completer<R> => {
  const byName = new Map(completions === undefined ? [] : Object.entries(completions))
  return (name, value, context) =>
    Option.map(Option.fromNullable(byName.get(name)), (complete) => complete(value, context))
}

/**
 * Anything a session accepts as a resource.
 *
 * @since 0.1.0
 * @category models
 */
export type Any<R> = McpResource<R> | McpResourceTemplate<R>

/**
 * Descriptive fields shared by resources and templates.
 *
 * @since 0.1.0
 * @category models
 */
export interface BaseOptions {
  readonly name: string
  readonly title?: string
  readonly description?: string
  readonly mimeType?: string
  readonly annotations?: McpSchema.Annotations
  readonly icons?: ReadonlyArray<McpSchema.Icon>
  readonly _meta?: Readonly<Record<string, unknown>>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options<E, R> extends BaseOptions {
  readonly size?: number
  readonly handler: Effect.Effect<Result, E, R>
  /** Emits whenever the resource changes: clients subscribed to it are told (`notifications/resources/updated`). */
  readonly watch?: Stream.Stream<unknown, E, R>
}

const describe = (options: BaseOptions) => ({
  name: options.name,
  ...(options.title === undefined ? {} : { title: options.title }),
  ...(options.description === undefined ? {} : { description: options.description }),
  ...(options.mimeType === undefined ? {} : { mimeType: options.mimeType }),
  ...(options.annotations === undefined ? {} : { annotations: options.annotations }),
  ...(options.icons === undefined ? {} : { icons: options.icons }),
  ...(options._meta === undefined ? {} : { _meta: options._meta })
})

/**
 * Makes a resource with a fixed URI.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <E, R>(uri: string, options: Options<E, R>): McpResource<R> => ({
  [TypeId]: TypeId,
  _tag: "Resource",
  uri,
  definition: { uri, ...describe(options), ...(options.size === undefined ? {} : { size: options.size }) },
  read: (requested) => runRead(options.handler, requested, options.mimeType),
  watch: Option.map(Option.fromNullable(options.watch), (stream) => Stream.mapError(stream, toMcpError))
})

/**
 * The encoded side of a template's parameter Schema: the URI's variables.
 *
 * @since 0.1.0
 * @category models
 */
export type Variables = { readonly [name: string]: string | ReadonlyArray<string> | undefined }

/**
 * @since 0.1.0
 * @category models
 */
export interface TemplateOptions<A, I extends Variables, E, R> extends BaseOptions {
  /** Decodes the template's variables; a URI whose variables it rejects is answered with −32602. */
  readonly params: Schema.Schema<A, I>
  readonly handler: (params: A, uri: string) => Effect.Effect<Result, E, R>
  /** Lists concrete resources of this template for `resources/list`. */
  readonly list?: Effect.Effect<ReadonlyArray<McpSchema.Resource>, E, R>
  /** Emits whenever the resource at `uri` changes, for clients subscribed to it. */
  readonly watch?: (params: A, uri: string) => Stream.Stream<unknown, E, R>
  /** Completes the template's variables (`completion/complete`), by variable name. */
  readonly completions?: Completions<R>
}

/**
 * Makes a resource template. An invalid URI template is a defect in the server's code, reported here.
 *
 * @since 0.1.0
 * @category constructors
 */
export const template = <A, I extends Variables, E, R>(
  uriTemplate: string,
  options: TemplateOptions<A, I, E, R>
): McpResourceTemplate<R> => {
  const compiled = Either.getOrThrowWith(UriTemplate.parse(uriTemplate), (error) => new Error(error.message))
  const decode = Schema.decodeUnknownEither(options.params, { errors: "all" })
  const decoded = (uri: string) =>
    Option.flatMap(Option.fromNullable(compiled.match(uri)), (variables) => Option.getRight(decode(variables)))
  const watch = options.watch
  return {
    [TypeId]: TypeId,
    _tag: "ResourceTemplate",
    uriTemplate,
    definition: { uriTemplate, ...describe(options) },
    match: (uri) =>
      Option.map(Option.fromNullable(compiled.match(uri)), (variables) =>
        Either.match(decode(variables), {
          onLeft: (error) =>
            Effect.fail(
              McpError.invalidParams(`Invalid URI "${uri}" for "${uriTemplate}": ${formatParseError(error)}`, {
                uri
              })
            ),
          onRight: (params) => runRead(options.handler(params, uri), uri, options.mimeType)
        })),
    list: options.list === undefined ? Effect.succeed([]) : Effect.mapError(options.list, toMcpError),
    watch: (uri) =>
      watch === undefined
        ? Option.none()
        : Option.map(decoded(uri), (params) => Stream.mapError(watch(params, uri), toMcpError)),
    watchable: watch !== undefined,
    complete: completer(options.completions),
    completable: options.completions !== undefined && Object.keys(options.completions).length > 0
  }
}

const toMcpError = (e: unknown): McpError => e instanceof McpError ? e : McpError.internalError(errorMessage(e))

const runRead = <E, R>(
  handler: Effect.Effect<Result, E, R>,
  uri: string,
  mimeType: string | undefined
): Effect.Effect<McpSchema.ReadResourceResult, McpError, R> =>
  Effect.mapBoth(handler, { onFailure: toMcpError, onSuccess: (result) => toReadResult(result, uri, mimeType) })

const toReadResult = (result: Result, uri: string, mimeType: string | undefined): McpSchema.ReadResourceResult => {
  const mime = mimeType === undefined ? {} : { mimeType }
  if (typeof result === "string") {
    return { contents: [{ uri, ...mime, text: result }] }
  }
  if (result instanceof Uint8Array) {
    return { contents: [{ uri, ...mime, blob: Encoding.encodeBase64(result) }] }
  }
  if (isContentsArray(result)) {
    return { contents: result }
  }
  return result
}

const isContentsArray = (
  result: Exclude<Result, string | Uint8Array>
): result is ReadonlyArray<McpSchema.TextResourceContents | McpSchema.BlobResourceContents> => Array.isArray(result)
