// The sweep's row: one finished run of one job, whoever ran it (a CLI thread, a queue worker, a page worker). The
// CSV columns are the run's id, seed, scenario and days, the plan's lever paths in its order, then every summary
// metric; the page's download lays the same rows out with its own leading columns (lever values, replicate, seed,
// days) through the same writer.
import { metricAt, SUMMARY_METRICS } from '../run/simulate.ts'
import type { SummaryMetric } from '../metrics/registry.ts'
import type { SweepJob, SweepPlan } from './plan.ts'

export type RunMetrics = Record<SummaryMetric, number>

export interface SweepRow {
  job: SweepJob
  scenario: string
  days: number
  metrics: RunMetrics
}

/** the summary metrics of one run's result (a SimResult, or anything with the same paths) */
export function metricsOf(result: unknown): RunMetrics {
  const m = {} as RunMetrics
  for (const k of SUMMARY_METRICS) m[k] = metricAt(result, k)
  return m
}

export const rowOf = (plan: SweepPlan, scenario: string, job: SweepJob, metrics: RunMetrics): SweepRow => ({ job, scenario, days: plan.days, metrics })

/** the CLI's columns (also the queue's and the merged shards') */
export const sweepHeader = (plan: SweepPlan): string[] => ['id', 'seed', 'scenario', 'days', ...plan.levers.map(([p]) => p), ...SUMMARY_METRICS]

export const rowCells = (r: SweepRow): unknown[] => [r.job.id, r.job.seed, r.scenario, r.days, ...r.job.values, ...SUMMARY_METRICS.map((m) => r.metrics[m])]

/** the page's columns: the swept levers first, then which replicate, its seed and days */
export const pageHeader = (plan: SweepPlan): string[] => [...plan.levers.map(([p]) => p), 'replicate', 'seed', 'days', ...SUMMARY_METRICS]

export const pageCells = (r: SweepRow): unknown[] => [...r.job.values, r.job.replicate + 1, r.job.seed, r.days, ...SUMMARY_METRICS.map((m) => r.metrics[m])]

/** rows in plan order (by job index), whatever order their runs finished in */
export const inPlanOrder = (rows: readonly SweepRow[]): SweepRow[] => [...rows].sort((a, b) => a.job.index - b.job.index)
