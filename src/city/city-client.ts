// A city run in the page: the districts handed to a pool of Web Workers (sim/worker.ts, the same service a single
// run uses), largest first; each builds its district's world and sends back raw tallies, merged in plan order by
// sim/api.ts, so the result is the same for any number of workers. Cancel stops every worker at once.
import * as Comlink from 'comlink'
import { cityProgress, mergeCity, presetShards, replicateSeeds, runPool, summarizeCity, type CityResult, type CityShard, type Preset, type ScenarioInput, type ShardResult, type SimService } from '../../sim/api.ts'
import { progressClock } from '../progress.ts'

/** at most this many workers, whatever the machine says: each holds a district's world (≈0.3–0.5 GB for the largest) */
export const MAX_CITY_WORKERS = 4

export const defaultWorkers = (): number => Math.max(1, Math.min(MAX_CITY_WORKERS, navigator.hardwareConcurrency || 2))

export interface CitySpec {
  preset: Preset
  worldSeed: number
  /** district codes to run (all of the preset's when empty) */
  districts: string[]
  scenario: ScenarioInput
  days: number
  seed: number
  replicates: number
  workers: number
}

export interface CityProgress {
  fraction: number
  etaSeconds: number | null
  districtsDone: number
  districts: number
}

export interface CityOutcome {
  runs: CityResult[]
  summary: ReturnType<typeof summarizeCity> | null
  cancelled: boolean
  seconds: number
  workers: number
}

/** the bar and the time left four times a second: each update is a repaint the (software) GPU process composites
 *  while both cores run districts */
const PROGRESS_MS = 250

export function cityShards(preset: Preset, districts: string[]): CityShard[] {
  const all = presetShards(preset)
  return districts.length ? all.filter((s) => districts.includes(s.code)) : all
}

export class CityClient {
  private workers: Worker[] = []
  private stopped = false
  private onStop: () => void = () => {}
  running = false

  async run(spec: CitySpec, onProgress: (p: CityProgress) => void): Promise<CityOutcome> {
    if (this.running) throw new Error('a city run is already going')
    this.running = true
    this.stopped = false
    const clock = progressClock()
    const shards = cityShards(spec.preset, spec.districts)
    const n = Math.max(1, Math.min(spec.workers, shards.length))
    const progress = cityProgress(shards)
    const runSeeds = replicateSeeds(spec.seed, spec.replicates)
    let done = 0
    let last = 0
    const report = (fraction: number) => {
      const t = performance.now()
      if (t - last < PROGRESS_MS && fraction < 1) return
      last = t
      onProgress({ fraction, etaSeconds: clock.eta(fraction), districtsDone: done, districts: shards.length })
    }
    this.workers = Array.from({ length: n }, () => new Worker(new URL('../../sim/worker.ts', import.meta.url), { type: 'module' }))
    const remotes = this.workers.map((w) => Comlink.wrap<SimService>(w))
    try {
      const results = await Promise.race([
        runPool(
          shards,
          remotes,
          async (remote, shard): Promise<ShardResult> => {
            const r = await remote.cityJob(
              { code: shard.code, source: { preset: shard.preset!, seed: spec.worldSeed }, scenario: spec.scenario, runSeeds, days: spec.days },
              Comlink.proxy((f: number) => report(progress.set(shard.code, f))),
            )
            done++
            report(progress.set(shard.code, 1))
            return r
          },
          () => this.stopped,
        ),
        // a terminated worker never answers: cancel settles the run through this instead
        new Promise<null>((resolve) => (this.onStop = () => resolve(null))),
      ])
      const seconds = clock.seconds()
      if (!results || this.stopped) return { runs: [], summary: null, cancelled: true, seconds, workers: n }
      const runs = mergeCity(spec.scenario, { preset: spec.preset, seed: spec.worldSeed }, shards, results.map((r) => r!), spec.days)
      return { runs, summary: runs.length > 1 ? summarizeCity(runs) : null, cancelled: false, seconds, workers: n }
    } finally {
      for (const w of this.workers) w.terminate()
      this.workers = []
      this.running = false
    }
  }

  cancel(): void {
    this.stopped = true
    for (const w of this.workers) w.terminate()
    this.onStop()
  }
}
