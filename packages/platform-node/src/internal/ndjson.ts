/**
 * Newline-delimited JSON, the framing of the MCP stdio transport: one JSON-RPC message (or batch) per line.
 *
 * The decoder is a pure state machine over bytes (`step` / `flush`), wrapped as a `Channel` for streams. It splits on
 * the byte `\n` before decoding: in UTF-8 that byte never occurs inside a multi-byte character, so a character split
 * across two chunks is whole again once its line is complete, and no streaming text decoder is needed.
 *
 * @internal
 */
import { JsonRpc, McpTransport } from "@mcp-effect/server"
// Deep imports: esbuild cannot tree-shake a namespace that the "effect" barrel re-exports (evanw/esbuild#1420), so
// `import { Channel } from "effect"` would bundle, and evaluate at start-up, the whole of the module.
import * as Channel from "effect/Channel"
import * as Chunk from "effect/Chunk"

/** 4 MiB: far above any sane message, low enough that a runaway peer cannot exhaust memory. */
export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024

const LF = 0x0a
const CR = 0x0d

/**
 * Where the decoder is: inside a line (holding its bytes so far), or inside a line already reported as too long,
 * whose remaining bytes are dropped as they arrive.
 */
export type State =
  | { readonly _tag: "Line"; readonly pending: Pieces | undefined; readonly size: number }
  | { readonly _tag: "Discarding" }

/** The bytes of a line so far, last piece first: appending is O(1) however finely the line was chunked. */
export interface Pieces {
  readonly bytes: Uint8Array
  readonly previous: Pieces | undefined
}

export const initial: State = { _tag: "Line", pending: undefined, size: 0 }

/** How many bytes of the current line the decoder holds: never more than the limit plus one. */
export const buffered = (state: State): number => state._tag === "Line" ? state.size : 0

// `fatal`: invalid UTF-8 is a malformed message, not text with replacement characters in it.
const utf8 = new TextDecoder("utf-8", { fatal: true })

const tooLong = (maxLineBytes: number): McpTransport.Frame =>
  McpTransport.malformed(JsonRpc.McpError.invalidRequest(
    `Invalid request: message exceeds the ${maxLineBytes}-byte limit`
  ))

/** Joins a line's pieces and a last piece into one buffer of `size` bytes, filled from the end. */
const concat = (pieces: Pieces | undefined, last: Uint8Array, size: number): Uint8Array => {
  if (pieces === undefined) {
    return last
  }
  const bytes = new Uint8Array(size)
  let offset = size - last.length
  bytes.set(last, offset)
  for (let piece: Pieces | undefined = pieces; piece !== undefined; piece = piece.previous) {
    offset -= piece.bytes.length
    bytes.set(piece.bytes, offset)
  }
  return bytes
}

/** Turns one complete line (without its `\n`) into a frame, or nothing when it is blank. */
const lineFrame = (line: Uint8Array, maxLineBytes: number): McpTransport.Frame | undefined => {
  const end = line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length
  if (end > maxLineBytes) {
    return tooLong(maxLineBytes)
  }
  let text: string
  try {
    text = utf8.decode(line.subarray(0, end))
  } catch {
    return McpTransport.malformed(JsonRpc.McpError.parseError("Parse error: the message is not valid UTF-8"))
  }
  return text.trim() === "" ? undefined : McpTransport.parseFrame(text)
}

/**
 * Feeds one chunk of bytes to the decoder, appending the frames of the lines it completes to `out`. The tail of the
 * chunk that ends no line is copied, so the caller may reuse its buffer.
 */
export const stepInto = (
  state: State,
  chunk: Uint8Array,
  maxLineBytes: number,
  out: Array<McpTransport.Frame>
): State => {
  let current = state
  let start = 0
  let newline = chunk.indexOf(LF, start)
  while (newline !== -1) {
    if (current._tag === "Line") {
      const piece = chunk.subarray(start, newline)
      const size = current.size + piece.length
      // Checked before joining the pieces, so an oversized line is never copied into one buffer.
      const frame = size > maxLineBytes + 1
        ? tooLong(maxLineBytes)
        : lineFrame(concat(current.pending, piece, size), maxLineBytes)
      if (frame !== undefined) {
        out.push(frame)
      }
    }
    current = initial
    start = newline + 1
    newline = chunk.indexOf(LF, start)
  }
  if (start >= chunk.length || current._tag === "Discarding") {
    return current
  }
  const size = current.size + chunk.length - start
  // One byte of slack for a `\r` that may turn out to precede the `\n`, so the limit counts the message alone.
  if (size > maxLineBytes + 1) {
    out.push(tooLong(maxLineBytes))
    return { _tag: "Discarding" }
  }
  // A copy, not a view: the caller may reuse the chunk's buffer.
  return { _tag: "Line", pending: { bytes: new Uint8Array(chunk.subarray(start)), previous: current.pending }, size }
}

/**
 * Feeds one chunk of bytes to the decoder: the next state, and the frames of the lines the chunk completed.
 */
export const step = (
  state: State,
  chunk: Uint8Array,
  maxLineBytes: number = DEFAULT_MAX_LINE_BYTES
): readonly [State, ReadonlyArray<McpTransport.Frame>] => {
  const out: Array<McpTransport.Frame> = []
  const next = stepInto(state, chunk, maxLineBytes, out)
  return [next, out]
}

/**
 * Ends the input: a last line without its `\n` still counts, as a peer may close its end right after writing.
 */
export const flush = (
  state: State,
  maxLineBytes: number = DEFAULT_MAX_LINE_BYTES
): ReadonlyArray<McpTransport.Frame> => {
  if (state._tag === "Discarding" || state.pending === undefined) {
    return []
  }
  const frame = lineFrame(concat(state.pending.previous, state.pending.bytes, state.size), maxLineBytes)
  return frame === undefined ? [] : [frame]
}

/**
 * The decoder as a channel, for `Stream.pipeThroughChannel`: byte chunks in, frames out, the upstream error passed
 * through.
 */
export const decoder = <E>(
  maxLineBytes: number = DEFAULT_MAX_LINE_BYTES
): Channel.Channel<Chunk.Chunk<McpTransport.Frame>, Chunk.Chunk<Uint8Array>, E, E, void, unknown> => {
  const loop = (state: State): Channel.Channel<
    Chunk.Chunk<McpTransport.Frame>,
    Chunk.Chunk<Uint8Array>,
    E,
    E,
    void,
    unknown
  > =>
    Channel.readWithCause({
      onInput: (chunks: Chunk.Chunk<Uint8Array>) => {
        const out: Array<McpTransport.Frame> = []
        let next = state
        for (const chunk of chunks) {
          next = stepInto(next, chunk, maxLineBytes, out)
        }
        return out.length === 0
          ? loop(next)
          : Channel.flatMap(Channel.write(Chunk.unsafeFromArray(out)), () => loop(next))
      },
      onFailure: Channel.failCause,
      onDone: () => {
        const frames = flush(state, maxLineBytes)
        return frames.length === 0 ? Channel.void : Channel.write(Chunk.unsafeFromArray(frames))
      }
    })
  return loop(initial)
}

/** One outgoing message as a line. `JSON.stringify` escapes newlines inside strings, so the line cannot break. */
export const encode = (message: JsonRpc.Outgoing): string => `${JSON.stringify(message)}\n`
