/**
 * The seam between bytes and the protocol engine. A transport owns framing (newline-delimited JSON, HTTP bodies, an
 * in-memory queue); the engine sees only decoded JSON values and produces JSON-RPC messages to send back.
 *
 * @since 0.1.0
 */
import type * as Context from "effect/Context"
import * as Data from "effect/Data"
import type * as Effect from "effect/Effect"
import type * as Mailbox from "effect/Mailbox"
import type * as Stream from "effect/Stream"
import * as JsonRpc from "./JsonRpc.js"

/**
 * One unit received from the peer: a parsed JSON value (a message, or an array for a batch), or a frame the transport
 * could not parse, with the error to answer it with. A transport may attach services describing where the frame came
 * from (the HTTP request, say); handlers and middleware see them as `McpRequest.transport`.
 *
 * @since 0.1.0
 * @category models
 */
export type Frame =
  | { readonly _tag: "Json"; readonly value: unknown; readonly context?: Context.Context<never> }
  | { readonly _tag: "Malformed"; readonly error: JsonRpc.McpError }

/**
 * @since 0.1.0
 * @category constructors
 */
export const json = (value: unknown, context?: Context.Context<never>): Frame =>
  context === undefined ? { _tag: "Json", value } : { _tag: "Json", value, context }

/**
 * @since 0.1.0
 * @category constructors
 */
export const malformed = (error: JsonRpc.McpError): Frame => ({ _tag: "Malformed", error })

/**
 * Parses one text frame. Bad JSON becomes a `Malformed` frame answered with −32700, so a peer's mistake never ends
 * the conversation.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseFrame = (text: string): Frame => {
  try {
    return json(JSON.parse(text))
  } catch (e) {
    return malformed(JsonRpc.McpError.parseError(`Parse error: ${e instanceof Error ? e.message : String(e)}`))
  }
}

/**
 * A failure of the transport itself (the pipe broke, the socket closed with an error). It ends the conversation;
 * protocol errors never do.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Data.TaggedError("TransportError")<{
  readonly message: string
  readonly cause?: unknown
}> {}

/**
 * Where an outgoing message belongs. A message sent while a request is being handled (progress, a log line, a request
 * to the client) names that request, so a transport with a channel per request (Streamable HTTP) can put it there.
 *
 * @since 0.1.0
 * @category models
 */
export interface SendOptions {
  readonly relatedRequestId?: JsonRpc.RequestId
}

/**
 * A connection to one client: the frames it sends, and a way to send it messages. `incoming` ending means the client
 * has gone: the engine then closes the conversation's scope. Responses go out through `send` too: a transport can
 * route them by their `id`.
 *
 * `incoming` is a `Stream`, or the `Mailbox` a transport fed from callbacks already has: the engine takes from a
 * mailbox directly, which spares each connection a running stream (about 20 KB per idle connection).
 *
 * @since 0.1.0
 * @category models
 */
export interface McpTransport {
  readonly incoming: Stream.Stream<Frame, TransportError> | Mailbox.ReadonlyMailbox<Frame, TransportError>
  readonly send: (message: JsonRpc.Outgoing, options?: SendOptions) => Effect.Effect<void>
}
