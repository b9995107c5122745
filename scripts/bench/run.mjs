// The side-by-side benchmark: mcp-effect, the official SDK and a raw Node floor, each in a fresh process, alternated
// run by run; medians of RUNS runs; ratios against the baselines measured in the same run. For HTTP calls, a fourth
// server: @effect/platform's HTTP server with no MCP, the floor of any transport built on it. `--smoke` runs a tiny N
// of everything and only checks the replies.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { availableParallelism, cpus } from "node:os"
import { fileURLToPath } from "node:url"
import { baseline, build, bundlePath } from "./build.mjs"
import {
  agent,
  check,
  httpSessions,
  initializeParams,
  loadEcho,
  median,
  openSession,
  percentile,
  procStats,
  startHttpServer,
  startStdio as startClient
} from "./client.mjs"

const startStdio = (name, env) => startClient(name, bundlePath(name, "stdio"), env)

const smoke = process.argv.includes("--smoke")
const RUNS = smoke ? 1 : Number(process.env.RUNS ?? 3)
const N = smoke ? 200 : Number(process.env.N ?? 20_000)
const WARMUP = smoke ? 50 : 2_000
const HTTP_SESSIONS = smoke ? 5 : 100
const HTTP_CALLS = smoke ? 5 : 50
const IDLE_SESSIONS = smoke ? 20 : Number(process.env.IDLE_SESSIONS ?? 10_000)
const LIST_TOOLS = smoke ? 50 : 1_000
const LIST_CALLS = smoke ? 10 : 200
// The three servers of every scenario; others (the @effect/platform floor) join the scenarios that name them.
const names = ["mcp-effect", "sdk", "raw", ...(baseline === undefined ? [] : ["baseline"])]

// A reply that never comes must fail the run, not hang it (`pnpm test` runs the smoke test).
const watchdog = setTimeout(() => {
  console.error(`bench: no end after ${smoke ? 60 : 1_800} s; a server stopped answering`)
  process.exit(1)
}, (smoke ? 60 : 1_800) * 1000)
watchdog.unref()

/** Scenario 1: stdio tools/call echo with `inFlight` requests outstanding. */
const stdioCalls = async (name, inFlight) => {
  const server = startStdio(name)
  await server.request("initialize", initializeParams)
  server.notify("notifications/initialized")
  await loadEcho(server, WARMUP, inFlight)
  const before = procStats(server.child.pid)
  const latencies = []
  const started = performance.now()
  await loadEcho(server, N, inFlight, latencies)
  const seconds = (performance.now() - started) / 1000
  const after = procStats(server.child.pid)
  await server.close()
  return {
    callsPerSecond: N / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuPer1k: ((after.cpu - before.cpu) / N) * 1000 * 1000,
    peakRss: after.peakRss
  }
}

/** Scenario 3: tools/list with 1,000 registered tools. */
const toolsList = async (name) => {
  const server = startStdio(name, { BENCH_TOOLS: String(LIST_TOOLS) })
  await server.request("initialize", initializeParams)
  server.notify("notifications/initialized")
  const latencies = []
  for (let i = 0; i < LIST_CALLS + 20; i++) {
    // The whole list, following cursors as a client does: a server may page it.
    const started = performance.now()
    const pages = []
    let cursor
    do {
      const reply = await server.request("tools/list", cursor === undefined ? {} : { cursor })
      pages.push(reply)
      cursor = reply.result?.nextCursor
    } while (cursor !== undefined)
    if (i >= 20) latencies.push(performance.now() - started)
    // Checked after the clock stops: every tool once, each with an object input schema.
    const tools = pages.flatMap((reply) => reply.result?.tools ?? [])
    const listed = new Set(tools.map((tool) => tool.name))
    check(
      tools.length === LIST_TOOLS + 1 && listed.size === tools.length && listed.has("echo") &&
        listed.has(`tool_${LIST_TOOLS - 1}`) && tools.every((tool) => tool.inputSchema?.type === "object"),
      `tools/list gave ${tools.length} tools (${listed.size} names)`
    )
  }
  await server.close()
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}

/** Scenario 5: spawn to the first initialize reply. */
const startup = async (name) => {
  const times = []
  for (let i = 0; i < (smoke ? 1 : 5); i++) {
    const started = performance.now()
    const server = startStdio(name)
    const reply = await server.request("initialize", initializeParams)
    times.push(performance.now() - started)
    check(reply.result?.protocolVersion === initializeParams.protocolVersion, JSON.stringify(reply))
    await server.close()
  }
  return { ms: median(times) }
}

const startHttp = (name) => startHttpServer(name, bundlePath(name, "http"))

/** Scenario 2: Streamable HTTP, concurrent sessions, sequential calls each. */
const httpCalls = async (name) => {
  const server = await startHttp(name)
  const latencies = []
  await httpSessions(server.port, Math.min(10, HTTP_SESSIONS), HTTP_CALLS)
  const started = performance.now()
  await httpSessions(server.port, HTTP_SESSIONS, HTTP_CALLS, latencies)
  const seconds = (performance.now() - started) / 1000
  const { peakRss } = procStats(server.child.pid)
  await server.stop()
  return {
    callsPerSecond: (HTTP_SESSIONS * HTTP_CALLS) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    peakRss
  }
}

/** Scenario 4: idle Streamable HTTP sessions held open: heap and RSS per session. */
const idleSessions = async (name) => {
  const server = await startHttp(name)
  await Promise.all(Array.from({ length: 10 }, () => openSession(server.port)))
  const before = await server.memory()
  for (let opened = 0; opened < IDLE_SESSIONS; opened += 50) {
    await Promise.all(Array.from({ length: Math.min(50, IDLE_SESSIONS - opened) }, () => openSession(server.port)))
  }
  const after = await server.memory()
  await server.stop()
  return {
    heapPerSession: (after.heapUsed - before.heapUsed) / IDLE_SESSIONS,
    rssPerSession: (after.rss - before.rss) / IDLE_SESSIONS
  }
}

// The @effect/platform floor runs only where it means something: HTTP calls.
const withFloor = [...names, "platform"]
const allScenarios = [
  { name: "stdio tools/call, 64 in flight", run: (s) => stdioCalls(s, 64) },
  { name: "stdio tools/call, 1 in flight", run: (s) => stdioCalls(s, 1) },
  { name: `Streamable HTTP, ${HTTP_SESSIONS} sessions × ${HTTP_CALLS} calls`, run: httpCalls, names: withFloor },
  { name: `tools/list of ${LIST_TOOLS} tools`, run: toolsList },
  { name: `idle HTTP sessions (${IDLE_SESSIONS})`, run: idleSessions },
  { name: "start-up to first reply", run: startup }
]

const units = {
  callsPerSecond: ["calls/s", (v) => v.toFixed(0), "higher"],
  p50: ["p50 ms", (v) => v.toFixed(3), "lower"],
  p99: ["p99 ms", (v) => v.toFixed(3), "lower"],
  cpuPer1k: ["CPU ms / 1k calls", (v) => v.toFixed(1), "lower"],
  peakRss: ["peak RSS MB", (v) => (v / 1e6).toFixed(1), "lower"],
  heapPerSession: ["heap / session KB", (v) => (v / 1024).toFixed(2), "lower"],
  rssPerSession: ["RSS / session KB", (v) => (v / 1024).toFixed(2), "lower"],
  ms: ["ms", (v) => v.toFixed(1), "lower"]
}

// ONLY=http,list runs the scenarios whose names contain one of these words.
const only = (process.env.ONLY ?? "").split(",").filter((w) => w.length > 0)
const scenarios = only.length === 0 ? allScenarios : allScenarios.filter((s) => only.some((w) => s.name.includes(w)))

await build()
const results = {}
const everyRun = {}
for (const scenario of scenarios) {
  const those = scenario.names ?? names
  const runs = Object.fromEntries(those.map((n) => [n, []]))
  for (let r = 0; r < RUNS; r++) {
    // Alternate the order run by run, so no server always runs on a warmer or cooler machine.
    const order = r % 2 === 0 ? those : [...those].reverse()
    for (const name of order) {
      process.stderr.write(`${scenario.name}: ${name}, run ${r + 1}/${RUNS}\n`)
      runs[name].push(await scenario.run(name))
    }
  }
  everyRun[scenario.name] = runs
  results[scenario.name] = Object.fromEntries(those.map((name) => [
    name,
    Object.fromEntries(Object.keys(runs[name][0]).map((k) => [k, median(runs[name].map((m) => m[k]))]))
  ]))
}
agent.destroy()

const ratio = (a, b) => (b === 0 || !Number.isFinite(a / b) ? "–" : `${(a / b).toFixed(2)}×`)
const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model ??
  "unknown CPU"
const lines = [
  `# mcp-effect benchmark${smoke ? " (smoke run: tiny N, figures meaningless)" : ""}`,
  "",
  `${
    new Date().toISOString().slice(0, 10)
  } · nproc ${availableParallelism()} · ${cpuModel} · Node ${process.version} · medians of ${RUNS} run(s), servers bundled with esbuild, each run a fresh process`,
  "",
  "| scenario | figure | mcp-effect | official SDK | raw Node | mcp-effect / SDK | mcp-effect / raw | @effect/platform, no MCP | mcp-effect / @effect/platform |" +
  (baseline === undefined ? "" : " baseline | baseline / SDK |"),
  "|---|---|---|---|---|---|---|---|---|" + (baseline === undefined ? "" : "---|---|")
]
for (const [scenario, byServer] of Object.entries(results)) {
  for (const key of Object.keys(byServer["mcp-effect"])) {
    const [label, format] = units[key]
    const values = ["mcp-effect", "sdk", "raw"].map((n) => byServer[n][key])
    const floor = byServer.platform?.[key]
    const before = byServer.baseline?.[key]
    lines.push(
      `| ${scenario} | ${label} | ${values.map(format).join(" | ")} | ${ratio(values[0], values[1])} | ${
        ratio(values[0], values[2])
      } | ` +
        `${floor === undefined ? "–" : format(floor)} | ${floor === undefined ? "–" : ratio(values[0], floor)} |` +
        (before === undefined ? "" : ` ${format(before)} | ${ratio(before, values[1])} |`)
    )
  }
}
// Every run's figure, mcp-effect / SDK / raw (/ @effect/platform), to show how far the runs spread on a noisy machine.
lines.push(
  "",
  `<details><summary>every run (mcp-effect / SDK / raw${
    baseline === undefined ? "" : " / baseline"
  } / @effect/platform where it ran)</summary>`,
  "",
  "| scenario | figure | runs |",
  "|---|---|---|"
)
for (const [scenario, runs] of Object.entries(everyRun)) {
  for (const key of Object.keys(runs["mcp-effect"][0])) {
    const [label, format] = units[key]
    lines.push(
      `| ${scenario} | ${label} | ${
        Object.values(runs).map((r) => r.map((m) => format(m[key])).join(", ")).join(" / ")
      } |`
    )
  }
}
lines.push("", "</details>")
const report = lines.join("\n") + "\n"
process.stdout.write(report)
if (!smoke) {
  const dir = fileURLToPath(new URL("results", import.meta.url))
  mkdirSync(dir, { recursive: true })
  writeFileSync(`${dir}/${new Date().toISOString().slice(0, 10)}.md`, report)
}
