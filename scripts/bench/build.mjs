// Bundles every benchmark server with esbuild, as a user ships a server (FACTS.md: bundling is the start-up lever).
import * as esbuild from "esbuild"
import { mkdirSync } from "node:fs"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))
export const outDir = `${root}.cache/bench`

export const servers = {
  "mcp-effect": { stdio: "mcp-effect-stdio.ts", http: "mcp-effect-http.ts" },
  sdk: { stdio: "sdk-stdio.mjs", http: "sdk-http.mjs" },
  raw: { stdio: "raw-stdio.mjs", http: "raw-http.mjs" },
  // HTTP only: @effect/platform's server with no MCP, the floor of what mcp-effect's HTTP transport can reach.
  platform: { http: "platform-http.mjs" }
}

// BENCH_PACKAGES=/some/copy/of/packages benchmarks another copy of the library (a prototype, another checkout).
const packages = process.env.BENCH_PACKAGES ?? `${root}packages`

// BENCH_BASELINE=/some/copy/of/packages adds that copy as a fifth server, "baseline", alternated with the others in
// the same run: before and after of a change, measured on the same machine at the same time.
export const baseline = process.env.BENCH_BASELINE

export const bundlePath = (name, kind) => `${outDir}/${name}-${kind}.mjs`

/** Bundles one server entry (a file under servers/) as a user ships it; `minify: false` keeps names, for profiles. */
export const bundle = (file, outfile, { minify = true, packagesDir = packages } = {}) =>
  esbuild.build({
    entryPoints: [fileURLToPath(new URL(`servers/${file}`, import.meta.url))],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify,
    logLevel: "warning",
    // The workspace packages and their dependencies resolve as they do for the example server.
    nodePaths: [`${root}packages/examples/node_modules`, `${root}node_modules`],
    alias: {
      "@mcp-effect/server": `${packagesDir}/server/src/index.ts`,
      "@mcp-effect/platform-node": `${packagesDir}/platform-node/src/index.ts`
    },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
  })

export const build = async () => {
  mkdirSync(outDir, { recursive: true })
  await Promise.all(
    Object.entries(servers).flatMap(([name, entries]) =>
      Object.entries(entries).map(([kind, file]) => bundle(file, bundlePath(name, kind)))
    )
  )
  if (baseline !== undefined) {
    await Promise.all(
      Object.entries(servers["mcp-effect"]).map(([kind, file]) =>
        bundle(file, bundlePath("baseline", kind), { packagesDir: baseline })
      )
    )
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build()
  console.error(`bundles in ${outDir}`)
}
