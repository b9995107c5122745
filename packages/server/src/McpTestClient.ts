/**
 * An MCP client in memory, for testing servers without a process: it connects to a live session copied from the
 * template in context, sends requests, checks the server's answers against the protocol's Schemas, and collects
 * everything else the server sends (notifications, errors to raw input) for assertions.
 *
 * @example
 * ```ts
 * import { McpTestClient } from "@mcp-effect/server"
 * import { Effect } from "effect"
 *
 * const test = Effect.gen(function*() {
 *   const client = yield* McpTestClient.connect()
 *   const result = yield* client.callTool("echo", { text: "hi" })
 *   // result.content is [{ type: "text", text: "hi" }]
 * })
 * // Provide the application's template layer (with test services) and run it scoped, e.g. with `it.scoped`.
 * ```
 *
 * @since 0.1.0
 */
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Mailbox from "effect/Mailbox"
import * as Queue from "effect/Queue"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as JsonRpc from "./JsonRpc.js"
import * as McpSchema from "./McpSchema.js"
import * as McpServer from "./McpServer.js"
import * as McpSession from "./McpSession.js"
import * as McpTransport from "./McpTransport.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface McpTestClient {
  /** The live session the client is connected to: mutate it to test list changes and isolation. */
  readonly session: McpSession.McpSession
  /** Sends a request; fails with the server's JSON-RPC error. */
  readonly request: (method: string, params?: JsonRpc.Params) => Effect.Effect<unknown, JsonRpc.McpError>
  readonly notify: (method: string, params?: JsonRpc.Params) => Effect.Effect<void>
  /** Sends any JSON value, valid or not; answers arrive in `messages`. */
  readonly send: (value: unknown) => Effect.Effect<void>
  /** Sends a text frame as a transport would receive it; answers arrive in `messages`. */
  readonly sendText: (text: string) => Effect.Effect<void>
  /** Everything the server sent that answers no request of `request`: notifications, answers to raw input. */
  readonly messages: Queue.Dequeue<JsonRpc.Outgoing>
  /** The next of `messages`, waiting for it. */
  readonly nextMessage: Effect.Effect<JsonRpc.Outgoing>
  /** Waits for the next notification with this method, skipping other messages. */
  readonly nextNotification: (method: string) => Effect.Effect<JsonRpc.Notification>
  /** Waits for the server's next request to the client with this method, skipping other messages. */
  readonly nextRequest: (method: string) => Effect.Effect<JsonRpc.Request>
  /** Answers a request of the server. */
  readonly reply: (id: JsonRpc.RequestId, result: unknown) => Effect.Effect<void>
  /** Answers a request of the server with a JSON-RPC error. */
  readonly replyError: (id: JsonRpc.RequestId, error: JsonRpc.McpError) => Effect.Effect<void>
  /** Ends the connection, as a client closing stdin does. */
  readonly close: Effect.Effect<void>

  readonly initialize: (
    params?: Partial<McpSchema.InitializeRequestParams>
  ) => Effect.Effect<McpSchema.InitializeResult, JsonRpc.McpError>
  readonly ping: Effect.Effect<void, JsonRpc.McpError>
  readonly listTools: (cursor?: string) => Effect.Effect<McpSchema.ListToolsResult, JsonRpc.McpError>
  readonly callTool: (
    name: string,
    args?: Readonly<Record<string, unknown>>
  ) => Effect.Effect<McpSchema.CallToolResult, JsonRpc.McpError>
  readonly listPrompts: (cursor?: string) => Effect.Effect<McpSchema.ListPromptsResult, JsonRpc.McpError>
  readonly getPrompt: (
    name: string,
    args?: Readonly<Record<string, string>>
  ) => Effect.Effect<McpSchema.GetPromptResult, JsonRpc.McpError>
  readonly listResources: (cursor?: string) => Effect.Effect<McpSchema.ListResourcesResult, JsonRpc.McpError>
  readonly listResourceTemplates: (
    cursor?: string
  ) => Effect.Effect<McpSchema.ListResourceTemplatesResult, JsonRpc.McpError>
  readonly readResource: (uri: string) => Effect.Effect<McpSchema.ReadResourceResult, JsonRpc.McpError>
  readonly setLogLevel: (level: McpSchema.LoggingLevel) => Effect.Effect<void, JsonRpc.McpError>
}

/**
 * The client's default `initialize` params.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultInitializeParams: McpSchema.InitializeRequestParams = {
  protocolVersion: McpSchema.LATEST_PROTOCOL_VERSION,
  capabilities: {},
  clientInfo: { name: "mcp-effect-test-client", version: "0.0.0" }
}

/**
 * Connects a client to `session` (not yet initialized). The conversation runs until the scope closes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeWith = (session: McpSession.McpSession): Effect.Effect<McpTestClient, never, Scope.Scope> =>
  Effect.gen(function*() {
    const toServer = yield* Mailbox.make<McpTransport.Frame>()
    const messages = yield* Queue.unbounded<JsonRpc.Outgoing>()
    const pending = new Map<JsonRpc.RequestId, Deferred.Deferred<unknown, JsonRpc.McpError>>()
    let nextId = 0

    const deliver = (message: JsonRpc.Message): Effect.Effect<void> => {
      if ("id" in message && !("method" in message) && message.id !== null) {
        const waiting = pending.get(message.id)
        if (waiting !== undefined) {
          pending.delete(message.id)
          return "error" in message
            ? Deferred.fail(waiting, new JsonRpc.McpError(message.error))
            : Deferred.succeed(waiting, message.result)
        }
      }
      return Queue.offer(messages, message)
    }

    const transport: McpTransport.McpTransport = {
      incoming: toServer,
      send: (outgoing) =>
        JsonRpc.isBatch(outgoing)
          // A batch answer is kept whole, for tests of batching, once no request of ours waits on it.
          ? outgoing.some((m) => "id" in m && m.id !== null && pending.has(m.id))
            ? Effect.forEach(outgoing, deliver, { discard: true })
            : Queue.offer(messages, outgoing)
          : deliver(outgoing)
    }
    yield* Effect.forkScoped(McpServer.run(session, transport))
    yield* Effect.addFinalizer(() => toServer.end)

    const request = (method: string, params?: JsonRpc.Params) =>
      Effect.suspend(() => {
        const id = ++nextId
        return Effect.flatMap(Deferred.make<unknown, JsonRpc.McpError>(), (deferred) => {
          pending.set(id, deferred)
          return Effect.zipRight(
            toServer.offer(McpTransport.json(JsonRpc.request(id, method, params))),
            Deferred.await(deferred)
          )
        })
      })

    const typed = <A, I>(schema: Schema.Schema<A, I>) => {
      // The server's answers are checked against the protocol: a malformed result fails the test as a defect.
      const decode = Schema.decodeUnknown(schema)
      return (method: string, params?: JsonRpc.Params) =>
        Effect.flatMap(request(method, params), (result) => Effect.orDie(decode(result)))
    }
    const withCursor = (cursor: string | undefined) => cursor === undefined ? {} : { cursor }

    const nextMessage = Queue.take(messages)
    const nextNotification = (method: string): Effect.Effect<JsonRpc.Notification> =>
      Effect.flatMap(
        nextMessage,
        (message) =>
          !JsonRpc.isBatch(message) && JsonRpc.isNotification(message) && message.method === method
            ? Effect.succeed(message)
            : nextNotification(method)
      )

    const nextRequest = (method: string): Effect.Effect<JsonRpc.Request> =>
      Effect.flatMap(
        nextMessage,
        (message) =>
          !JsonRpc.isBatch(message) && "method" in message && "id" in message && message.method === method
            ? Effect.succeed(message)
            : nextRequest(method)
      )

    const client: McpTestClient = {
      session,
      request,
      notify: (method, params) =>
        Effect.asVoid(toServer.offer(McpTransport.json(JsonRpc.notification(method, params)))),
      send: (value) => Effect.asVoid(toServer.offer(McpTransport.json(value))),
      sendText: (text) => Effect.asVoid(toServer.offer(McpTransport.parseFrame(text))),
      messages,
      nextMessage,
      nextNotification,
      nextRequest,
      reply: (id, result) => Effect.asVoid(toServer.offer(McpTransport.json(JsonRpc.success(id, result)))),
      replyError: (id, error) => Effect.asVoid(toServer.offer(McpTransport.json(JsonRpc.failure(id, error)))),
      close: Effect.asVoid(toServer.end),
      initialize: (params) =>
        typed(McpSchema.InitializeResult)("initialize", { ...defaultInitializeParams, ...params }),
      ping: Effect.asVoid(request("ping")),
      listTools: (cursor) => typed(McpSchema.ListToolsResult)("tools/list", withCursor(cursor)),
      callTool: (name, args) => typed(McpSchema.CallToolResult)("tools/call", { name, arguments: args ?? {} }),
      listPrompts: (cursor) => typed(McpSchema.ListPromptsResult)("prompts/list", withCursor(cursor)),
      getPrompt: (name, args) => typed(McpSchema.GetPromptResult)("prompts/get", { name, arguments: args ?? {} }),
      listResources: (cursor) => typed(McpSchema.ListResourcesResult)("resources/list", withCursor(cursor)),
      listResourceTemplates: (cursor) =>
        typed(McpSchema.ListResourceTemplatesResult)("resources/templates/list", withCursor(cursor)),
      readResource: (uri) => typed(McpSchema.ReadResourceResult)("resources/read", { uri }),
      setLogLevel: (level) => Effect.asVoid(request("logging/setLevel", { level }))
    }
    return client
  })

/**
 * Connects a client to a new live session copied from the template, without initializing.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<McpTestClient, never, McpSession.Template | Scope.Scope> = Effect.flatMap(
  McpSession.live,
  makeWith
)

/**
 * Connects a client to a new live session and completes the handshake (`initialize`, then
 * `notifications/initialized`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const connect = (
  params?: Partial<McpSchema.InitializeRequestParams>
): Effect.Effect<McpTestClient, JsonRpc.McpError, McpSession.Template | Scope.Scope> =>
  Effect.tap(make, (client) =>
    client.initialize(params).pipe(
      Effect.zipRight(client.notify("notifications/initialized")),
      // The server reads a connection's messages in order: once the ping is answered, it has seen `initialized`.
      Effect.zipRight(client.ping)
    ))
