import { describe, expect, it } from "@effect/vitest"
import { JsonRpc, McpSession, McpTool, McpTransport } from "@mcp-effect/server"
import {
  Console,
  Deferred,
  Effect,
  Fiber,
  Layer,
  Logger,
  LogLevel,
  Mailbox,
  Predicate,
  Queue,
  Schedule,
  Schema
} from "effect"
import { PassThrough, Writable } from "node:stream"
import { NodeMcpStdio } from "../src/index.js"
import * as StderrConsole from "../src/internal/stderrConsole.js"
import { countdown, countdownOf3, describe as describeMessage } from "./fixtures/countdown.js"

interface Probe {
  readonly started: Deferred.Deferred<void>
  readonly interrupted: Deferred.Deferred<void>
}

const makeTemplate = (probe: Probe): Layer.Layer<McpSession.Template> =>
  McpSession.layerTemplate({ name: "t", version: "1" }).pipe(
    McpSession.withTools(
      McpTool.make("echo", {
        input: Schema.Struct({ text: Schema.String }),
        handler: ({ text }) => Effect.succeed(text)
      }),
      countdown,
      McpTool.make("hang", {
        input: Schema.Struct({}),
        handler: () =>
          Deferred.succeed(probe.started, undefined).pipe(
            Effect.zipRight(Effect.never),
            Effect.onInterrupt(() => Deferred.succeed(probe.interrupted, undefined))
          )
      })
    )
  )

/** A client on the other end of two pipes: writes lines to the server's stdin, reads lines from its stdout. */
const connect = (options?: { readonly maxMessageBytes?: number }) =>
  Effect.gen(function*() {
    const probe: Probe = { started: yield* Deferred.make<void>(), interrupted: yield* Deferred.make<void>() }
    const stdin = new PassThrough()
    const stdout = new PassThrough()
    const lines = yield* Queue.unbounded<{ readonly id?: unknown }>()
    let buffer = ""
    stdout.setEncoding("utf8")
    stdout.on("data", (text: string) => {
      buffer += text
      let newline = buffer.indexOf("\n")
      while (newline !== -1) {
        Queue.unsafeOffer(lines, JSON.parse(buffer.slice(0, newline)))
        buffer = buffer.slice(newline + 1)
        newline = buffer.indexOf("\n")
      }
    })
    const session = yield* McpSession.live.pipe(Effect.provide(makeTemplate(probe)))
    const server = yield* NodeMcpStdio.run(session, { stdin, stdout, ...options }).pipe(Effect.forkScoped)
    const write = (text: string) => Effect.sync(() => stdin.write(text))
    const send = (message: unknown) => write(`${JSON.stringify(message)}\n`)
    const next = Queue.take(lines).pipe(Effect.timeoutFail({ duration: "5 seconds", onTimeout: () => "no answer" }))
    const request = (id: number, method: string, params?: JsonRpc.Params) =>
      Effect.zipRight(send(JsonRpc.request(id, method, params)), next)
    const initialize = Effect.gen(function*() {
      const answer = yield* request(1, "initialize", {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "test", version: "1" }
      })
      yield* send(JsonRpc.notification("notifications/initialized"))
      return answer
    })
    return { probe, stdin, stdout, server, write, send, next, request, initialize }
  })

// `scopedLive`: real time, so the timeouts below can fire instead of hanging the test.
describe("NodeMcpStdio", () => {
  it.scopedLive("serves initialize, tools/list and tools/call over the streams", () =>
    Effect.gen(function*() {
      const client = yield* connect()
      expect(yield* client.initialize).toMatchObject({
        jsonrpc: "2.0",
        id: 1,
        result: { serverInfo: { name: "t", version: "1" }, protocolVersion: "2025-06-18" }
      })
      expect(yield* client.request(2, "tools/list")).toMatchObject({
        id: 2,
        result: { tools: [{ name: "echo" }, { name: "countdown" }, { name: "hang" }] }
      })
      expect(yield* client.request(3, "tools/call", { name: "echo", arguments: { text: "hi" } })).toEqual({
        jsonrpc: "2.0",
        id: 3,
        result: { content: [{ type: "text", text: "hi" }] }
      })
    }))

  it.scopedLive("writes a request's log lines in order with its progress, all before its result", () =>
    Effect.gen(function*() {
      const client = yield* connect()
      yield* client.initialize
      yield* client.request(2, "logging/setLevel", { level: "info" })
      yield* client.send(JsonRpc.request(3, "tools/call", {
        name: "countdown",
        arguments: { from: 3 },
        _meta: { progressToken: "t" }
      }))
      const seen: Array<string> = []
      while (seen.at(-1) !== "result") seen.push(describeMessage(yield* client.next))
      expect(seen).toEqual(countdownOf3)
    }))

  it.scopedLive("writes concurrent large responses whole, one line each", () =>
    Effect.gen(function*() {
      const client = yield* connect()
      yield* client.initialize
      const text = (id: number) => `${id}:${"x".repeat(200_000)}`
      const ids = Array.from({ length: 20 }, (_, i) => i + 10)
      for (const id of ids) {
        yield* client.send(JsonRpc.request(id, "tools/call", { name: "echo", arguments: { text: text(id) } }))
      }
      // `connect` parses every line: a torn or interleaved message would fail here.
      const answers = yield* Effect.forEach(ids, () => client.next)
      expect(answers.map((answer) => answer.id).sort()).toEqual(ids)
      for (const answer of answers) {
        expect(answer).toEqual({
          jsonrpc: "2.0",
          id: answer.id,
          result: { content: [{ type: "text", text: text(Number(answer.id)) }] }
        })
      }
    }))

  it.scopedLive("answers malformed JSON with −32700 and id null, then serves the next request", () =>
    Effect.gen(function*() {
      const client = yield* connect()
      yield* client.initialize
      yield* client.write("{\"jsonrpc\": \"2.0\", \"id\": 2,\n")
      expect(yield* client.next).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: JsonRpc.PARSE_ERROR } })
      expect(yield* client.request(3, "ping")).toEqual({ jsonrpc: "2.0", id: 3, result: {} })
    }))

  it.scopedLive("answers an oversized line with −32600 and keeps serving", () =>
    Effect.gen(function*() {
      const client = yield* connect({ maxMessageBytes: 1024 })
      yield* client.initialize
      const big = JSON.stringify(
        JsonRpc.request(2, "tools/call", { name: "echo", arguments: { text: "x".repeat(5000) } })
      )
      // In pieces, as a pipe would deliver it.
      for (let i = 0; i < big.length; i += 700) {
        yield* client.write(big.slice(i, i + 700))
      }
      yield* client.write("\n")
      expect(yield* client.next).toEqual({
        jsonrpc: "2.0",
        id: null,
        error: { code: JsonRpc.INVALID_REQUEST, message: "Invalid request: message exceeds the 1024-byte limit" }
      })
      expect(yield* client.request(3, "tools/call", { name: "echo", arguments: { text: "small" } })).toMatchObject({
        id: 3,
        result: { content: [{ type: "text", text: "small" }] }
      })
    }))

  it.scopedLive("ends run when stdin ends, interrupting a call in flight and running its finalizers", () =>
    Effect.gen(function*() {
      const client = yield* connect()
      yield* client.initialize
      yield* client.send(JsonRpc.request(2, "tools/call", { name: "hang", arguments: {} }))
      yield* Deferred.await(client.probe.started)
      client.stdin.end()
      const exit = yield* Fiber.await(client.server).pipe(Effect.timeout("5 seconds"))
      expect(exit._tag).toBe("Success")
      expect(yield* Deferred.isDone(client.probe.interrupted)).toBe(true)
    }))

  it.scopedLive("treats a broken stdout as the client gone: run ends and nothing throws", () =>
    Effect.gen(function*() {
      const client = yield* connect()
      yield* client.initialize
      client.stdout.destroy(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))
      // A response to write after the break: it is dropped, not thrown.
      yield* client.send(JsonRpc.request(2, "ping"))
      const exit = yield* Fiber.await(client.server).pipe(Effect.timeout("5 seconds"))
      expect(exit._tag).toBe("Success")
    }))

  it.scopedLive("serve copies a session from the template and completes at EOF", () =>
    Effect.gen(function*() {
      const probe: Probe = { started: yield* Deferred.make<void>(), interrupted: yield* Deferred.make<void>() }
      const stdin = new PassThrough()
      const stdout = new PassThrough()
      const output: Array<string> = []
      stdout.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")))
      stdin.end(`${JSON.stringify(JsonRpc.request(1, "ping"))}\n`)
      yield* NodeMcpStdio.serve({ stdin, stdout }).pipe(
        Effect.provide(makeTemplate(probe)),
        Effect.timeout("5 seconds")
      )
      // The ping may or may not have been answered before EOF ended the conversation; what was written is whole.
      for (const line of output.join("").split("\n").filter((l) => l !== "")) {
        expect(JSON.parse(line)).toEqual({ jsonrpc: "2.0", id: 1, result: {} })
      }
    }))

  it.scopedLive("answers a response that cannot be serialized with −32603 instead of dropping it", () =>
    Effect.gen(function*() {
      const stdout = new PassThrough()
      const transport = yield* NodeMcpStdio.make({ stdin: new PassThrough(), stdout })
      // Quiet: the error log it writes is expected.
      yield* transport.send(JsonRpc.success(7, { count: BigInt(1) })).pipe(Logger.withMinimumLogLevel(LogLevel.None))
      // It is written a moment later, with whatever else was sent meanwhile.
      const line = yield* Effect.sync((): unknown => stdout.read()).pipe(
        Effect.filterOrFail((chunk) => chunk !== null, () => "nothing written yet"),
        Effect.retry(Schedule.spaced("5 millis"))
      )
      expect(JSON.parse(String(line))).toEqual({
        jsonrpc: "2.0",
        id: 7,
        error: { code: JsonRpc.INTERNAL_ERROR, message: "Internal error: the response could not be serialized" }
      })
    }))

  it.scopedLive("writes messages sent together in one write, and waits while a client that stops reading is behind", () =>
    Effect.gen(function*() {
      let writes = 0
      const stdout = new PassThrough({ highWaterMark: 1024 })
      const original = stdout._write.bind(stdout)
      stdout._write = (chunk, encoding, callback) => {
        writes++
        original(chunk, encoding, callback)
      }
      const transport = yield* NodeMcpStdio.make({ stdin: new PassThrough(), stdout })
      // Nobody reads stdout: the first messages fill its buffer past the high-water mark.
      const big = "x".repeat(600)
      yield* Effect.forEach([1, 2, 3], (id) => transport.send(JsonRpc.success(id, { big })), { discard: true })
      yield* Effect.sleep("20 millis")
      expect(writes).toBe(1)
      const blocked = yield* Effect.fork(transport.send(JsonRpc.success(4, { big })))
      yield* Effect.sleep("20 millis")
      expect(blocked.unsafePoll()).toBeNull()
      // Reading drains it, and the waiting send goes on.
      stdout.on("data", () => {})
      yield* Fiber.join(blocked).pipe(Effect.timeout("5 seconds"))
    }))

  it.scopedLive("pauses stdin while a flood waits, and hands every frame over in order, then the end", () =>
    Effect.gen(function*() {
      const stdin = new PassThrough()
      const transport = yield* NodeMcpStdio.make({ stdin, stdout: new PassThrough() })
      const incoming = transport.incoming
      if (!Mailbox.isReadonlyMailbox<McpTransport.Frame, McpTransport.TransportError>(incoming)) {
        return yield* Effect.die("stdio hands the engine a mailbox")
      }
      const count = 3000
      stdin.end(Array.from({ length: count }, (_, i) => `${JSON.stringify(JsonRpc.request(i, "ping"))}\n`).join(""))
      // Nothing takes frames yet: reading pauses once the mailbox is full.
      yield* Effect.sleep("50 millis")
      expect(stdin.isPaused()).toBe(true)
      const ids: Array<unknown> = []
      let done = false
      while (!done) {
        const [chunk, end] = yield* incoming.takeAll
        for (const frame of chunk) {
          ids.push(frame._tag === "Json" && Predicate.isRecord(frame.value) ? frame.value.id : frame._tag)
        }
        done = end
      }
      expect(ids).toEqual(Array.from({ length: count }, (_, i) => i))
    }).pipe(Effect.timeout("10 seconds")))

  it.effect("the stderr console carries Effect's logs and Console.log, not stdout", () =>
    Effect.gen(function*() {
      const written: Array<string> = []
      const stderr = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          written.push(chunk.toString("utf8"))
          callback()
        }
      })
      yield* Effect.log("a log line").pipe(
        Effect.zipRight(Console.log("a console line")),
        // The built-in loggers (`it.effect` removes them) print through the Console service.
        Effect.provide(Layer.mergeAll(
          Logger.add(Logger.defaultLogger),
          Logger.add(Logger.prettyLoggerDefault),
          Console.setConsole(StderrConsole.make(stderr))
        ))
      )
      expect(written.join("").split("a log line").length - 1).toBe(2)
      expect(written.join("")).toContain("a console line")
    }))
})
