import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as HashMap from "effect/HashMap"
import * as HashSet from "effect/HashSet"
import * as Logger from "effect/Logger"
import type * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import * as JsonRpc from "../JsonRpc.js"
import * as McpSchema from "../McpSchema.js"

/** Effect's log levels as MCP's (RFC 5424) levels. */
export const toMcpLevel = (level: LogLevel.LogLevel): McpSchema.LoggingLevel | undefined => {
  switch (level._tag) {
    case "All":
    case "Trace":
    case "Debug":
      return "debug"
    case "Info":
      return "info"
    case "Warning":
      return "warning"
    case "Error":
      return "error"
    case "Fatal":
      return "critical"
    case "None":
      return undefined
  }
}

export const passes = (level: McpSchema.LoggingLevel, threshold: McpSchema.LoggingLevel): boolean =>
  McpSchema.LogLevelSeverity[level] >= McpSchema.LogLevelSeverity[threshold]

const logData = (message: unknown): unknown => Array.isArray(message) && message.length === 1 ? message[0] : message

/**
 * A logger that copies a request's `Effect.log*` lines to the client as `notifications/message`, at or above the
 * level the client set. Loggers are synchronous: `emit` hands each line to the conversation, which sends it on a
 * fiber of `runtime` and holds back what the request sends next until the line is out.
 */
export const withClientLogger = (
  threshold: McpSchema.LoggingLevel,
  emit: (runtime: Runtime.Runtime<never>, message: JsonRpc.Notification) => void
) =>
<A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  // The runtime is taken before the logger is installed, so that what sending logs is not sent back to the client.
  Effect.flatMap(Effect.runtime<never>(), (runtime) => {
    const logger = Logger.make(({ annotations, logLevel, message }) => {
      const level = toMcpLevel(logLevel)
      if (level === undefined || !passes(level, threshold)) {
        return
      }
      const name = Option.getOrUndefined(HashMap.get(annotations, "logger"))
      emit(
        runtime,
        JsonRpc.notification("notifications/message", {
          level,
          data: logData(message),
          ...(typeof name === "string" ? { logger: name } : {})
        })
      )
    })
    return Effect.locallyWith(effect, FiberRef.currentLoggers, HashSet.add(logger))
  })
