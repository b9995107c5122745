// Keeps McpSchema tree-shakeable (see the comment above its imports). Bundles a
// program that uses one constant of the module; every Schema must be dropped.
import { describe, expect, it } from "@effect/vitest"
import * as esbuild from "esbuild"
import { fileURLToPath } from "node:url"

const file = fileURLToPath(new URL("../src/McpSchema.ts", import.meta.url))

describe("McpSchema", () => {
  it("builds nothing a program does not use (every Schema construction is marked pure)", async () => {
    const result = await esbuild.build({
      stdin: {
        contents: `import { JSONRPC_VERSION } from ${JSON.stringify(file)}; console.log(JSONRPC_VERSION)`,
        resolveDir: fileURLToPath(new URL(".", import.meta.url))
      },
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      metafile: true,
      logLevel: "silent"
    })
    const inputs = Object.values(result.metafile.outputs)[0].inputs
    const kept = Object.entries(inputs).filter(([path, input]) => input.bytesInOutput > 0 && path.includes("/effect/"))
    expect(kept).toEqual([])
  }, 30_000)
})
