// The load client, the same for every server: plain Node, newline-delimited JSON over the child's stdin/stdout, every
// reply matched to its request by id and checked. Shared by run.mjs (the benchmark) and profile.mjs.
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"

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

export const initializeParams = { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } }

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
