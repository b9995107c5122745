// The floor: newline-delimited JSON parse → reply → stringify, no library.
const reply = (m) => {
  if (m.method === "initialize") {
    return {
      protocolVersion: m.params.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: "raw", version: "1" }
    }
  }
  if (m.method === "tools/list") {
    const tools = [{
      name: "echo",
      description: "Echoes its text",
      inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] }
    }]
    for (let i = 0; i < Number(process.env.BENCH_TOOLS ?? 0); i++) {
      tools.push({
        name: `tool_${i}`,
        description: `Benchmark tool ${i}`,
        inputSchema: { type: "object", properties: { a: { type: "string" }, b: { type: "number" } }, required: ["a"] }
      })
    }
    return { tools }
  }
  return { content: [{ type: "text", text: m.params.arguments.text }] }
}
let buffer = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", (chunk) => {
  buffer += chunk
  let newline
  while ((newline = buffer.indexOf("\n")) >= 0) {
    const line = buffer.slice(0, newline)
    buffer = buffer.slice(newline + 1)
    const message = JSON.parse(line)
    if (message.id !== undefined) {
      process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: message.id, result: reply(message) }) + "\n")
    }
  }
})
