// Profiles a stdio echo server under the benchmark's load with `node --cpu-prof`, then sums the profile's self time
// by function, by source module and by package.
//
//   node scripts/bench/profile.mjs [mcp-effect|sdk|raw] [--in-flight 64] [--calls 60000]
//   node scripts/bench/profile.mjs mcp-effect --method tools/list --tools 1000 --calls 500
//   node scripts/bench/profile.mjs mcp-effect --startup      (spawn → first initialize reply, then exit)
//   node scripts/bench/profile.mjs mcp-effect --http --sessions 100 --calls 20000   (Streamable HTTP, 50 calls/session)
//
// The server is bundled as in the benchmark but not minified, so functions keep their names; esbuild heads every
// module of a bundle with a `// path` comment, which maps each profiled line back to its source module. The profile
// is left in .cache/bench/profile/<server>.cpuprofile (open it in Chrome DevTools or speedscope) and the summary is
// printed and written next to it as <server>.md.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { parseArgs } from "node:util"
import { bundle, outDir, servers } from "./build.mjs"
import { agent, httpSessions, initializeParams, loadEcho, procStats, startHttpServer, startStdio } from "./client.mjs"

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    "in-flight": { type: "string", default: "64" },
    calls: { type: "string", default: "60000" },
    warmup: { type: "string", default: "5000" },
    top: { type: "string", default: "30" },
    tools: { type: "string", default: "0" },
    method: { type: "string", default: "tools/call" },
    startup: { type: "boolean", default: false },
    http: { type: "boolean", default: false },
    sessions: { type: "string", default: "100" }
  }
})
const name = positionals[0] ?? "mcp-effect"
if (!(name in servers)) throw new Error(`unknown server ${name}; one of ${Object.keys(servers).join(", ")}`)
const inFlight = Number(values["in-flight"])
const calls = Number(values.calls)
const top = Number(values.top)

const dir = `${outDir}/profile`
mkdirSync(dir, { recursive: true })
const kind = values.http ? "http" : "stdio"
const script = `${dir}/${name}-${kind}.mjs`
await bundle(servers[name][kind], script, { minify: false })
const label = values.startup
  ? "startup"
  : values.http
  ? "http"
  : values.method === "tools/list"
  ? "tools-list"
  : `stdio-${inFlight}`
const profileName = `${name}-${label}.cpuprofile`
rmSync(`${dir}/${profileName}`, { force: true })
const profileArgs = ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${profileName}`]

// --- the load ---
const startup = values.startup
let stopServer
let pid
let run
if (values.http) {
  const server = await startHttpServer(name, script, profileArgs)
  const sessions = Number(values.sessions)
  // Whole rounds of `sessions` sessions × 50 calls.
  run = async (count) => {
    for (let done = 0; done < count; done += sessions * 50) await httpSessions(server.port, sessions, 50)
  }
  stopServer = server.stop // SIGTERM: mcp-effect shuts down gracefully; the others exit (memory-report)
  pid = server.child.pid
} else {
  const server = startStdio(name, script, { BENCH_TOOLS: values.tools }, profileArgs)
  await server.request("initialize", initializeParams)
  server.notify("notifications/initialized")
  run = async (count) => {
    if (values.method === "tools/list") {
      for (let i = 0; i < count; i++) await server.request("tools/list", {})
    } else {
      await loadEcho(server, count, inFlight)
    }
  }
  stopServer = server.close // stdin closes: the server exits
  pid = server.child.pid
}
if (!startup) await run(Number(values.warmup))
const before = procStats(pid)
const started = performance.now()
if (!startup) await run(calls)
const seconds = (performance.now() - started) / 1000
const after = procStats(pid)
await stopServer() // the profile is written as the process exits
agent.destroy()
if (!readdirSync(dir).includes(profileName)) throw new Error(`no profile was written to ${dir}/${profileName}`)

// --- the profile ---
const profile = JSON.parse(readFileSync(`${dir}/${profileName}`, "utf8"))
const bundleLines = readFileSync(script, "utf8").split("\n")
// esbuild's module markers: `// node_modules/.pnpm/effect@3.22.3/node_modules/effect/dist/esm/internal/core.js`.
const markers = []
bundleLines.forEach((line, index) => {
  const match = /^\/\/ ((?:\.\.\/)*(?:[\w.@+-]+\/)+[\w.@+-]+\.(?:[cm]?js|ts))$/.exec(line)
  if (match !== null) markers.push({ line: index, path: match[1] })
})
const moduleAt = (line) => {
  let low = 0
  let high = markers.length - 1
  let found
  while (low <= high) {
    const mid = (low + high) >> 1
    if (markers[mid].line <= line) {
      found = markers[mid]
      low = mid + 1
    } else {
      high = mid - 1
    }
  }
  return found?.path ?? "(bundle)"
}
const shorten = (path) =>
  path
    .replace(/^.*node_modules\/(@[^/]+\/[^/]+|[^/]+)\/(dist\/(esm|cjs)\/)?/, "$1/")
    .replace(/^(?:.*\/)?(server|platform-node|examples)\/src\//, "@mcp-effect/$1/")
    .replace(/\.(m?js|ts)$/, "")
const packageOf = (module) =>
  module.startsWith("(")
    ? module
    : module.startsWith("@")
    ? module.split("/").slice(0, 2).join("/")
    : module.split("/")[0]

const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const selfMicros = new Map()
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0)

const describeNode = (node) => {
  const { functionName, url, lineNumber } = node.callFrame
  if (url === "") {
    // (garbage collector), (program), (idle), or a V8 builtin.
    return { fn: functionName || "(anonymous)", module: functionName.startsWith("(") ? functionName : "(v8 builtin)" }
  }
  if (url.startsWith("node:")) return { fn: functionName || "(anonymous)", module: url }
  const inBundle = url.endsWith(script.split("/").pop())
  const module = inBundle ? shorten(moduleAt(lineNumber)) : url
  // An anonymous function is named by the start of its source line in the bundle.
  const source = inBundle && functionName === "" ? ` \`${bundleLines[lineNumber].trim().slice(0, 48)}\`` : ""
  return { fn: `${functionName || "(anonymous)"}:${lineNumber + 1}${source}`, module }
}

const byFunction = new Map()
const byModule = new Map()
const byPackage = new Map()
const add = (map, key, micros) => map.set(key, (map.get(key) ?? 0) + micros)
for (const [id, micros] of selfMicros) {
  const { fn, module } = describeNode(nodes.get(id))
  add(byFunction, `${fn} · ${module}`, micros)
  add(byModule, module, micros)
  add(byPackage, packageOf(module), micros)
}

const idle = [...byFunction].filter(([key]) => key.startsWith("(idle)")).reduce((a, [, v]) => a + v, 0)
const busy = total - idle
const pct = (micros) => `${((micros / busy) * 100).toFixed(1)}%`
const table = (title, map, rows) => [
  `### ${title}`,
  "",
  "| self time (% of busy) | ms | where |",
  "|---|---|---|",
  ...[...map].filter(([key]) => !key.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, rows)
    .map(([key, micros]) => `| ${pct(micros)} | ${(micros / 1000).toFixed(0)} | ${key.replaceAll("|", "\\|")} |`),
  ""
]
const cpuMs = (after.cpu - before.cpu) * 1000
const report = [
  startup
    ? `## CPU profile: ${name}, start-up (spawn to the first initialize reply)`
    : values.http
    ? `## CPU profile: ${name}, Streamable HTTP, ${values.sessions} sessions × 50 sequential tools/call`
    : `## CPU profile: ${name}, stdio ${values.method}${
      values.method === "tools/list" ? ` of ${Number(values.tools) + 1} tools` : `, ${inFlight} in flight`
    }`,
  "",
  (startup ? "" : `${calls} calls after ${values.warmup} warm-up: ${(calls / seconds).toFixed(0)} calls/s, ` +
    `${((cpuMs / calls) * 1000).toFixed(1)} CPU ms per 1k calls (measured window). `) +
  `Profile (whole process, start-up included): ${(total / 1000).toFixed(0)} ms sampled, ${
    (busy / 1000).toFixed(0)
  } ms busy ` +
  `(percentages below are of busy time). Profile: \`${dir}/${profileName}\`.`,
  "",
  ...table("By package", byPackage, 12),
  ...table("By module", byModule, 25),
  ...table("By function", byFunction, top)
].join("\n")
process.stdout.write(report + "\n")
writeFileSync(`${dir}/${name}-${label}.md`, report + "\n")
