// The merge of a sweep's rows into one summary per lever setting: for every summary metric the mean and Student-t
// 95 % interval over the setting's replicates (meanCi, the same as a replicate run's summarize), from whichever
// rows have come in — a cancelled or half-collected sweep summarises what it has.
import { meanCi, metricRange, SUMMARY_METRICS } from '../run/simulate.ts'
import { jobAt, jobCount, type SweepPlan } from './plan.ts'
import type { SummaryMetric } from '../metrics/registry.ts'
import type { SweepRow } from './rows.ts'

export interface SettingSummary {
  /** index of the lever setting (jobs setting × replicates + replicate) */
  setting: number
  /** lever path → value, in the plan's lever order */
  levers: Record<string, unknown>
  /** rows merged */
  n: number
  seeds: number[]
  metrics: Record<SummaryMetric, { mean: number; sd: number; ci95: [number, number] }>
}

/** one summary per lever setting, in plan order (a setting without rows has n = 0 and NaN means) */
export function summarizeRows(plan: SweepPlan, rows: readonly SweepRow[]): SettingSummary[] {
  const settings = jobCount(plan) / plan.replicates
  const by: SweepRow[][] = Array.from({ length: settings }, () => [])
  for (const r of rows) by[r.job.setting]?.push(r)
  return by.map((rs, setting) => {
    rs.sort((a, b) => a.job.index - b.job.index)
    const first = jobAt(plan, setting * plan.replicates)
    const levers = Object.fromEntries(plan.levers.map(([p], k) => [p, first.values[k]]))
    const metrics = {} as SettingSummary['metrics']
    for (const m of SUMMARY_METRICS) metrics[m] = meanCi(rs.map((r) => r.metrics[m]), metricRange(m))
    return { setting, levers, n: rs.length, seeds: rs.map((r) => r.job.seed), metrics }
  })
}

/** a constraint on a summary metric: at least (a rate) or at most (hours) a value; strict: the interval's
 *  unfavourable end must meet it too, not only the mean */
export interface SweepTarget {
  metric: SummaryMetric
  op: '>=' | '<='
  value: number
  strict?: boolean
}

/** what "cheapest" means: the fewest people, the lowest yearly cost (staff.* are the same for every replicate of a
 *  setting), or a key of the lever values given by the caller (the page's and CLI's lever order) */
export type SweepObjective = 'staff.headcount' | 'staff.cost'
export const SWEEP_OBJECTIVES: readonly SweepObjective[] = ['staff.headcount', 'staff.cost']

const meetsValue = (x: number, t: SweepTarget): boolean => (t.op === '>=' ? x >= t.value : x <= t.value)

/** whether a setting's summary meets the target (a setting without rows never does) */
export function meetsTarget(s: SettingSummary, t: SweepTarget): boolean {
  const m = s.n ? s.metrics[t.metric] : undefined
  if (!m || !Number.isFinite(m.mean)) return false
  return meetsValue(m.mean, t) && (!t.strict || s.n < 2 || meetsValue(t.op === '>=' ? m.ci95[0] : m.ci95[1], t))
}

/** the setting that meets the target at the lowest cost: by the objective's mean (a staff metric) or by a key of
 *  the lever values compared element by element; ties go to the earlier setting. null when none meets it. */
export function bestSetting(summaries: readonly SettingSummary[], target: SweepTarget, objective: SweepObjective | ((s: SettingSummary) => number[])): SettingSummary | null {
  const key = typeof objective === 'function' ? objective : (s: SettingSummary) => [s.metrics[objective].mean]
  let best: SettingSummary | null = null
  let bestKey: number[] = []
  for (const s of summaries) {
    if (!meetsTarget(s, target)) continue
    const k = key(s)
    const i = k.findIndex((x, j) => x !== bestKey[j])
    if (!best || (i >= 0 && k[i] < bestKey[i])) {
      best = s
      bestKey = k
    }
  }
  return best
}
