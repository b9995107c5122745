// The exports maps of the publishable packages, derived from their public modules (src/*.ts).
//
// In the workspace `exports` points at the TypeScript sources, so tests, tsx and the bench's esbuild aliases run the
// code as written, with no build step. `publishConfig.exports` points at the build in dist/; pnpm swaps it in when it
// packs or publishes. Both maps are derived from the same list of modules, so they cannot drift apart: `--check`
// (part of `pnpm lint`) fails when a manifest does not match its modules, `--write` rewrites the manifests.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))

/** The workspace packages that are published: every package under packages/ that is not private. */
export const publishable = () =>
  readdirSync(`${root}packages`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ dir: `${root}packages/${entry.name}`, file: `${root}packages/${entry.name}/package.json` }))
    .map((pkg) => ({ ...pkg, manifest: JSON.parse(readFileSync(pkg.file, "utf8")) }))
    .filter((pkg) => pkg.manifest.private !== true)

const modules = (dir) =>
  readdirSync(`${dir}/src`)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .map((name) => name.slice(0, -3))
    // The root entry first, then the modules by name, as a reader scans a manifest.
    .sort((a, b) => (a === "index" ? -1 : b === "index" ? 1 : a.localeCompare(b)))

const subpath = (module) => (module === "index" ? "." : `./${module}`)

export const exportsFor = (dir) => {
  const source = { "./package.json": "./package.json" }
  const built = { "./package.json": "./package.json" }
  for (const module of modules(dir)) {
    source[subpath(module)] = `./src/${module}.ts`
    built[subpath(module)] = { types: `./dist/${module}.d.ts`, import: `./dist/${module}.js` }
  }
  // Internal modules are reachable by relative imports only: a user who needs one has found a gap in the public API.
  source["./internal/*"] = null
  built["./internal/*"] = null
  return { source, built }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)

const mode = process.argv[2]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (mode !== "--check" && mode !== "--write") {
    console.error("usage: node scripts/build/manifest.mjs --check | --write")
    process.exit(2)
  }
  let stale = 0
  for (const pkg of publishable()) {
    const { source, built } = exportsFor(pkg.dir)
    const { manifest } = pkg
    if (same(manifest.exports, source) && same(manifest.publishConfig?.exports, built)) continue
    if (mode === "--write") {
      manifest.exports = source
      manifest.publishConfig = { ...manifest.publishConfig, exports: built }
      writeFileSync(pkg.file, JSON.stringify(manifest, null, 2) + "\n")
      console.error(`${pkg.file}: exports rewritten`)
    } else {
      stale++
      console.error(
        `${pkg.file}: "exports" / "publishConfig.exports" do not match the modules in src/` +
          ` (run \`node scripts/build/manifest.mjs --write\`)`
      )
    }
  }
  process.exit(stale === 0 ? 0 : 1)
}
