// The merge of a sweep's rows into one summary per lever setting: for every summary metric the mean and Student-t
// 95 % interval over the setting's replicates (meanCi, the same as a replicate run's summarize), from whichever
// rows have come in — a cancelled or half-collected sweep summarises what it has.
import { meanCi, SUMMARY_METRICS } from '../run/simulate.ts'
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
    for (const m of SUMMARY_METRICS) metrics[m] = meanCi(rs.map((r) => r.metrics[m]))
    return { setting, levers, n: rs.length, seeds: rs.map((r) => r.job.seed), metrics }
  })
}
