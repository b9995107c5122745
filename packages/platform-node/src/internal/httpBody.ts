/**
 * Reading a POST body: at most `maxBytes`, refused as soon as it is known to be longer (from `Content-Length`, or
 * while reading), then UTF-8 and JSON.
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { Data, Effect, Either, Stream } from "effect"

/** Why a body could not be read as JSON. */
export class BodyError extends Data.TaggedError("BodyError")<{
  readonly reason: "TooLarge" | "Unreadable" | "Malformed"
  readonly message: string
}> {}

const tooLarge = (maxBytes: number) =>
  new BodyError({ reason: "TooLarge", message: `Request body exceeds the limit of ${maxBytes} bytes` })

const utf8 = new TextDecoder("utf-8", { fatal: true })

/** The body's bytes, failing with `TooLarge` once more than `maxBytes` have arrived. */
const readBytes = (request: HttpServerRequest.HttpServerRequest, maxBytes: number): Effect.Effect<Uint8Array, BodyError> => {
  const declared = Number(request.headers["content-length"])
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Effect.fail(tooLarge(maxBytes))
  }
  return request.stream.pipe(
    Stream.mapError((error) => new BodyError({ reason: "Unreadable", message: `Could not read the request body: ${error.message}` })),
    Stream.runFoldEffect({ chunks: new Array<Uint8Array>(), size: 0 }, (acc, chunk) => {
      const size = acc.size + chunk.length
      if (size > maxBytes) return Effect.fail(tooLarge(maxBytes))
      acc.chunks.push(chunk)
      return Effect.succeed({ chunks: acc.chunks, size })
    }),
    Effect.map(({ chunks, size }) => {
      const bytes = new Uint8Array(size)
      let offset = 0
      for (const chunk of chunks) {
        bytes.set(chunk, offset)
        offset += chunk.length
      }
      return bytes
    })
  )
}

/** The body parsed as JSON. */
export const readJson = (request: HttpServerRequest.HttpServerRequest, maxBytes: number): Effect.Effect<unknown, BodyError> =>
  Effect.flatMap(readBytes(request, maxBytes), (bytes) =>
    Either.match(
      Either.try(() => JSON.parse(utf8.decode(bytes))),
      {
        onLeft: (error) =>
          Effect.fail(
            new BodyError({
              reason: "Malformed",
              message: `Parse error: ${error instanceof Error ? error.message : String(error)}`
            })
          ),
        onRight: (value: unknown) => Effect.succeed(value)
      }
    ))
