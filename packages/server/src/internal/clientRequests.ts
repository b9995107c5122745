/**
 * The requests a session sends to its client (sampling, elicitation, roots, ping), matched with their answers by id.
 *
 * An entry is registered and its clean-up attached in one uninterruptible step, so no interruption (a cancelled
 * handler, a timeout, the end of the conversation) can leave an entry behind.
 */
import * as Deferred from "effect/Deferred"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import * as JsonRpc from "../JsonRpc.js"
import { McpClientError } from "../McpClientError.js"
import type * as McpSchema from "../McpSchema.js"
import { formatParseError } from "./errors.js"

/** How a request's message goes out: the session's own send, with the request it belongs to (for HTTP streams). */
export type Send = (message: JsonRpc.Message, relatedRequestId?: JsonRpc.RequestId) => Effect.Effect<void>

export interface RequestOptions {
  readonly relatedRequestId?: JsonRpc.RequestId | undefined
  readonly timeout: Duration.DurationInput
  readonly onProgress?: ((progress: McpSchema.ProgressNotificationParams) => Effect.Effect<void>) | undefined
}

interface Entry {
  readonly method: string
  readonly deferred: Deferred.Deferred<unknown, McpClientError>
  readonly onProgress: ((progress: McpSchema.ProgressNotificationParams) => Effect.Effect<void>) | undefined
}

export interface ClientRequests {
  /** Sends a request and waits for its result, decoded by `schema`. */
  readonly request: <A, I>(
    method: string,
    params: JsonRpc.Params | undefined,
    schema: Schema.Schema<A, I>,
    options: RequestOptions
  ) => Effect.Effect<A, McpClientError>
  /** Hands the client's answer to the request waiting for it; an answer nobody waits for is dropped. */
  readonly resolve: (response: JsonRpc.Response) => Effect.Effect<void>
  /** Hands the client's progress on a request to that request's `onProgress`. */
  readonly progressed: (progress: McpSchema.ProgressNotificationParams) => Effect.Effect<void>
  /** Fails every request still waiting: the conversation ended. */
  readonly disconnect: Effect.Effect<void>
  /** How many requests are waiting for an answer. */
  readonly waiting: () => number
}

const clientError = (
  method: string,
  reason: McpClientError["reason"],
  message: string,
  extra?: { readonly code: number; readonly data?: unknown }
) => new McpClientError({ method, reason, message, ...extra })

export const make = (send: Send): ClientRequests => {
  const entries = new Map<JsonRpc.RequestId, Entry>()
  let nextId = 0

  const request = <A, I>(
    method: string,
    params: JsonRpc.Params | undefined,
    schema: Schema.Schema<A, I>,
    options: RequestOptions
  ): Effect.Effect<A, McpClientError> =>
    Effect.uninterruptibleMask((restore) =>
      Effect.flatMap(Deferred.make<unknown, McpClientError>(), (deferred) => {
        const id = `mcp-effect-${++nextId}`
        const { onProgress } = options
        const sent = onProgress === undefined
          ? params
          : { ...params, _meta: { ...(Predicate.isRecord(params?._meta) ? params._meta : {}), progressToken: id } }
        entries.set(id, { method, deferred, onProgress })
        const answered = Effect.zipRight(
          send(JsonRpc.request(id, method, sent), options.relatedRequestId),
          Deferred.await(deferred)
        ).pipe(
          Effect.timeoutFail({
            duration: options.timeout,
            onTimeout: () => clientError(method, "Timeout", `The client did not answer "${method}" in time`)
          }),
          Effect.tapError((error) =>
            error.reason === "Timeout"
              ? send(JsonRpc.notification("notifications/cancelled", { requestId: id, reason: "timeout" }))
              : Effect.void
          )
        )
        return restore(answered).pipe(
          Effect.ensuring(Effect.sync(() => entries.delete(id))),
          Effect.flatMap((result) =>
            Effect.mapError(
              Schema.decodeUnknown(schema)(result),
              (error) =>
                clientError(method, "InvalidResponse", `Invalid result for "${method}": ${formatParseError(error)}`)
            )
          )
        )
      })
    )

  return {
    request,
    resolve: (response) =>
      Effect.suspend(() => {
        const entry = response.id === null ? undefined : entries.get(response.id)
        if (entry === undefined) {
          return Effect.void
        }
        return "error" in response
          ? Deferred.fail(
            entry.deferred,
            clientError(entry.method, "ErrorResponse", response.error.message, {
              code: response.error.code,
              data: response.error.data
            })
          )
          : Deferred.succeed(entry.deferred, response.result)
      }).pipe(Effect.asVoid),
    progressed: (progress) =>
      Effect.suspend(() => {
        const entry = typeof progress.progressToken === "string" ? entries.get(progress.progressToken) : undefined
        return entry?.onProgress?.(progress) ?? Effect.void
      }),
    disconnect: Effect.suspend(() =>
      Effect.forEach(
        [...entries.values()],
        ({ deferred, method }) =>
          Deferred.fail(deferred, clientError(method, "Disconnected", "The conversation with the client ended")),
        { discard: true }
      )
    ),
    waiting: () => entries.size
  }
}
