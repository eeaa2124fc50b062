// What a run will cost in memory, estimated before anything is allocated, so that a world with an implausible
// number of households (a typo of 10,000,000 in one building) is refused with a reason instead of crashing the
// process or the tab half-way. The simulator keeps a trust value, a participation level and a needs flag per
// household and ~80 bytes of columns per issue for the whole run (plus the event heap and the columns' doubling
// growth), so memory ≈ households and issues.
import type { CompiledWorld } from '../world/compile.ts'
import type { Scenario } from '../scenario/schema.ts'

/** Refuse runs estimated above this. A 10-year `fengtai` run (≈ 17 M issues) is ≈ 3.5 GB by this estimate. */
export const RUN_MEMORY_LIMIT_BYTES = 4 * 1024 ** 3
/** Measured: a `fengtai` year, 1.6 M issues, peaks at 306 MB RSS of which ≈ 120 MB is the process and the world
 *  (≈ 115 bytes per issue); 200 leaves room for the columns' doubling growth. */
export const BYTES_PER_ISSUE = 200
/** trust and participation level (Float32 each, model.ts and participation.ts) and the needs map's flag (Uint8, needs.ts) */
const BYTES_PER_HOUSEHOLD = 4 + 4 + 1
const BYTES_PER_BUILDING = 6 * 2 * 8 // per-category arrival weights and their cumulative sums
/** Category weights (elderly, renters) raise arrivals above households × rate: `fengtai` 1.6 M / (812 k × 1.7) = 1.16. */
const ARRIVAL_FACTOR = 1.25

export interface RunEstimate {
  households: number
  issues: number
  bytes: number
}

export class RunBoundsError extends Error {}

export function estimateRun(world: CompiledWorld, sc: Scenario, days: number): RunEstimate {
  let households = 0
  const hh = world.buildings.households
  for (let b = 0; b < hh.length; b++) households += hh[b]
  const issues = Math.ceil(((households * sc.demand.issuesPerHouseholdYear) / 365) * days * Math.max(1, sc.demand.surge) * ARRIVAL_FACTOR)
  const bytes = households * BYTES_PER_HOUSEHOLD + world.buildings.n * BYTES_PER_BUILDING + issues * BYTES_PER_ISSUE
  return { households, issues, bytes }
}

const gb = (b: number) => `${(b / 1024 ** 3).toFixed(1)} GB`
const n = (x: number) => Math.round(x).toLocaleString('en-US')

/** Throws a RunBoundsError naming the households, the days and the largest building when the run would not fit. */
export function checkRunBounds(world: CompiledWorld, sc: Scenario, days: number, limitBytes = RUN_MEMORY_LIMIT_BYTES): RunEstimate {
  const e = estimateRun(world, sc, days)
  // hhStart is an Int32Array; past 2^31 households it would wrap round whatever the memory.
  if (e.bytes <= limitBytes && e.households < 2 ** 31) return e
  const hh = world.buildings.households
  let big = 0
  for (let b = 1; b < hh.length; b++) if (hh[b] > hh[big]) big = b
  const biggest = hh.length ? `; the largest building, ${world.buildings.ids[big]}, has ${n(hh[big])} households` : ''
  throw new RunBoundsError(
    `this run would need about ${gb(e.bytes)} of memory (${n(e.households)} households × ${sc.demand.issuesPerHouseholdYear} issues per household per year × ${days} days ≈ ${n(e.issues)} issues), more than the ${gb(limitBytes)} allowed: run fewer days or check the households in the buildings layer${biggest}`,
  )
}
