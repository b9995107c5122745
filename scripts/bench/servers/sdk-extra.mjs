import { z } from "zod"

/** BENCH_TOOLS=n registers n more tools, as the other servers do. */
export const registerExtra = (server) => {
  for (let i = 0; i < Number(process.env.BENCH_TOOLS ?? 0); i++) {
    server.registerTool(
      `tool_${i}`,
      { description: `Benchmark tool ${i}`, inputSchema: { a: z.string(), b: z.number().optional() } },
      async ({ a }) => ({ content: [{ type: "text", text: a }] })
    )
  }
}
