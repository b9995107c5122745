// The load client, the same for every server: plain Node, newline-delimited JSON over the child's stdin/stdout, every
// reply matched to its request by id and checked; and a keep-alive HTTP client for Streamable HTTP. Shared by run.mjs
// (the benchmark) and profile.mjs.
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import * as http from "node:http"
import { connect, createServer } from "node:net"

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
export const median = (values) => percentile(values, 50)
export const check = (condition, message) => {
  if (!condition) throw new Error(`bad reply: ${message}`)
}

// Every server process, so that none outlives the harness, whatever ends it.
const children = new Set()
export const track = (child) => {
  children.add(child)
  child.once("exit", () => children.delete(child))
  return child
}
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL")
})
/** CPU seconds and peak RSS (bytes) of a process, from /proc. */
export const procStats = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
  return { cpu: (Number(stat[11]) + Number(stat[12])) / 100, peakRss: hwm }
}

export const initializeParams = {
  protocolVersion: "2025-06-18",
  capabilities: {},
  clientInfo: { name: "bench", version: "1" }
}

/** A stdio server and a newline-JSON client for it: every reply is matched to its request by id. */
export const startStdio = (name, script, env = {}, nodeArgs = []) => {
  const child = track(spawn(process.execPath, [...nodeArgs, script], {
    stdio: ["pipe", "pipe", process.env.BENCH_SERVER_STDERR === "1" ? "pipe" : "ignore"],
    env: { ...process.env, ...env }
  }))
  const waiting = new Map()
  let buffer = ""
  let nextId = 0
  let closing = false
  // Whatever goes wrong fails every request waiting, and the ones sent afterwards.
  let broken
  const fail = (error) => {
    broken ??= error
    for (const { reject } of waiting.values()) reject(broken)
    waiting.clear()
  }
  child.on("error", fail)
  child.stdin.on("error", (error) => closing || fail(error))
  child.once("exit", (code, signal) => closing || fail(new Error(`${name} exited early (${signal ?? code})`)))
  child.stdout.setEncoding("utf8")
  child.stdout.on("data", (chunk) => {
    buffer += chunk
    let newline
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      let message
      try {
        message = JSON.parse(line)
      } catch {
        fail(new Error(`bad reply: ${name} wrote a line that is not JSON: ${line.slice(0, 200)}`))
        return
      }
      if (message.id === undefined && typeof message.method === "string") continue // a notification: not ours to check
      const pending = waiting.get(message.id)
      if (pending === undefined || message.jsonrpc !== "2.0") {
        fail(new Error(`bad reply: ${name} answered an id nobody is waiting for: ${line.slice(0, 200)}`))
        return
      }
      waiting.delete(message.id)
      pending.resolve(message)
    }
  })
  const request = (method, params) =>
    new Promise((resolve, reject) => {
      if (broken !== undefined) return reject(broken)
      const id = ++nextId
      waiting.set(id, { resolve, reject })
      child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n")
    })
  const notify = (method) => child.stdin.write(JSON.stringify({ jsonrpc: "2.0", method }) + "\n")
  const close = () =>
    new Promise((resolve) => {
      closing = true
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once("exit", resolve)
      child.stdin.end()
      setTimeout(() => child.kill("SIGKILL"), 3_000).unref()
    })
  return { child, request, notify, close }
}

export const echoOnce = async (server, text) => {
  const started = performance.now()
  const reply = await server.request("tools/call", { name: "echo", arguments: { text } })
  const content = reply.result?.content
  check(
    reply.error === undefined && reply.result.isError !== true && content?.length === 1 && content[0].type === "text" &&
      content[0].text === text,
    JSON.stringify(reply)
  )
  return performance.now() - started
}

/** `count` echo calls with `inFlight` outstanding at any time; each latency (ms) goes to `latencies` when given. */
export const loadEcho = async (server, count, inFlight, latencies) => {
  let issued = 0
  const worker = async () => {
    while (issued < count) {
      const n = issued++
      const latency = await echoOnce(server, `hello ${n}`)
      latencies?.push(latency)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
}

export const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

const listening = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1")
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })

/** An HTTP server on a free port, started with --expose-gc so it can report its heap (SIGUSR2, memory-report). */
export const startHttpServer = async (name, script, nodeArgs = []) => {
  const port = await freePort()
  const child = track(spawn(process.execPath, ["--expose-gc", ...nodeArgs, script], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port) }
  }))
  let output = ""
  const onOutput = (chunk) => (output += chunk)
  child.stdout.on("data", onOutput)
  child.stderr.on("data", onOutput)
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`${name} (HTTP) exited before listening:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const memory = async () => {
    const before = output.length
    child.kill("SIGUSR2")
    while (!output.slice(before).includes("MEMORY ")) {
      if (child.exitCode !== null) throw new Error(`${name} (HTTP) exited:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return JSON.parse(/MEMORY (\{.*\})/.exec(output.slice(before))[1])
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once("exit", resolve)
      child.kill("SIGTERM")
      setTimeout(() => child.kill("SIGKILL"), 3_000).unref()
    })
  return { child, port, memory, stop }
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

/** One POST; the reply is JSON or an SSE stream whose message with `id` is the answer. */
export const post = (port, body, sessionId) =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify(body)
    const req = http.request({
      host: "127.0.0.1",
      port,
      path: "/mcp",
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "content-length": Buffer.byteLength(payload),
        ...(sessionId === undefined ? {} : { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-06-18" })
      }
    }, (res) => {
      let text = ""
      res.setEncoding("utf8")
      res.on("data", (d) => (text += d))
      res.on("end", () => {
        let message
        if (text.length > 0) {
          const json = (res.headers["content-type"] ?? "").includes("text/event-stream")
            ? text.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).filter((d) =>
              d.length > 0
            ).map((d) => JSON.parse(d)).find((m) => m.id !== undefined)
            : JSON.parse(text)
          message = json
        }
        resolve({ status: res.statusCode, sessionId: res.headers["mcp-session-id"], message })
      })
    })
    req.on("error", reject)
    req.end(payload)
  })

export const openSession = async (port) => {
  const init = await post(port, { jsonrpc: "2.0", id: 0, method: "initialize", params: initializeParams })
  check(init.sessionId !== undefined, `no session id (${init.status})`)
  check(init.message?.id === 0 && init.message.result?.protocolVersion !== undefined, JSON.stringify(init.message))
  const initialized = await post(port, { jsonrpc: "2.0", method: "notifications/initialized" }, init.sessionId)
  check(initialized.status === 202, `notifications/initialized: ${initialized.status}`)
  return init.sessionId
}

/**
 * `sessions` concurrent Streamable HTTP sessions, each: initialize, initialized, then `calls` sequential echo calls,
 * every reply checked; each call's latency (ms) goes to `latencies` when given.
 */
export const httpSessions = (port, sessions, calls, latencies) =>
  Promise.all(Array.from({ length: sessions }, async (_, s) => {
    const sessionId = await openSession(port)
    for (let i = 0; i < calls; i++) {
      const started = performance.now()
      const text = `s${s} c${i}`
      const reply = await post(port, {
        jsonrpc: "2.0",
        id: i + 1,
        method: "tools/call",
        params: { name: "echo", arguments: { text } }
      }, sessionId)
      latencies?.push(performance.now() - started)
      const { message } = reply
      const content = message?.result?.content
      check(
        reply.status === 200 && message.jsonrpc === "2.0" && message.id === i + 1 && message.result.isError !== true &&
          content?.length === 1 && content[0].type === "text" && content[0].text === text,
        `${reply.status} ${JSON.stringify(message)}`
      )
    }
  }))
