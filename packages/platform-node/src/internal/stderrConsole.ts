/**
 * An Effect `Console` that writes everything to stderr.
 *
 * Effect's loggers (the default one, the pretty one `NodeRuntime.runMain` installs, `Logger.json`, `Logger.logFmt`,
 * ...) all print through the `Console` service, most of them with `console.log`. Replacing the service, rather than
 * each logger, moves all of them, and `Console.log` in handlers, off stdout at once.
 *
 * @internal
 */
import { Console as NodeConsole } from "node:console"
// Deep imports: esbuild cannot tree-shake a namespace that the "effect" barrel re-exports (evanw/esbuild#1420), so
// `import { Console } from "effect"` would bundle, and evaluate at start-up, the whole of the module.
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

/** Wraps a console object as an Effect `Console`. */
export const fromUnsafe = (unsafe: Console.UnsafeConsole): Console.Console => ({
  [Console.TypeId]: Console.TypeId,
  assert: (condition, ...args) => Effect.sync(() => unsafe.assert(condition, ...args)),
  clear: Effect.sync(() => unsafe.clear()),
  count: (label) => Effect.sync(() => unsafe.count(label)),
  countReset: (label) => Effect.sync(() => unsafe.countReset(label)),
  debug: (...args) => Effect.sync(() => unsafe.debug(...args)),
  dir: (item, options) => Effect.sync(() => unsafe.dir(item, options)),
  dirxml: (...args) => Effect.sync(() => unsafe.dirxml(...args)),
  error: (...args) => Effect.sync(() => unsafe.error(...args)),
  group: (options) =>
    Effect.sync(() => {
      const label = options?.label === undefined ? [] : [options.label]
      if (options?.collapsed === true) {
        unsafe.groupCollapsed(...label)
      } else {
        unsafe.group(...label)
      }
    }),
  groupEnd: Effect.sync(() => unsafe.groupEnd()),
  info: (...args) => Effect.sync(() => unsafe.info(...args)),
  log: (...args) => Effect.sync(() => unsafe.log(...args)),
  table: (tabularData, properties) => Effect.sync(() => unsafe.table(tabularData, properties)),
  time: (label) => Effect.sync(() => unsafe.time(label)),
  timeEnd: (label) => Effect.sync(() => unsafe.timeEnd(label)),
  timeLog: (label, ...args) => Effect.sync(() => unsafe.timeLog(label, ...args)),
  trace: (...args) => Effect.sync(() => unsafe.trace(...args)),
  warn: (...args) => Effect.sync(() => unsafe.warn(...args)),
  unsafe
})

/** A console whose every method, `log` included, writes to `stream` (by default the process's stderr). */
export const make = (stream: NodeJS.WritableStream = process.stderr): Console.Console =>
  fromUnsafe(new NodeConsole({ stdout: stream, stderr: stream }))
