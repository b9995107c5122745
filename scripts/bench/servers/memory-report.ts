// On SIGUSR2: collect garbage (with --expose-gc) and print the heap and RSS on stderr, for the idle-sessions scenario.
const collect: unknown = Reflect.get(globalThis, "gc")
process.on("SIGUSR2", () => {
  if (typeof collect === "function") {
    Reflect.apply(collect, undefined, [])
  }
  const { heapUsed, rss } = process.memoryUsage()
  process.stderr.write(`MEMORY ${JSON.stringify({ heapUsed, rss })}\n`)
})
