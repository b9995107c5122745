// The floor over HTTP: node:http, one JSON body in, one out, a session id per initialize, no library.
import { randomUUID } from "node:crypto"
import * as http from "node:http"
import "./memory-report.mjs"

const sessions = new Set()
const reply = (m) =>
  m.method === "initialize"
    ? {
      protocolVersion: m.params.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: "raw", version: "1" }
    }
    : { content: [{ type: "text", text: m.params.arguments.text }] }

http.createServer((req, res) => {
  let body = ""
  req.on("data", (d) => (body += d))
  req.on("end", () => {
    const m = JSON.parse(body)
    let sid = req.headers["mcp-session-id"]
    if (m.method === "initialize") {
      sid = randomUUID()
      sessions.add(sid)
    }
    if (m.id === undefined) {
      res.writeHead(202).end()
      return
    }
    res.writeHead(200, { "content-type": "application/json", "mcp-session-id": sid })
    res.end(JSON.stringify({ jsonrpc: "2.0", id: m.id, result: reply(m) }))
  })
}).listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => process.stderr.write("listening on /mcp\n"))
