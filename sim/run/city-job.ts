// One district of a city run, as a worker does it: build (or take) the district's world, compile it, run it for
// every replicate. The CLI's worker threads and the page's Web Workers both call this, so both run the same code.
import { buildWorld } from '../world/generate/generate-world.ts'
import type { Preset } from '../world/generate/presets.ts'
import { compileWorld } from '../world/compile.ts'
import type { World } from '../world/types.ts'
import type { ScenarioInput } from '../scenario/schema.ts'
import { runShard, type ShardResult } from './city.ts'

export interface CityJob {
  code: string
  /** a preset to build with the world's seed, or the district's world itself */
  source: { preset: Preset; seed: number } | { world: World }
  scenario: ScenarioInput
  runSeeds: number[]
  days: number
}

/** share of a district's progress bar that is its world build (a district builds in about the time it simulates) */
export const BUILD_SHARE = 0.4

/** `onProgress(fraction)` over the whole job: the build, then the simulated days */
export async function runCityJob(job: CityJob, onProgress?: (fraction: number) => void, isCancelled?: () => boolean, yieldEveryDays = 0): Promise<ShardResult> {
  const raw = 'world' in job.source ? job.source.world : buildWorld({ ...job.source, onProgress: (d, n) => onProgress?.((BUILD_SHARE * d) / n) })
  const world = compileWorld(raw)
  return runShard(world, job.scenario, {
    code: job.code,
    runSeeds: job.runSeeds,
    days: job.days,
    onProgress: (d, n) => onProgress?.(BUILD_SHARE + ((1 - BUILD_SHARE) * d) / n),
    isCancelled,
    yieldEveryDays,
  })
}
