/**
 * An immutable, insertion-ordered map whose list view is computed once per change: a session's lists are read on
 * every list request and changed rarely.
 */
export interface Registry<A> {
  readonly byKey: ReadonlyMap<string, A>
  readonly items: ReadonlyArray<A>
}

export const empty = <A>(): Registry<A> => ({ byKey: new Map(), items: [] })

export const fromEntries = <A>(entries: Iterable<readonly [string, A]>): Registry<A> => {
  const byKey = new Map(entries)
  return { byKey, items: Array.from(byKey.values()) }
}

export const setAll = <A>(self: Registry<A>, entries: ReadonlyArray<readonly [string, A]>): Registry<A> =>
  fromEntries([...self.byKey.entries(), ...entries])

export const remove = <A>(self: Registry<A>, key: string): Registry<A> => {
  if (!self.byKey.has(key)) {
    return self
  }
  return fromEntries([...self.byKey.entries()].filter(([k]) => k !== key))
}
