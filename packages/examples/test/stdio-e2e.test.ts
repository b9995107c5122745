/**
 * End to end: the official MCP SDK client spawns the example server over stdio and drives it.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js"
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema
} from "@modelcontextprotocol/sdk/types.js"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
const entry = (file: string) => fileURLToPath(new URL(`../src/${file}`, import.meta.url))

const connect = async (file: string) => {
  const transport = new StdioClientTransport({ command: tsx, args: [entry(file)], stderr: "pipe" })
  const client = new Client(
    { name: "e2e", version: "1.0.0" },
    { capabilities: { sampling: {}, elicitation: { form: {} }, roots: { listChanged: true } } }
  )
  await client.connect(transport)
  return { client, transport }
}

describe("example server over stdio, driven by the official SDK client", () => {
  let client: Client
  const listChanged: Array<string> = []

  beforeAll(async () => {
    ;({ client } = await connect("stdio.ts"))
    client.setNotificationHandler(ToolListChangedNotificationSchema, async (n) => {
      listChanged.push(n.method)
    })
  }, 30_000)

  afterAll(async () => {
    await client?.close()
  })

  it("initializes with the server's info and capabilities", () => {
    expect(client.getServerVersion()).toMatchObject({ name: "mcp-effect-example", version: "0.1.0" })
    expect(client.getServerCapabilities()).toMatchObject({
      tools: { listChanged: true },
      prompts: { listChanged: true },
      resources: { listChanged: true },
      logging: {}
    })
    expect(client.getInstructions()).toContain("add_note")
  })

  it("lists and calls tools", async () => {
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toEqual([
      "echo",
      "add",
      "add_note",
      "get_note",
      "unlock_secret",
      "countdown",
      "ask_model",
      "register",
      "show_roots"
    ])
    expect(await client.callTool({ name: "echo", arguments: { text: "hi" } })).toEqual({
      content: [{ type: "text", text: "hi" }]
    })
    const sum = await client.callTool({ name: "add", arguments: { a: 1, b: 2 } })
    expect(sum.structuredContent).toEqual({ sum: 3 })
    const invalid = await client.callTool({ name: "add", arguments: { a: "x", b: 2 } })
    expect(invalid.isError).toBe(true)
  })

  it("gets prompts", async () => {
    const { prompts } = await client.listPrompts()
    expect(prompts.map((p) => p.name)).toEqual(["summarize"])
    const prompt = await client.getPrompt({ name: "summarize", arguments: { text: "abc", style: "detailed" } })
    expect(prompt.messages[0]?.content).toEqual({ type: "text", text: "Summarize this text in detail:\n\nabc" })
  })

  it("reads resources and a templated resource", async () => {
    const { resources } = await client.listResources()
    expect(resources.map((r) => r.uri)).toContain("docs://readme")
    const readme = await client.readResource({ uri: "docs://readme" })
    expect(readme.contents[0]).toMatchObject({ uri: "docs://readme", mimeType: "text/markdown" })
    const { resourceTemplates } = await client.listResourceTemplates()
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(["notes://{id}"])
    const note = await client.readResource({ uri: "notes://1" })
    expect(note.contents[0]).toMatchObject({ uri: "notes://1", text: "Buy milk" })
    await expect(client.readResource({ uri: "notes://999" })).rejects.toThrow(/999/)
  })

  it("receives list_changed after its live session changes", async () => {
    await client.callTool({ name: "unlock_secret", arguments: {} })
    await expect.poll(() => listChanged.length).toBeGreaterThan(0)
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toContain("secret")
    expect(await client.callTool({ name: "secret", arguments: {} })).toEqual({
      content: [{ type: "text", text: "42" }]
    })
  })

  it("answers an unknown tool with a JSON-RPC error", async () => {
    await expect(client.callTool({ name: "nope", arguments: {} })).rejects.toThrow(/nope/)
  })
})

describe("the request context over stdio, with the official SDK client answering", () => {
  let client: Client
  const logs: Array<unknown> = []
  const updates: Array<string> = []
  let roots = [{ uri: "file:///projects/a", name: "a" }]

  beforeAll(async () => {
    ;({ client } = await connect("stdio.ts"))
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      const first = request.params.messages[0]?.content
      const question = first !== undefined && "text" in first ? String(first.text) : ""
      return { role: "assistant", content: { type: "text", text: `echo: ${question}` }, model: "fake-llm" }
    })
    client.setRequestHandler(ElicitRequestSchema, async () => ({
      action: "accept",
      content: { name: "Ada", color: "green" }
    }))
    client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots }))
    client.setNotificationHandler(LoggingMessageNotificationSchema, async (n) => {
      logs.push(n.params.data)
    })
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, async (n) => {
      updates.push(n.params.uri)
    })
  }, 30_000)

  afterAll(async () => {
    await client?.close()
  })

  it("sampling: the tool's question reaches the client's model", async () => {
    expect(await client.callTool({ name: "ask_model", arguments: { question: "why?" } })).toEqual({
      content: [{ type: "text", text: "echo: why?" }]
    })
  })

  it("elicitation: the user's form answer is decoded", async () => {
    expect(await client.callTool({ name: "register", arguments: {} })).toEqual({
      content: [{ type: "text", text: "Welcome, Ada (green)" }]
    })
  })

  it("roots: listed from the client, and listed again after the client says they changed", async () => {
    expect(await client.callTool({ name: "show_roots", arguments: {} })).toEqual({
      content: [{ type: "text", text: "file:///projects/a" }]
    })
    roots = [{ uri: "file:///projects/b", name: "b" }]
    await client.sendRootsListChanged()
    await expect.poll(async () => {
      const result = await client.callTool({ name: "show_roots", arguments: {} })
      return result.content
    }).toEqual([{ type: "text", text: "file:///projects/b" }])
  })

  it("progress and logging reach the client while the tool works", async () => {
    await client.setLoggingLevel("info")
    const progress: Array<number> = []
    const result = await client.callTool({ name: "countdown", arguments: { from: 3 } }, undefined, {
      onprogress: (p) => {
        progress.push(p.progress)
      }
    })
    expect(result.content).toEqual([{ type: "text", text: "Liftoff!" }])
    // The SDK client handles a notification a microtask after a response read in the same chunk, so the last progress
    // may reach it after the call has settled and be dropped; the order the server sends in is checked in memory
    // (McpRequest.test.ts).
    expect(progress.length).toBeGreaterThanOrEqual(2)
    expect(progress).toEqual([1, 2, 3].slice(0, progress.length))
    await expect.poll(() => logs).toContain("countdown at 0")
  })

  it("subscriptions: a watched resource tells its subscriber when it changes", async () => {
    await client.subscribeResource({ uri: "time://now" })
    await expect.poll(() => updates, { timeout: 5_000 }).toContain("time://now")
    await client.unsubscribeResource({ uri: "time://now" })
  })

  it("completion: prompt arguments and template variables", async () => {
    const style = await client.complete({
      ref: { type: "ref/prompt", name: "summarize" },
      argument: { name: "style", value: "d" }
    })
    expect(style.completion.values).toEqual(["detailed"])
    const id = await client.complete({
      ref: { type: "ref/resource", uri: "notes://{id}" },
      argument: { name: "id", value: "" }
    })
    expect(id.completion.values).toContain("1")
  })
})

describe("the README's first server", () => {
  it("runs as written", async () => {
    const { client } = await connect("first-server.ts")
    try {
      expect(await client.callTool({ name: "forecast", arguments: { city: "Oslo" } })).toEqual({
        content: [{ type: "text", text: "Sunny in Oslo" }]
      })
    } finally {
      await client.close()
    }
  }, 30_000)
})
