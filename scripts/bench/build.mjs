// Bundles every benchmark server with esbuild, as a user ships a server (FACTS.md: bundling is the start-up lever).
import * as esbuild from "esbuild"
import { mkdirSync } from "node:fs"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))
export const outDir = `${root}.cache/bench`

export const servers = {
  "mcp-effect": { stdio: "mcp-effect-stdio.ts", http: "mcp-effect-http.ts" },
  sdk: { stdio: "sdk-stdio.mjs", http: "sdk-http.mjs" },
  raw: { stdio: "raw-stdio.mjs", http: "raw-http.mjs" }
}

export const bundlePath = (name, kind) => `${outDir}/${name}-${kind}.mjs`

export const build = async () => {
  mkdirSync(outDir, { recursive: true })
  await Promise.all(Object.entries(servers).flatMap(([name, entries]) =>
    Object.entries(entries).map(([kind, file]) =>
      esbuild.build({
        entryPoints: [fileURLToPath(new URL(`servers/${file}`, import.meta.url))],
        outfile: bundlePath(name, kind),
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        minify: true,
        logLevel: "warning",
        // The workspace packages and their dependencies resolve as they do for the example server.
        nodePaths: [`${root}packages/examples/node_modules`, `${root}node_modules`],
        alias: {
          "@mcp-effect/server": `${root}packages/server/src/index.ts`,
          "@mcp-effect/platform-node": `${root}packages/platform-node/src/index.ts`
        },
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
      })
    )
  ))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build()
  console.error(`bundles in ${outDir}`)
}
