// The official SDK's echo server over stdio: McpServer + StdioServerTransport.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js"
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js"
import { z } from "zod"
import { registerExtra } from "./sdk-extra.mjs"

const server = new McpServer({ name: "bench", version: "1.0.0" })
server.registerTool(
  "echo",
  { description: "Echoes its text", inputSchema: { text: z.string() } },
  async ({ text }) => ({
    content: [{ type: "text", text }]
  })
)
registerExtra(server)
await server.connect(new StdioServerTransport())
