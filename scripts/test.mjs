// The README's test command: type-check, then vitest; ends with a plain "N passed, N failed" line for CI.
import { spawnSync } from 'node:child_process'
import { readFileSync, mkdirSync, rmSync } from 'node:fs'

const bin = (name) => `node_modules/.bin/${name}`
const tsc = spawnSync(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { stdio: 'inherit' })
if (tsc.status !== 0) {
  console.log('type-check failed')
  console.log('0 passed, 1 failed')
  process.exit(1)
}
mkdirSync('.cache', { recursive: true })
const report = '.cache/vitest-report.json'
rmSync(report, { force: true })
const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]
const vt = spawnSync(bin('vitest'), args, { stdio: 'inherit' })
let passed = 0
let failed = 0
try {
  const r = JSON.parse(readFileSync(report, 'utf8'))
  passed = r.numPassedTests
  failed = r.numFailedTests + (r.numFailedTestSuites ?? 0)
} catch {
  failed = 1
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(vt.status === 0 && failed === 0 && passed > 0 ? 0 : 1)
