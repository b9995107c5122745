import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import { McpError } from "../JsonRpc.js"

/**
 * One page of a list and the cursor of the next. Cursors are opaque to clients; inside they name the list they
 * belong to and an offset, so a cursor of one list handed to another is refused rather than misread.
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly nextCursor: string | undefined
}

const encodeCursor = (list: string, offset: number): string => Encoding.encodeBase64Url(`${list}:${offset}`)

const decodeCursor = (list: string, cursor: string): Either.Either<number, McpError> =>
  Encoding.decodeBase64UrlString(cursor).pipe(
    Either.mapLeft(() => invalidCursor(cursor)),
    Either.flatMap((decoded) => {
      const separator = decoded.lastIndexOf(":")
      const offset = Number(decoded.slice(separator + 1))
      return separator > 0 && decoded.slice(0, separator) === list && Number.isSafeInteger(offset) && offset >= 0
        ? Either.right(offset)
        : Either.left(invalidCursor(cursor))
    })
  )

const invalidCursor = (cursor: string): McpError => McpError.invalidParams(`Invalid cursor: ${cursor}`, { cursor })

export const paginate = <A>(
  list: string,
  items: ReadonlyArray<A>,
  cursor: string | undefined,
  pageSize: number
): Either.Either<Page<A>, McpError> => {
  const start = cursor === undefined ? Either.right(0) : decodeCursor(list, cursor)
  return Either.map(start, (offset) => {
    const end = offset + pageSize
    return {
      items: offset === 0 && end >= items.length ? items : items.slice(offset, end),
      nextCursor: end < items.length ? encodeCursor(list, end) : undefined
    }
  })
}
