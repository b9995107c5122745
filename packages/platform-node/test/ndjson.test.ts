import { describe, expect, it } from "@effect/vitest"
import type { McpTransport } from "@mcp-effect/server"
import { JsonRpc } from "@mcp-effect/server"
import { Chunk, Effect, Stream } from "effect"
import * as Ndjson from "../src/internal/ndjson.js"

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Runs the pure decoder over chunks, as a stream would, flushing at the end. */
const decodeAll = (chunks: ReadonlyArray<Uint8Array>, maxLineBytes?: number): ReadonlyArray<McpTransport.Frame> => {
  const frames: Array<McpTransport.Frame> = []
  let state = Ndjson.initial
  for (const chunk of chunks) {
    const [next, out] = Ndjson.step(state, chunk, maxLineBytes)
    frames.push(...out)
    state = next
  }
  frames.push(...Ndjson.flush(state, maxLineBytes))
  return frames
}

const values = (frames: ReadonlyArray<McpTransport.Frame>): ReadonlyArray<unknown> =>
  frames.map((frame) => frame._tag === "Json" ? frame.value : { malformed: frame.error.code })

const ping = (id: number) => ({ jsonrpc: "2.0", id, method: "ping" })
const line = (id: number) => `${JSON.stringify(ping(id))}\n`

describe("ndjson", () => {
  it("joins a line split across chunks", () => {
    const text = line(1)
    const frames = decodeAll([bytes(text.slice(0, 5)), bytes(text.slice(5, 17)), bytes(text.slice(17))])
    expect(values(frames)).toEqual([ping(1)])
  })

  it("splits a chunk holding many lines, keeping the partial tail for the next chunk", () => {
    const text = line(1) + line(2) + line(3)
    const frames = decodeAll([bytes(text + line(4).slice(0, 10)), bytes(line(4).slice(10))])
    expect(values(frames)).toEqual([ping(1), ping(2), ping(3), ping(4)])
  })

  it("strips a trailing \\r (CRLF), also when the \\r and \\n arrive in different chunks", () => {
    const text = `${JSON.stringify(ping(1))}\r`
    expect(values(decodeAll([bytes(`${JSON.stringify(ping(1))}\r\n`)]))).toEqual([ping(1)])
    expect(values(decodeAll([bytes(text), bytes("\n")]))).toEqual([ping(1)])
  })

  it("skips blank lines", () => {
    const frames = decodeAll([bytes(`\n\r\n   \n${line(1)}\n\t\n${line(2)}`)])
    expect(values(frames)).toEqual([ping(1), ping(2)])
  })

  it("decodes a multi-byte UTF-8 character split across chunks", () => {
    const encoded = bytes(`${JSON.stringify({ jsonrpc: "2.0", method: "x", params: { text: "héllo 😀" } })}\n`)
    const emoji = encoded.indexOf(0xf0)
    // Split inside the 4-byte emoji and inside the 2-byte é.
    const e = encoded.indexOf(0xc3)
    const frames = decodeAll([
      encoded.subarray(0, e + 1),
      encoded.subarray(e + 1, emoji + 2),
      encoded.subarray(emoji + 2)
    ])
    expect(values(frames)).toEqual([{ jsonrpc: "2.0", method: "x", params: { text: "héllo 😀" } }])
  })

  it("turns bad JSON into a Malformed frame with −32700 and goes on", () => {
    const frames = decodeAll([bytes(`{"jsonrpc": "2.0",\n${line(1)}`)])
    expect(values(frames)).toEqual([{ malformed: JsonRpc.PARSE_ERROR }, ping(1)])
  })

  it("turns invalid UTF-8 into a Malformed frame with −32700", () => {
    const frames = decodeAll([new Uint8Array([0x22, 0xff, 0x22, 0x0a])])
    expect(values(frames)).toEqual([{ malformed: JsonRpc.PARSE_ERROR }])
  })

  it("parses a last line without its newline at the end of input", () => {
    expect(values(decodeAll([bytes(JSON.stringify(ping(1)))]))).toEqual([ping(1)])
  })

  it("answers an oversized line with exactly one −32600 frame, then parses the next line", () => {
    const big = `{"jsonrpc":"2.0","id":1,"method":"x","params":{"pad":"${"a".repeat(200)}"}}\n`
    const limit = 100
    const split = decodeAll(
      [bytes(big.slice(0, 60)), bytes(big.slice(60, 150)), bytes(big.slice(150)), bytes(line(2))],
      limit
    )
    expect(values(split)).toEqual([{ malformed: JsonRpc.INVALID_REQUEST }, ping(2)])
    const whole = decodeAll([bytes(big + line(2))], limit)
    expect(values(whole)).toEqual([{ malformed: JsonRpc.INVALID_REQUEST }, ping(2)])
    const first = split[0]
    expect(first._tag === "Malformed" && first.error.message).toBe(
      "Invalid request: message exceeds the 100-byte limit"
    )
  })

  it("accepts a line of exactly the limit, CRLF or not", () => {
    const text = JSON.stringify(ping(1))
    expect(values(decodeAll([bytes(`${text}\n`)], text.length))).toEqual([ping(1)])
    expect(values(decodeAll([bytes(`${text}\r`), bytes("\n")], text.length))).toEqual([ping(1)])
    expect(values(decodeAll([bytes(`${text} \n`)], text.length))).toEqual([{ malformed: JsonRpc.INVALID_REQUEST }])
  })

  it("drops a 16 MiB line fed in 64 KiB chunks as it arrives, holding at most the limit", () => {
    const limit = Ndjson.DEFAULT_MAX_LINE_BYTES
    const chunkSize = 64 * 1024
    const filler = new Uint8Array(chunkSize).fill(0x61)
    const frames: Array<McpTransport.Frame> = []
    let state = Ndjson.step(Ndjson.initial, bytes(`{"jsonrpc":"2.0","id":1,"method":"x","params":{"pad":"`))[0]
    let held = 0
    for (let sent = 0; sent < 16 * 1024 * 1024; sent += chunkSize) {
      const [next, out] = Ndjson.step(state, filler)
      frames.push(...out)
      state = next
      held = Math.max(held, Ndjson.buffered(state))
    }
    const [end, out] = Ndjson.step(state, bytes(`"}}\n${line(2)}`))
    frames.push(...out, ...Ndjson.flush(end))
    expect(values(frames)).toEqual([{ malformed: JsonRpc.INVALID_REQUEST }, ping(2)])
    expect(held).toBeLessThanOrEqual(limit + 1)
    expect(Ndjson.buffered(end)).toBe(0)
  })

  it.effect("works as a channel over a byte stream", () =>
    Effect.gen(function*() {
      const text = line(1) + "oops\n" + line(2)
      const frames = yield* Stream.fromIterable([
        bytes(text.slice(0, 7)),
        bytes(text.slice(7, 40)),
        bytes(text.slice(40))
      ]).pipe(
        Stream.rechunk(2),
        Stream.pipeThroughChannel(Ndjson.decoder()),
        Stream.runCollect
      )
      expect(values(Chunk.toReadonlyArray(frames))).toEqual([ping(1), { malformed: JsonRpc.PARSE_ERROR }, ping(2)])
    }))

  it("encodes a message as one line", () => {
    const encoded = Ndjson.encode(JsonRpc.success(1, { text: "a\nb" }))
    expect(encoded).toBe(`{"jsonrpc":"2.0","id":1,"result":{"text":"a\\nb"}}\n`)
    expect(encoded.indexOf("\n")).toBe(encoded.length - 1)
  })
})
