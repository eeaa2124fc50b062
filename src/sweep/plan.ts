// The sweep tab's form made into a plan of the sweep core (sim/sweep, the same plan, jobs, rows, CSV and summaries
// as `gongzhi sweep`): one or two numeric levers from..to in steps × replicates on seeds S, S+1, … shared by every
// lever setting so all points see the same random numbers; which point is the cheapest that meets a target. Pure:
// the pool runs the jobs, this file knows nothing of workers or the DOM.
import {
  csvText,
  isSummaryMetric,
  jobsOf,
  LEVERS,
  metricsOf,
  pageCells,
  pageHeader,
  parseScenario,
  parseSweepPlan,
  rowOf,
  bestSetting,
  settingMeets,
  RUN_LIMITS,
  scenarioIssue,
  scenarioOfJob,
  setScenarioPath,
  summarizeRows,
  withinLimit,
  type CoreJob,
  type CorePlan,
  type LeverMeta,
  type ScenarioIssue,
  type ScenarioInput,
  type SimResult,
  type SweepRow,
  type SettingSummary,
  type SweepObjective,
  type SummaryMetric,
} from '../../sim/api.ts'

export interface SweepAxis {
  path: string
  from: number
  to: number
  steps: number
}

export interface SweepTarget {
  metric: string
  op: '>=' | '<='
  value: number
}

/** what the sweep panel keeps in the project */
export interface SweepSettings {
  axes: SweepAxis[]
  replicates: number
  days: number
  seed: number
  target: SweepTarget
  /** the stricter reading: the interval bound (not only the mean) must meet the target */
  strict: boolean
  /** 0 = navigator.hardwareConcurrency */
  workers: number
  /** what "cheapest" minimises: the swept lever values (the default) or the scenario's total staff or its cost */
  objective?: 'lever' | SweepObjective
}

export interface SweepJob {
  /** the core's job (its id, seed and lever values, as the CLI runs it) */
  job: CoreJob
  /** position in the plan; results are stored by it, so the order runs finish in does not matter */
  index: number
  /** index of the lever setting (point) */
  point: number
  replicate: number
  seed: number
  days: number
  levers: Record<string, number>
  scenario: ScenarioInput
}

export interface SweepPlan {
  /** the same plan as a `gongzhi sweep --plan` file with these levers, values, seed, replicates and days */
  core: CorePlan
  axes: SweepAxis[]
  /** lever values per axis, after rounding and de-duplication */
  values: number[][]
  points: Record<string, number>[]
  jobs: SweepJob[]
  days: number
  seeds: number[]
}

export interface SweepPoint {
  levers: Record<string, number>
  n: number
  mean: number
  lo: number
  hi: number
  meets: boolean
  /** the setting's staff and their yearly cost (yuan), the same for every replicate; NaN without a run */
  headcount: number
  cost: number
  /** the core's summary of the point's runs */
  summary: SettingSummary
}

/** the numeric levers a sweep can move */
export const SWEEPABLE: LeverMeta[] = LEVERS.filter((l) => (typeof l.default === 'number' || l.default === null) && l.min !== undefined && l.max !== undefined)

/** Cost direction. Staffing levers count people (or hours), so the lowest value is the cheapest; a lever whose
 *  higher value means fewer people is listed in FEWER_WHEN_HIGHER. For any other lever we ASSUME lower = cheaper
 *  and the panel says so. */
const STAFFING = new Set([
  'gridWorkers.perGrid',
  'gridWorkers.scale',
  'gridWorkers.hoursPerWeek',
  'communityWorkers.householdsPerWorker',
  'communityWorkers.minPerCommunity',
  'communityWorkers.hoursPerWeek',
  'property.staffPer1000Households',
  'street.officeStaff',
  'street.enforcementOfficers',
  'departments.staff',
  'volunteers.perCommunity',
  'volunteers.hoursPerMonth',
])
const FEWER_WHEN_HIGHER = new Set(['communityWorkers.householdsPerWorker'])

export const isStaffing = (path: string): boolean => STAFFING.has(path)
/** +1 when a lower value is cheaper, −1 when a higher one is */
export const costSign = (path: string): 1 | -1 => (FEWER_WHEN_HIGHER.has(path) ? -1 : 1)

const leverOf = (path: string): LeverMeta | undefined => LEVERS.find((l) => l.path === path)

/** true when the schema only takes whole numbers for this lever (asked of the schema itself) */
export function isIntegerLever(path: string): boolean {
  const l = leverOf(path)
  if (!l || l.min === undefined || l.max === undefined || l.max - l.min < 1) return false
  const at = (v: number) => {
    const raw: Record<string, unknown> = {}
    setScenarioPath(raw, path, v)
    try {
      parseScenario(raw)
      return true
    } catch {
      return false
    }
  }
  return at(l.min) && !at(l.min + 0.5)
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6

/** `steps` evenly spaced values from..to (whole numbers for integer levers, duplicates dropped) */
export function axisValues(a: SweepAxis): number[] {
  const n = Math.max(1, Math.floor(a.steps))
  const int = isIntegerLever(a.path)
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const x = n === 1 ? a.from : a.from + ((a.to - a.from) * i) / (n - 1)
    const v = int ? Math.round(x) : round6(x)
    if (!out.includes(v)) out.push(v)
  }
  return out
}

/** problems with the settings, each naming the field; empty when the sweep can start */
export function checkSettings(s: SweepSettings): ScenarioIssue[] {
  const p: ScenarioIssue[] = []
  if (s.axes.length < 1 || s.axes.length > 2) p.push(scenarioIssue('axes', undefined, 'axesCount', {}))
  if (s.axes.length === 2 && s.axes[0].path === s.axes[1].path) p.push(scenarioIssue('axes', undefined, 'axesSame', {}))
  for (const a of s.axes) {
    const l = leverOf(a.path)
    if (!l || !SWEEPABLE.includes(l)) {
      p.push(scenarioIssue(a.path, a.path, 'notNumericLever', {}))
      continue
    }
    for (const [k, v] of [['from', a.from], ['to', a.to]] as const) if (!Number.isFinite(v) || v < l.min! || v > l.max!) p.push(scenarioIssue(`${a.path}.${k}`, a.path, 'notInRange', { min: l.min!, max: l.max!, got: v }))
    if (!Number.isInteger(a.steps) || a.steps < 1 || a.steps > 50) p.push(scenarioIssue(`${a.path}.steps`, a.path, 'wholeInRange', { min: 1, max: 50, got: a.steps }))
  }
  const { pageReplicates: reps, days } = RUN_LIMITS
  if (!withinLimit(s.replicates, reps)) p.push(scenarioIssue('replicates', undefined, 'wholeInRange', { min: reps.min, max: reps.max, got: s.replicates }))
  if (!withinLimit(s.days, days)) p.push(scenarioIssue('days', undefined, 'wholeInRange', { min: days.min, max: days.max, got: s.days }))
  if (!Number.isInteger(s.seed) || s.seed < 0) p.push(scenarioIssue('seed', undefined, 'wholeAtLeast', { min: 0, got: s.seed }))
  if (!isSummaryMetric(s.target.metric)) p.push(scenarioIssue('target.metric', undefined, 'unknownMetric', { got: s.target.metric }))
  if (!Number.isFinite(s.target.value)) p.push(scenarioIssue('target.value', undefined, 'notNumber', {}))
  return p
}

/** every lever setting × every replicate; replicate k of every point runs on seed + k (the core's jobs, in its
 *  order: the last lever moving fastest, replicates innermost) */
export function planSweep(base: ScenarioInput, s: SweepSettings): SweepPlan {
  const values = s.axes.map(axisValues)
  const parsed = parseScenario(base) // fails here, naming the field, rather than in a worker
  const core = parseSweepPlan({ scenario: parsed.name, days: s.days, seed: s.seed, replicates: s.replicates, levers: Object.fromEntries(s.axes.map((a, i) => [a.path, values[i]])) })
  const points: Record<string, number>[] = []
  const scenarios: ScenarioInput[] = []
  const jobs = jobsOf(core).map((job): SweepJob => {
    if (!points[job.setting]) {
      points[job.setting] = Object.fromEntries(s.axes.map((a, k) => [a.path, job.values[k] as number]))
      scenarios[job.setting] = scenarioOfJob(core, parsed, job)
    }
    return { job, index: job.index, point: job.setting, replicate: job.replicate, seed: job.seed, days: s.days, levers: points[job.setting], scenario: scenarios[job.setting] }
  })
  const seeds = Array.from({ length: s.replicates }, (_, k) => s.seed + k)
  return { core, axes: s.axes, values, points, jobs, days: s.days, seeds }
}

/** the core's row of every finished run, in plan order */
export const rowsOf = (plan: SweepPlan, results: (SimResult | null | undefined)[]): SweepRow[] =>
  plan.jobs.flatMap((j) => {
    const r = results[j.index]
    return r ? [rowOf(plan.core, plan.core.scenario, j.job, metricsOf(r))] : []
  })

/** true when x meets the target */
export const meetsTarget = (x: number, t: SweepTarget): boolean => (t.op === '>=' ? x >= t.value : x <= t.value)

/** a finished sweep as the project keeps it: the core's summary of every point (no runs), enough to draw the
 *  table, the curve and the answer again after a reload */
export interface SavedSweep {
  axes: SweepAxis[]
  points: Record<string, number>[]
  seeds: number[]
  days: number
  summaries: SettingSummary[]
}

export const savedSweep = (plan: SweepPlan, results: (SimResult | null | undefined)[]): SavedSweep => ({
  axes: plan.axes,
  points: plan.points,
  seeds: plan.seeds,
  days: plan.days,
  summaries: summarizeRows(plan.core, rowsOf(plan, results)),
})

/** mean and 95 % interval of the target metric per point (runs missing from `results` are left out): the core's
 *  summary of the rows, the same as summarize over the point's runs; meeting the target is the core's test */
export const aggregate = (plan: SweepPlan, results: (SimResult | null | undefined)[], target: SweepTarget, strict = false): SweepPoint[] => pointsOf(savedSweep(plan, results), target, strict)

export function pointsOf(saved: SavedSweep, target: SweepTarget, strict = false): SweepPoint[] {
  const metric = isSummaryMetric(target.metric) ? target.metric : null
  return saved.summaries.map((sum, point) => {
    const levers = saved.points[point]
    const staff = { headcount: sum.metrics['staff.headcount']?.mean ?? NaN, cost: sum.metrics['staff.cost']?.mean ?? NaN, summary: sum }
    const m = metric && sum.n ? sum.metrics[metric] : null
    if (!m) return { levers, n: sum.n, mean: NaN, lo: NaN, hi: NaN, meets: false, ...staff }
    const [lo, hi] = m.ci95
    const meets = settingMeets(sum, coreTarget(target, metric!, strict))
    return { levers, n: sum.n, mean: m.mean, lo, hi, meets, ...staff }
  })
}

const coreTarget = (t: SweepTarget, metric: SummaryMetric, strict: boolean) => ({ metric, op: t.op, value: t.value, strict })

/** the cheapest point that meets the target (null if none): by the objective — the scenario's staff or their cost
 *  (the sweep core's bestSetting, as `gongzhi sweep --target` prints it) — or, by default, the lowest cost on the
 *  first lever, then on the second */
export function cheapest(points: SweepPoint[], axes: SweepAxis[], objective: SweepSettings['objective'] = 'lever'): SweepPoint | null {
  const ok = new Map(points.filter((p) => p.meets).map((p) => [p.summary, p]))
  // the points' meets already hold the target (and its strictness): the core picks among them
  const pass = { metric: 'staff.headcount', op: '>=', value: -Infinity } as const
  const byLevers = (s: SettingSummary) => axes.map((a) => costSign(a.path) * ok.get(s)!.levers[a.path])
  const best = bestSetting([...ok.keys()], pass, objective === 'lever' ? byLevers : objective)
  return best ? ok.get(best)! : null
}

/** one row per run (the core's rows and writer): the swept lever values, replicate, seed, days, then every summary
 *  metric */
export const sweepCsv = (plan: SweepPlan, results: (SimResult | null | undefined)[]): string => csvText(pageHeader(plan.core), rowsOf(plan, results).map(pageCells))
