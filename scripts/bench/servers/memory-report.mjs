// On SIGUSR2: collect garbage (with --expose-gc) and print the heap and RSS on stderr, for the idle-sessions scenario.
process.on("SIGUSR2", () => {
  globalThis.gc?.()
  const { heapUsed, rss } = process.memoryUsage()
  process.stderr.write(`MEMORY ${JSON.stringify({ heapUsed, rss })}\n`)
})
// Exit on SIGTERM (rather than die of it), so that `node --cpu-prof` writes its profile.
process.on("SIGTERM", () => process.exit(0))
