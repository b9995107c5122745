import { describe, expect, it } from "@effect/vitest"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

const packageDir = fileURLToPath(new URL("..", import.meta.url))
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
const fixture = fileURLToPath(new URL("fixtures/stdio-server.ts", import.meta.url))

const message = (value: unknown): string => `${JSON.stringify(value)}\n`

/** Resolves once `predicate` holds, checking whenever `stream` emits data; rejects after `ms`. */
const waitFor = (stream: NodeJS.ReadableStream, predicate: () => boolean, ms: number, what: string) =>
  new Promise<void>((resolve, reject) => {
    if (predicate()) {
      return resolve()
    }
    const timer = setTimeout(() => {
      stream.off("data", check)
      reject(new Error(`timed out waiting for ${what}`))
    }, ms)
    function check() {
      if (predicate()) {
        clearTimeout(timer)
        stream.off("data", check)
        resolve()
      }
    }
    stream.on("data", check)
  })

describe("stdio in a child process", () => {
  it("speaks JSON-RPC on stdout, logs on stderr, and exits 0 when stdin ends", async () => {
    const child = spawn(tsx, [fixture], { cwd: packageDir, stdio: ["pipe", "pipe", "pipe"] })
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text
    })
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text
    })
    const lines = () => stdout.split("\n").filter((line) => line !== "")

    try {
      child.stdin.write(message({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "test", version: "1" } }
      }))
      child.stdin.write(message({ jsonrpc: "2.0", method: "notifications/initialized" }))
      child.stdin.write(message({
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "echo", arguments: { text: "hello" } }
      }))
      await waitFor(child.stdout, () => lines().length >= 2, 20_000, "two responses on stdout")
      await waitFor(child.stderr, () => stderr.includes("echo called with hello"), 5_000, "the handler's log")

      child.stdin.end()
      const code = await Promise.race([
        exited,
        new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000))
      ])
      expect(code).toBe(0)
    } finally {
      child.kill("SIGKILL")
    }

    const parsed = lines().map((line) => JSON.parse(line))
    expect(parsed).toEqual([
      expect.objectContaining({
        jsonrpc: "2.0",
        id: 1,
        result: expect.objectContaining({ protocolVersion: "2025-06-18" })
      }),
      { jsonrpc: "2.0", id: 2, result: { content: [{ type: "text", text: "hello" }] } }
    ])
    expect(stdout).not.toContain("stdio fixture starting")
    expect(stderr).toContain("stdio fixture starting")
    expect(stderr).toContain("echo called with hello")
  })
})
