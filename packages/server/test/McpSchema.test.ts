import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import * as McpSchema from "../src/McpSchema.js"

const decode = <A, I>(schema: Schema.Schema<A, I>, u: unknown): A => Schema.decodeUnknownSync(schema)(u)

const rejects = <A, I>(schema: Schema.Schema<A, I>, u: unknown): boolean =>
  Either.isLeft(Schema.decodeUnknownEither(schema)(u))

const roundTrips = <A, I>(schema: Schema.Schema<A, I>, u: unknown): void => {
  const decoded = Schema.decodeUnknownSync(schema)(u)
  expect(Schema.encodeSync(schema)(decoded)).toStrictEqual(u)
}

describe("McpSchema", () => {
  describe("protocol versions", () => {
    it("lists the supported versions, newest first", () => {
      expect(McpSchema.SUPPORTED_PROTOCOL_VERSIONS).toStrictEqual([
        "2025-11-25",
        "2025-06-18",
        "2025-03-26",
        "2024-11-05"
      ])
      expect(McpSchema.SUPPORTED_PROTOCOL_VERSIONS[0]).toBe(McpSchema.LATEST_PROTOCOL_VERSION)
    })

    it("recognises supported versions only", () => {
      expect(McpSchema.isSupportedProtocolVersion("2025-03-26")).toBe(true)
      expect(McpSchema.isSupportedProtocolVersion("2026-01-01")).toBe(false)
      expect(McpSchema.isSupportedProtocolVersion(20241105)).toBe(false)
      expect(McpSchema.isSupportedProtocolVersion(undefined)).toBe(false)
    })

    it("has the JSON-RPC and MCP error codes", () => {
      expect(McpSchema.JSONRPC_VERSION).toBe("2.0")
      expect([
        McpSchema.PARSE_ERROR,
        McpSchema.INVALID_REQUEST,
        McpSchema.METHOD_NOT_FOUND,
        McpSchema.INVALID_PARAMS,
        McpSchema.INTERNAL_ERROR,
        McpSchema.RESOURCE_NOT_FOUND,
        McpSchema.URL_ELICITATION_REQUIRED
      ]).toStrictEqual([-32700, -32600, -32601, -32602, -32603, -32002, -32042])
    })
  })

  describe("JSON-RPC envelopes", () => {
    it("tells requests, notifications, results and errors apart", () => {
      const request = decode(McpSchema.JSONRPCMessage, { jsonrpc: "2.0", id: 1, method: "ping" })
      expect(request).toStrictEqual({ jsonrpc: "2.0", id: 1, method: "ping" })
      expect(Schema.is(McpSchema.JSONRPCRequest)(request)).toBe(true)

      const notification = decode(McpSchema.JSONRPCMessage, {
        jsonrpc: "2.0",
        method: "notifications/initialized"
      })
      expect(Schema.is(McpSchema.JSONRPCRequest)(notification)).toBe(false)
      expect(Schema.is(McpSchema.JSONRPCNotification)(notification)).toBe(true)

      const result = decode(McpSchema.JSONRPCMessage, { jsonrpc: "2.0", id: "a", result: { extra: [1] } })
      expect(result).toStrictEqual({ jsonrpc: "2.0", id: "a", result: { extra: [1] } })

      const error = decode(McpSchema.JSONRPCMessage, {
        jsonrpc: "2.0",
        id: null,
        error: { code: McpSchema.PARSE_ERROR, message: "Parse error" }
      })
      expect(Schema.is(McpSchema.JSONRPCErrorResponse)(error)).toBe(true)
    })

    it("accepts the older names and the 2024-11-05 error shape", () => {
      expect(McpSchema.JSONRPCResponse).toBe(McpSchema.JSONRPCResultResponse)
      expect(McpSchema.JSONRPCError).toBe(McpSchema.JSONRPCErrorResponse)
      roundTrips(McpSchema.JSONRPCError, {
        jsonrpc: "2.0",
        id: 7,
        error: { code: McpSchema.METHOD_NOT_FOUND, message: "Method not found", data: { method: "foo" } }
      })
      // 2025-11-25 omits the id when it is unknown.
      roundTrips(McpSchema.JSONRPCErrorResponse, { jsonrpc: "2.0", error: { code: -32700, message: "Parse error" } })
    })

    it("decodes a 2025-03-26 batch", () => {
      const batch = decode(McpSchema.JSONRPCBatchRequest, [
        { jsonrpc: "2.0", id: 1, method: "tools/list" },
        { jsonrpc: "2.0", method: "notifications/initialized" }
      ])
      expect(batch).toHaveLength(2)
      roundTrips(McpSchema.JSONRPCBatchResponse, [
        { jsonrpc: "2.0", id: 1, result: {} },
        { jsonrpc: "2.0", id: 2, error: { code: -32601, message: "Method not found" } }
      ])
    })

    it("rejects malformed envelopes", () => {
      expect(rejects(McpSchema.JSONRPCMessage, { jsonrpc: "1.0", id: 1, method: "ping" })).toBe(true)
      expect(rejects(McpSchema.JSONRPCRequest, { jsonrpc: "2.0", id: null, method: "ping" })).toBe(true)
      expect(rejects(McpSchema.JSONRPCMessage, { jsonrpc: "2.0", id: 1 })).toBe(true)
    })
  })

  describe("initialize", () => {
    it("decodes a request from a 2024-11-05 client", () => {
      const message = decode(McpSchema.JSONRPCRequest, {
        jsonrpc: "2.0",
        id: 0,
        method: "initialize",
        params: {
          protocolVersion: "2024-11-05",
          capabilities: { roots: { listChanged: true }, sampling: {} },
          clientInfo: { name: "claude-ai", version: "0.1.0" }
        }
      })
      const request = decode(McpSchema.ClientRequest, { method: message.method, params: message.params })
      expect(request.method).toBe("initialize")
      const params = decode(McpSchema.InitializeRequestParams, message.params)
      expect(params).toStrictEqual({
        protocolVersion: "2024-11-05",
        capabilities: { roots: { listChanged: true }, sampling: {} },
        clientInfo: { name: "claude-ai", version: "0.1.0" }
      })
      expect(McpSchema.isSupportedProtocolVersion(params.protocolVersion)).toBe(true)
    })

    it("decodes a request from a 2025-11-25 client, non-standard capabilities included", () => {
      const input = {
        method: "initialize",
        params: {
          _meta: { progressToken: "init-1" },
          protocolVersion: "2025-11-25",
          capabilities: {
            experimental: { "x-trace": { level: 2 } },
            roots: { listChanged: true },
            sampling: { context: {}, tools: {} },
            elicitation: { form: {}, url: {} },
            tasks: {
              list: {},
              cancel: {},
              requests: { sampling: { createMessage: {} }, elicitation: { create: {} } }
            },
            "com.example/whiteboard": { version: 3 }
          },
          clientInfo: {
            name: "example-client",
            title: "Example Client",
            version: "2.1.0",
            description: "An MCP client for tests",
            websiteUrl: "https://example.com",
            icons: [
              { src: "https://example.com/icon.png", mimeType: "image/png", sizes: ["48x48"], theme: "light" },
              { src: "data:image/svg+xml;base64,PHN2Zy8+", sizes: ["any"] }
            ]
          }
        }
      }
      const request = decode(McpSchema.InitializeRequest, input)
      expect(request).toStrictEqual(input)
      expect(request.params.capabilities["com.example/whiteboard"]).toStrictEqual({ version: 3 })
      expect(decode(McpSchema.RequestMeta, request.params._meta).progressToken).toBe("init-1")
      roundTrips(McpSchema.InitializeRequest, input)
    })

    it("decodes an initialize result", () => {
      roundTrips(McpSchema.InitializeResult, {
        protocolVersion: "2025-06-18",
        capabilities: {
          logging: {},
          completions: {},
          prompts: { listChanged: true },
          resources: { subscribe: true, listChanged: false },
          tools: { listChanged: true },
          tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } }
        },
        serverInfo: { name: "weather", version: "1.0.0" },
        instructions: "Call get_forecast before answering questions about the weather."
      })
    })

    it("requires clientInfo", () => {
      expect(rejects(McpSchema.InitializeRequestParams, { protocolVersion: "2025-11-25", capabilities: {} })).toBe(
        true
      )
    })
  })

  describe("tools", () => {
    const listResult = {
      tools: [
        {
          name: "get_forecast",
          title: "Weather forecast",
          description: "Gets the forecast for a city",
          icons: [{ src: "https://example.com/sun.png", mimeType: "image/png" }],
          inputSchema: {
            $schema: "https://json-schema.org/draft/2020-12/schema",
            type: "object",
            properties: { city: { type: "string" }, days: { type: "integer", minimum: 1 } },
            required: ["city"],
            additionalProperties: false,
            $defs: { Unit: { enum: ["C", "F"] } }
          },
          outputSchema: {
            type: "object",
            properties: { temperatures: { type: "array", items: { type: "number" } } },
            required: ["temperatures"]
          },
          annotations: { title: "Forecast", readOnlyHint: true, openWorldHint: true },
          execution: { taskSupport: "optional" },
          _meta: { "com.example/cost": 0.01 }
        },
        { name: "ping", inputSchema: { type: "object" } }
      ],
      nextCursor: "page-2"
    }

    it("decodes a tools/list result with annotations and outputSchema", () => {
      const result = decode(McpSchema.ListToolsResult, listResult)
      expect(result).toStrictEqual(listResult)
      expect(result.tools[0].annotations?.readOnlyHint).toBe(true)
      expect(result.tools[0].outputSchema?.required).toStrictEqual(["temperatures"])
      roundTrips(McpSchema.ListToolsResult, listResult)
    })

    it("keeps unknown JSON Schema keywords of inputSchema", () => {
      const tool = decode(McpSchema.Tool, listResult.tools[0])
      expect(tool.inputSchema.additionalProperties).toBe(false)
      expect(tool.inputSchema.$defs).toStrictEqual({ Unit: { enum: ["C", "F"] } })
      expect(tool.inputSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    })

    it("requires an object inputSchema", () => {
      expect(rejects(McpSchema.Tool, { name: "t", inputSchema: { type: "string" } })).toBe(true)
      expect(rejects(McpSchema.Tool, { name: "t" })).toBe(true)
    })

    it("decodes a 2024-11-05 tool", () => {
      const tool = { name: "echo", description: "Echoes", inputSchema: { type: "object", properties: {} } }
      expect(decode(McpSchema.Tool, tool)).toStrictEqual(tool)
    })

    it("decodes a tools/call request, task-augmented", () => {
      const request = decode(McpSchema.ClientRequest, {
        method: "tools/call",
        params: { name: "get_forecast", arguments: { city: "Oslo" }, task: { ttl: 60000 }, _meta: { progressToken: 3 } }
      })
      expect(request).toStrictEqual({
        method: "tools/call",
        params: { name: "get_forecast", arguments: { city: "Oslo" }, task: { ttl: 60000 }, _meta: { progressToken: 3 } }
      })
    })

    it("decodes a call tool result with every content block and structuredContent", () => {
      const input = {
        content: [
          {
            type: "text",
            text: "Sunny, 21°C",
            annotations: { audience: ["user", "assistant"], priority: 0.8, lastModified: "2025-01-12T15:00:58Z" }
          },
          { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" },
          { type: "audio", data: "UklGRiQ=", mimeType: "audio/wav", _meta: { seconds: 1 } },
          {
            type: "resource_link",
            uri: "file:///reports/oslo.md",
            name: "oslo.md",
            title: "Oslo report",
            mimeType: "text/markdown",
            size: 2048,
            annotations: { priority: 0.2 }
          },
          { type: "resource", resource: { uri: "file:///data.txt", mimeType: "text/plain", text: "21" } },
          { type: "resource", resource: { uri: "file:///data.bin", blob: "AAEC" }, annotations: { audience: ["user"] } }
        ],
        structuredContent: { temperatures: [21, 22] },
        isError: false
      }
      const result = decode(McpSchema.CallToolResult, input)
      expect(result).toStrictEqual(input)
      expect(result.content.map((block) => block.type)).toStrictEqual([
        "text",
        "image",
        "audio",
        "resource_link",
        "resource",
        "resource"
      ])
      roundTrips(McpSchema.CallToolResult, input)
    })

    it("rejects invalid content", () => {
      expect(rejects(McpSchema.TextContent, { type: "text" })).toBe(true)
      expect(rejects(McpSchema.ContentBlock, { type: "video", data: "", mimeType: "video/mp4" })).toBe(true)
      expect(rejects(McpSchema.ContentBlock, { type: "text", text: "x", annotations: { priority: 1.5 } })).toBe(true)
      expect(rejects(McpSchema.ContentBlock, { type: "resource_link", uri: "file:///a" })).toBe(true)
      expect(rejects(McpSchema.CallToolResult, { content: [{ type: "text" }] })).toBe(true)
      expect(rejects(McpSchema.CallToolResult, { structuredContent: {} })).toBe(true)
    })
  })

  describe("prompts, resources, completion, roots", () => {
    it("decodes prompts", () => {
      roundTrips(McpSchema.ListPromptsResult, {
        prompts: [
          {
            name: "code_review",
            title: "Request Code Review",
            description: "Asks for a review",
            arguments: [{ name: "code", description: "The code", required: true }]
          }
        ]
      })
      roundTrips(McpSchema.GetPromptResult, {
        description: "Code review prompt",
        messages: [
          { role: "user", content: { type: "text", text: "Please review this code" } },
          { role: "assistant", content: { type: "resource", resource: { uri: "file:///a.py", text: "print(1)" } } }
        ]
      })
      expect(rejects(McpSchema.PromptMessage, { role: "system", content: { type: "text", text: "x" } })).toBe(true)
    })

    it("decodes resources", () => {
      roundTrips(McpSchema.ListResourcesResult, {
        resources: [{ uri: "file:///project/src/main.rs", name: "main.rs", mimeType: "text/x-rust" }]
      })
      roundTrips(McpSchema.ListResourceTemplatesResult, {
        resourceTemplates: [{
          uriTemplate: "file:///{path}",
          name: "Project Files",
          mimeType: "application/octet-stream"
        }]
      })
      roundTrips(McpSchema.ReadResourceResult, {
        contents: [{ uri: "file:///a.txt", text: "hello" }, {
          uri: "file:///b.png",
          mimeType: "image/png",
          blob: "AAAA"
        }]
      })
      roundTrips(McpSchema.SubscribeRequest, { method: "resources/subscribe", params: { uri: "file:///a.txt" } })
      roundTrips(McpSchema.ResourceUpdatedNotification, {
        method: "notifications/resources/updated",
        params: { uri: "file:///a.txt" }
      })
      expect(rejects(McpSchema.ReadResourceResult, { contents: [{ uri: "file:///a.txt" }] })).toBe(true)
    })

    it("decodes completion requests of every version", () => {
      // 2024-11-05: `ref/resource` was called ResourceReference.
      roundTrips(McpSchema.CompleteRequest, {
        method: "completion/complete",
        params: { ref: { type: "ref/resource", uri: "file:///{path}" }, argument: { name: "path", value: "sr" } }
      })
      // 2025-06-18: context with resolved arguments.
      roundTrips(McpSchema.CompleteRequestParams, {
        ref: { type: "ref/prompt", name: "code_review", title: "Code review" },
        argument: { name: "framework", value: "fla" },
        context: { arguments: { language: "python" } }
      })
      roundTrips(McpSchema.CompleteResult, { completion: { values: ["flask", "fastapi"], total: 2, hasMore: false } })
      expect(rejects(McpSchema.CompleteResult, { completion: { values: Array(101).fill("x") } })).toBe(true)
    })

    it("decodes roots", () => {
      roundTrips(McpSchema.ListRootsResult, { roots: [{ uri: "file:///home/user/project", name: "Project" }] })
      roundTrips(McpSchema.ServerRequest, { method: "roots/list" })
    })
  })

  describe("logging and progress", () => {
    it("decodes logging messages", () => {
      roundTrips(McpSchema.SetLevelRequest, { method: "logging/setLevel", params: { level: "warning" } })
      roundTrips(McpSchema.ServerNotification, {
        method: "notifications/message",
        params: { level: "error", logger: "database", data: { error: "Connection failed", retries: 3 } }
      })
    })

    it("rejects an unknown logging level", () => {
      expect(rejects(McpSchema.LoggingLevel, "verbose")).toBe(true)
      expect(rejects(McpSchema.SetLevelRequestParams, { level: "trace" })).toBe(true)
    })

    it("ranks levels by severity", () => {
      const ranked = McpSchema.LoggingLevel.literals.map((level) => McpSchema.LogLevelSeverity[level])
      expect(ranked).toStrictEqual([0, 1, 2, 3, 4, 5, 6, 7])
    })

    it("decodes progress and cancellation of every version", () => {
      roundTrips(McpSchema.ProgressNotification, {
        method: "notifications/progress",
        params: { progressToken: "abc", progress: 50, total: 100, message: "Halfway" }
      })
      roundTrips(McpSchema.CancelledNotification, {
        method: "notifications/cancelled",
        params: { requestId: 123, reason: "User requested cancellation" }
      })
      expect(rejects(McpSchema.ProgressNotificationParams, { progressToken: null, progress: 1 })).toBe(true)
    })
  })

  describe("sampling", () => {
    it("decodes a 2025-11-25 request with tools and toolChoice", () => {
      const input = {
        method: "sampling/createMessage",
        params: {
          messages: [
            { role: "user", content: { type: "text", text: "What is the weather in Paris?" } },
            {
              role: "assistant",
              content: [{ type: "tool_use", id: "call_1", name: "get_weather", input: { city: "Paris" } }]
            },
            {
              role: "user",
              content: [
                {
                  type: "tool_result",
                  toolUseId: "call_1",
                  content: [{ type: "text", text: "18°C, cloudy" }],
                  structuredContent: { temperature: 18 }
                }
              ]
            }
          ],
          modelPreferences: {
            hints: [{ name: "claude-3-sonnet" }, { name: "claude" }],
            costPriority: 0.3,
            speedPriority: 0.8,
            intelligencePriority: 0.5
          },
          systemPrompt: "You are a helpful assistant.",
          includeContext: "none",
          temperature: 0.7,
          maxTokens: 1000,
          stopSequences: ["\n\nHuman:"],
          metadata: { provider: "any" },
          tools: [
            {
              name: "get_weather",
              description: "Current weather",
              inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] }
            }
          ],
          toolChoice: { mode: "auto" },
          task: { ttl: 30000 }
        }
      }
      const request = decode(McpSchema.ServerRequest, input)
      expect(request).toStrictEqual(input)
      roundTrips(McpSchema.CreateMessageRequest, input)
    })

    it("decodes results with one block and with several", () => {
      roundTrips(McpSchema.CreateMessageResult, {
        role: "assistant",
        content: { type: "text", text: "The capital of France is Paris." },
        model: "claude-3-sonnet-20240307",
        stopReason: "endTurn"
      })
      roundTrips(McpSchema.CreateMessageResult, {
        role: "assistant",
        content: [
          { type: "text", text: "Let me check." },
          { type: "tool_use", id: "call_2", name: "get_weather", input: { city: "Oslo" } }
        ],
        model: "claude-sonnet-4",
        stopReason: "toolUse"
      })
    })

    it("rejects invalid sampling requests", () => {
      expect(rejects(McpSchema.CreateMessageRequestParams, { messages: [] })).toBe(true)
      expect(
        rejects(McpSchema.CreateMessageRequestParams, { messages: [], maxTokens: 10, toolChoice: { mode: "any" } })
      )
        .toBe(true)
      expect(
        rejects(McpSchema.CreateMessageRequestParams, {
          messages: [],
          maxTokens: 10,
          modelPreferences: { costPriority: 2 }
        })
      ).toBe(true)
    })
  })

  describe("elicitation", () => {
    it("decodes a 2025-06-18 form request (no mode, legacy enumNames)", () => {
      const params = {
        message: "Please provide your GitHub username",
        requestedSchema: {
          type: "object",
          properties: {
            name: { type: "string", title: "Name", minLength: 1 },
            plan: { type: "string", enum: ["free", "pro"], enumNames: ["Free", "Pro"] }
          },
          required: ["name"]
        }
      }
      const decoded = decode(McpSchema.ElicitRequestParams, params)
      expect(decoded).toStrictEqual(params)
      roundTrips(McpSchema.ElicitRequestParams, params)
    })

    it("decodes a 2025-11-25 form request with every field type", () => {
      const params = {
        mode: "form",
        message: "Configure the deployment",
        requestedSchema: {
          $schema: "https://json-schema.org/draft/2020-12/schema",
          type: "object",
          properties: {
            email: { type: "string", format: "email", default: "a@example.com" },
            replicas: { type: "integer", minimum: 1, maximum: 10, default: 2 },
            confirm: { type: "boolean", default: false },
            region: { type: "string", enum: ["eu", "us"], default: "eu" },
            tier: {
              type: "string",
              oneOf: [{ const: "s", title: "Small" }, { const: "l", title: "Large" }]
            },
            features: { type: "array", minItems: 1, items: { type: "string", enum: ["logs", "metrics"] } },
            addons: {
              type: "array",
              items: { anyOf: [{ const: "cdn", title: "CDN" }, { const: "waf", title: "Firewall" }] },
              default: ["cdn"]
            }
          },
          required: ["email"]
        }
      }
      const request = decode(McpSchema.ElicitRequest, { method: "elicitation/create", params })
      expect(request.params).toStrictEqual(params)
      roundTrips(McpSchema.ElicitRequestFormParams, params)
    })

    it("decodes a URL-mode request and its completion", () => {
      const params = {
        mode: "url",
        message: "Please authorize access to your repositories",
        elicitationId: "550e8400-e29b-41d4-a716-446655440000",
        url: "https://example.com/oauth/authorize?state=abc"
      }
      const decoded = decode(McpSchema.ElicitRequestParams, params)
      expect(decoded).toStrictEqual(params)
      expect(decoded.mode).toBe("url")
      roundTrips(McpSchema.ServerNotification, {
        method: "notifications/elicitation/complete",
        params: { elicitationId: "550e8400-e29b-41d4-a716-446655440000" }
      })
      roundTrips(McpSchema.URLElicitationRequiredError, {
        jsonrpc: "2.0",
        id: 2,
        error: {
          code: McpSchema.URL_ELICITATION_REQUIRED,
          message: "This request requires more information.",
          data: { elicitations: [params] }
        }
      })
    })

    it("decodes results", () => {
      roundTrips(McpSchema.ElicitResult, {
        action: "accept",
        content: { name: "octocat", replicas: 2, confirm: true, features: ["logs"] }
      })
      roundTrips(McpSchema.ElicitResult, { action: "cancel" })
    })

    it("rejects invalid elicitations", () => {
      expect(rejects(McpSchema.ElicitRequestParams, { mode: "url", message: "m", url: "https://x" })).toBe(true)
      expect(rejects(McpSchema.ElicitRequestParams, { message: "m" })).toBe(true)
      expect(
        rejects(McpSchema.ElicitRequestFormParams, {
          message: "m",
          requestedSchema: { type: "object", properties: { nested: { type: "object" } } }
        })
      ).toBe(true)
      expect(rejects(McpSchema.ElicitResult, { action: "ok" })).toBe(true)
    })
  })

  describe("tasks", () => {
    const task = {
      taskId: "786512e2-9e0d-44bd-8f29-789f320fe840",
      status: "working",
      statusMessage: "The operation is now in progress.",
      createdAt: "2025-11-25T10:30:00Z",
      lastUpdatedAt: "2025-11-25T10:40:00Z",
      ttl: 60000,
      pollInterval: 5000
    }

    it("decodes a task and the task results", () => {
      expect(decode(McpSchema.Task, task)).toStrictEqual(task)
      roundTrips(McpSchema.CreateTaskResult, { task })
      roundTrips(McpSchema.GetTaskResult, { ...task, status: "completed", ttl: null })
      roundTrips(McpSchema.ListTasksResult, { tasks: [task], nextCursor: "next" })
      roundTrips(McpSchema.CancelTaskResult, { ...task, status: "cancelled" })
    })

    it("decodes task requests and notifications", () => {
      roundTrips(McpSchema.ClientRequest, { method: "tasks/get", params: { taskId: task.taskId } })
      roundTrips(McpSchema.ClientRequest, { method: "tasks/result", params: { taskId: task.taskId } })
      roundTrips(McpSchema.ClientRequest, { method: "tasks/cancel", params: { taskId: task.taskId } })
      roundTrips(McpSchema.ClientRequest, { method: "tasks/list", params: { cursor: "c" } })
      roundTrips(McpSchema.TaskStatusNotification, {
        method: "notifications/tasks/status",
        params: { ...task, status: "input_required" }
      })
      expect(decode(McpSchema.RelatedTaskMetadata, { taskId: task.taskId })).toStrictEqual({ taskId: task.taskId })
    })

    it("keeps the whole payload of tasks/result", () => {
      const payload = {
        content: [{ type: "text", text: "done" }],
        isError: false,
        _meta: { [McpSchema.RELATED_TASK_META_KEY]: { taskId: task.taskId } }
      }
      expect(decode(McpSchema.GetTaskPayloadResult, payload)).toStrictEqual(payload)
    })

    it("rejects invalid tasks", () => {
      expect(rejects(McpSchema.Task, { ...task, status: "paused" })).toBe(true)
      const { ttl: _ttl, ...withoutTtl } = task
      expect(rejects(McpSchema.Task, withoutTtl)).toBe(true)
    })
  })

  describe("results", () => {
    it("keeps unknown keys of an empty result", () => {
      const result = { _meta: { trace: "1" }, vendorExtension: true }
      expect(decode(McpSchema.EmptyResult, result)).toStrictEqual(result)
    })

    it("decodes results of every direction", () => {
      const listRoots = decode(McpSchema.ClientResult, { roots: [{ uri: "file:///tmp" }] })
      expect(listRoots).toStrictEqual({ roots: [{ uri: "file:///tmp" }] })
      const callTool = decode(McpSchema.ServerResult, { content: [{ type: "text", text: "hi" }] })
      expect(callTool).toStrictEqual({ content: [{ type: "text", text: "hi" }] })
    })
  })
})
