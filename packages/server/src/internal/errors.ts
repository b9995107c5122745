import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"

/** A readable message for any failure value: its `message` when it has one. */
export const errorMessage = (e: unknown): string => {
  if (Predicate.hasProperty(e, "message") && typeof e.message === "string" && e.message.length > 0) {
    return e.message
  }
  if (Predicate.hasProperty(e, "_tag") && typeof e._tag === "string") {
    return e._tag
  }
  if (typeof e === "string") {
    return e
  }
  try {
    return JSON.stringify(e) ?? String(e)
  } catch {
    return String(e)
  }
}

/** Formats a Schema decoding failure as the list of problems a client can act on. */
export const formatParseError = (error: ParseResult.ParseError): string =>
  ParseResult.TreeFormatter.formatErrorSync(error)
