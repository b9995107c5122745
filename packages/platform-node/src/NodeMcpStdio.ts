/**
 * The stdio transport: the server is a child process of its client, reading newline-delimited JSON-RPC on stdin and
 * writing it on stdout.
 *
 * stdout belongs to the protocol: a stray line on it breaks the client's parser. `run`, `serve` and `layer` send
 * Effect's logs (and `Console` output) to stderr while they run; `layerLogger` does it for a whole program.
 *
 * The client ends the conversation by closing stdin. `serve` and `run` then complete, so a program made of them
 * exits, as MCP clients expect of stdio servers.
 *
 * @example
 * ```ts
 * import { NodeMcpStdio } from "@mcp-effect/platform-node"
 * import { McpSession, McpTool } from "@mcp-effect/server"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect, Schema } from "effect"
 *
 * const echo = McpTool.make("echo", {
 *   input: Schema.Struct({ text: Schema.String }),
 *   handler: ({ text }) => Effect.succeed(text)
 * })
 *
 * const Template = McpSession.layerTemplate({ name: "echo", version: "1.0.0" }).pipe(McpSession.withTools(echo))
 *
 * // Serves one client on stdin/stdout; exits with code 0 when the client closes stdin.
 * NodeMcpStdio.serve().pipe(Effect.provide(Template), NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 */
import { JsonRpc, McpServer, McpSession, McpTransport } from "@mcp-effect/server"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Console from "effect/Console"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Mailbox from "effect/Mailbox"
import type * as Scope from "effect/Scope"
import * as Ndjson from "./internal/ndjson.js"
import * as StderrConsole from "./internal/stderrConsole.js"

/**
 * How to reach the client. The streams default to the process's own; tests pass `PassThrough`s.
 *
 * @example
 * ```ts
 * import { NodeMcpStdio } from "@mcp-effect/platform-node"
 * import { PassThrough } from "node:stream"
 *
 * const options: NodeMcpStdio.Options = {
 *   maxMessageBytes: 1024 * 1024,
 *   stdin: new PassThrough(),
 *   stdout: new PassThrough()
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * The longest line accepted, in bytes (default 4 MiB). A longer one is answered with −32600 and dropped as it
   * arrives, without ever being held whole.
   */
  readonly maxMessageBytes?: number | undefined
  readonly stdin?: NodeJS.ReadableStream | undefined
  readonly stdout?: NodeJS.WritableStream | undefined
}

/**
 * The default of `Options.maxMessageBytes`: 4 MiB.
 *
 * @example
 * ```ts
 * import { NodeMcpStdio } from "@mcp-effect/platform-node"
 *
 * const doubled = NodeMcpStdio.make({ maxMessageBytes: 2 * NodeMcpStdio.DEFAULT_MAX_MESSAGE_BYTES })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MAX_MESSAGE_BYTES: number = Ndjson.DEFAULT_MAX_LINE_BYTES

/** An encoded message waiting for stdout. */
interface Line {
  readonly text: string
  readonly notification: boolean
}

/** Joins lines into as few writes as possible, ending a write after each notification. */
const chunksOf = (lines: Iterable<Line>): Array<string> => {
  const chunks: Array<string> = []
  let current = ""
  for (const line of lines) {
    current += line.text
    if (line.notification) {
      chunks.push(current)
      current = ""
    }
  }
  if (current.length > 0) {
    chunks.push(current)
  }
  return chunks
}

/** How many received messages may wait for the engine before stdin is paused. */
const HIGH_WATER_FRAMES = 1024

/**
 * Sends Effect's logs to stderr: replaces the `Console` service, through which every built-in logger prints (the
 * default logger, and the pretty logger `NodeRuntime.runMain` installs), with one writing to stderr only.
 * `Console.log` in handlers goes to stderr too. `run`, `serve` and `layer` install it for themselves; provide it to
 * the whole program to move logs written before or around them as well.
 *
 * @example
 * ```ts
 * import { NodeMcpStdio } from "@mcp-effect/platform-node"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect } from "effect"
 *
 * declare const Template: import("effect").Layer.Layer<import("@mcp-effect/server").McpSession.Template>
 *
 * Effect.log("starting").pipe(
 *   Effect.zipRight(NodeMcpStdio.serve()),
 *   Effect.provide(Template),
 *   Effect.provide(NodeMcpStdio.layerLogger),
 *   NodeRuntime.runMain
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerLogger: Layer.Layer<never> = Layer.suspend(() => Console.setConsole(StderrConsole.make()))

/**
 * Keeps a broken stdout from crashing the process: a stream that emits `error` with no listener throws. One shared
 * listener, installed once per stream and never removed, so that errors arriving after a transport's scope has
 * closed (a write in flight when the client left) are caught too.
 */
const ignoreErrors = (_: unknown): void => {}

const guard = (stream: NodeJS.WritableStream): void => {
  if (!stream.listeners("error").includes(ignoreErrors)) {
    stream.on("error", ignoreErrors)
  }
}

const describe = (cause: unknown): string => cause instanceof Error ? cause.message : String(cause)

const utf8 = new TextEncoder()

/**
 * A transport over stdin and stdout.
 *
 * `incoming` is a mailbox of frames, which ends when stdin ends, or when stdout breaks (`EPIPE`: the client is gone
 * either way); reading pauses while it is full. `send` queues a whole line; lines queued together are written together
 * a microtask later, so messages never interleave. While stdout is over its high-water mark `send` waits for it to
 * drain, so a client that stops reading slows the server down rather than filling its memory; once stdout has broken
 * `send` does nothing. When the transport's scope closes it stops reading stdin, so that the process can exit; stdout
 * is left open, as it may still be flushing.
 *
 * @example
 * ```ts
 * import { NodeMcpStdio } from "@mcp-effect/platform-node"
 * import { McpServer, McpSession } from "@mcp-effect/server"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const transport = yield* NodeMcpStdio.make()
 *   const session = yield* McpSession.live
 *   yield* McpServer.run(session, transport)
 * }).pipe(Effect.scoped)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<McpTransport.McpTransport, never, Scope.Scope> =>
  Effect.gen(function*() {
    const stdin = options.stdin ?? process.stdin
    const stdout = options.stdout ?? process.stdout
    const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES
    const gone = yield* Deferred.make<void>()
    // Once stdout has closed or failed nothing more is written; `broken` says why a write failed.
    let ended = false
    let broken: string | undefined

    yield* Effect.acquireRelease(
      Effect.sync(() => {
        guard(stdout)
        const onClose = (): void => {
          ended = true
          Deferred.unsafeDone(gone, Effect.void)
        }
        stdout.on("error", onClose)
        stdout.on("close", onClose)
        return onClose
      }),
      (onClose) =>
        Effect.sync(() => {
          stdout.off("error", onClose)
          stdout.off("close", onClose)
        })
    )
    yield* Deferred.await(gone).pipe(
      Effect.zipRight(Effect.suspend(() =>
        broken === undefined
          ? Effect.void
          : Effect.logDebug(`MCP stdio: writing to stdout failed (${broken}); the client is gone`)
      )),
      Effect.forkScoped
    )

    // Lines sent while fibers are running are written together once they have run (a microtask later): one syscall
    // for the responses to a chunk of requests, and lines never interleave, as each goes out whole and in order. A write ends after a notification:
    // the official SDK client handles notifications a tick after responses read at the same time, so progress
    // followed at once by its response would reach it too late.
    let queued: Array<Line> = []
    let scheduled = false
    const onWritten = (error: Error | null | undefined): void => {
      if (error != null && !ended) {
        ended = true
        broken = describe(error)
        Deferred.unsafeDone(gone, Effect.void)
      }
    }
    const flush = (): void => {
      scheduled = false
      const lines = queued
      queued = []
      if (!ended) {
        for (const chunk of chunksOf(lines)) {
          stdout.write(chunk, onWritten)
        }
      }
    }
    // What was sent but not yet written when the conversation ends still goes out.
    yield* Effect.addFinalizer(() => Effect.sync(flush))

    // Backpressure: while stdout holds more than its high-water mark (a client that stops reading), `send` waits
    // for it to drain, so the server slows down rather than filling its memory.
    const drained = Effect.async<void>((resume) => {
      const done = (): void => resume(Effect.void)
      stdout.once("drain", done)
      stdout.once("close", done)
      return Effect.sync(() => {
        stdout.off("drain", done)
        stdout.off("close", done)
      })
    })
    const mustWait = (): boolean => "writableNeedDrain" in stdout && stdout.writableNeedDrain === true

    /** What replaces a message that cannot be serialized: logged, and a response is still answered. */
    const unserializable = (message: JsonRpc.Outgoing, error: unknown): Effect.Effect<string | undefined> =>
      Effect.as(
        Effect.logError("MCP stdio: a message could not be serialized as JSON", Cause.die(error)),
        // A response that cannot be sent is still answered, or the client would wait for it forever.
        JsonRpc.isBatch(message) || "method" in message
          ? undefined
          : Ndjson.encode(JsonRpc.failure(
            message.id,
            JsonRpc.McpError.internalError("Internal error: the response could not be serialized")
          ))
      )

    const enqueue = (message: JsonRpc.Outgoing, text: string | undefined): Effect.Effect<void> => {
      if (text === undefined || ended) {
        return Effect.void
      }
      queued.push({ text, notification: !JsonRpc.isBatch(message) && JsonRpc.isNotification(message) })
      if (!scheduled) {
        scheduled = true
        queueMicrotask(flush)
      }
      return mustWait() ? drained : Effect.void
    }

    const send = (message: JsonRpc.Outgoing): Effect.Effect<void> =>
      Effect.suspend(() => {
        if (ended) {
          return Effect.void
        }
        let text: string
        try {
          text = Ndjson.encode(message)
        } catch (error) {
          return Effect.flatMap(unserializable(message, error), (line) => enqueue(message, line))
        }
        return enqueue(message, text)
      })

    // stdin is read in flowing mode and framed right in the `data` handler; the engine takes the frames straight from
    // a mailbox, a chunk at a time. The mailbox is bounded, so a flood from the client is not buffered: when it is
    // full, reading pauses and one fiber hands over what did not fit as room frees up, then resumes reading.
    const frames = yield* Mailbox.make<McpTransport.Frame, McpTransport.TransportError>(HIGH_WATER_FRAMES)
    const overflowed = yield* Effect.makeLatch(false)
    let overflow: Array<McpTransport.Frame> = []
    let stdinEnded = false
    let state = Ndjson.initial

    const offer = (out: ReadonlyArray<McpTransport.Frame>): void => {
      if (overflow.length > 0) {
        // Paused already: later frames queue behind those waiting, in order.
        overflow.push(...out)
        return
      }
      const rest = frames.unsafeOfferAll(out)
      if (rest.length > 0) {
        overflow = Chunk.toArray(rest)
        stdin.pause()
        overflowed.unsafeOpen()
      }
    }
    const onData = (chunk: Uint8Array | string): void => {
      const out: Array<McpTransport.Frame> = []
      // A stdin with an encoding set yields strings; the framing works on bytes.
      state = Ndjson.stepInto(state, typeof chunk === "string" ? utf8.encode(chunk) : chunk, maxMessageBytes, out)
      if (out.length > 0) {
        offer(out)
      }
    }
    const onEnd = (): void => {
      offer(Ndjson.flush(state, maxMessageBytes))
      stdinEnded = true
      if (overflow.length === 0) {
        frames.unsafeDone(Exit.void)
      }
    }
    const onError = (cause: unknown): void => {
      frames.unsafeDone(Exit.fail(
        new McpTransport.TransportError({ message: `MCP stdio: stdin failed: ${describe(cause)}`, cause })
      ))
    }

    // Hands over what did not fit, waiting for room (a mailbox that has ended takes nothing, and nothing waits).
    const refill: Effect.Effect<void> = Effect.suspend(() => {
      const waiting = overflow
      overflow = []
      return Effect.flatMap(frames.offerAll(waiting), (rest) => {
        if (rest.length > 0) {
          return Effect.void
        }
        if (overflow.length > 0) {
          return refill
        }
        return Effect.sync(() => {
          if (stdinEnded) {
            frames.unsafeDone(Exit.void)
          } else {
            stdin.resume()
          }
        })
      })
    })
    yield* overflowed.await.pipe(
      Effect.zipRight(overflowed.close),
      Effect.zipRight(refill),
      Effect.forever,
      Effect.forkScoped
    )

    yield* Effect.acquireRelease(
      Effect.sync(() => {
        stdin.on("data", onData)
        stdin.on("end", onEnd)
        stdin.on("error", onError)
        stdin.resume()
      }),
      () =>
        Effect.sync(() => {
          stdin.off("data", onData)
          stdin.off("end", onEnd)
          stdin.off("error", onError)
          stdin.pause()
        })
    )
    // A client that stopped reading has gone: the conversation ends as at EOF.
    yield* Effect.forkScoped(Effect.zipRight(Deferred.await(gone), frames.end))
    const incoming: Mailbox.ReadonlyMailbox<McpTransport.Frame, McpTransport.TransportError> = frames

    return { incoming, send }
  })

/**
 * Runs a conversation on a live session over stdin/stdout until the client closes stdin: the way to serve a session
 * you made yourself with `McpSession.live` and kept a handle on (to add tools to it later, say). Logs go to stderr
 * meanwhile.
 *
 * @example
 * ```ts
 * import { NodeMcpStdio } from "@mcp-effect/platform-node"
 * import { McpSession } from "@mcp-effect/server"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect } from "effect"
 *
 * declare const Template: import("effect").Layer.Layer<McpSession.Template>
 *
 * Effect.gen(function*() {
 *   const session = yield* McpSession.live
 *   // ... hand `session` to whatever adds tools to it later
 *   yield* NodeMcpStdio.run(session)
 * }).pipe(Effect.provide(Template), NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  session: McpSession.McpSession,
  options?: Options
): Effect.Effect<void, McpTransport.TransportError> =>
  make(options).pipe(
    Effect.flatMap((transport) => McpServer.run(session, transport)),
    Effect.scoped,
    Effect.provide(layerLogger)
  )

/**
 * Copies a live session from the template and serves it on stdin/stdout until the client closes stdin; then it
 * completes, so a program that is just `serve` exits with code 0 under `NodeRuntime.runMain`. This is the usual way
 * to run a stdio server.
 *
 * @example
 * ```ts
 * import { NodeMcpStdio } from "@mcp-effect/platform-node"
 * import { McpSession } from "@mcp-effect/server"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect } from "effect"
 *
 * const Template = McpSession.layerTemplate({ name: "my-server", version: "1.0.0" })
 *
 * NodeMcpStdio.serve().pipe(Effect.provide(Template), NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const serve = (options?: Options): Effect.Effect<void, McpTransport.TransportError, McpSession.Template> =>
  Effect.flatMap(McpSession.live, (session) => run(session, options))

/**
 * Serves a live session copied from the template on stdin/stdout in the background, for the layer's lifetime; a
 * failure of stdin is logged (to stderr).
 *
 * Unlike `serve`, the client closing stdin ends only the conversation, not the layer: `Layer.launch` keeps running
 * until it is interrupted (the client's `SIGTERM`, Ctrl-C). Use it when stdio is one part of an application whose
 * lifetime something else decides, e.g. next to an HTTP server; for a process that should exit when its client
 * goes, as MCP clients expect, use `serve`.
 *
 * @example
 * ```ts
 * import { NodeMcpStdio } from "@mcp-effect/platform-node"
 * import { McpSession } from "@mcp-effect/server"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Layer } from "effect"
 *
 * declare const HttpServerLive: Layer.Layer<never>
 * const Template = McpSession.layerTemplate({ name: "my-server", version: "1.0.0" })
 *
 * Layer.mergeAll(NodeMcpStdio.layer(), HttpServerLive).pipe(Layer.provide(Template), Layer.launch, NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: Options): Layer.Layer<never, never, McpSession.Template> =>
  Layer.scopedDiscard(
    serve(options).pipe(
      Effect.catchAll((error) => Effect.logError("MCP stdio transport failed", error)),
      Effect.provide(layerLogger),
      Effect.forkScoped
    )
  )
