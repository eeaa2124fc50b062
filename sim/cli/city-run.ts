// `gongzhi run --workers N` (and any run of `beijing` or of a world directory with several districts): the city
// run. Districts go to worker threads, largest first; each thread builds (or is sent) its district's world and
// sends back raw tallies, which are merged in plan order (sim/run/city.ts), so the output is the same bytes for any
// number of workers.
import { writeFileSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { mergeCity, presetShards, replicateSeeds, splitDistricts, summarizeCity, runPool, cityProgress, type CityJob, type CityShard, type Preset, type Scenario, type ShardResult, type World } from '../api.ts'
import { checkRunnable, readWorld } from './inputs.ts'

export interface CityRunArgs {
  world?: string
  preset: Preset
  worldSeed: number
  scenario: Scenario
  days: number
  seed: number
  replicates: number
  workers: number
  out: string
}

function cityWorker(): Worker {
  if (import.meta.url.endsWith('/cli.mjs')) return new Worker(new URL('./city-worker.mjs', import.meta.url))
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(new URL('../run/city-worker.ts', import.meta.url).href)}) })`
  return new Worker(boot, { eval: true })
}

/** the districts of the run and, for a world directory, each district's world */
export function cityPlan(a: Pick<CityRunArgs, 'world' | 'preset'>): { shards: CityShard[]; worlds: Map<string, World> | null } {
  if (!a.world) return { shards: presetShards(a.preset), worlds: null }
  const w = readWorld([a.world])
  checkRunnable(a.world, w)
  const parts = splitDistricts(w)
  return { shards: parts.map((p) => p.shard), worlds: new Map(parts.map((p) => [p.shard.code, p.world])) }
}

/** true when a run should be a city run: asked for workers, the whole city, or a world of several districts */
export const isCityRun = (workers: string | undefined, preset: string | undefined): boolean => workers !== undefined || preset === 'beijing'

export async function cityRun(a: CityRunArgs, err: (s: string) => void): Promise<number> {
  const t0 = performance.now()
  const { shards, worlds } = cityPlan(a)
  const runSeeds = replicateSeeds(a.seed, a.replicates)
  const nw = Math.max(1, Math.min(a.workers, shards.length))
  err(`city run: ${shards.length} district${shards.length > 1 ? 's' : ''} on ${nw} worker thread${nw > 1 ? 's' : ''}, ${a.days} days × ${a.replicates} replicate${a.replicates > 1 ? 's' : ''}`)
  const progress = cityProgress(shards)
  let lastPct = -1
  const workers = Array.from({ length: nw }, cityWorker)
  let results: (ShardResult | null)[]
  try {
    results = await runPool(shards, workers, (w, shard) => {
      const job: CityJob = { code: shard.code, source: worlds ? { world: worlds.get(shard.code)! } : { preset: shard.preset!, seed: a.worldSeed }, scenario: a.scenario, runSeeds, days: a.days }
      return new Promise<ShardResult>((resolve, reject) => {
        const onMsg = (m: { progress?: number; result?: ShardResult; error?: string }) => {
          if (m.progress !== undefined) {
            const pct = Math.floor(progress.set(shard.code, m.progress) * 100)
            if (pct !== lastPct && pct % 5 === 0) {
              const s = (performance.now() - t0) / 1000
              err(`${pct}% (${s.toFixed(0)} s${pct > 0 ? `, ≈${((s * (100 - pct)) / pct).toFixed(0)} s left` : ''})`)
            }
            lastPct = pct
            return
          }
          w.off('message', onMsg)
          w.off('error', reject)
          w.off('exit', onExit)
          if (m.error) return reject(new Error(`district ${shard.code} ${shard.name}: ${m.error}`))
          err(`district ${shard.code} ${shard.name} done (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
          resolve(m.result!)
        }
        const onExit = (code: number) => reject(new Error(`the worker running district ${shard.code} ${shard.name} stopped (exit code ${code})`))
        w.on('message', onMsg)
        w.on('error', reject)
        w.once('exit', onExit)
        w.postMessage(job)
      })
    })
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  const runs = mergeCity(a.scenario, { preset: a.world ? null : a.preset, seed: a.world ? null : a.worldSeed }, shards, results.map((r) => r!), a.days)
  const output = a.replicates === 1 ? runs[0] : { summary: summarizeCity(runs), runs }
  writeFileSync(a.out, JSON.stringify(output) + '\n')
  const c = runs[0].city
  const secs = (performance.now() - t0) / 1000
  err(`${a.scenario.name}: ${c.issues.arisen} issues in ${c.districts} districts and ${c.streets} streets, resolution ${c.rates.resolution}, satisfaction ${c.rates.satisfaction} (${secs.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB) → ${a.out}`)
  return 0
}
