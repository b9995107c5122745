// The official SDK's echo server over Streamable HTTP: one McpServer + StreamableHTTPServerTransport per session.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js"
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js"
import { randomUUID } from "node:crypto"
import * as http from "node:http"
import { z } from "zod"
import { registerExtra } from "./sdk-extra.mjs"
import "./memory-report.mjs"

const transports = new Map()
const makeServer = () => {
  const server = new McpServer({ name: "bench", version: "1.0.0" })
  server.registerTool(
    "echo",
    { description: "Echoes its text", inputSchema: { text: z.string() } },
    async ({ text }) => ({
      content: [{ type: "text", text }]
    })
  )
  registerExtra(server)
  return server
}

const readBody = (req) =>
  new Promise((resolve) => {
    let body = ""
    req.on("data", (d) => (body += d))
    req.on("end", () => resolve(body))
  })

http.createServer(async (req, res) => {
  const id = req.headers["mcp-session-id"]
  const body = req.method === "POST" ? JSON.parse(await readBody(req)) : undefined
  let transport = id === undefined ? undefined : transports.get(id)
  if (transport === undefined) {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => transports.set(sid, transport)
    })
    await makeServer().connect(transport)
  }
  await transport.handleRequest(req, res, body)
}).listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => process.stderr.write("listening on /mcp\n"))
