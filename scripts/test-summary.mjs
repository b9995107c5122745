// Prints "N passed, M failed" from vitest's JSON report: the last line of a CI run.
import { existsSync, readFileSync } from "node:fs"

const file = process.argv[2] ?? ".vitest-results.json"
if (!existsSync(file)) {
  console.log("0 passed, 0 failed")
  console.error(`no test report at ${file}: the tests did not run`)
  process.exit(1)
}
const report = JSON.parse(readFileSync(file, "utf8"))
const passed = report.numPassedTests ?? 0
const failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0)
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
