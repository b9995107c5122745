/**
 * End to end: the example server over Streamable HTTP in its own process, driven by the official SDK client.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js"
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema
} from "@modelcontextprotocol/sdk/types.js"
import { type ChildProcess, spawn } from "node:child_process"
import { createServer } from "node:net"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
const entry = fileURLToPath(new URL("../src/http.ts", import.meta.url))

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })

describe("example server over Streamable HTTP, driven by the official SDK client", () => {
  let server: ChildProcess
  let url: URL

  beforeAll(async () => {
    const port = await freePort()
    url = new URL(`http://127.0.0.1:${port}/mcp`)
    server = spawn(tsx, [entry], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the server did not start")), 20_000)
      const onData = (chunk: Buffer) => {
        if (chunk.toString().includes("/mcp")) {
          clearTimeout(timer)
          resolve()
        }
      }
      server.stdout?.on("data", onData)
      server.stderr?.on("data", onData)
    })
  }, 30_000)

  afterAll(() => {
    server?.kill("SIGTERM")
  })

  const connect = async (user?: string) => {
    const transport = new StreamableHTTPClientTransport(url, {
      requestInit: user === undefined ? {} : { headers: { "x-user": user } }
    })
    const client = new Client(
      { name: "http-e2e", version: "1.0.0" },
      { capabilities: { sampling: {}, elicitation: { form: {} }, roots: { listChanged: true } } }
    )
    client.setRequestHandler(CreateMessageRequestSchema, async () => ({
      role: "assistant",
      content: { type: "text", text: "sampled over http" },
      model: "fake-llm"
    }))
    client.setRequestHandler(
      ElicitRequestSchema,
      async () => ({ action: "accept", content: { name: "Grace", color: "blue" } })
    )
    client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: [{ uri: "file:///over/http", name: "h" }] }))
    await client.connect(transport)
    return { client, transport }
  }

  it("serves tools, prompts and resources, and ends the session on DELETE", async () => {
    const { client, transport } = await connect()
    expect(await client.callTool({ name: "echo", arguments: { text: "over http" } })).toEqual({
      content: [{ type: "text", text: "over http" }]
    })
    expect((await client.readResource({ uri: "notes://1" })).contents[0]).toMatchObject({ text: "Buy milk" })
    expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual(["summarize"])
    await transport.terminateSession()
    await expect(client.listTools()).rejects.toThrow()
  })

  it("gives the admin, and only the admin, the per-user tool", async () => {
    const admin = await connect("admin")
    const guest = await connect("guest")
    try {
      expect((await admin.client.listTools()).tools.map((t) => t.name)).toContain("admin_report")
      expect((await guest.client.listTools()).tools.map((t) => t.name)).not.toContain("admin_report")
      expect(await admin.client.callTool({ name: "admin_report", arguments: {} })).toEqual({
        content: [{ type: "text", text: "All systems nominal" }]
      })
    } finally {
      await admin.client.close()
      await guest.client.close()
    }
  })

  it("server-to-client requests travel on the request's stream: sampling, elicitation, roots", async () => {
    const { client } = await connect()
    try {
      expect(await client.callTool({ name: "ask_model", arguments: { question: "q" } })).toEqual({
        content: [{ type: "text", text: "sampled over http" }]
      })
      expect(await client.callTool({ name: "register", arguments: {} })).toEqual({
        content: [{ type: "text", text: "Welcome, Grace (blue)" }]
      })
      expect(await client.callTool({ name: "show_roots", arguments: {} })).toEqual({
        content: [{ type: "text", text: "file:///over/http" }]
      })
    } finally {
      await client.close()
    }
  })
})
