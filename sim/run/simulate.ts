// Runs a scenario on a compiled world and assembles the result JSON (documented in docs/results-schema.md).
import type { CompiledWorld } from '../world/compile.ts'
import { Model, type SimEvent } from '../model/model.ts'
import { MIN_PER_DAY } from '../engine/calendar.ts'
import { CATEGORIES } from '../model/categories.ts'
import { parseScenario, type Scenario, type ScenarioInput } from '../scenario/schema.ts'
import { byArea, byCategory, publicSpace, byLevel, closeHistogram, closeTimes, coverage, daily, issueCounts, respondTimes, rateTallies, ratesOf, totalTallies, utilization, workersByCommunity, type CategoryResult, type Dist, type LevelResult, type RoleUtilization } from '../metrics/report.ts'
import { CH, CHANNELS } from '../model/model.ts'
import { checkRunBounds } from './run-bounds.ts'
import { RUN_LIMITS, withinLimit } from './limits.ts'
import { systemsReport } from '../metrics/systems-report.ts'
import { staffOf, type StaffRole } from '../model/staff-cost.ts'
import { METRICS } from '../metrics/registry.ts'

export const RESULT_VERSION = '1.0.0'

export interface SimOptions {
  seed: number
  days: number
  /** called after every simulated day; return false to cancel */
  onProgress?: (day: number, days: number) => boolean | void
  onEvent?: (e: SimEvent) => void
  /** include per-grid / per-community columns and daily series (default true) */
  detail?: boolean
}

export interface SimResult {
  version: string
  seed: number
  scenario: string
  params: Scenario
  days: number
  world: { preset: string | null; seed: number | null; grids: number; communities: number; households: number; residents: number }
  cancelled: boolean
  issues: ReturnType<typeof issueCounts>
  rates: { response: number; resolution: number; satisfaction: number; onTime: number; overdue: number; discovery: number; proactive: number }
  hotline: { tickets: number; perResidentYear: number; response: number; resolution: number; satisfaction: number; onTime: number }
  hoursToClose: Dist
  hoursToRespond: Dist
  /** public-space categories (environment, parking, illegal building, safety): the scope of Dongcheng's grid figures */
  publicSpace: { discovery: number; hoursToClose: Dist }
  whistles: { count: number; per10k: number }
  bounces: number
  reworks: number
  utilization: Record<string, RoleUtilization>
  coverage: ReturnType<typeof coverage>
  byCategory: Record<string, CategoryResult>
  byLevel: Record<string, LevelResult>
  closeHistogram: ReturnType<typeof closeHistogram>
  /** the book's community-level systems: participation, needs map, owners' committees, consultation, social
   *  organisations, alley stewards, parked cases */
  systems: ReturnType<typeof systemsReport>
  /** everyone the scenario staffs on this world and their cost a year (yuan; unit costs are assumptions, see
   *  docs/staff-costs.md): the sweep's objective "fewest staff / lowest cost that meets a target" */
  staff: { headcount: number; cost: number; people: Record<StaffRole, number>; costByRole: Record<StaffRole, number> }
  byGrid?: ReturnType<typeof byArea>
  byCommunity?: ReturnType<typeof byArea>
  daily?: ReturnType<typeof daily>
  events: number
}

export function prepareModel(world: CompiledWorld, scenario: Scenario | ScenarioInput, opts: SimOptions): Model {
  const sc = parseScenario(scenario)
  if (!withinLimit(opts.days, RUN_LIMITS.days)) throw new Error(`days: must be an integer in ${RUN_LIMITS.days.min}..${RUN_LIMITS.days.max}, got ${opts.days}`)
  checkRunBounds(world, sc, opts.days)
  return new Model(world, sc, { seed: opts.seed, days: opts.days, onEvent: opts.onEvent })
}

export function report(m: Model, daysRun: number, cancelled: boolean, detail = true): SimResult {
  const endMin = daysRun * MIN_PER_DAY
  const counts = issueCounts(m)
  // the rates over every channel and over the hotline's from one pass
  const byChannel = rateTallies(m, { key: m.channel, n: CHANNELS.length })
  const all = ratesOf(totalTallies(byChannel), 0)
  const hot = ratesOf(byChannel, CH.HOTLINE)
  const residents = m.w.buildings.residents.reduce((s, x) => s + x, 0)
  const w = m.w
  return {
    version: RESULT_VERSION,
    seed: Number(m.seed),
    scenario: m.sc.name,
    params: m.sc,
    days: daysRun,
    world: {
      preset: (w.meta as { preset?: string }).preset ?? null,
      seed: (w.meta as { seed?: number }).seed ?? null,
      grids: w.grids.n,
      communities: w.communities.n,
      households: w.buildings.households.reduce((s, x) => s + x, 0),
      residents,
    },
    cancelled,
    issues: counts,
    rates: {
      response: all.response,
      resolution: all.resolution,
      satisfaction: all.satisfaction,
      onTime: all.onTime,
      overdue: all.overdue,
      discovery: counts.arisen ? Math.round((counts.known / counts.arisen) * 1e4) / 1e4 : 0,
      proactive: counts.known ? Math.round((counts.proactive / counts.known) * 1e4) / 1e4 : 0,
    },
    hotline: {
      tickets: counts.hotline,
      perResidentYear: residents ? Math.round(((counts.hotline / residents) * 365 * 1e5) / daysRun) / 1e5 : 0,
      response: hot.response,
      resolution: hot.resolution,
      satisfaction: hot.satisfaction,
      onTime: hot.onTime,
    },
    hoursToClose: closeTimes(m),
    hoursToRespond: respondTimes(m),
    publicSpace: publicSpace(m),
    whistles: { count: m.whistles, per10k: counts.known ? Math.round((m.whistles / counts.known) * 1e5) / 10 : 0 },
    bounces: m.bounceCount,
    reworks: m.reworkCount,
    utilization: utilization(m, endMin),
    coverage: coverage(m),
    byCategory: byCategory(m),
    byLevel: byLevel(m),
    closeHistogram: closeHistogram(m),
    systems: systemsReport(m, endMin),
    staff: staffSection(m),
    ...(detail
      ? {
          byGrid: byArea(m, w.buildings.grid, w.grids.n, w.grids.ids, w.grids.households, m.gridWorkers),
          byCommunity: byArea(m, w.buildings.community, w.communities.n, w.communities.ids, w.communities.households, workersByCommunity(w, m.gridWorkers)),
          daily: daily(m, daysRun),
        }
      : {}),
    events: m.sched.processed,
  }
}

function staffSection(m: Model): SimResult['staff'] {
  const s = staffOf(m.w, m.sc)
  return { headcount: s.headcount, cost: s.costYuan, people: s.people, costByRole: s.cost }
}

/** runs synchronously; the same seed, world and scenario always give the same result */
export function simulate(world: CompiledWorld, scenario: Scenario | ScenarioInput, opts: SimOptions): SimResult {
  const m = prepareModel(world, scenario, opts)
  let d = 0
  let cancelled = false
  for (; d < opts.days; d++) {
    m.runDay(d)
    if (opts.onProgress?.(d + 1, opts.days) === false) {
      cancelled = d + 1 < opts.days
      d++
      break
    }
  }
  return report(m, d, cancelled, opts.detail ?? true)
}

/** like simulate, but yields to the event loop between chunks of days so a cancel message can arrive */
export async function simulateAsync(world: CompiledWorld, scenario: Scenario | ScenarioInput, opts: SimOptions & { isCancelled?: () => boolean; yieldEveryDays?: number }): Promise<SimResult> {
  const m = prepareModel(world, scenario, opts)
  const every = opts.yieldEveryDays ?? 5
  let d = 0
  let cancelled = false
  for (; d < opts.days; d++) {
    m.runDay(d)
    const go = opts.onProgress?.(d + 1, opts.days)
    if ((d + 1) % every === 0) await new Promise((r) => setTimeout(r, 0))
    if (go === false || opts.isCancelled?.()) {
      d++
      cancelled = d < opts.days
      break
    }
  }
  return report(m, d, cancelled, opts.detail ?? true)
}

export const CATEGORY_NAMES = CATEGORIES

/** the metric paths summarised over replicates and written as sweep CSV columns */
export const SUMMARY_METRICS = [
  'issues.arisen',
  'issues.known',
  'issues.closed',
  'rates.response',
  'rates.resolution',
  'rates.satisfaction',
  'rates.onTime',
  'rates.discovery',
  'rates.proactive',
  'hotline.perResidentYear',
  'hotline.resolution',
  'hotline.satisfaction',
  'hoursToClose.mean',
  'hoursToClose.p50',
  'hoursToClose.p90',
  'whistles.per10k',
  'staff.headcount',
  'staff.cost',
] as const

export function metricAt(r: unknown, path: string): number {
  let v: unknown = r
  for (const k of path.split('.')) v = (v as Record<string, unknown> | null)?.[k]
  return typeof v === 'number' ? v : NaN
}

export interface ReplicateSummary {
  scenario: string
  replicates: number
  seeds: number[]
  days: number
  metrics: Record<string, { mean: number; sd: number; ci95: [number, number] }>
}

const T975 = [NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086]

/** the two-sided 95 % Student-t quantile for k values (k − 1 degrees of freedom; 1.96 past 20) */
export const t975 = (k: number): number => (k - 1 < T975.length ? T975[Math.max(1, k - 1)] : 1.96)

/** what a metric can be: a share is a proportion in [0, 1], every other summary figure (counts, hours, rates per
 *  resident or per 10,000 issues, staff, cost) is non-negative */
export const metricRange = (path: string): readonly [number, number] => (isShareMetric(path) ? SHARE_RANGE : NON_NEGATIVE)
export const SHARE_RANGE = [0, 1] as const
export const NON_NEGATIVE = [0, Infinity] as const
const isShareMetric = (path: string): boolean => (METRICS as Record<string, { unit: string }>)[path]?.unit === 'share'

/** Mean, sample sd and Student-t 95 % interval of the finite values (rounded to 4 decimals). The replicate is the
 *  unit of replication (issues within a run are not independent: trust, queues and staffing couple them), so the
 *  interval is a t-interval on the per-replicate values; it is then clipped to the values the metric can take
 *  (`range`, e.g. [0, 1] for a share). The true mean lies in that range, so clipping never drops it from the
 *  interval: the coverage is unchanged, and a share's interval no longer runs past 100 % with 2 replicates. */
export function meanCi(values: number[], range: readonly [number, number] = [-Infinity, Infinity]): { mean: number; sd: number; ci95: [number, number] } {
  const xs = values.filter((x) => Number.isFinite(x))
  const k = xs.length
  const mean = k ? xs.reduce((s, x) => s + x, 0) / k : NaN
  const sd = k > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) * (x - mean), 0) / (k - 1)) : 0
  const half = k > 1 ? (t975(k) * sd) / Math.sqrt(k) : 0
  const r = (x: number) => Math.round(x * 1e4) / 1e4
  return { mean: r(mean), sd: r(sd), ci95: [r(clip(mean - half, range)), r(clip(mean + half, range))] }
}

/** x kept inside [lo, hi] (NaN stays NaN) */
export const clip = (x: number, [lo, hi]: readonly [number, number]): number => (x < lo ? lo : x > hi ? hi : x)

/** means and 95 % t-intervals over replicate results, each clipped to its metric's range */
export function summarize(results: SimResult[]): ReplicateSummary {
  const metrics: ReplicateSummary['metrics'] = {}
  for (const path of SUMMARY_METRICS) metrics[path] = meanCi(results.map((r) => metricAt(r, path)), metricRange(path))
  return { scenario: results[0]?.scenario ?? '', replicates: results.length, seeds: results.map((r) => r.seed), days: results[0]?.days ?? 0, metrics }
}

/** replicate seeds: base, base+1, … */
export function replicateSeeds(base: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => base + k)
}
export { CATEGORIES }
