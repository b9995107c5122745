import { describe, expect, it } from "@effect/vitest"
import { JsonRpc, McpSchema, McpSession, McpTestClient, McpTool } from "@mcp-effect/server"
import { Deferred, Effect, Fiber, Ref, Schema, TestClock } from "effect"

const gate = Effect.runSync(Deferred.make<void>())

const slow = McpTool.make("slow", {
  input: Schema.Struct({ text: Schema.String }),
  taskSupport: "optional",
  handler: ({ text }) => Effect.as(Deferred.await(gate), `done: ${text}`)
})

const onlyTask = McpTool.make("only_task", {
  input: Schema.Struct({}),
  taskSupport: "required",
  handler: () => Effect.as(Effect.sleep("10 seconds"), "finally")
})

const plain = McpTool.make("plain", { input: Schema.Struct({}), handler: () => Effect.succeed("plain") })

const failing = McpTool.make("failing", {
  input: Schema.Struct({}),
  taskSupport: "optional",
  handler: () => Effect.fail(JsonRpc.McpError.invalidParams("bad widget"))
})

const Template = McpSession.layerTemplate({ name: "tasks", version: "1" }).pipe(
  McpSession.withTools(slow, onlyTask, plain, failing)
)

const decodeTask = Schema.decodeUnknownSync(McpSchema.CreateTaskResult)
const decodeStatus = Schema.decodeUnknownSync(McpSchema.Task)

describe("tasks (2025-11-25)", () => {
  it.scoped("are announced only under 2025-11-25, and tools say whether they run as tasks", () =>
    Effect.gen(function*() {
      const latest = yield* McpTestClient.make
      expect((yield* latest.initialize()).capabilities.tasks).toEqual({
        list: {},
        cancel: {},
        requests: { tools: { call: {} } }
      })
      const older = yield* McpTestClient.make
      expect((yield* older.initialize({ protocolVersion: "2025-06-18" })).capabilities.tasks).toBeUndefined()
      const { tools } = yield* latest.listTools()
      expect(tools.find((t) => t.name === "slow")?.execution).toEqual({ taskSupport: "optional" })
      expect(tools.find((t) => t.name === "plain")?.execution).toBeUndefined()
    }).pipe(Effect.provide(Template)))

  it.scoped("a task-augmented call answers at once; tasks/get polls; tasks/result waits for the result", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const created = decodeTask(
        yield* client.request("tools/call", { name: "slow", arguments: { text: "x" }, task: { ttl: 60_000 } })
      )
      expect(created.task).toMatchObject({ status: "working", ttl: 60_000 })
      const { taskId } = created.task
      expect(decodeStatus(yield* client.request("tasks/get", { taskId })).status).toBe("working")
      const listed = yield* client.request("tasks/list")
      expect(listed).toMatchObject({ tasks: [{ taskId, status: "working" }] })

      const waiting = yield* Effect.fork(client.request("tasks/result", { taskId }))
      yield* Deferred.succeed(gate, undefined)
      expect(yield* Fiber.join(waiting)).toEqual({
        content: [{ type: "text", text: "done: x" }],
        _meta: { [McpSchema.RELATED_TASK_META_KEY]: { taskId } }
      })
      expect(decodeStatus(yield* client.request("tasks/get", { taskId })).status).toBe("completed")
      expect((yield* client.nextNotification("notifications/tasks/status")).params).toMatchObject({
        taskId,
        status: "completed"
      })
    }).pipe(Effect.provide(Template)))

  it.scoped("tasks/result of a failed task is the request's JSON-RPC error", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const { task } = decodeTask(yield* client.request("tools/call", { name: "failing", task: {} }))
      const error = yield* Effect.flip(client.request("tasks/result", { taskId: task.taskId }))
      expect(error).toMatchObject({ code: JsonRpc.INVALID_PARAMS, message: "bad widget" })
      expect(decodeStatus(yield* client.request("tasks/get", { taskId: task.taskId })).status).toBe("failed")
    }).pipe(Effect.provide(Template)))

  it.scoped("tasks/cancel stops the work; cancelling an ended task is -32602", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const { task } = decodeTask(yield* client.request("tools/call", { name: "only_task", task: {} }))
      const cancelled = decodeStatus(yield* client.request("tasks/cancel", { taskId: task.taskId }))
      expect(cancelled.status).toBe("cancelled")
      const entry = (yield* Ref.get(client.session.tasks)).get(task.taskId)
      const fiber = entry === undefined ? undefined : yield* Ref.get(entry.fiber)
      expect(fiber?._tag === "Some" ? (yield* fiber.value.await)._tag : "missing").toBe("Failure")
      expect((yield* Effect.flip(client.request("tasks/cancel", { taskId: task.taskId }))).code).toBe(
        JsonRpc.INVALID_PARAMS
      )
      expect(decodeStatus(yield* client.request("tasks/get", { taskId: task.taskId })).status).toBe("cancelled")
    }).pipe(Effect.provide(Template)))

  it.scoped("a task is forgotten once its TTL has passed", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      const { task } = decodeTask(yield* client.request("tools/call", { name: "only_task", task: { ttl: 1_000 } }))
      yield* TestClock.adjust("2 seconds")
      expect((yield* Effect.flip(client.request("tasks/get", { taskId: task.taskId }))).code).toBe(
        JsonRpc.INVALID_PARAMS
      )
    }).pipe(Effect.provide(Template)))

  it.scoped("tool-level rules: -32601 for a task on a forbidden tool, or no task on a required one", () =>
    Effect.gen(function*() {
      const client = yield* McpTestClient.connect()
      expect((yield* Effect.flip(client.request("tools/call", { name: "plain", task: {} }))).code).toBe(
        JsonRpc.METHOD_NOT_FOUND
      )
      expect((yield* Effect.flip(client.callTool("only_task"))).code).toBe(JsonRpc.METHOD_NOT_FOUND)
      expect((yield* Effect.flip(client.request("tasks/get", { taskId: "nope" }))).code).toBe(JsonRpc.INVALID_PARAMS)
      // Before 2025-11-25 a task field means nothing.
      const older = yield* McpTestClient.connect({ protocolVersion: "2025-06-18" })
      expect(yield* older.request("tools/call", { name: "plain", task: {} })).toEqual({
        content: [{ type: "text", text: "plain" }]
      })
    }).pipe(Effect.provide(Template)))
})
