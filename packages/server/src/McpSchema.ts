/**
 * The Model Context Protocol's message types as Effect Schemas.
 *
 * One schema covers protocol versions 2024-11-05, 2025-03-26, 2025-06-18 and 2025-11-25: a field added in a later
 * version is optional here (its JSDoc says since when), and types that only exist in later versions are exported all
 * the same. Names follow the 2025-11-25 specification; where it inlines request or notification parameters without a
 * name, they are named `FooRequestParams` / `FooNotificationParams`. `FooRequest` / `FooNotification` hold only
 * `method` and `params`: the JSON-RPC envelope is `JSONRPCRequest` / `JSONRPCNotification`.
 *
 * Decoding drops keys a schema does not declare, except where the specification leaves an object open: `Result`,
 * `EmptyResult`, `GetTaskPayloadResult`, capability objects, `_meta`, and the JSON Schemas of tools keep every key.
 *
 * @example
 * ```ts
 * import { McpSchema } from "@mcp-effect/server"
 * import { Schema } from "effect"
 *
 * const params = Schema.decodeUnknownSync(McpSchema.CallToolRequestParams)({ name: "add", arguments: { a: 1 } })
 * ```
 *
 * @since 0.1.0
 */
// Start-up cost: building all ~160 Schemas below takes ~15 ms when the module is loaded, more than any other module
// of a bundled server, and a server uses a few dozen of them. So every construction is marked pure (`/*#__PURE__*/`,
// the marker Effect's own build puts on its calls) and a bundler drops each schema nothing refers to: the bench's
// stdio server keeps ~20. Nested calls need the marker too: esbuild keeps a pure call whose arguments make unmarked
// calls. A construction left unmarked still works, but is always built, with whatever it refers to. The deep import
// ("effect/Schema", not the "effect" barrel) matters for esbuild, which cannot tree-shake a namespace that a barrel
// re-exports (evanw/esbuild#1420).
import * as Schema from "effect/Schema"
import { URL_ELICITATION_REQUIRED } from "./JsonRpc.js"

// -------------------------------------------------------------------------------------------------
// Protocol versions and JSON-RPC constants
// -------------------------------------------------------------------------------------------------

/**
 * A protocol version this library speaks.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProtocolVersion = /*#__PURE__*/ Schema.Literal("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25")
  .annotations({ identifier: "ProtocolVersion" })

/**
 * @since 0.1.0
 * @category models
 */
export type ProtocolVersion = typeof ProtocolVersion.Type

/**
 * Every supported protocol version, newest first.
 *
 * @since 0.1.0
 * @category constants
 */
export const SUPPORTED_PROTOCOL_VERSIONS: ReadonlyArray<ProtocolVersion> = [
  "2025-11-25",
  "2025-06-18",
  "2025-03-26",
  "2024-11-05"
]

/**
 * The newest supported protocol version: what a server proposes when the client's is unknown.
 *
 * @since 0.1.0
 * @category constants
 */
export const LATEST_PROTOCOL_VERSION: ProtocolVersion = "2025-11-25"

const isProtocolVersion = /*#__PURE__*/ Schema.is(ProtocolVersion)

/**
 * Whether a value is a protocol version this library supports.
 *
 * @since 0.1.0
 * @category guards
 */
export const isSupportedProtocolVersion = (u: unknown): u is ProtocolVersion => isProtocolVersion(u)

/**
 * The `jsonrpc` member of every message.
 *
 * @since 0.1.0
 * @category constants
 */
export const JSONRPC_VERSION = "2.0"

// The JSON-RPC and MCP error codes, defined once in `JsonRpc`.
export {
  /**
   * JSON-RPC −32603, re-exported from `JsonRpc`.
   *
   * @since 0.1.0
   * @category constants
   */
  INTERNAL_ERROR,
  /**
   * JSON-RPC −32602, re-exported from `JsonRpc`.
   *
   * @since 0.1.0
   * @category constants
   */
  INVALID_PARAMS,
  /**
   * JSON-RPC −32600, re-exported from `JsonRpc`.
   *
   * @since 0.1.0
   * @category constants
   */
  INVALID_REQUEST,
  /**
   * JSON-RPC −32601, re-exported from `JsonRpc`.
   *
   * @since 0.1.0
   * @category constants
   */
  METHOD_NOT_FOUND,
  /**
   * JSON-RPC −32700, re-exported from `JsonRpc`.
   *
   * @since 0.1.0
   * @category constants
   */
  PARSE_ERROR,
  /**
   * MCP −32002 (`resources/read` of an unknown URI), re-exported from `JsonRpc`.
   *
   * @since 0.1.0
   * @category constants
   */
  RESOURCE_NOT_FOUND,
  /**
   * MCP −32042 (a URL-mode elicitation is needed first; 2025-11-25), re-exported from `JsonRpc`.
   *
   * @since 0.1.0
   * @category constants
   */
  URL_ELICITATION_REQUIRED
} from "./JsonRpc.js"

/**
 * The `_meta` key that ties a message to a task (`RelatedTaskMetadata`). Since 2025-11-25.
 *
 * @since 0.1.0
 * @category constants
 */
export const RELATED_TASK_META_KEY = "io.modelcontextprotocol/related-task"

// -------------------------------------------------------------------------------------------------
// Common types
// -------------------------------------------------------------------------------------------------

/**
 * A free-form JSON object: open capability objects, JSON Schemas, tool arguments, structured content.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JsonObject = /*#__PURE__*/ Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
  identifier: "JsonObject"
})

/**
 * @since 0.1.0
 * @category models
 */
export type JsonObject = typeof JsonObject.Type

/**
 * The optional `_meta` property: reserved, free-form metadata. Use it as a struct field.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Meta = /*#__PURE__*/ Schema.optional(JsonObject)

/**
 * The value of a `_meta` property.
 *
 * @since 0.1.0
 * @category models
 */
export type Meta = JsonObject

/** A number between 0 and 1 inclusive (priorities). */
const UnitInterval = /*#__PURE__*/ Schema.Number.pipe(/*#__PURE__*/ Schema.between(0, 1))

/**
 * Associates progress notifications with the request that asked for them.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProgressToken = /*#__PURE__*/ Schema.Union(Schema.String, Schema.Number).annotations({
  identifier: "ProgressToken"
})

/**
 * @since 0.1.0
 * @category models
 */
export type ProgressToken = typeof ProgressToken.Type

/**
 * An opaque pagination cursor.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Cursor = /*#__PURE__*/ Schema.String.annotations({ identifier: "Cursor" })

/**
 * @since 0.1.0
 * @category models
 */
export type Cursor = typeof Cursor.Type

/**
 * A JSON-RPC request id; MCP forbids `null`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RequestId = /*#__PURE__*/ Schema.Union(Schema.String, Schema.Number).annotations({
  identifier: "RequestId"
})

/**
 * @since 0.1.0
 * @category models
 */
export type RequestId = typeof RequestId.Type

/**
 * The `_meta` of a request's params, with its one standard key typed. Request params declare `_meta` as a plain
 * `Meta`; decode it with this schema to read `progressToken`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RequestMeta = /*#__PURE__*/ Schema.Struct({
  /** Asks for `notifications/progress` carrying this token. */
  progressToken: /*#__PURE__*/ Schema.optional(ProgressToken)
}, JsonObject).annotations({ identifier: "RequestMeta" })

/**
 * @since 0.1.0
 * @category models
 */
export interface RequestMeta extends Schema.Schema.Type<typeof RequestMeta> {}

/**
 * Params common to every request.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta
}).annotations({ identifier: "RequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface RequestParams extends Schema.Schema.Type<typeof RequestParams> {}

/**
 * Asks for task-augmented execution of a request. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskMetadata = /*#__PURE__*/ Schema.Struct({
  /** Requested retention, in milliseconds from creation. */
  ttl: /*#__PURE__*/ Schema.optional(Schema.Number)
}).annotations({ identifier: "TaskMetadata" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TaskMetadata extends Schema.Schema.Type<typeof TaskMetadata> {}

/**
 * Params common to requests that may run as a task.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskAugmentedRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  /** Run as a task and answer with a `CreateTaskResult`. Since 2025-11-25. */
  task: /*#__PURE__*/ Schema.optional(TaskMetadata)
}).annotations({ identifier: "TaskAugmentedRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TaskAugmentedRequestParams extends Schema.Schema.Type<typeof TaskAugmentedRequestParams> {}

/**
 * Params common to every notification.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NotificationParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta
}).annotations({ identifier: "NotificationParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface NotificationParams extends Schema.Schema.Type<typeof NotificationParams> {}

/**
 * Any request: a method and by-name params.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Request = /*#__PURE__*/ Schema.Struct({
  method: Schema.String,
  params: /*#__PURE__*/ Schema.optional(JsonObject)
}).annotations({ identifier: "Request" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Request extends Schema.Schema.Type<typeof Request> {}

/**
 * Any notification: a method and by-name params.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Notification = /*#__PURE__*/ Schema.Struct({
  method: Schema.String,
  params: /*#__PURE__*/ Schema.optional(JsonObject)
}).annotations({ identifier: "Notification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Notification extends Schema.Schema.Type<typeof Notification> {}

/**
 * Any result: open, with an optional `_meta`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Result = /*#__PURE__*/ Schema.Struct({
  _meta: Meta
}, JsonObject).annotations({ identifier: "Result" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Result extends Schema.Schema.Type<typeof Result> {}

/**
 * A success without data.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EmptyResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta
}, JsonObject).annotations({ identifier: "EmptyResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EmptyResult extends Schema.Schema.Type<typeof EmptyResult> {}

/**
 * The error object of a JSON-RPC error response.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Error = /*#__PURE__*/ Schema.Struct({
  code: Schema.Number,
  message: Schema.String,
  data: /*#__PURE__*/ Schema.optional(Schema.Unknown)
}).annotations({ identifier: "Error" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Error extends Schema.Schema.Type<typeof Error> {}

// -------------------------------------------------------------------------------------------------
// JSON-RPC envelopes
// -------------------------------------------------------------------------------------------------

const JsonRpcVersion = /*#__PURE__*/ Schema.Literal(JSONRPC_VERSION)

/**
 * A request that expects a response.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JSONRPCRequest = /*#__PURE__*/ Schema.Struct({
  jsonrpc: JsonRpcVersion,
  id: RequestId,
  method: Schema.String,
  params: /*#__PURE__*/ Schema.optional(JsonObject)
}).annotations({ identifier: "JSONRPCRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface JSONRPCRequest extends Schema.Schema.Type<typeof JSONRPCRequest> {}

/**
 * A message that expects no response.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JSONRPCNotification = /*#__PURE__*/ Schema.Struct({
  jsonrpc: JsonRpcVersion,
  method: Schema.String,
  params: /*#__PURE__*/ Schema.optional(JsonObject)
}).annotations({ identifier: "JSONRPCNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface JSONRPCNotification extends Schema.Schema.Type<typeof JSONRPCNotification> {}

/**
 * A successful response (called `JSONRPCResponse` before 2025-11-25).
 *
 * @since 0.1.0
 * @category schemas
 */
export const JSONRPCResultResponse = /*#__PURE__*/ Schema.Struct({
  jsonrpc: JsonRpcVersion,
  id: RequestId,
  result: Result
}).annotations({ identifier: "JSONRPCResultResponse" })

/**
 * @since 0.1.0
 * @category models
 */
export interface JSONRPCResultResponse extends Schema.Schema.Type<typeof JSONRPCResultResponse> {}

/**
 * The pre-2025-11-25 name of `JSONRPCResultResponse`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JSONRPCResponse = JSONRPCResultResponse

/**
 * @since 0.1.0
 * @category models
 */
export type JSONRPCResponse = JSONRPCResultResponse

/**
 * An error response (called `JSONRPCError` before 2025-11-25). The id is absent or `null` when the request's id could
 * not be read (JSON-RPC 2.0 uses `null`, MCP 2025-11-25 omits it).
 *
 * @since 0.1.0
 * @category schemas
 */
export const JSONRPCErrorResponse = /*#__PURE__*/ Schema.Struct({
  jsonrpc: JsonRpcVersion,
  id: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.NullOr(RequestId)),
  error: Error
}).annotations({ identifier: "JSONRPCErrorResponse" })

/**
 * @since 0.1.0
 * @category models
 */
export interface JSONRPCErrorResponse extends Schema.Schema.Type<typeof JSONRPCErrorResponse> {}

/**
 * The pre-2025-11-25 name of `JSONRPCErrorResponse`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JSONRPCError = JSONRPCErrorResponse

/**
 * @since 0.1.0
 * @category models
 */
export type JSONRPCError = JSONRPCErrorResponse

/**
 * Any single JSON-RPC message.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JSONRPCMessage = /*#__PURE__*/ Schema.Union(
  JSONRPCRequest,
  JSONRPCNotification,
  JSONRPCResultResponse,
  JSONRPCErrorResponse
).annotations({ identifier: "JSONRPCMessage" })

/**
 * @since 0.1.0
 * @category models
 */
export type JSONRPCMessage = typeof JSONRPCMessage.Type

/**
 * A batch of requests and notifications: 2025-03-26 only (removed in 2025-06-18).
 *
 * @since 0.1.0
 * @category schemas
 */
export const JSONRPCBatchRequest = /*#__PURE__*/ Schema.Array(
  /*#__PURE__*/ Schema.Union(JSONRPCRequest, JSONRPCNotification)
).annotations({
  identifier: "JSONRPCBatchRequest"
})

/**
 * @since 0.1.0
 * @category models
 */
export type JSONRPCBatchRequest = typeof JSONRPCBatchRequest.Type

/**
 * A batch of responses: 2025-03-26 only (removed in 2025-06-18).
 *
 * @since 0.1.0
 * @category schemas
 */
export const JSONRPCBatchResponse = /*#__PURE__*/ Schema.Array(
  /*#__PURE__*/ Schema.Union(JSONRPCResultResponse, JSONRPCErrorResponse)
)
  .annotations({ identifier: "JSONRPCBatchResponse" })

/**
 * @since 0.1.0
 * @category models
 */
export type JSONRPCBatchResponse = typeof JSONRPCBatchResponse.Type

// -------------------------------------------------------------------------------------------------
// Cancellation
// -------------------------------------------------------------------------------------------------

/**
 * Params of `notifications/cancelled`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CancelledNotificationParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  /** The request to cancel; required before 2025-11-25, absent when cancelling a task (use `tasks/cancel`). */
  requestId: /*#__PURE__*/ Schema.optional(RequestId),
  reason: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "CancelledNotificationParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CancelledNotificationParams extends Schema.Schema.Type<typeof CancelledNotificationParams> {}

/**
 * Either side cancels a request it issued earlier.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CancelledNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/cancelled"),
  params: CancelledNotificationParams
}).annotations({ identifier: "CancelledNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CancelledNotification extends Schema.Schema.Type<typeof CancelledNotification> {}

// -------------------------------------------------------------------------------------------------
// Initialization
// -------------------------------------------------------------------------------------------------

/**
 * An icon for display in a user interface. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Icon = /*#__PURE__*/ Schema.Struct({
  /** An http(s) URL or a `data:` URI. */
  src: Schema.String,
  mimeType: /*#__PURE__*/ Schema.optional(Schema.String),
  /** `"WxH"` sizes, or `"any"` for scalable formats. */
  sizes: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Schema.String)),
  /** The background the icon is designed for. */
  theme: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Literal("light", "dark"))
}).annotations({ identifier: "Icon" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Icon extends Schema.Schema.Type<typeof Icon> {}

/**
 * The `icons` property shared by implementations, tools, prompts and resources.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Icons = /*#__PURE__*/ Schema.Struct({
  /** Since 2025-11-25. */
  icons: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Icon))
}).annotations({ identifier: "Icons" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Icons extends Schema.Schema.Type<typeof Icons> {}

/**
 * A programmatic name and an optional display title.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BaseMetadata = /*#__PURE__*/ Schema.Struct({
  name: Schema.String,
  /** A human-readable display name. Since 2025-06-18. */
  title: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "BaseMetadata" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BaseMetadata extends Schema.Schema.Type<typeof BaseMetadata> {}

/**
 * Names and describes an MCP client or server.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Implementation = /*#__PURE__*/ Schema.Struct({
  ...BaseMetadata.fields,
  ...Icons.fields,
  version: Schema.String,
  /** Since 2025-11-25. */
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  /** Since 2025-11-25. */
  websiteUrl: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "Implementation" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Implementation extends Schema.Schema.Type<typeof Implementation> {}

/**
 * What a client supports. Open: non-standard capabilities survive decoding.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClientCapabilities = /*#__PURE__*/ Schema.Struct({
  experimental: /*#__PURE__*/ Schema.optional(JsonObject),
  /** Present if the client can list roots. */
  roots: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
    listChanged: /*#__PURE__*/ Schema.optional(Schema.Boolean)
  }, JsonObject)),
  /** Present if the client can sample an LLM. */
  sampling: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
    /** `includeContext` other than `"none"` is supported. Since 2025-11-25. */
    context: /*#__PURE__*/ Schema.optional(JsonObject),
    /** `tools` and `toolChoice` are supported. Since 2025-11-25. */
    tools: /*#__PURE__*/ Schema.optional(JsonObject)
  }, JsonObject)),
  /** Present if the client supports elicitation. Since 2025-06-18; the modes since 2025-11-25. */
  elicitation: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
    form: /*#__PURE__*/ Schema.optional(JsonObject),
    url: /*#__PURE__*/ Schema.optional(JsonObject)
  }, JsonObject)),
  /** Present if the client supports task-augmented requests. Since 2025-11-25. */
  tasks: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
    list: /*#__PURE__*/ Schema.optional(JsonObject),
    cancel: /*#__PURE__*/ Schema.optional(JsonObject),
    requests: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
      sampling: /*#__PURE__*/ Schema.optional(
        /*#__PURE__*/ Schema.Struct({ createMessage: /*#__PURE__*/ Schema.optional(JsonObject) }, JsonObject)
      ),
      elicitation: /*#__PURE__*/ Schema.optional(
        /*#__PURE__*/ Schema.Struct({ create: /*#__PURE__*/ Schema.optional(JsonObject) }, JsonObject)
      )
    }, JsonObject))
  }, JsonObject))
}, JsonObject).annotations({ identifier: "ClientCapabilities" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ClientCapabilities extends Schema.Schema.Type<typeof ClientCapabilities> {}

/**
 * What a server supports. Open: non-standard capabilities survive decoding.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ServerCapabilities = /*#__PURE__*/ Schema.Struct({
  experimental: /*#__PURE__*/ Schema.optional(JsonObject),
  /** Present if the server sends log messages. */
  logging: /*#__PURE__*/ Schema.optional(JsonObject),
  /** Present if the server completes arguments. Since 2025-03-26. */
  completions: /*#__PURE__*/ Schema.optional(JsonObject),
  prompts: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
    listChanged: /*#__PURE__*/ Schema.optional(Schema.Boolean)
  }, JsonObject)),
  resources: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
    subscribe: /*#__PURE__*/ Schema.optional(Schema.Boolean),
    listChanged: /*#__PURE__*/ Schema.optional(Schema.Boolean)
  }, JsonObject)),
  tools: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
    listChanged: /*#__PURE__*/ Schema.optional(Schema.Boolean)
  }, JsonObject)),
  /** Present if the server supports task-augmented requests. Since 2025-11-25. */
  tasks: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
    list: /*#__PURE__*/ Schema.optional(JsonObject),
    cancel: /*#__PURE__*/ Schema.optional(JsonObject),
    requests: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
      tools: /*#__PURE__*/ Schema.optional(
        /*#__PURE__*/ Schema.Struct({ call: /*#__PURE__*/ Schema.optional(JsonObject) }, JsonObject)
      )
    }, JsonObject))
  }, JsonObject))
}, JsonObject).annotations({ identifier: "ServerCapabilities" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ServerCapabilities extends Schema.Schema.Type<typeof ServerCapabilities> {}

/**
 * Params of `initialize`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InitializeRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  /** The newest version the client supports: any string, so that unknown versions can be negotiated down. */
  protocolVersion: Schema.String,
  capabilities: ClientCapabilities,
  clientInfo: Implementation
}).annotations({ identifier: "InitializeRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface InitializeRequestParams extends Schema.Schema.Type<typeof InitializeRequestParams> {}

/**
 * The client's first request.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InitializeRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("initialize"),
  params: InitializeRequestParams
}).annotations({ identifier: "InitializeRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface InitializeRequest extends Schema.Schema.Type<typeof InitializeRequest> {}

/**
 * The server's answer to `initialize`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InitializeResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  /** The version the server chose; the client disconnects if it cannot speak it. */
  protocolVersion: Schema.String,
  capabilities: ServerCapabilities,
  serverInfo: Implementation,
  /** How to use the server: a hint for the model. */
  instructions: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "InitializeResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface InitializeResult extends Schema.Schema.Type<typeof InitializeResult> {}

/**
 * The client is done initializing.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InitializedNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/initialized"),
  params: /*#__PURE__*/ Schema.optional(NotificationParams)
}).annotations({ identifier: "InitializedNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface InitializedNotification extends Schema.Schema.Type<typeof InitializedNotification> {}

// -------------------------------------------------------------------------------------------------
// Ping, progress, pagination
// -------------------------------------------------------------------------------------------------

/**
 * Either side checks that the other is alive.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PingRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("ping"),
  params: /*#__PURE__*/ Schema.optional(RequestParams)
}).annotations({ identifier: "PingRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PingRequest extends Schema.Schema.Type<typeof PingRequest> {}

/**
 * Params of `notifications/progress`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProgressNotificationParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  progressToken: ProgressToken,
  /** Progress so far; increases with every notification. */
  progress: Schema.Number,
  total: /*#__PURE__*/ Schema.optional(Schema.Number),
  /** Since 2025-03-26. */
  message: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "ProgressNotificationParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ProgressNotificationParams extends Schema.Schema.Type<typeof ProgressNotificationParams> {}

/**
 * Progress of a long-running request.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProgressNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/progress"),
  params: ProgressNotificationParams
}).annotations({ identifier: "ProgressNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ProgressNotification extends Schema.Schema.Type<typeof ProgressNotification> {}

/**
 * Params of a paginated list request.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PaginatedRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  /** Continue after this position. */
  cursor: /*#__PURE__*/ Schema.optional(Cursor)
}).annotations({ identifier: "PaginatedRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PaginatedRequestParams extends Schema.Schema.Type<typeof PaginatedRequestParams> {}

/**
 * Any paginated list request.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PaginatedRequest = /*#__PURE__*/ Schema.Struct({
  method: Schema.String,
  params: /*#__PURE__*/ Schema.optional(PaginatedRequestParams)
}).annotations({ identifier: "PaginatedRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PaginatedRequest extends Schema.Schema.Type<typeof PaginatedRequest> {}

/**
 * Fields common to paginated results.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PaginatedResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  /** Present when more results may follow. */
  nextCursor: /*#__PURE__*/ Schema.optional(Cursor)
}).annotations({ identifier: "PaginatedResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PaginatedResult extends Schema.Schema.Type<typeof PaginatedResult> {}

// -------------------------------------------------------------------------------------------------
// Content
// -------------------------------------------------------------------------------------------------

/**
 * The sender or recipient of a message.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role = /*#__PURE__*/ Schema.Literal("user", "assistant").annotations({ identifier: "Role" })

/**
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * Hints to the client on how to use or show an object. Since 2025-03-26 (an inline object before).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Annotations = /*#__PURE__*/ Schema.Struct({
  audience: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Role)),
  /** 0 (optional) to 1 (effectively required). */
  priority: /*#__PURE__*/ Schema.optional(UnitInterval),
  /** ISO 8601 time of last modification. Since 2025-06-18. */
  lastModified: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "Annotations" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Annotations extends Schema.Schema.Type<typeof Annotations> {}

/**
 * Text for or from a model.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TextContent = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("text"),
  text: Schema.String,
  annotations: /*#__PURE__*/ Schema.optional(Annotations),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "TextContent" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TextContent extends Schema.Schema.Type<typeof TextContent> {}

/**
 * An image for or from a model.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ImageContent = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("image"),
  /** Base64-encoded image data. */
  data: Schema.String,
  mimeType: Schema.String,
  annotations: /*#__PURE__*/ Schema.optional(Annotations),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "ImageContent" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ImageContent extends Schema.Schema.Type<typeof ImageContent> {}

/**
 * Audio for or from a model. Since 2025-03-26.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AudioContent = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("audio"),
  /** Base64-encoded audio data. */
  data: Schema.String,
  mimeType: Schema.String,
  annotations: /*#__PURE__*/ Schema.optional(Annotations),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "AudioContent" })

/**
 * @since 0.1.0
 * @category models
 */
export interface AudioContent extends Schema.Schema.Type<typeof AudioContent> {}

/**
 * Fields common to the contents of a resource.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResourceContents = /*#__PURE__*/ Schema.Struct({
  uri: Schema.String,
  mimeType: /*#__PURE__*/ Schema.optional(Schema.String),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "ResourceContents" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ResourceContents extends Schema.Schema.Type<typeof ResourceContents> {}

/**
 * The contents of a textual resource.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TextResourceContents = /*#__PURE__*/ Schema.Struct({
  ...ResourceContents.fields,
  text: Schema.String
}).annotations({ identifier: "TextResourceContents" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TextResourceContents extends Schema.Schema.Type<typeof TextResourceContents> {}

/**
 * The contents of a binary resource.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BlobResourceContents = /*#__PURE__*/ Schema.Struct({
  ...ResourceContents.fields,
  /** Base64-encoded bytes. */
  blob: Schema.String
}).annotations({ identifier: "BlobResourceContents" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BlobResourceContents extends Schema.Schema.Type<typeof BlobResourceContents> {}

const AnyResourceContents = /*#__PURE__*/ Schema.Union(TextResourceContents, BlobResourceContents)

/**
 * A resource the server can read.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Resource = /*#__PURE__*/ Schema.Struct({
  ...BaseMetadata.fields,
  ...Icons.fields,
  uri: Schema.String,
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  mimeType: /*#__PURE__*/ Schema.optional(Schema.String),
  annotations: /*#__PURE__*/ Schema.optional(Annotations),
  /** Size of the raw content in bytes. */
  size: /*#__PURE__*/ Schema.optional(Schema.Number),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "Resource" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Resource extends Schema.Schema.Type<typeof Resource> {}

/**
 * A family of resources described by an RFC 6570 URI template.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResourceTemplate = /*#__PURE__*/ Schema.Struct({
  ...BaseMetadata.fields,
  ...Icons.fields,
  uriTemplate: Schema.String,
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  /** Only when every matching resource has this type. */
  mimeType: /*#__PURE__*/ Schema.optional(Schema.String),
  annotations: /*#__PURE__*/ Schema.optional(Annotations),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "ResourceTemplate" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ResourceTemplate extends Schema.Schema.Type<typeof ResourceTemplate> {}

/**
 * A link to a resource, in a prompt or tool result. Since 2025-06-18.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResourceLink = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("resource_link"),
  ...Resource.fields
}).annotations({ identifier: "ResourceLink" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ResourceLink extends Schema.Schema.Type<typeof ResourceLink> {}

/**
 * A resource's contents, embedded in a prompt or tool result.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EmbeddedResource = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("resource"),
  resource: AnyResourceContents,
  annotations: /*#__PURE__*/ Schema.optional(Annotations),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "EmbeddedResource" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EmbeddedResource extends Schema.Schema.Type<typeof EmbeddedResource> {}

/**
 * Content of a prompt message or tool result (`audio` since 2025-03-26, `resource_link` since 2025-06-18).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ContentBlock = /*#__PURE__*/ Schema.Union(
  TextContent,
  ImageContent,
  AudioContent,
  ResourceLink,
  EmbeddedResource
)
  .annotations({ identifier: "ContentBlock" })

/**
 * @since 0.1.0
 * @category models
 */
export type ContentBlock = typeof ContentBlock.Type

// -------------------------------------------------------------------------------------------------
// Resources
// -------------------------------------------------------------------------------------------------

/**
 * The client lists resources.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListResourcesRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("resources/list"),
  params: /*#__PURE__*/ Schema.optional(PaginatedRequestParams)
}).annotations({ identifier: "ListResourcesRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListResourcesRequest extends Schema.Schema.Type<typeof ListResourcesRequest> {}

/**
 * The answer to `resources/list`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListResourcesResult = /*#__PURE__*/ Schema.Struct({
  ...PaginatedResult.fields,
  resources: /*#__PURE__*/ Schema.Array(Resource)
}).annotations({ identifier: "ListResourcesResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListResourcesResult extends Schema.Schema.Type<typeof ListResourcesResult> {}

/**
 * The client lists resource templates.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListResourceTemplatesRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("resources/templates/list"),
  params: /*#__PURE__*/ Schema.optional(PaginatedRequestParams)
}).annotations({ identifier: "ListResourceTemplatesRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListResourceTemplatesRequest extends Schema.Schema.Type<typeof ListResourceTemplatesRequest> {}

/**
 * The answer to `resources/templates/list`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListResourceTemplatesResult = /*#__PURE__*/ Schema.Struct({
  ...PaginatedResult.fields,
  resourceTemplates: /*#__PURE__*/ Schema.Array(ResourceTemplate)
}).annotations({ identifier: "ListResourceTemplatesResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListResourceTemplatesResult extends Schema.Schema.Type<typeof ListResourceTemplatesResult> {}

/**
 * Params common to requests about one resource.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResourceRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  uri: Schema.String
}).annotations({ identifier: "ResourceRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ResourceRequestParams extends Schema.Schema.Type<typeof ResourceRequestParams> {}

/**
 * Params of `resources/read`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ReadResourceRequestParams = /*#__PURE__*/ Schema.Struct(ResourceRequestParams.fields).annotations({
  identifier: "ReadResourceRequestParams"
})

/**
 * @since 0.1.0
 * @category models
 */
export interface ReadResourceRequestParams extends Schema.Schema.Type<typeof ReadResourceRequestParams> {}

/**
 * The client reads a resource.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ReadResourceRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("resources/read"),
  params: ReadResourceRequestParams
}).annotations({ identifier: "ReadResourceRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ReadResourceRequest extends Schema.Schema.Type<typeof ReadResourceRequest> {}

/**
 * The answer to `resources/read`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ReadResourceResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  contents: /*#__PURE__*/ Schema.Array(AnyResourceContents)
}).annotations({ identifier: "ReadResourceResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ReadResourceResult extends Schema.Schema.Type<typeof ReadResourceResult> {}

/**
 * The server's resource list changed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResourceListChangedNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/resources/list_changed"),
  params: /*#__PURE__*/ Schema.optional(NotificationParams)
}).annotations({ identifier: "ResourceListChangedNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ResourceListChangedNotification extends Schema.Schema.Type<typeof ResourceListChangedNotification> {}

/**
 * Params of `resources/subscribe`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SubscribeRequestParams = /*#__PURE__*/ Schema.Struct(ResourceRequestParams.fields).annotations({
  identifier: "SubscribeRequestParams"
})

/**
 * @since 0.1.0
 * @category models
 */
export interface SubscribeRequestParams extends Schema.Schema.Type<typeof SubscribeRequestParams> {}

/**
 * The client asks for `notifications/resources/updated` about a resource.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SubscribeRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("resources/subscribe"),
  params: SubscribeRequestParams
}).annotations({ identifier: "SubscribeRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SubscribeRequest extends Schema.Schema.Type<typeof SubscribeRequest> {}

/**
 * Params of `resources/unsubscribe`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnsubscribeRequestParams = /*#__PURE__*/ Schema.Struct(ResourceRequestParams.fields).annotations({
  identifier: "UnsubscribeRequestParams"
})

/**
 * @since 0.1.0
 * @category models
 */
export interface UnsubscribeRequestParams extends Schema.Schema.Type<typeof UnsubscribeRequestParams> {}

/**
 * The client ends a subscription.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnsubscribeRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("resources/unsubscribe"),
  params: UnsubscribeRequestParams
}).annotations({ identifier: "UnsubscribeRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UnsubscribeRequest extends Schema.Schema.Type<typeof UnsubscribeRequest> {}

/**
 * Params of `notifications/resources/updated`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResourceUpdatedNotificationParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  /** The changed resource: possibly a sub-resource of the subscribed one. */
  uri: Schema.String
}).annotations({ identifier: "ResourceUpdatedNotificationParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ResourceUpdatedNotificationParams
  extends Schema.Schema.Type<typeof ResourceUpdatedNotificationParams>
{}

/**
 * A subscribed resource changed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResourceUpdatedNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/resources/updated"),
  params: ResourceUpdatedNotificationParams
}).annotations({ identifier: "ResourceUpdatedNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ResourceUpdatedNotification extends Schema.Schema.Type<typeof ResourceUpdatedNotification> {}

// -------------------------------------------------------------------------------------------------
// Prompts
// -------------------------------------------------------------------------------------------------

/**
 * An argument a prompt accepts.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PromptArgument = /*#__PURE__*/ Schema.Struct({
  ...BaseMetadata.fields,
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  required: /*#__PURE__*/ Schema.optional(Schema.Boolean)
}).annotations({ identifier: "PromptArgument" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PromptArgument extends Schema.Schema.Type<typeof PromptArgument> {}

/**
 * A prompt or prompt template the server offers.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Prompt = /*#__PURE__*/ Schema.Struct({
  ...BaseMetadata.fields,
  ...Icons.fields,
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  arguments: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(PromptArgument)),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "Prompt" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Prompt extends Schema.Schema.Type<typeof Prompt> {}

/**
 * One message of a prompt.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PromptMessage = /*#__PURE__*/ Schema.Struct({
  role: Role,
  content: ContentBlock
}).annotations({ identifier: "PromptMessage" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PromptMessage extends Schema.Schema.Type<typeof PromptMessage> {}

/**
 * The client lists prompts.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListPromptsRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("prompts/list"),
  params: /*#__PURE__*/ Schema.optional(PaginatedRequestParams)
}).annotations({ identifier: "ListPromptsRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListPromptsRequest extends Schema.Schema.Type<typeof ListPromptsRequest> {}

/**
 * The answer to `prompts/list`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListPromptsResult = /*#__PURE__*/ Schema.Struct({
  ...PaginatedResult.fields,
  prompts: /*#__PURE__*/ Schema.Array(Prompt)
}).annotations({ identifier: "ListPromptsResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListPromptsResult extends Schema.Schema.Type<typeof ListPromptsResult> {}

/**
 * Params of `prompts/get`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetPromptRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  name: Schema.String,
  /** Values for the prompt's template arguments. */
  arguments: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Record({ key: Schema.String, value: Schema.String }))
}).annotations({ identifier: "GetPromptRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface GetPromptRequestParams extends Schema.Schema.Type<typeof GetPromptRequestParams> {}

/**
 * The client gets a prompt.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetPromptRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("prompts/get"),
  params: GetPromptRequestParams
}).annotations({ identifier: "GetPromptRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface GetPromptRequest extends Schema.Schema.Type<typeof GetPromptRequest> {}

/**
 * The answer to `prompts/get`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetPromptResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  messages: /*#__PURE__*/ Schema.Array(PromptMessage)
}).annotations({ identifier: "GetPromptResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface GetPromptResult extends Schema.Schema.Type<typeof GetPromptResult> {}

/**
 * The server's prompt list changed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PromptListChangedNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/prompts/list_changed"),
  params: /*#__PURE__*/ Schema.optional(NotificationParams)
}).annotations({ identifier: "PromptListChangedNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PromptListChangedNotification extends Schema.Schema.Type<typeof PromptListChangedNotification> {}

// -------------------------------------------------------------------------------------------------
// Tools
// -------------------------------------------------------------------------------------------------

/**
 * Untrusted hints on a tool's behaviour. Since 2025-03-26.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ToolAnnotations = /*#__PURE__*/ Schema.Struct({
  title: /*#__PURE__*/ Schema.optional(Schema.String),
  /** The tool does not modify its environment (default false). */
  readOnlyHint: /*#__PURE__*/ Schema.optional(Schema.Boolean),
  /** Updates may be destructive rather than additive (default true). */
  destructiveHint: /*#__PURE__*/ Schema.optional(Schema.Boolean),
  /** Repeated calls with the same arguments have no further effect (default false). */
  idempotentHint: /*#__PURE__*/ Schema.optional(Schema.Boolean),
  /** The tool interacts with an open world of external entities (default true). */
  openWorldHint: /*#__PURE__*/ Schema.optional(Schema.Boolean)
}).annotations({ identifier: "ToolAnnotations" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ToolAnnotations extends Schema.Schema.Type<typeof ToolAnnotations> {}

/**
 * How a tool may be executed. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ToolExecution = /*#__PURE__*/ Schema.Struct({
  /** Whether the tool runs as a task (default `"forbidden"`). */
  taskSupport: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Literal("forbidden", "optional", "required"))
}).annotations({ identifier: "ToolExecution" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ToolExecution extends Schema.Schema.Type<typeof ToolExecution> {}

/**
 * A tool's `inputSchema` or `outputSchema`: a JSON Schema whose root is an object. Every other JSON Schema keyword
 * is kept as it is.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ObjectJsonSchema = /*#__PURE__*/ Schema.Struct({
  /** The dialect; JSON Schema 2020-12 when absent. Since 2025-11-25. */
  $schema: /*#__PURE__*/ Schema.optional(Schema.String),
  type: /*#__PURE__*/ Schema.Literal("object"),
  properties: /*#__PURE__*/ Schema.optional(JsonObject),
  required: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Schema.String))
}, JsonObject).annotations({ identifier: "ObjectJsonSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ObjectJsonSchema extends Schema.Schema.Type<typeof ObjectJsonSchema> {}

/**
 * A tool the client can call.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Tool = /*#__PURE__*/ Schema.Struct({
  ...BaseMetadata.fields,
  ...Icons.fields,
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  inputSchema: ObjectJsonSchema,
  /** Since 2025-11-25. */
  execution: /*#__PURE__*/ Schema.optional(ToolExecution),
  /** The shape of `structuredContent` in results. Since 2025-06-18. */
  outputSchema: /*#__PURE__*/ Schema.optional(ObjectJsonSchema),
  /** Since 2025-03-26. */
  annotations: /*#__PURE__*/ Schema.optional(ToolAnnotations),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "Tool" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Tool extends Schema.Schema.Type<typeof Tool> {}

/**
 * The client lists tools.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListToolsRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("tools/list"),
  params: /*#__PURE__*/ Schema.optional(PaginatedRequestParams)
}).annotations({ identifier: "ListToolsRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListToolsRequest extends Schema.Schema.Type<typeof ListToolsRequest> {}

/**
 * The answer to `tools/list`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListToolsResult = /*#__PURE__*/ Schema.Struct({
  ...PaginatedResult.fields,
  tools: /*#__PURE__*/ Schema.Array(Tool)
}).annotations({ identifier: "ListToolsResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListToolsResult extends Schema.Schema.Type<typeof ListToolsResult> {}

/**
 * Params of `tools/call`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CallToolRequestParams = /*#__PURE__*/ Schema.Struct({
  ...TaskAugmentedRequestParams.fields,
  name: Schema.String,
  arguments: /*#__PURE__*/ Schema.optional(JsonObject)
}).annotations({ identifier: "CallToolRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CallToolRequestParams extends Schema.Schema.Type<typeof CallToolRequestParams> {}

/**
 * The client calls a tool.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CallToolRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("tools/call"),
  params: CallToolRequestParams
}).annotations({ identifier: "CallToolRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CallToolRequest extends Schema.Schema.Type<typeof CallToolRequest> {}

/**
 * The answer to `tools/call`; tool failures are reported here with `isError`, not as protocol errors.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CallToolResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  content: /*#__PURE__*/ Schema.Array(ContentBlock),
  /** A JSON object matching the tool's `outputSchema`. Since 2025-06-18. */
  structuredContent: /*#__PURE__*/ Schema.optional(JsonObject),
  isError: /*#__PURE__*/ Schema.optional(Schema.Boolean)
}).annotations({ identifier: "CallToolResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CallToolResult extends Schema.Schema.Type<typeof CallToolResult> {}

/**
 * The server's tool list changed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ToolListChangedNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/tools/list_changed"),
  params: /*#__PURE__*/ Schema.optional(NotificationParams)
}).annotations({ identifier: "ToolListChangedNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ToolListChangedNotification extends Schema.Schema.Type<typeof ToolListChangedNotification> {}

// -------------------------------------------------------------------------------------------------
// Tasks (since 2025-11-25)
// -------------------------------------------------------------------------------------------------

/**
 * The state of a task. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskStatus = /*#__PURE__*/ Schema.Literal("working", "input_required", "completed", "failed", "cancelled")
  .annotations({ identifier: "TaskStatus" })

/**
 * @since 0.1.0
 * @category models
 */
export type TaskStatus = typeof TaskStatus.Type

/**
 * The value under `_meta["io.modelcontextprotocol/related-task"]`. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RelatedTaskMetadata = /*#__PURE__*/ Schema.Struct({
  taskId: Schema.String
}).annotations({ identifier: "RelatedTaskMetadata" })

/**
 * @since 0.1.0
 * @category models
 */
export interface RelatedTaskMetadata extends Schema.Schema.Type<typeof RelatedTaskMetadata> {}

/**
 * A task: a request running in the background. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Task = /*#__PURE__*/ Schema.Struct({
  taskId: Schema.String,
  status: TaskStatus,
  statusMessage: /*#__PURE__*/ Schema.optional(Schema.String),
  /** ISO 8601. */
  createdAt: Schema.String,
  /** ISO 8601. */
  lastUpdatedAt: Schema.String,
  /** Retention in milliseconds from creation; `null` for unlimited. */
  ttl: /*#__PURE__*/ Schema.NullOr(Schema.Number),
  /** Suggested polling interval in milliseconds. */
  pollInterval: /*#__PURE__*/ Schema.optional(Schema.Number)
}).annotations({ identifier: "Task" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Task extends Schema.Schema.Type<typeof Task> {}

/**
 * The immediate answer to a task-augmented request. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateTaskResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  task: Task
}).annotations({ identifier: "CreateTaskResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CreateTaskResult extends Schema.Schema.Type<typeof CreateTaskResult> {}

/**
 * Params of `tasks/get`. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetTaskRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  taskId: Schema.String
}).annotations({ identifier: "GetTaskRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface GetTaskRequestParams extends Schema.Schema.Type<typeof GetTaskRequestParams> {}

/**
 * Asks for a task's state. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetTaskRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("tasks/get"),
  params: GetTaskRequestParams
}).annotations({ identifier: "GetTaskRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface GetTaskRequest extends Schema.Schema.Type<typeof GetTaskRequest> {}

/**
 * The answer to `tasks/get`: the task itself. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetTaskResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  ...Task.fields
}).annotations({ identifier: "GetTaskResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface GetTaskResult extends Schema.Schema.Type<typeof GetTaskResult> {}

/**
 * Params of `tasks/result`. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetTaskPayloadRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  taskId: Schema.String
}).annotations({ identifier: "GetTaskPayloadRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface GetTaskPayloadRequestParams extends Schema.Schema.Type<typeof GetTaskPayloadRequestParams> {}

/**
 * Asks for the result of a finished task. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetTaskPayloadRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("tasks/result"),
  params: GetTaskPayloadRequestParams
}).annotations({ identifier: "GetTaskPayloadRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface GetTaskPayloadRequest extends Schema.Schema.Type<typeof GetTaskPayloadRequest> {}

/**
 * The answer to `tasks/result`: the result of the original request (a `CallToolResult` for `tools/call`), kept
 * whole. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetTaskPayloadResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta
}, JsonObject).annotations({ identifier: "GetTaskPayloadResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface GetTaskPayloadResult extends Schema.Schema.Type<typeof GetTaskPayloadResult> {}

/**
 * Params of `tasks/cancel`. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CancelTaskRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  taskId: Schema.String
}).annotations({ identifier: "CancelTaskRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CancelTaskRequestParams extends Schema.Schema.Type<typeof CancelTaskRequestParams> {}

/**
 * Cancels a task. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CancelTaskRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("tasks/cancel"),
  params: CancelTaskRequestParams
}).annotations({ identifier: "CancelTaskRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CancelTaskRequest extends Schema.Schema.Type<typeof CancelTaskRequest> {}

/**
 * The answer to `tasks/cancel`: the task after cancellation. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CancelTaskResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  ...Task.fields
}).annotations({ identifier: "CancelTaskResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CancelTaskResult extends Schema.Schema.Type<typeof CancelTaskResult> {}

/**
 * Lists tasks. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListTasksRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("tasks/list"),
  params: /*#__PURE__*/ Schema.optional(PaginatedRequestParams)
}).annotations({ identifier: "ListTasksRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListTasksRequest extends Schema.Schema.Type<typeof ListTasksRequest> {}

/**
 * The answer to `tasks/list`. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListTasksResult = /*#__PURE__*/ Schema.Struct({
  ...PaginatedResult.fields,
  tasks: /*#__PURE__*/ Schema.Array(Task)
}).annotations({ identifier: "ListTasksResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListTasksResult extends Schema.Schema.Type<typeof ListTasksResult> {}

/**
 * Params of `notifications/tasks/status`: the task. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskStatusNotificationParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  ...Task.fields
}).annotations({ identifier: "TaskStatusNotificationParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TaskStatusNotificationParams extends Schema.Schema.Type<typeof TaskStatusNotificationParams> {}

/**
 * A task's status changed. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TaskStatusNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/tasks/status"),
  params: TaskStatusNotificationParams
}).annotations({ identifier: "TaskStatusNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TaskStatusNotification extends Schema.Schema.Type<typeof TaskStatusNotification> {}

// -------------------------------------------------------------------------------------------------
// Logging
// -------------------------------------------------------------------------------------------------

/**
 * The severity of a log message (RFC 5424 syslog levels).
 *
 * @since 0.1.0
 * @category schemas
 */
export const LoggingLevel = /*#__PURE__*/ Schema.Literal(
  "debug",
  "info",
  "notice",
  "warning",
  "error",
  "critical",
  "alert",
  "emergency"
).annotations({ identifier: "LoggingLevel" })

/**
 * @since 0.1.0
 * @category models
 */
export type LoggingLevel = typeof LoggingLevel.Type

/**
 * Each level's rank, from `debug` (0) to `emergency` (7): send a message when its rank ≥ the set level's.
 *
 * @since 0.1.0
 * @category constants
 */
export const LogLevelSeverity: Record<LoggingLevel, number> = {
  debug: 0,
  info: 1,
  notice: 2,
  warning: 3,
  error: 4,
  critical: 5,
  alert: 6,
  emergency: 7
}

/**
 * Params of `logging/setLevel`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetLevelRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  /** The least severe level the client wants to receive. */
  level: LoggingLevel
}).annotations({ identifier: "SetLevelRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SetLevelRequestParams extends Schema.Schema.Type<typeof SetLevelRequestParams> {}

/**
 * The client sets the server's log level.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetLevelRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("logging/setLevel"),
  params: SetLevelRequestParams
}).annotations({ identifier: "SetLevelRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SetLevelRequest extends Schema.Schema.Type<typeof SetLevelRequest> {}

/**
 * Params of `notifications/message`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LoggingMessageNotificationParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  level: LoggingLevel,
  /** The name of the logger. */
  logger: /*#__PURE__*/ Schema.optional(Schema.String),
  /** Any JSON value. */
  data: Schema.Unknown
}).annotations({ identifier: "LoggingMessageNotificationParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface LoggingMessageNotificationParams extends Schema.Schema.Type<typeof LoggingMessageNotificationParams> {}

/**
 * A log message from the server.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LoggingMessageNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/message"),
  params: LoggingMessageNotificationParams
}).annotations({ identifier: "LoggingMessageNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface LoggingMessageNotification extends Schema.Schema.Type<typeof LoggingMessageNotification> {}

// -------------------------------------------------------------------------------------------------
// Sampling
// -------------------------------------------------------------------------------------------------

/**
 * The model asks to call a tool. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ToolUseContent = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("tool_use"),
  /** Matches the `toolUseId` of the corresponding result. */
  id: Schema.String,
  name: Schema.String,
  /** Arguments conforming to the tool's `inputSchema`. */
  input: JsonObject,
  _meta: Meta
}).annotations({ identifier: "ToolUseContent" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ToolUseContent extends Schema.Schema.Type<typeof ToolUseContent> {}

/**
 * The result of a tool use, given back to the model. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ToolResultContent = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("tool_result"),
  /** The `id` of the `ToolUseContent` this answers. */
  toolUseId: Schema.String,
  content: /*#__PURE__*/ Schema.Array(ContentBlock),
  structuredContent: /*#__PURE__*/ Schema.optional(JsonObject),
  isError: /*#__PURE__*/ Schema.optional(Schema.Boolean),
  _meta: Meta
}).annotations({ identifier: "ToolResultContent" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ToolResultContent extends Schema.Schema.Type<typeof ToolResultContent> {}

/**
 * Content of a sampling message (`audio` since 2025-03-26, tool use and results since 2025-11-25).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SamplingMessageContentBlock = /*#__PURE__*/ Schema.Union(
  TextContent,
  ImageContent,
  AudioContent,
  ToolUseContent,
  ToolResultContent
).annotations({ identifier: "SamplingMessageContentBlock" })

/**
 * @since 0.1.0
 * @category models
 */
export type SamplingMessageContentBlock = typeof SamplingMessageContentBlock.Type

/**
 * A message to or from a model.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SamplingMessage = /*#__PURE__*/ Schema.Struct({
  role: Role,
  /** One block, or (since 2025-11-25) several. */
  content: /*#__PURE__*/ Schema.Union(
    SamplingMessageContentBlock,
    /*#__PURE__*/ Schema.Array(SamplingMessageContentBlock)
  ),
  /** Since 2025-11-25. */
  _meta: Meta
}).annotations({ identifier: "SamplingMessage" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SamplingMessage extends Schema.Schema.Type<typeof SamplingMessage> {}

/**
 * A hint for model selection: a substring of a model name.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ModelHint = /*#__PURE__*/ Schema.Struct({
  name: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "ModelHint" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ModelHint extends Schema.Schema.Type<typeof ModelHint> {}

/**
 * Advisory preferences for model selection; priorities range from 0 to 1.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ModelPreferences = /*#__PURE__*/ Schema.Struct({
  /** Evaluated in order; the first match wins. */
  hints: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(ModelHint)),
  costPriority: /*#__PURE__*/ Schema.optional(UnitInterval),
  speedPriority: /*#__PURE__*/ Schema.optional(UnitInterval),
  intelligencePriority: /*#__PURE__*/ Schema.optional(UnitInterval)
}).annotations({ identifier: "ModelPreferences" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ModelPreferences extends Schema.Schema.Type<typeof ModelPreferences> {}

/**
 * How the model may use tools during sampling. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ToolChoice = /*#__PURE__*/ Schema.Struct({
  /** Default `"auto"`. */
  mode: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Literal("auto", "required", "none"))
}).annotations({ identifier: "ToolChoice" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ToolChoice extends Schema.Schema.Type<typeof ToolChoice> {}

/**
 * Params of `sampling/createMessage`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateMessageRequestParams = /*#__PURE__*/ Schema.Struct({
  ...TaskAugmentedRequestParams.fields,
  messages: /*#__PURE__*/ Schema.Array(SamplingMessage),
  modelPreferences: /*#__PURE__*/ Schema.optional(ModelPreferences),
  systemPrompt: /*#__PURE__*/ Schema.optional(Schema.String),
  /** Default `"none"`; the others are soft-deprecated since 2025-11-25. */
  includeContext: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Literal("none", "thisServer", "allServers")),
  temperature: /*#__PURE__*/ Schema.optional(Schema.Number),
  maxTokens: Schema.Number,
  stopSequences: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Schema.String)),
  /** Provider-specific metadata. */
  metadata: /*#__PURE__*/ Schema.optional(JsonObject),
  /** Tools the model may use; needs `sampling.tools`. Since 2025-11-25. */
  tools: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Tool)),
  /** Needs `sampling.tools`. Since 2025-11-25. */
  toolChoice: /*#__PURE__*/ Schema.optional(ToolChoice)
}).annotations({ identifier: "CreateMessageRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CreateMessageRequestParams extends Schema.Schema.Type<typeof CreateMessageRequestParams> {}

/**
 * The server asks the client to sample an LLM.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateMessageRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("sampling/createMessage"),
  params: CreateMessageRequestParams
}).annotations({ identifier: "CreateMessageRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CreateMessageRequest extends Schema.Schema.Type<typeof CreateMessageRequest> {}

/**
 * The answer to `sampling/createMessage`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateMessageResult = /*#__PURE__*/ Schema.Struct({
  ...SamplingMessage.fields,
  /** The model that generated the message. */
  model: Schema.String,
  /** `"endTurn"`, `"stopSequence"`, `"maxTokens"`, `"toolUse"` (since 2025-11-25) or a provider's own reason. */
  stopReason: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "CreateMessageResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CreateMessageResult extends Schema.Schema.Type<typeof CreateMessageResult> {}

// -------------------------------------------------------------------------------------------------
// Completion
// -------------------------------------------------------------------------------------------------

/**
 * Identifies a prompt.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PromptReference = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("ref/prompt"),
  ...BaseMetadata.fields
}).annotations({ identifier: "PromptReference" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PromptReference extends Schema.Schema.Type<typeof PromptReference> {}

/**
 * Identifies a resource or resource template (`ResourceReference` before 2025-06-18).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResourceTemplateReference = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("ref/resource"),
  /** A URI or URI template. */
  uri: Schema.String
}).annotations({ identifier: "ResourceTemplateReference" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ResourceTemplateReference extends Schema.Schema.Type<typeof ResourceTemplateReference> {}

/**
 * The pre-2025-06-18 name of `ResourceTemplateReference`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResourceReference = ResourceTemplateReference

/**
 * @since 0.1.0
 * @category models
 */
export type ResourceReference = ResourceTemplateReference

/**
 * Params of `completion/complete`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CompleteRequestParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  ref: /*#__PURE__*/ Schema.Union(PromptReference, ResourceTemplateReference),
  /** The argument being completed and its current value. */
  argument: /*#__PURE__*/ Schema.Struct({
    name: Schema.String,
    value: Schema.String
  }),
  /** Since 2025-06-18. */
  context: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Struct({
    /** Variables already resolved. */
    arguments: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Record({ key: Schema.String, value: Schema.String }))
  }))
}).annotations({ identifier: "CompleteRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CompleteRequestParams extends Schema.Schema.Type<typeof CompleteRequestParams> {}

/**
 * The client asks for completions of an argument.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CompleteRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("completion/complete"),
  params: CompleteRequestParams
}).annotations({ identifier: "CompleteRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CompleteRequest extends Schema.Schema.Type<typeof CompleteRequest> {}

/**
 * The answer to `completion/complete`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CompleteResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  completion: /*#__PURE__*/ Schema.Struct({
    /** At most 100 values. */
    values: /*#__PURE__*/ Schema.Array(Schema.String).pipe(/*#__PURE__*/ Schema.maxItems(100)),
    /** All available options, possibly more than sent. */
    total: /*#__PURE__*/ Schema.optional(Schema.Number),
    hasMore: /*#__PURE__*/ Schema.optional(Schema.Boolean)
  })
}).annotations({ identifier: "CompleteResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CompleteResult extends Schema.Schema.Type<typeof CompleteResult> {}

// -------------------------------------------------------------------------------------------------
// Roots
// -------------------------------------------------------------------------------------------------

/**
 * A directory or file the server may operate on.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Root = /*#__PURE__*/ Schema.Struct({
  /** A `file://` URI. */
  uri: Schema.String,
  name: /*#__PURE__*/ Schema.optional(Schema.String),
  /** Since 2025-06-18. */
  _meta: Meta
}).annotations({ identifier: "Root" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Root extends Schema.Schema.Type<typeof Root> {}

/**
 * The server lists the client's roots.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListRootsRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("roots/list"),
  params: /*#__PURE__*/ Schema.optional(RequestParams)
}).annotations({ identifier: "ListRootsRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListRootsRequest extends Schema.Schema.Type<typeof ListRootsRequest> {}

/**
 * The answer to `roots/list`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListRootsResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  roots: /*#__PURE__*/ Schema.Array(Root)
}).annotations({ identifier: "ListRootsResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListRootsResult extends Schema.Schema.Type<typeof ListRootsResult> {}

/**
 * The client's roots changed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RootsListChangedNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/roots/list_changed"),
  params: /*#__PURE__*/ Schema.optional(NotificationParams)
}).annotations({ identifier: "RootsListChangedNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface RootsListChangedNotification extends Schema.Schema.Type<typeof RootsListChangedNotification> {}

// -------------------------------------------------------------------------------------------------
// Elicitation (since 2025-06-18)
// -------------------------------------------------------------------------------------------------

/**
 * A string field of an elicitation form.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StringSchema = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("string"),
  title: /*#__PURE__*/ Schema.optional(Schema.String),
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  minLength: /*#__PURE__*/ Schema.optional(Schema.Number),
  maxLength: /*#__PURE__*/ Schema.optional(Schema.Number),
  format: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Literal("email", "uri", "date", "date-time")),
  /** Since 2025-11-25. */
  default: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "StringSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export interface StringSchema extends Schema.Schema.Type<typeof StringSchema> {}

/**
 * A number field of an elicitation form.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NumberSchema = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("number", "integer"),
  title: /*#__PURE__*/ Schema.optional(Schema.String),
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  minimum: /*#__PURE__*/ Schema.optional(Schema.Number),
  maximum: /*#__PURE__*/ Schema.optional(Schema.Number),
  /** Since 2025-11-25. */
  default: /*#__PURE__*/ Schema.optional(Schema.Number)
}).annotations({ identifier: "NumberSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export interface NumberSchema extends Schema.Schema.Type<typeof NumberSchema> {}

/**
 * A boolean field of an elicitation form.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BooleanSchema = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("boolean"),
  title: /*#__PURE__*/ Schema.optional(Schema.String),
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  default: /*#__PURE__*/ Schema.optional(Schema.Boolean)
}).annotations({ identifier: "BooleanSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BooleanSchema extends Schema.Schema.Type<typeof BooleanSchema> {}

const EnumOption = /*#__PURE__*/ Schema.Struct({
  /** The value. */
  const: Schema.String,
  /** Its display label. */
  title: Schema.String
})

/**
 * A single choice among plain values. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UntitledSingleSelectEnumSchema = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("string"),
  title: /*#__PURE__*/ Schema.optional(Schema.String),
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  enum: /*#__PURE__*/ Schema.Array(Schema.String),
  default: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "UntitledSingleSelectEnumSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UntitledSingleSelectEnumSchema extends Schema.Schema.Type<typeof UntitledSingleSelectEnumSchema> {}

/**
 * A single choice among labelled values. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TitledSingleSelectEnumSchema = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("string"),
  title: /*#__PURE__*/ Schema.optional(Schema.String),
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  oneOf: /*#__PURE__*/ Schema.Array(EnumOption),
  default: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "TitledSingleSelectEnumSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TitledSingleSelectEnumSchema extends Schema.Schema.Type<typeof TitledSingleSelectEnumSchema> {}

/**
 * A single-choice field. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SingleSelectEnumSchema = /*#__PURE__*/ Schema.Union(
  TitledSingleSelectEnumSchema,
  UntitledSingleSelectEnumSchema
)
  .annotations({ identifier: "SingleSelectEnumSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export type SingleSelectEnumSchema = typeof SingleSelectEnumSchema.Type

/** The fields both kinds of multiple-choice field share. */
const multiSelectFields = {
  type: /*#__PURE__*/ Schema.Literal("array"),
  title: /*#__PURE__*/ Schema.optional(Schema.String),
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  minItems: /*#__PURE__*/ Schema.optional(Schema.Number),
  maxItems: /*#__PURE__*/ Schema.optional(Schema.Number)
}

/**
 * Several choices among plain values. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UntitledMultiSelectEnumSchema = /*#__PURE__*/ Schema.Struct({
  ...multiSelectFields,
  items: /*#__PURE__*/ Schema.Struct({
    type: /*#__PURE__*/ Schema.Literal("string"),
    enum: /*#__PURE__*/ Schema.Array(Schema.String)
  }),
  default: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Schema.String))
}).annotations({ identifier: "UntitledMultiSelectEnumSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UntitledMultiSelectEnumSchema extends Schema.Schema.Type<typeof UntitledMultiSelectEnumSchema> {}

/**
 * Several choices among labelled values. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TitledMultiSelectEnumSchema = /*#__PURE__*/ Schema.Struct({
  ...multiSelectFields,
  items: /*#__PURE__*/ Schema.Struct({
    anyOf: /*#__PURE__*/ Schema.Array(EnumOption)
  }),
  default: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Schema.String))
}).annotations({ identifier: "TitledMultiSelectEnumSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TitledMultiSelectEnumSchema extends Schema.Schema.Type<typeof TitledMultiSelectEnumSchema> {}

/**
 * A multiple-choice field. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MultiSelectEnumSchema = /*#__PURE__*/ Schema.Union(
  UntitledMultiSelectEnumSchema,
  TitledMultiSelectEnumSchema
)
  .annotations({ identifier: "MultiSelectEnumSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export type MultiSelectEnumSchema = typeof MultiSelectEnumSchema.Type

/**
 * A single choice with `enumNames` labels: the 2025-06-18 `EnumSchema`, deprecated in favour of
 * `TitledSingleSelectEnumSchema`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LegacyTitledEnumSchema = /*#__PURE__*/ Schema.Struct({
  type: /*#__PURE__*/ Schema.Literal("string"),
  title: /*#__PURE__*/ Schema.optional(Schema.String),
  description: /*#__PURE__*/ Schema.optional(Schema.String),
  enum: /*#__PURE__*/ Schema.Array(Schema.String),
  /** Display names, one per `enum` value. */
  enumNames: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Schema.String)),
  /** Since 2025-11-25. */
  default: /*#__PURE__*/ Schema.optional(Schema.String)
}).annotations({ identifier: "LegacyTitledEnumSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export interface LegacyTitledEnumSchema extends Schema.Schema.Type<typeof LegacyTitledEnumSchema> {}

// Members that share `type: "string"` are tried in order and decoding drops undeclared keys, so the schemas with
// more keys come first: `LegacyTitledEnumSchema` before `UntitledSingleSelectEnumSchema` (else `enumNames` would be
// lost), and every enum before `StringSchema` (else `enum`/`oneOf` would be lost).

/**
 * Any enumeration field of an elicitation form.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EnumSchema = /*#__PURE__*/ Schema.Union(
  TitledSingleSelectEnumSchema,
  LegacyTitledEnumSchema,
  UntitledSingleSelectEnumSchema,
  UntitledMultiSelectEnumSchema,
  TitledMultiSelectEnumSchema
).annotations({ identifier: "EnumSchema" })

/**
 * @since 0.1.0
 * @category models
 */
export type EnumSchema = typeof EnumSchema.Type

/**
 * A field of an elicitation form: flat, primitive values only.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PrimitiveSchemaDefinition = /*#__PURE__*/ Schema.Union(
  TitledSingleSelectEnumSchema,
  LegacyTitledEnumSchema,
  UntitledSingleSelectEnumSchema,
  UntitledMultiSelectEnumSchema,
  TitledMultiSelectEnumSchema,
  StringSchema,
  NumberSchema,
  BooleanSchema
).annotations({ identifier: "PrimitiveSchemaDefinition" })

/**
 * @since 0.1.0
 * @category models
 */
export type PrimitiveSchemaDefinition = typeof PrimitiveSchemaDefinition.Type

/**
 * Params of a form-mode `elicitation/create` (the only mode before 2025-11-25).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ElicitRequestFormParams = /*#__PURE__*/ Schema.Struct({
  ...TaskAugmentedRequestParams.fields,
  /** Since 2025-11-25; absent means form mode. */
  mode: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Literal("form")),
  /** What is asked of the user. */
  message: Schema.String,
  /** The form: a flat JSON Schema object. */
  requestedSchema: /*#__PURE__*/ Schema.Struct({
    /** Since 2025-11-25. */
    $schema: /*#__PURE__*/ Schema.optional(Schema.String),
    type: /*#__PURE__*/ Schema.Literal("object"),
    properties: /*#__PURE__*/ Schema.Record({ key: Schema.String, value: PrimitiveSchemaDefinition }),
    required: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Array(Schema.String))
  })
}).annotations({ identifier: "ElicitRequestFormParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ElicitRequestFormParams extends Schema.Schema.Type<typeof ElicitRequestFormParams> {}

/**
 * Params of a URL-mode `elicitation/create`: the user continues out of band. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ElicitRequestURLParams = /*#__PURE__*/ Schema.Struct({
  ...TaskAugmentedRequestParams.fields,
  mode: /*#__PURE__*/ Schema.Literal("url"),
  /** Why the user should open the URL. */
  message: Schema.String,
  /** Unique within the server; opaque to the client. */
  elicitationId: Schema.String,
  url: Schema.String
}).annotations({ identifier: "ElicitRequestURLParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ElicitRequestURLParams extends Schema.Schema.Type<typeof ElicitRequestURLParams> {}

/**
 * Params of `elicitation/create`, either mode.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ElicitRequestParams = /*#__PURE__*/ Schema.Union(ElicitRequestURLParams, ElicitRequestFormParams)
  .annotations({ identifier: "ElicitRequestParams" })

/**
 * @since 0.1.0
 * @category models
 */
export type ElicitRequestParams = typeof ElicitRequestParams.Type

/**
 * The server asks the user for information, through the client. Since 2025-06-18.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ElicitRequest = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("elicitation/create"),
  params: ElicitRequestParams
}).annotations({ identifier: "ElicitRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ElicitRequest extends Schema.Schema.Type<typeof ElicitRequest> {}

/**
 * The answer to `elicitation/create`. Since 2025-06-18.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ElicitResult = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  /** Submitted, explicitly declined, or dismissed. */
  action: /*#__PURE__*/ Schema.Literal("accept", "decline", "cancel"),
  /** The form's values: only for an accepted form-mode request (string arrays since 2025-11-25). */
  content: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.Record({
    key: Schema.String,
    value: /*#__PURE__*/ Schema.Union(
      Schema.String,
      Schema.Number,
      Schema.Boolean,
      /*#__PURE__*/ Schema.Array(Schema.String)
    )
  }))
}).annotations({ identifier: "ElicitResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ElicitResult extends Schema.Schema.Type<typeof ElicitResult> {}

/**
 * Params of `notifications/elicitation/complete`. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ElicitationCompleteNotificationParams = /*#__PURE__*/ Schema.Struct({
  _meta: Meta,
  elicitationId: Schema.String
}).annotations({ identifier: "ElicitationCompleteNotificationParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ElicitationCompleteNotificationParams
  extends Schema.Schema.Type<typeof ElicitationCompleteNotificationParams>
{}

/**
 * A URL-mode elicitation finished. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ElicitationCompleteNotification = /*#__PURE__*/ Schema.Struct({
  method: /*#__PURE__*/ Schema.Literal("notifications/elicitation/complete"),
  params: ElicitationCompleteNotificationParams
}).annotations({ identifier: "ElicitationCompleteNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ElicitationCompleteNotification extends Schema.Schema.Type<typeof ElicitationCompleteNotification> {}

/**
 * An error response asking for URL-mode elicitations before a retry. Since 2025-11-25.
 *
 * @since 0.1.0
 * @category schemas
 */
export const URLElicitationRequiredError = /*#__PURE__*/ Schema.Struct({
  jsonrpc: JsonRpcVersion,
  id: /*#__PURE__*/ Schema.optional(/*#__PURE__*/ Schema.NullOr(RequestId)),
  error: /*#__PURE__*/ Schema.Struct({
    code: /*#__PURE__*/ Schema.Literal(URL_ELICITATION_REQUIRED),
    message: Schema.String,
    data: /*#__PURE__*/ Schema.Struct({
      elicitations: /*#__PURE__*/ Schema.Array(ElicitRequestURLParams)
    }, JsonObject)
  })
}).annotations({ identifier: "URLElicitationRequiredError" })

/**
 * @since 0.1.0
 * @category models
 */
export interface URLElicitationRequiredError extends Schema.Schema.Type<typeof URLElicitationRequiredError> {}

// -------------------------------------------------------------------------------------------------
// Messages by direction
// -------------------------------------------------------------------------------------------------

/**
 * Any request a client sends.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClientRequest = /*#__PURE__*/ Schema.Union(
  PingRequest,
  InitializeRequest,
  CompleteRequest,
  SetLevelRequest,
  GetPromptRequest,
  ListPromptsRequest,
  ListResourcesRequest,
  ListResourceTemplatesRequest,
  ReadResourceRequest,
  SubscribeRequest,
  UnsubscribeRequest,
  CallToolRequest,
  ListToolsRequest,
  GetTaskRequest,
  GetTaskPayloadRequest,
  ListTasksRequest,
  CancelTaskRequest
).annotations({ identifier: "ClientRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export type ClientRequest = typeof ClientRequest.Type

/**
 * Any notification a client sends.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClientNotification = /*#__PURE__*/ Schema.Union(
  CancelledNotification,
  ProgressNotification,
  InitializedNotification,
  RootsListChangedNotification,
  TaskStatusNotification
).annotations({ identifier: "ClientNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export type ClientNotification = typeof ClientNotification.Type

/**
 * Any result a client sends. Results do not name their kind, so decoding takes the first member that fits: decode
 * with the schema of the request's method instead.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClientResult = /*#__PURE__*/ Schema.Union(
  CreateMessageResult,
  ListRootsResult,
  ElicitResult,
  ListTasksResult,
  CreateTaskResult,
  GetTaskResult,
  CancelTaskResult,
  GetTaskPayloadResult,
  EmptyResult
).annotations({ identifier: "ClientResult" })

/**
 * @since 0.1.0
 * @category models
 */
export type ClientResult = typeof ClientResult.Type

/**
 * Any request a server sends.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ServerRequest = /*#__PURE__*/ Schema.Union(
  PingRequest,
  CreateMessageRequest,
  ListRootsRequest,
  ElicitRequest,
  GetTaskRequest,
  GetTaskPayloadRequest,
  ListTasksRequest,
  CancelTaskRequest
).annotations({ identifier: "ServerRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export type ServerRequest = typeof ServerRequest.Type

/**
 * Any notification a server sends.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ServerNotification = /*#__PURE__*/ Schema.Union(
  CancelledNotification,
  ProgressNotification,
  LoggingMessageNotification,
  ResourceUpdatedNotification,
  ResourceListChangedNotification,
  ToolListChangedNotification,
  PromptListChangedNotification,
  ElicitationCompleteNotification,
  TaskStatusNotification
).annotations({ identifier: "ServerNotification" })

/**
 * @since 0.1.0
 * @category models
 */
export type ServerNotification = typeof ServerNotification.Type

/**
 * Any result a server sends. Results do not name their kind, so decoding takes the first member that fits: decode
 * with the schema of the request's method instead.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ServerResult = /*#__PURE__*/ Schema.Union(
  InitializeResult,
  CompleteResult,
  GetPromptResult,
  ListPromptsResult,
  ListResourceTemplatesResult,
  ListResourcesResult,
  ReadResourceResult,
  CallToolResult,
  ListToolsResult,
  ListTasksResult,
  CreateTaskResult,
  GetTaskResult,
  CancelTaskResult,
  GetTaskPayloadResult,
  EmptyResult
).annotations({ identifier: "ServerResult" })

/**
 * @since 0.1.0
 * @category models
 */
export type ServerResult = typeof ServerResult.Type
