/**
 * JSON-RPC 2.0 as MCP uses it: the envelopes, the error codes, and the one error type that every protocol failure
 * becomes.
 *
 * Envelopes are classified by hand rather than decoded through a Schema union: the classification runs on every
 * message, and a handful of `typeof` checks gives precise errors (with the request's id whenever it can be read)
 * at a fraction of the cost.
 *
 * @since 0.1.0
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/**
 * A request id: MCP forbids `null`.
 *
 * @since 0.1.0
 * @category models
 */
export type RequestId = string | number

/**
 * @since 0.1.0
 * @category models
 */
export interface Request {
  readonly jsonrpc: "2.0"
  readonly id: RequestId
  readonly method: string
  readonly params?: Params
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Notification {
  readonly jsonrpc: "2.0"
  readonly method: string
  readonly params?: Params
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Success {
  readonly jsonrpc: "2.0"
  readonly id: RequestId
  readonly result: unknown
}

/**
 * The wire shape of a JSON-RPC error object.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErrorObject {
  readonly code: number
  readonly message: string
  readonly data?: unknown
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Failure {
  readonly jsonrpc: "2.0"
  readonly id: RequestId | null
  readonly error: ErrorObject
}

/**
 * Request or notification parameters: MCP only uses by-name parameters.
 *
 * @since 0.1.0
 * @category models
 */
export type Params = Readonly<Record<string, unknown>>

/**
 * @since 0.1.0
 * @category models
 */
export type Response = Success | Failure

/**
 * Any single JSON-RPC message.
 *
 * @since 0.1.0
 * @category models
 */
export type Message = Request | Notification | Response

/**
 * What a transport carries out: one message or, for protocol 2025-03-26 batches, an array of them.
 *
 * @since 0.1.0
 * @category models
 */
export type Outgoing = Message | ReadonlyArray<Message>

/**
 * Whether an outgoing value is a batch of messages.
 *
 * @since 0.2.0
 * @category guards
 */
export const isBatch = (outgoing: Outgoing): outgoing is ReadonlyArray<Message> => Array.isArray(outgoing)

/**
 * Whether a message is a response (a result or an error): it has no method.
 *
 * @since 0.2.0
 * @category guards
 */
export const isResponse = (message: Message): message is Response => !("method" in message)

/**
 * Whether a message is a notification: a method, and no id.
 *
 * @since 0.2.0
 * @category guards
 */
export const isNotification = (message: Message): message is Notification => "method" in message && !("id" in message)

/**
 * @since 0.1.0
 * @category constants
 */
export const PARSE_ERROR = -32700
/**
 * @since 0.1.0
 * @category constants
 */
export const INVALID_REQUEST = -32600
/**
 * @since 0.1.0
 * @category constants
 */
export const METHOD_NOT_FOUND = -32601
/**
 * @since 0.1.0
 * @category constants
 */
export const INVALID_PARAMS = -32602
/**
 * @since 0.1.0
 * @category constants
 */
export const INTERNAL_ERROR = -32603
/**
 * MCP: `resources/read` of an unknown URI.
 *
 * @since 0.1.0
 * @category constants
 */
export const RESOURCE_NOT_FOUND = -32002
/**
 * MCP 2025-11-25: the request needs a URL-mode elicitation first.
 *
 * @since 0.1.0
 * @category constants
 */
export const URL_ELICITATION_REQUIRED = -32042

/**
 * A JSON-RPC error: the one failure type of the protocol layer. Handlers and middleware may fail with it to answer a
 * request with exactly this error; the engine turns every other failure into one of these or into a tool's
 * `isError` result.
 *
 * @example
 * ```ts
 * import { JsonRpc } from "@mcp-effect/server"
 * import { Effect } from "effect"
 *
 * const denied = Effect.fail(JsonRpc.McpError.invalidRequest("not allowed for this user"))
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class McpError extends Schema.TaggedError<McpError>("@mcp-effect/server/McpError")("McpError", {
  code: Schema.Number,
  message: Schema.String,
  data: Schema.optional(Schema.Unknown)
}) {
  /**
   * -32700: the bytes were not JSON.
   *
   * @since 0.1.0
   */
  static parseError(message = "Parse error", data?: unknown): McpError {
    return make(PARSE_ERROR, message, data)
  }
  /**
   * -32600: JSON, but not a valid request here.
   *
   * @since 0.1.0
   */
  static invalidRequest(message = "Invalid request", data?: unknown): McpError {
    return make(INVALID_REQUEST, message, data)
  }
  /**
   * -32601
   *
   * @since 0.1.0
   */
  static methodNotFound(method: string): McpError {
    return make(METHOD_NOT_FOUND, `Method not found: ${method}`, { method })
  }
  /**
   * -32602
   *
   * @since 0.1.0
   */
  static invalidParams(message = "Invalid params", data?: unknown): McpError {
    return make(INVALID_PARAMS, message, data)
  }
  /**
   * -32603
   *
   * @since 0.1.0
   */
  static internalError(message = "Internal error", data?: unknown): McpError {
    return make(INTERNAL_ERROR, message, data)
  }
  /**
   * -32002
   *
   * @since 0.1.0
   */
  static resourceNotFound(uri: string): McpError {
    return make(RESOURCE_NOT_FOUND, `Resource not found: ${uri}`, { uri })
  }
  /**
   * -32042 (2025-11-25): the request can go on only once the user has completed these URL-mode elicitations.
   *
   * @since 0.1.0
   */
  static urlElicitationRequired(
    elicitations: ReadonlyArray<{ readonly elicitationId: string; readonly url: string; readonly message: string }>,
    message = "This request requires more information."
  ): McpError {
    return make(URL_ELICITATION_REQUIRED, message, {
      elicitations: elicitations.map((e) => ({ mode: "url", ...e }))
    })
  }

  /**
   * The JSON-RPC error object this error is sent as.
   *
   * @since 0.1.0
   */
  toErrorObject(): ErrorObject {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data }
  }
}

const make = (code: number, message: string, data: unknown): McpError =>
  data === undefined ? new McpError({ code, message }) : new McpError({ code, message, data })

/**
 * @since 0.1.0
 * @category constructors
 */
export const request = (id: RequestId, method: string, params?: Params): Request =>
  params === undefined ? { jsonrpc: "2.0", id, method } : { jsonrpc: "2.0", id, method, params }

/**
 * @since 0.1.0
 * @category constructors
 */
export const notification = (method: string, params?: Params): Notification =>
  params === undefined ? { jsonrpc: "2.0", method } : { jsonrpc: "2.0", method, params }

/**
 * @since 0.1.0
 * @category constructors
 */
export const success = (id: RequestId, result: unknown): Success => ({ jsonrpc: "2.0", id, result })

/**
 * @since 0.1.0
 * @category constructors
 */
export const failure = (id: RequestId | null, error: McpError | ErrorObject): Failure => ({
  jsonrpc: "2.0",
  id,
  error: error instanceof McpError ? error.toErrorObject() : error
})

/**
 * A received value, sorted: a valid message of one of the four kinds, or an invalid one with the error to answer and
 * the id to answer it with (`null` when none could be read).
 *
 * @since 0.1.0
 * @category models
 */
export type Classified =
  | { readonly _tag: "Request"; readonly message: Request }
  | { readonly _tag: "Notification"; readonly message: Notification }
  | { readonly _tag: "Response"; readonly message: Response }
  | { readonly _tag: "Invalid"; readonly id: RequestId | null; readonly error: McpError }

const isRequestId = (u: unknown): u is RequestId =>
  typeof u === "string" || (typeof u === "number" && Number.isFinite(u))

const isParams = (u: unknown): u is Params => Predicate.isRecord(u)

const isErrorObject = (u: unknown): u is ErrorObject =>
  Predicate.isRecord(u) && typeof u.code === "number" && typeof u.message === "string"

const invalid = (id: RequestId | null, message: string): Classified => ({
  _tag: "Invalid",
  id,
  error: McpError.invalidRequest(message)
})

/**
 * Sorts one decoded JSON value (not an array: batches are split by the caller) into a JSON-RPC message kind.
 *
 * @since 0.1.0
 * @category utils
 */
export const classify = (u: unknown): Classified => {
  if (!Predicate.isRecord(u)) {
    return invalid(null, "Invalid request: a JSON-RPC message must be a JSON object")
  }
  const id = isRequestId(u.id) ? u.id : null
  if (u.jsonrpc !== "2.0") {
    return invalid(id, "Invalid request: \"jsonrpc\" must be \"2.0\"")
  }
  if ("method" in u) {
    if (typeof u.method !== "string") {
      return invalid(id, "Invalid request: \"method\" must be a string")
    }
    if (u.params !== undefined && !isParams(u.params)) {
      return invalid(id, "Invalid request: \"params\" must be an object")
    }
    if (!("id" in u)) {
      return {
        _tag: "Notification",
        message: u.params === undefined
          ? { jsonrpc: "2.0", method: u.method }
          : { jsonrpc: "2.0", method: u.method, params: u.params }
      }
    }
    if (id === null) {
      return invalid(null, "Invalid request: \"id\" must be a string or a number")
    }
    return {
      _tag: "Request",
      message: u.params === undefined
        ? { jsonrpc: "2.0", id, method: u.method }
        : { jsonrpc: "2.0", id, method: u.method, params: u.params }
    }
  }
  if ("result" in u && id !== null) {
    return { _tag: "Response", message: { jsonrpc: "2.0", id, result: u.result } }
  }
  if ("error" in u && isErrorObject(u.error) && (id !== null || u.id === null)) {
    return { _tag: "Response", message: { jsonrpc: "2.0", id, error: u.error } }
  }
  return invalid(id, "Invalid request: not a request, notification or response")
}
