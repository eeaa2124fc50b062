// One thread of `gongzhi sweep`: builds (or reads) the world once, then runs the jobs the main thread sends and
// returns one flat row of metrics per run. Imports only the public api.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { buildWorld, compileWorld, metricAt, parseScenario, simulate, SUMMARY_METRICS, worldFromFiles, type Preset } from '../api.ts'

export interface SweepJob {
  id: string
  scenario: unknown
  seed: number
  days: number
}

const src = workerData as { preset?: Preset; worldSeed?: number; dir?: string }
let files: Record<string, string> | null = null
if (src.dir) {
  files = {}
  for (const name of readdirSync(src.dir)) if (name.endsWith('.geojson') || name === 'world.json') files[name] = readFileSync(join(src.dir, name), 'utf8')
}
const world = compileWorld(files ? worldFromFiles(files) : buildWorld({ preset: src.preset ?? 'street', seed: src.worldSeed ?? 1 }))

parentPort!.on('message', (job: SweepJob) => {
  const r = simulate(world, parseScenario(job.scenario), { seed: job.seed, days: job.days, detail: false })
  const metrics: Record<string, number> = {}
  for (const m of SUMMARY_METRICS) metrics[m] = metricAt(r, m)
  parentPort!.postMessage({ id: job.id, metrics })
})
parentPort!.postMessage({ ready: true })
