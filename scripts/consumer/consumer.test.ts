/**
 * The packages as a user outside this repository meets them: built and packed with the standard commands
 * (`pnpm build`, `pnpm -r pack`), installed with npm from the tarballs into a project in the system's temporary
 * folder (no workspace link) beside the lowest Effect versions the peer ranges allow, type-checked under NodeNext and
 * Bundler resolution, run with plain `node`, bundled with esbuild, and the starter project built and tested from them.
 *
 * npm's own cache (`--prefer-offline`) keeps the installs fast; nothing is fetched beyond the npm registry.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js"
import * as esbuild from "esbuild"
import { execFile, spawn } from "node:child_process"
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))
const fixture = fileURLToPath(new URL("fixture", import.meta.url))
const starter = join(root, "examples/starter")
const tsc = join(root, "node_modules/typescript/bin/tsc")

interface Manifest {
  readonly name: string
  readonly version?: string
  readonly private?: boolean
  readonly license?: string
  readonly engines?: Record<string, string>
  readonly sideEffects?: ReadonlyArray<string> | boolean
  readonly repository?: unknown
  readonly keywords?: ReadonlyArray<string>
  readonly files?: ReadonlyArray<string>
  readonly exports?: Record<string, string | null | { readonly types: string; readonly import: string }>
  readonly dependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))

const workspacePackages = readdirSync(join(root, "packages")).map((name) => readManifest(join(root, "packages", name)))
const publishable = workspacePackages.filter((manifest) => manifest.private !== true).map((m) => m.name).sort()

/**
 * The lowest version each peer range allows, taking the highest floor where two packages name the same peer: that is
 * what a user pinning "the oldest supported" gets.
 */
const lowestPeers = () => {
  const floors = new Map<string, string>()
  const newer = (a: string, b: string) => {
    const [x, y] = [a, b].map((v) => v.split(".").map(Number))
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i] ? a : b
    return a
  }
  for (const manifest of workspacePackages.filter((m) => m.private !== true)) {
    for (const [peer, range] of Object.entries(manifest.peerDependencies ?? {})) {
      const floor = /^\^(\d+\.\d+\.\d+)$/.exec(range)?.[1]
      if (floor === undefined) {
        throw new Error(`${manifest.name}: peer range ${peer}@${range} is not of the form ^x.y.z`)
      }
      const known = floors.get(peer)
      floors.set(peer, known === undefined ? floor : newer(known, floor))
    }
  }
  return Object.fromEntries([...floors].sort())
}

const isPacked = (entry: unknown): entry is { readonly name: string; readonly filename: string } =>
  typeof entry === "object" && entry !== null && "name" in entry && typeof entry.name === "string" &&
  "filename" in entry && typeof entry.filename === "string"

/** Runs a command; a failure carries what it printed, so the message names the file that broke. */
const run = (command: string, args: ReadonlyArray<string>, cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  new Promise<string>((resolvePromise, reject) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) failed:\n${stdout}\n${stderr}`))
      else resolvePromise(stdout)
    })
  })

// The repository's pnpm/npm set-up must not leak into the consumer, which is an ordinary npm project.
const consumerEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_|PNPM_|VITEST|NODE_OPTIONS$)/i.test(key))
)
const npmInstall = (cwd: string) =>
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], cwd, consumerEnv)

/** Connects the official SDK client to a stdio server started with plain node. */
const connect = async (args: ReadonlyArray<string>, cwd: string) => {
  const transport = new StdioClientTransport({ command: process.execPath, args: [...args], cwd, stderr: "pipe" })
  const client = new Client({ name: "consumer-test", version: "1.0.0" })
  await client.connect(transport)
  return client
}

/** Time from spawn to the answer to `initialize`, in milliseconds, for a server started with plain node. */
const startUp = (entry: string, cwd: string) =>
  new Promise<number>((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [entry], { cwd, stdio: ["pipe", "pipe", "inherit"] })
    child.stdout.once("data", () => {
      resolvePromise(performance.now() - started)
      child.kill()
    })
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`${entry} exited (${code}) before answering initialize`)))
    child.stdin.write(
      JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } }
      }) + "\n"
    )
  })

const fastest = async (entry: string, cwd: string, runs = 3) => {
  let best = Infinity
  for (let i = 0; i < runs; i++) best = Math.min(best, await startUp(entry, cwd))
  return best
}

describe("the packages, as a user outside this repository installs them", () => {
  const work = mkdtempSync(join(tmpdir(), "mcp-effect-consumer-"))
  const tarballs = join(work, "tarballs")
  const consumer = join(work, "consumer")
  let packed: Array<{ readonly name: string; readonly filename: string }> = []
  const tarballOf = (name: string) => {
    const found = packed.find((entry) => entry.name === name)
    if (found === undefined) throw new Error(`no tarball for ${name}`)
    return `file:${found.filename}`
  }
  const peers = lowestPeers()

  beforeAll(async () => {
    await run("pnpm", ["build"], root)
    const json = await run("pnpm", ["-r", "pack", "--pack-destination", tarballs, "--json"], root)
    const parsed: unknown = JSON.parse(json)
    packed = (Array.isArray(parsed) ? parsed : [parsed]).map((entry: unknown) => {
      if (!isPacked(entry)) throw new Error(`unexpected output of pnpm pack --json: ${json}`)
      return { name: entry.name, filename: resolve(tarballs, entry.filename) }
    })

    mkdirSync(consumer, { recursive: true })
    cpSync(fixture, consumer, { recursive: true })
    // Every public module, imported by its subpath, so both resolutions check the whole exports map.
    const subpaths = workspacePackages
      .filter((manifest) => manifest.private !== true)
      .flatMap((manifest) =>
        Object.entries(manifest.exports ?? {})
          .filter(([key, target]) => target !== null && key !== "./package.json")
          .map(([key]) => (key === "." ? manifest.name : `${manifest.name}/${key.slice(2)}`))
      )
    writeFileSync(
      join(consumer, "subpaths.ts"),
      subpaths.map((path, i) => `import * as M${i} from ${JSON.stringify(path)}`).join("\n") +
        `\nexport const modules = [${subpaths.map((_, i) => `M${i}`).join(", ")}]\n` +
        `export const subpaths = ${JSON.stringify(subpaths)}\n`
    )
    writeFileSync(
      join(consumer, "package.json"),
      JSON.stringify(
        {
          name: "consumer",
          private: true,
          type: "module",
          dependencies: {
            ...Object.fromEntries(publishable.map((name) => [name, tarballOf(name)])),
            ...peers,
            "@types/node": "^20.19.0"
          }
        },
        null,
        2
      )
    )
    await npmInstall(consumer)
    // Each package's README, as it ships: its examples joined into one module, type-checked with the consumer.
    for (const name of publishable) {
      const readme = readFileSync(join(consumer, "node_modules", name, "README.md"), "utf8")
      const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1])
      expect(blocks.length, `${name}/README.md has no ts example`).toBeGreaterThan(0)
      writeFileSync(join(consumer, `readme-${name.split("/")[1]}.ts`), blocks.join("\n"))
    }
  }, 600_000)

  afterAll(() => {
    rmSync(work, { recursive: true, force: true })
  })

  it("pnpm -r pack gives one tarball per publishable package and none for the private examples", () => {
    expect(packed.map((entry) => entry.name).sort()).toEqual(publishable)
    expect(publishable).toEqual(["@mcp-effect/platform-node", "@mcp-effect/server"])
  })

  it("installs as real packages, not workspace links, beside the lowest versions the peer ranges allow", () => {
    expect(peers).toEqual({ "@effect/platform": "0.97.1", "@effect/platform-node": "0.108.0", effect: "3.22.1" })
    for (const name of publishable) {
      expect(lstatSync(join(consumer, "node_modules", name)).isSymbolicLink()).toBe(false)
    }
    for (const [name, version] of Object.entries(peers)) {
      expect(readManifest(join(consumer, "node_modules", name)).version, name).toBe(version)
    }
  })

  it.each(publishable)("%s: ESM, declarations and source maps behind every export, and a complete manifest", (name) => {
    const dir = join(consumer, "node_modules", name)
    const manifest = readManifest(dir)
    expect(manifest).toMatchObject({ license: "MIT", engines: { node: ">=20.18" }, sideEffects: [] })
    expect(manifest.repository).toBeDefined()
    expect(manifest.keywords).toContain("mcp")
    expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain("workspace:")
    expect(existsSync(join(dir, "README.md")) && existsSync(join(dir, "LICENSE"))).toBe(true)
    expect(existsSync(join(dir, "test"))).toBe(false)
    const entries = Object.entries(manifest.exports ?? {})
    expect(entries.map(([key]) => key)).toContain(".")
    for (const [key, target] of entries) {
      if (target === null || typeof target === "string") continue
      expect(target.types, key).toMatch(/^\.\/dist\/.*\.d\.ts$/)
      expect(target.import, key).toMatch(/^\.\/dist\/.*\.js$/)
      for (const file of [target.types, `${target.types}.map`, target.import, `${target.import}.map`]) {
        expect(existsSync(join(dir, file)), `${name} ${key}: ${file}`).toBe(true)
      }
      // The maps point at sources that ship with the package, so "go to definition" lands on TypeScript.
      for (const map of [`${target.types}.map`, `${target.import}.map`]) {
        const { sources } = JSON.parse(readFileSync(join(dir, map), "utf8"))
        for (const source of sources) expect(existsSync(resolve(dirname(join(dir, map)), source)), source).toBe(true)
      }
    }
  })

  it(
    "type-checks a consumer and the READMEs' examples under moduleResolution NodeNext (declarations included)",
    async () => {
      await run(process.execPath, [tsc, "-p", "tsconfig.nodenext.json", "--noEmit"], consumer)
    },
    120_000
  )

  it("type-checks a consumer and the READMEs' examples under moduleResolution Bundler", async () => {
    await run(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], consumer)
  }, 120_000)

  describe("compiled by tsc, run with plain node", () => {
    beforeAll(async () => {
      await run(process.execPath, [tsc, "-p", "tsconfig.nodenext.json"], consumer)
    }, 120_000)

    it("imports every public module, and refuses internal ones", async () => {
      const script = `const { subpaths } = await import("./out/subpaths.js"); console.log(subpaths.length);` +
        `await import("@mcp-effect/server/internal/errors.js").then(() => process.exit(3), (e) => console.log(e.code))`
      const output = await run(process.execPath, ["--input-type=module", "-e", script], consumer)
      expect(output.trim().split("\n")).toEqual([expect.stringMatching(/^\d+$/), "ERR_PACKAGE_PATH_NOT_EXPORTED"])
    }, 60_000)

    it("serves the official SDK client over stdio", async () => {
      const client = await connect(["out/server.js"], consumer)
      try {
        expect(client.getServerVersion()).toMatchObject({ name: "consumer", version: "1.0.0" })
        const { tools } = await client.listTools()
        expect(tools.map((tool) => tool.name)).toEqual(["add", "year"])
        expect(await client.callTool({ name: "add", arguments: { a: 2, b: 3 } })).toMatchObject({
          structuredContent: { sum: 5 }
        })
        expect(await client.callTool({ name: "year", arguments: {} })).toEqual({
          content: [{ type: "text", text: "2026" }]
        })
      } finally {
        await client.close()
      }
    }, 60_000)
  })

  describe("bundled with esbuild, as the README recommends for a server a client spawns", () => {
    const bundle = (entry: string, outfile?: string) =>
      esbuild.build({
        entryPoints: [join(consumer, entry)],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        minify: true,
        metafile: true,
        logLevel: "silent",
        ...(outfile === undefined ? { write: false } : { outfile: join(consumer, outfile) }),
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
      })

    it("answers the official SDK client, and starts faster than the same server unbundled", async () => {
      await run(process.execPath, [tsc, "-p", "tsconfig.nodenext.json"], consumer)
      await bundle("server.ts", "bundle/server.mjs")
      const client = await connect(["bundle/server.mjs"], consumer)
      try {
        expect(await client.callTool({ name: "add", arguments: { a: 1, b: 1 } })).toMatchObject({
          structuredContent: { sum: 2 }
        })
      } finally {
        await client.close()
      }
      const bundled = await fastest("bundle/server.mjs", consumer)
      const unbundled = await fastest("out/server.js", consumer)
      console.log(`start-up to the first reply: bundled ${bundled.toFixed(0)} ms, unbundled ${unbundled.toFixed(0)} ms`)
      expect(bundled).toBeLessThan(unbundled)
    }, 120_000)

    it("keeps no Schema of McpSchema that the program does not use (the pure markers survive the build)", async () => {
      const result = await bundle("schema-only.ts")
      const inputs = Object.values(result.metafile.outputs)[0].inputs
      const effectKept = Object.entries(inputs)
        .filter(([path, input]) => input.bytesInOutput > 0 && path.includes("node_modules/effect/"))
        .map(([path]) => relative(consumer, path))
      expect(effectKept).toEqual([])
      expect(Object.keys(inputs).some((path) => path.includes("@mcp-effect/server/dist/McpSchema.js"))).toBe(true)
    }, 60_000)
  })

  describe("the starter project (examples/starter), from the tarballs", () => {
    const project = join(work, "starter")

    beforeAll(async () => {
      cpSync(starter, project, {
        recursive: true,
        filter: (path) => !/[/\\](node_modules|dist)$/.test(path)
      })
      const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8"))
      for (const name of publishable) manifest.dependencies[name] = tarballOf(name)
      writeFileSync(join(project, "package.json"), JSON.stringify(manifest, null, 2))
      await npmInstall(project)
    }, 600_000)

    it("type-checks and passes its own tests (npm test)", async () => {
      await run("npm", ["test"], project, consumerEnv)
    }, 120_000)

    it("builds, and its server answers the official SDK client", async () => {
      await run("npm", ["run", "build"], project, consumerEnv)
      const client = await connect(["dist/main.js"], project)
      try {
        expect(await client.callTool({ name: "greet", arguments: { name: "Ada", language: "no" } })).toEqual({
          content: [{ type: "text", text: "Hei, Ada!" }]
        })
      } finally {
        await client.close()
      }
    }, 120_000)
  })
})
