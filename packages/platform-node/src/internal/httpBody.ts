/**
 * Reading a POST body: at most `maxBytes`, refused as soon as it is known to be longer (from `Content-Length`, or
 * while reading), then UTF-8 and JSON.
 *
 * Under a Node server the body is read straight from the `IncomingMessage` with one callback-based `Effect.async`: a
 * `Stream` fold costs a channel executor and a fiber step per chunk, several times the cost of the rest of a request.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Http from "node:http"

/** Why a body could not be read as JSON. */
export class BodyError extends Data.TaggedError("BodyError")<{
  readonly reason: "TooLarge" | "Unreadable" | "Malformed"
  readonly message: string
}> {}

const tooLarge = (maxBytes: number) =>
  new BodyError({ reason: "TooLarge", message: `Request body exceeds the limit of ${maxBytes} bytes` })

const unreadable = (error: unknown) =>
  new BodyError({
    reason: "Unreadable",
    message: `Could not read the request body: ${error instanceof Error ? error.message : String(error)}`
  })

const utf8 = new TextDecoder("utf-8", { fatal: true })

/** The body of a Node request, failing with `TooLarge` once more than `maxBytes` have arrived. */
const readNode = (source: Http.IncomingMessage, maxBytes: number): Effect.Effect<Uint8Array, BodyError> =>
  Effect.async<Uint8Array, BodyError>((resume) => {
    const chunks: Array<Buffer> = []
    let size = 0
    const cleanup = (): void => {
      source.off("data", onData)
      source.off("end", onEnd)
      source.off("error", onError)
      source.off("aborted", onAborted)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > maxBytes) {
        cleanup()
        // The rest is drained unread, as Node does for a body nobody reads, so the connection stays usable.
        source.resume()
        resume(Effect.fail(tooLarge(maxBytes)))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = (): void => {
      cleanup()
      resume(Effect.succeed(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)))
    }
    const onError = (error: Error): void => {
      cleanup()
      resume(Effect.fail(unreadable(error)))
    }
    const onAborted = (): void => {
      cleanup()
      resume(Effect.fail(unreadable(new Error("the client aborted the request"))))
    }
    if (source.readableEnded) {
      resume(Effect.fail(unreadable(new Error("the body was already read"))))
      return
    }
    source.on("data", onData)
    source.on("end", onEnd)
    source.on("error", onError)
    source.on("aborted", onAborted)
    return Effect.sync(cleanup)
  })

/** Any other server: `@effect/platform`'s reader, with the limit as its `MaxBodySize`. */
const readOther = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Uint8Array, BodyError> =>
  request.arrayBuffer.pipe(
    Effect.map((buffer) => new Uint8Array(buffer)),
    // The reader fails with a generic error past the limit: a body longer than allowed is what it means.
    Effect.catchAll((error) =>
      Effect.fail(
        String(error.cause).includes("maxBytes") || error.message.includes("maxBytes")
          ? tooLarge(maxBytes)
          : unreadable(error)
      )
    ),
    Effect.provideService(HttpIncomingMessage.MaxBodySize, Option.some(FileSystem.Size(maxBytes)))
  )

/** The body's bytes, failing with `TooLarge` once more than `maxBytes` have arrived. */
const readBytes = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Uint8Array, BodyError> => {
  const declared = Number(request.headers["content-length"])
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Effect.fail(tooLarge(maxBytes))
  }
  return request.source instanceof Http.IncomingMessage
    ? readNode(request.source, maxBytes)
    : readOther(request, maxBytes)
}

/** Bytes parsed as JSON: `Malformed` for bad UTF-8 or bad JSON. */
export const parseJson = (bytes: Uint8Array): Effect.Effect<unknown, BodyError> => {
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes))
    return Effect.succeed(value)
  } catch (error) {
    return Effect.fail(
      new BodyError({
        reason: "Malformed",
        message: `Parse error: ${error instanceof Error ? error.message : String(error)}`
      })
    )
  }
}

/** The body parsed as JSON. */
export const readJson = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<unknown, BodyError> => Effect.flatMap(readBytes(request, maxBytes), parseJson)
