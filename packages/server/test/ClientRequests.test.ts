import { describe, expect, it } from "@effect/vitest"
import { JsonRpc } from "@mcp-effect/server"
import { Deferred, Effect, Fiber, Schema, TestClock } from "effect"
import * as ClientRequests from "../src/internal/clientRequests.js"

const Empty = Schema.Struct({})

/** A transport that records what it sends; `sentCount(n)` waits until n messages went out. */
const recording = () => {
  const sent: Array<JsonRpc.Message> = []
  const idOf = (index: number): JsonRpc.RequestId => {
    const message = sent[index]
    if (message === undefined || !("id" in message) || message.id === null) throw new Error(`no request at ${index}`)
    return message.id
  }
  return {
    sent,
    idOf,
    send: (message: JsonRpc.Message) => Effect.sync(() => void sent.push(message)),
    sentCount: (n: number) => Effect.repeat(Effect.sync(() => sent.length), { until: (length) => length >= n })
  }
}

describe("requests to the client", () => {
  it.effect("an interruption while the request is still being sent leaves no entry behind", () =>
    Effect.gen(function*() {
      const sending = yield* Deferred.make<void>()
      // A transport that never finishes writing: the request is registered, then stuck in `send`.
      const requests = ClientRequests.make(() => Effect.zipRight(Deferred.succeed(sending, undefined), Effect.never))
      const fiber = yield* Effect.fork(requests.request("ping", undefined, Empty, { timeout: "1 minute" }))
      yield* Deferred.await(sending)
      expect(requests.waiting()).toBe(1)
      yield* Fiber.interrupt(fiber)
      expect(requests.waiting()).toBe(0)
    }))

  it.effect("an answer, a timeout and the end of the conversation each free the entry", () =>
    Effect.gen(function*() {
      const { idOf, send, sent, sentCount } = recording()
      const requests = ClientRequests.make(send)
      const answered = yield* Effect.fork(requests.request("ping", undefined, Empty, { timeout: "1 minute" }))
      yield* sentCount(1)
      expect(sent[0]).toMatchObject({ method: "ping" })
      yield* requests.resolve({ jsonrpc: "2.0", id: idOf(0), result: {} })
      expect(yield* Fiber.join(answered)).toEqual({})

      const timedOut = yield* Effect.fork(requests.request("roots/list", undefined, Empty, { timeout: "1 second" }))
      yield* sentCount(2)
      yield* TestClock.adjust("2 seconds")
      expect(yield* Effect.flip(Fiber.join(timedOut))).toMatchObject({ reason: "Timeout", method: "roots/list" })
      expect(sent.at(-1)).toMatchObject({ method: "notifications/cancelled" })

      const dropped = yield* Effect.fork(
        requests.request("sampling/createMessage", undefined, Empty, { timeout: "1 minute" })
      )
      yield* sentCount(4)
      yield* requests.disconnect
      expect(yield* Effect.flip(Fiber.join(dropped))).toMatchObject({
        reason: "Disconnected",
        method: "sampling/createMessage"
      })
      expect(requests.waiting()).toBe(0)
    }))

  it.effect("an error answer names the method it answers", () =>
    Effect.gen(function*() {
      const { idOf, send, sentCount } = recording()
      const requests = ClientRequests.make(send)
      const fiber = yield* Effect.fork(requests.request("roots/list", undefined, Empty, { timeout: "1 minute" }))
      yield* sentCount(1)
      yield* requests.resolve({
        jsonrpc: "2.0",
        id: idOf(0),
        error: { code: -32601, message: "no roots here" }
      })
      expect(yield* Effect.flip(Fiber.join(fiber))).toMatchObject({
        reason: "ErrorResponse",
        method: "roots/list",
        code: -32601,
        message: "no roots here"
      })
      expect(requests.waiting()).toBe(0)
    }))
})
