// Prints the failed and warning checks of a conformance run saved with `--output-dir`: the suite's summary only
// counts them. Usage: node scripts/conformance/failures.mjs <output dir>
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

const dir = process.argv[2]
const runs = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
let count = 0
for (const run of runs.sort()) {
  let checks
  try {
    checks = JSON.parse(readFileSync(join(dir, run, "checks.json"), "utf8"))
  } catch {
    continue
  }
  for (const check of checks) {
    if (check.status === "FAILURE" || check.status === "WARNING") {
      if (count++ === 0) console.log("\nFailed checks:")
      const scenario = run.replace(/^server-/, "").replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, "")
      console.log(`  ✗ ${scenario} / ${check.id} (${check.status}): ${check.errorMessage ?? check.description}`)
      if (check.details !== undefined) console.log(`      details: ${JSON.stringify(check.details).slice(0, 500)}`)
    }
  }
}
