// On SIGUSR2: collect garbage (with --expose-gc) and print the heap and RSS on stderr, for the idle-sessions scenario.
process.on("SIGUSR2", () => {
  globalThis.gc?.()
  const { heapUsed, rss } = process.memoryUsage()
  process.stderr.write(`MEMORY ${JSON.stringify({ heapUsed, rss })}\n`)
})
