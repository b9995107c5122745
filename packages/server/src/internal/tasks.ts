/**
 * Tasks (protocol 2025-11-25): a task-augmented `tools/call` answers at once with a task, runs in the conversation's
 * scope, and is polled with `tasks/get`, collected with `tasks/result`, listed and cancelled.
 */
import * as Clock from "effect/Clock"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Scope from "effect/Scope"
import * as JsonRpc from "../JsonRpc.js"
import * as McpSchema from "../McpSchema.js"
import type { McpSession, TaskEntry } from "../McpSession.js"

/** How long a finished task is kept when the client asks for nothing else, and the most it may ask for. */
const DEFAULT_TTL = Duration.toMillis("5 minutes")
const MAX_TTL = Duration.toMillis("1 hour")
const POLL_INTERVAL = 500

const isTerminal = (status: McpSchema.TaskStatus) =>
  status === "completed" || status === "failed" || status === "cancelled"

const iso = (millis: number) => new Date(millis).toISOString()

const unknownTask = (taskId: string) => JsonRpc.McpError.invalidParams(`Unknown task: ${taskId}`, { taskId })

export const find = (session: McpSession, taskId: string): Effect.Effect<TaskEntry, JsonRpc.McpError> =>
  Effect.flatMap(Ref.get(session.tasks), (tasks) => {
    const entry = tasks.get(taskId)
    return entry === undefined ? Effect.fail(unknownTask(taskId)) : Effect.succeed(entry)
  })

/** Moves a task to a new status, unless it already ended: a terminal status is final. */
const transition = (session: McpSession, entry: TaskEntry, status: McpSchema.TaskStatus, statusMessage?: string) =>
  Effect.gen(function*() {
    const now = yield* Clock.currentTimeMillis
    const moved = yield* Ref.modify(entry.task, (task) => {
      if (isTerminal(task.status)) {
        return [Option.none<McpSchema.Task>(), task]
      }
      const next: McpSchema.Task = {
        taskId: task.taskId,
        status,
        createdAt: task.createdAt,
        lastUpdatedAt: iso(now),
        ttl: task.ttl,
        pollInterval: task.pollInterval,
        ...(statusMessage === undefined ? {} : { statusMessage })
      }
      return [Option.some(next), next]
    })
    if (Option.isSome(moved)) {
      yield* session.notify("notifications/tasks/status", moved.value)
    }
    return moved
  })

/**
 * Starts `run` as a task in `scope` and returns it at once. The task and its outcome are dropped once its TTL has
 * passed.
 */
export const start = (
  session: McpSession,
  scope: Scope.Scope,
  requestedTtl: number | undefined,
  run: Effect.Effect<unknown, JsonRpc.McpError>
): Effect.Effect<McpSchema.CreateTaskResult> =>
  Effect.gen(function*() {
    const now = yield* Clock.currentTimeMillis
    const ttl = Math.min(Math.max(requestedTtl ?? DEFAULT_TTL, 0), MAX_TTL)
    const taskId = globalThis.crypto.randomUUID()
    const task: McpSchema.Task = {
      taskId,
      status: "working",
      createdAt: iso(now),
      lastUpdatedAt: iso(now),
      ttl,
      pollInterval: POLL_INTERVAL
    }
    const outcome = yield* Deferred.make<unknown, JsonRpc.McpError>()
    const entry: TaskEntry = {
      task: yield* Ref.make(task),
      outcome,
      fiber: yield* Ref.make(Option.none<Fiber.RuntimeFiber<void>>())
    }
    yield* Ref.update(session.tasks, (tasks) => new Map([...tasks, [taskId, entry]]))

    const settle = (exit: Exit.Exit<unknown, JsonRpc.McpError>) =>
      Exit.match(exit, {
        onFailure: (cause) =>
          // An interrupted task was cancelled, and `cancel` has settled it already.
          Exit.isInterrupted(exit) ? Effect.void : transition(session, entry, "failed").pipe(
            Effect.zipRight(Deferred.failCause(outcome, cause))
          ),
        onSuccess: (result) =>
          transition(session, entry, "completed").pipe(Effect.zipRight(Deferred.succeed(outcome, result)))
      })
    const fiber = yield* run.pipe(Effect.onExit(settle), Effect.asVoid, Effect.ignore, Effect.forkIn(scope))
    yield* Ref.set(entry.fiber, Option.some(fiber))
    // Retention: after its TTL the task is forgotten, finished or not.
    yield* Effect.sleep(Duration.millis(ttl)).pipe(
      Effect.zipRight(Fiber.interrupt(fiber)),
      Effect.zipRight(Ref.update(session.tasks, (tasks) => {
        const rest = new Map(tasks)
        rest.delete(taskId)
        return rest
      })),
      Effect.forkIn(scope)
    )
    return { task }
  })

/** `tasks/result`: waits for the end, and answers exactly what the request would have. */
export const result = (session: McpSession, taskId: string): Effect.Effect<unknown, JsonRpc.McpError> =>
  Effect.flatMap(find(session, taskId), (entry) =>
    Effect.map(Deferred.await(entry.outcome), (value) => {
      const related = { [McpSchema.RELATED_TASK_META_KEY]: { taskId } }
      if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        const existing: unknown = "_meta" in value ? value._meta : undefined
        const meta = typeof existing === "object" && existing !== null ? existing : {}
        return { ...value, _meta: { ...meta, ...related } }
      }
      return value
    }))

/** `tasks/cancel`: stops the work and marks the task cancelled; an ended task cannot be cancelled. */
export const cancel = (session: McpSession, taskId: string): Effect.Effect<McpSchema.Task, JsonRpc.McpError> =>
  Effect.gen(function*() {
    const entry = yield* find(session, taskId)
    const moved = yield* transition(session, entry, "cancelled", "The task was cancelled by request.")
    if (Option.isNone(moved)) {
      const { status } = yield* Ref.get(entry.task)
      return yield* JsonRpc.McpError.invalidParams(`Task ${taskId} has already ended (${status})`, { taskId })
    }
    yield* Deferred.fail(entry.outcome, JsonRpc.McpError.internalError(`Task ${taskId} was cancelled`))
    const fiber = yield* Ref.get(entry.fiber)
    if (Option.isSome(fiber)) {
      yield* Fiber.interrupt(fiber.value)
    }
    return moved.value
  })
