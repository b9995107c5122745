/**
 * The server's MCP methods: what each request does to, and reads from, the session it arrived on.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import type * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as JsonRpc from "../JsonRpc.js"
import * as McpProtocol from "../McpProtocol.js"
import { McpRequest } from "../McpRequest.js"
import * as McpSchema from "../McpSchema.js"
import type * as McpSession from "../McpSession.js"
import { formatParseError } from "./errors.js"
import { paginate } from "./pagination.js"
import type * as Registry from "./registry.js"
import * as Tasks from "./tasks.js"

/**
 * A method: what it answers to one request. The request is passed in rather than read from the context, so the
 * engine provides `McpRequest` only where user code (middleware, handlers) reads it.
 */
export type Handler = (request: McpRequest["Type"]) => Effect.Effect<unknown, JsonRpc.McpError>

type Request = McpRequest["Type"]

const invalidParams = (error: ParseResult.ParseError) =>
  JsonRpc.McpError.invalidParams(`Invalid params: ${formatParseError(error)}`)

/** Decodes a method's params with its Schema; what fails to decode is −32602, naming the problem. */
const withParams = <A, I>(
  schema: Schema.Schema<A, I>,
  f: (params: A, request: Request) => Effect.Effect<unknown, JsonRpc.McpError>
): Handler => {
  const decode = Schema.decodeUnknownEither(schema, { errors: "all" })
  return (request) =>
    Either.match(decode(request.params), {
      onLeft: (error) => Effect.fail(invalidParams(error)),
      onRight: (params) => f(params, request)
    })
}

const Paginated = Schema.Struct({ cursor: Schema.optional(Schema.String) })

const list = <A, B>(
  name: string,
  key: string,
  items: (request: Request) => Effect.Effect<ReadonlyArray<A>, JsonRpc.McpError>,
  view: (item: A) => B
): Handler =>
  withParams(Paginated, ({ cursor }, request) =>
    Effect.gen(function*() {
      const { options } = yield* Ref.get(request.session.config)
      const page = yield* paginate(name, yield* items(request), cursor, options.pageSize)
      const result: Record<string, unknown> = { [key]: page.items.map(view) }
      if (page.nextCursor !== undefined) {
        result.nextCursor = page.nextCursor
      }
      return result
    }))

const definition = <A>(item: { readonly definition: A }): A => item.definition
const identity = <A>(a: A): A => a

const listResources = (request: Request) =>
  Effect.gen(function*() {
    const fixed = yield* Ref.get(request.session.resources)
    const templates = yield* Ref.get(request.session.resourceTemplates)
    const listed = yield* Effect.forEach(templates.items, (template) => template.list(request))
    return listed.length === 0
      ? fixed.items.map(definition)
      : [...fixed.items.map(definition), ...listed.flat()]
  })

const subscribable = (session: McpSession.McpSession): Effect.Effect<boolean> =>
  Effect.gen(function*() {
    const { options } = yield* Ref.get(session.config)
    const resources = yield* Ref.get(session.resources)
    const templates = yield* Ref.get(session.resourceTemplates)
    return options.capabilities.subscribe === true ||
      resources.items.some((r) => Option.isSome(r.watch)) ||
      templates.items.some((t) => t.watchable)
  })

const hasTasks = (version: McpSchema.ProtocolVersion) => McpProtocol.has(version, "tasks")

const taskSupport = (tool: McpSession.RegisteredTool) => tool.definition.execution?.taskSupport ?? "forbidden"

/** The capabilities a session really has, as `initialize` announces them for the negotiated version. */
export const capabilities = (
  session: McpSession.McpSession,
  version: McpSchema.ProtocolVersion
): Effect.Effect<McpSchema.ServerCapabilities> =>
  Effect.gen(function*() {
    const { options } = yield* Ref.get(session.config)
    const tools = yield* Ref.get(session.tools)
    const prompts = yield* Ref.get(session.prompts)
    const resources = yield* Ref.get(session.resources)
    const templates = yield* Ref.get(session.resourceTemplates)
    const subscribe = yield* subscribable(session)
    const result: {
      logging: {}
      completions?: {}
      tools?: { listChanged: boolean }
      prompts?: { listChanged: boolean }
      resources?: { listChanged: boolean; subscribe?: boolean }
      tasks?: { list: {}; cancel: {}; requests: { tools: { call: {} } } }
    } = { logging: {} }
    if (hasTasks(version) && tools.items.some((tool) => taskSupport(tool) !== "forbidden")) {
      result.tasks = { list: {}, cancel: {}, requests: { tools: { call: {} } } }
    }
    if (prompts.items.some((p) => p.completable) || templates.items.some((t) => t.completable)) {
      result.completions = {}
    }
    if (options.capabilities.tools === true || tools.items.length > 0) {
      result.tools = { listChanged: true }
    }
    if (options.capabilities.prompts === true || prompts.items.length > 0) {
      result.prompts = { listChanged: true }
    }
    if (
      subscribe || options.capabilities.resources === true || resources.items.length > 0 || templates.items.length > 0
    ) {
      result.resources = subscribe ? { listChanged: true, subscribe: true } : { listChanged: true }
    }
    return result
  })

/** `initialize`: agree on a version, remember the client, announce the server. */
export const initialize: Handler = withParams(
  McpSchema.InitializeRequestParams,
  (params, { session }) =>
    Effect.gen(function*() {
      const protocolVersion = McpSchema.isSupportedProtocolVersion(params.protocolVersion)
        ? params.protocolVersion
        : McpSchema.LATEST_PROTOCOL_VERSION
      const accepted = yield* Ref.modify(session.client, (client) =>
        Option.isSome(client)
          ? [false, client]
          : [true, Option.some({ info: params.clientInfo, capabilities: params.capabilities, protocolVersion })])
      if (!accepted) {
        return yield* JsonRpc.McpError.invalidRequest("Invalid request: the session is already initialized")
      }
      const { info } = yield* Ref.get(session.config)
      const { instructions, ...serverInfo } = info
      const result: McpSchema.InitializeResult = {
        protocolVersion,
        capabilities: yield* capabilities(session, protocolVersion),
        serverInfo,
        ...(instructions === undefined ? {} : { instructions })
      }
      return result
    })
)

const CallTool = Schema.Struct({
  name: Schema.String,
  arguments: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  task: Schema.optional(Schema.Struct({ ttl: Schema.optional(Schema.Number) }))
})

const decodeCallTool = Schema.decodeUnknownEither(CallTool, { errors: "all" })

/**
 * `tools/call` is the hot path: params of the usual shape (a name, plain arguments, no task) are checked by hand;
 * anything else goes through the Schema, which also words the error.
 */
const callToolParams = (params: JsonRpc.Params): Either.Either<typeof CallTool.Type, JsonRpc.McpError> => {
  const { arguments: args, name } = params
  if (
    typeof name === "string" && params.task === undefined &&
    (args === undefined || (Predicate.isRecord(args) && !Array.isArray(args)))
  ) {
    return Either.right(args === undefined ? { name } : { name, arguments: args })
  }
  return Either.mapLeft(decodeCallTool(params), invalidParams)
}

/**
 * Every check of a `tools/call`, in one place: the params, the tool, and (from 2025-11-25) whether it may, or must,
 * run as a task. Before 2025-11-25 there are no tasks: a task field is ignored and every tool runs normally.
 */
const toolCall = (
  params: JsonRpc.Params,
  tools: Registry.Registry<McpSession.RegisteredTool>,
  version: McpSchema.ProtocolVersion
): Either.Either<
  {
    readonly tool: McpSession.RegisteredTool
    readonly args: Readonly<Record<string, unknown>>
    readonly task: { readonly ttl?: number | undefined } | undefined
  },
  JsonRpc.McpError
> =>
  Either.flatMap(callToolParams(params), ({ arguments: args, name, task }) => {
    const tool = tools.byKey.get(name)
    if (tool === undefined) {
      return Either.left(JsonRpc.McpError.invalidParams(`Unknown tool: ${name}`, { name }))
    }
    if (!hasTasks(version)) {
      return Either.right({ tool, args: args ?? {}, task: undefined })
    }
    const support = taskSupport(tool)
    if (task !== undefined && support === "forbidden") {
      return Either.left(
        JsonRpc.McpError.methodNotFound(`tools/call as a task (tool "${name}" does not run as a task)`)
      )
    }
    if (task === undefined && support === "required") {
      return Either.left(
        JsonRpc.McpError.methodNotFound(`tools/call without a task (tool "${name}" runs only as a task)`)
      )
    }
    return Either.right({ tool, args: args ?? {}, task })
  })

const callTool: Handler = (request) =>
  Effect.flatMap(
    Ref.get(request.session.tools),
    (tools): Effect.Effect<unknown, JsonRpc.McpError> =>
      Either.match(toolCall(request.params, tools, request.protocolVersion), {
        onLeft: Effect.fail,
        onRight: ({ args, task, tool }) => {
          const run = tool.call(args)(request)
          // A task's work outlives this request: it runs in the conversation's scope, with this request's context.
          return task === undefined ? run : Tasks.start(request.session, request.scope, task.ttl, run)
        }
      })
  )

/**
 * A `tools/call` the engine may start in the tool's own fiber (`RegisteredTool.start`): one that passes every check
 * and is not a task. Anything else, errors included, goes to `callTool`, which answers it.
 */
export const directCall = (
  params: JsonRpc.Params,
  tools: Registry.Registry<McpSession.RegisteredTool>,
  version: McpSchema.ProtocolVersion
): Option.Option<{ readonly tool: McpSession.RegisteredTool; readonly args: Readonly<Record<string, unknown>> }> =>
  Option.filter(Either.getRight(toolCall(params, tools, version)), (call) => call.task === undefined)

const TaskRef = Schema.Struct({ taskId: Schema.String })

const GetPrompt = Schema.Struct({
  name: Schema.String,
  arguments: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})

const ReadResource = Schema.Struct({ uri: Schema.String })

const SetLevel = Schema.Struct({ level: McpSchema.LoggingLevel })

const Complete = Schema.Struct({
  ref: Schema.Union(
    Schema.Struct({ type: Schema.Literal("ref/prompt"), name: Schema.String }),
    Schema.Struct({ type: Schema.Literal("ref/resource"), uri: Schema.String })
  ),
  argument: Schema.Struct({ name: Schema.String, value: Schema.String }),
  context: Schema.optional(Schema.Struct({
    arguments: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.String }))
  }))
})

/** The spec caps a completion answer at 100 values. */
const MAX_COMPLETIONS = 100

/** Finds what `uri` names, and whether it can be watched. */
const findResource = (session: McpSession.McpSession, uri: string) =>
  Effect.gen(function*() {
    const resource = (yield* Ref.get(session.resources)).byKey.get(uri)
    if (resource !== undefined) {
      return Option.some(resource.watch)
    }
    for (const template of (yield* Ref.get(session.resourceTemplates)).items) {
      if (Option.isSome(template.match(uri))) {
        return Option.some(template.watch(uri))
      }
    }
    return Option.none()
  })

const requireSubscribe = (session: McpSession.McpSession, method: string) =>
  Effect.flatMap(subscribable(session), (ok) => ok ? Effect.void : Effect.fail(JsonRpc.McpError.methodNotFound(method)))

const unwatch = (session: McpSession.McpSession, uri: string) =>
  Effect.flatMap(
    Ref.modify(session.watchers, (watchers) => {
      const fiber = watchers.get(uri)
      if (fiber === undefined) {
        return [Option.none(), watchers]
      }
      const rest = new Map(watchers)
      rest.delete(uri)
      return [Option.some(fiber), rest]
    }),
    Option.match({ onNone: () => Effect.void, onSome: Fiber.interrupt })
  )

/** Every method a session serves once initialized, by name. */
export const methods: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ["tools/list", list("tools", "tools", (r) => Effect.map(Ref.get(r.session.tools), (t) => t.items), definition)],
  ["tools/call", callTool],
  [
    "prompts/list",
    list("prompts", "prompts", (r) => Effect.map(Ref.get(r.session.prompts), (p) => p.items), definition)
  ],
  [
    "prompts/get",
    withParams(
      GetPrompt,
      ({ arguments: args, name }, request) =>
        Effect.flatMap(Ref.get(request.session.prompts), (prompts) => {
          const prompt = prompts.byKey.get(name)
          return prompt === undefined
            ? Effect.fail(JsonRpc.McpError.invalidParams(`Unknown prompt: ${name}`, { name }))
            : prompt.get(args ?? {})(request)
        })
    )
  ],
  ["resources/list", list("resources", "resources", listResources, identity)],
  [
    "resources/templates/list",
    list(
      "templates",
      "resourceTemplates",
      (r) => Effect.map(Ref.get(r.session.resourceTemplates), (t) => t.items),
      definition
    )
  ],
  [
    "resources/read",
    withParams(ReadResource, ({ uri }, request) =>
      Effect.gen(function*() {
        const { session } = request
        const resource = (yield* Ref.get(session.resources)).byKey.get(uri)
        if (resource !== undefined) {
          return yield* resource.read(uri)(request)
        }
        for (const template of (yield* Ref.get(session.resourceTemplates)).items) {
          const read = template.match(uri)
          if (Option.isSome(read)) {
            return yield* read.value(request)
          }
        }
        return yield* JsonRpc.McpError.resourceNotFound(uri)
      }))
  ],
  [
    "resources/subscribe",
    withParams(ReadResource, ({ uri }, request) =>
      Effect.gen(function*() {
        const { scope, session } = request
        yield* requireSubscribe(session, "resources/subscribe")
        const found = yield* findResource(session, uri)
        if (Option.isNone(found)) {
          return yield* JsonRpc.McpError.resourceNotFound(uri)
        }
        const watch = found.value
        const already = yield* Ref.modify(session.subscriptions, (uris) =>
          uris.has(uri) ? [true, uris] : [false, new Set([...uris, uri])])
        if (!already && Option.isSome(watch)) {
          // The watcher lives in the conversation's scope: unsubscribe or the end of the conversation stops it.
          const fiber = yield* watch.value.pipe(
            Stream.runForEach(() =>
              session.notifyResourceUpdated(uri)
            ),
            Effect.catchAllCause((cause) => Effect.logWarning(`The watcher of ${uri} stopped`, cause)),
            Effect.provideService(McpRequest, request),
            Effect.forkIn(scope)
          )
          yield* Ref.update(session.watchers, (watchers) => new Map([...watchers, [uri, fiber]]))
        }
        return {}
      }))
  ],
  [
    "resources/unsubscribe",
    withParams(ReadResource, ({ uri }, { session }) =>
      Effect.gen(function*() {
        yield* requireSubscribe(session, "resources/unsubscribe")
        yield* Ref.update(session.subscriptions, (uris) => new Set([...uris].filter((u) => u !== uri)))
        yield* unwatch(session, uri)
        return {}
      }))
  ],
  [
    "completion/complete",
    withParams(Complete, ({ argument, context, ref }, request) =>
      Effect.gen(function*() {
        const { session } = request
        const others = context?.arguments ?? {}
        let completer: Option.Option<McpSession.Run<ReadonlyArray<string>>>
        if (ref.type === "ref/prompt") {
          const prompt = (yield* Ref.get(session.prompts)).byKey.get(ref.name)
          if (prompt === undefined) {
            return yield* JsonRpc.McpError.invalidParams(`Unknown prompt: ${ref.name}`, { name: ref.name })
          }
          completer = prompt.complete(argument.name, argument.value, others)
        } else {
          const template = (yield* Ref.get(session.resourceTemplates)).byKey.get(ref.uri)
          if (template === undefined) {
            return yield* JsonRpc.McpError.invalidParams(`Unknown resource template: ${ref.uri}`, { uri: ref.uri })
          }
          completer = template.complete(argument.name, argument.value, others)
        }
        const values = Option.isSome(completer) ? yield* completer.value(request) : []
        return {
          completion: {
            values: values.slice(0, MAX_COMPLETIONS),
            total: values.length,
            hasMore: values.length > MAX_COMPLETIONS
          }
        }
      }))
  ],
  [
    "tasks/get",
    withParams(
      TaskRef,
      ({ taskId }, { session }) => Effect.flatMap(Tasks.find(session, taskId), (entry) => Ref.get(entry.task))
    )
  ],
  ["tasks/result", withParams(TaskRef, ({ taskId }, { session }) => Tasks.result(session, taskId))],
  ["tasks/cancel", withParams(TaskRef, ({ taskId }, { session }) => Tasks.cancel(session, taskId))],
  [
    "tasks/list",
    list(
      "tasks",
      "tasks",
      (r) =>
        Effect.flatMap(
          Ref.get(r.session.tasks),
          (tasks) => Effect.forEach([...tasks.values()], (t) => Ref.get(t.task))
        ),
      identity
    )
  ],
  [
    "logging/setLevel",
    withParams(SetLevel, ({ level }, { session }) => Effect.as(Ref.set(session.logLevel, Option.some(level)), {}))
  ]
])
