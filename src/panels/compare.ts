// Comparing scenarios run on the same seeds: A (the current, possibly edited scenario) against one or more
// others. With common random numbers the honest interval for a difference is the paired one — over
// the per-seed differences B_k − A_k — which is much narrower than subtracting two independent intervals.
import { meanCi, metricAt, metricRange, summarize, SUMMARY_METRICS, type ReplicateSummary, type SimResult } from '../../sim/api.ts'

export interface Arm {
  scenario: string
  summary: ReplicateSummary
  runs: SimResult[]
}

export interface VersusA {
  /** this arm's mean − A's mean, per SUMMARY_METRICS path */
  diff: Record<string, number>
  /** paired 95 % interval of the per-seed differences */
  diffCi: Record<string, [number, number]>
}

export interface Comparison extends VersusA {
  days: number
  seeds: number[]
  a: Arm
  /** the first other scenario; `diff`/`diffCi` are B − A */
  b: Arm
  /** further scenarios (C, D, …), each against A */
  more: (Arm & VersusA)[]
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4

function armOf(runs: SimResult[]): Arm {
  const summary = summarize(runs)
  return { scenario: summary.scenario, summary, runs }
}

/** B − A per metric, with the paired interval over runs matched by seed (a share's clipped to ±100 points) */
export function versus(a: Arm, b: Arm): VersusA {
  const diff: Record<string, number> = {}
  const diffCi: Record<string, [number, number]> = {}
  const bySeed = new Map(a.runs.map((r) => [r.seed, r]))
  for (const m of SUMMARY_METRICS) {
    diff[m] = round4(b.summary.metrics[m].mean - a.summary.metrics[m].mean)
    const pairs = b.runs.filter((r) => bySeed.has(r.seed)).map((r) => metricAt(r, m) - metricAt(bySeed.get(r.seed)!, m))
    // a difference of two shares lies in [−1, 1]; of non-negative figures it is unbounded
    const [, hi] = metricRange(m)
    diffCi[m] = meanCi(pairs, hi === 1 ? [-1, 1] : [-Infinity, Infinity]).ci95
  }
  return { diff, diffCi }
}

export function compareOf(a: SimResult[], ...others: SimResult[][]): Comparison {
  if (others.length === 0) throw new Error('a comparison needs at least two scenarios')
  const armA = armOf(a)
  const arms = others.map(armOf)
  const [b, ...rest] = arms
  return { days: armA.summary.days, seeds: armA.summary.seeds, a: armA, b, ...versus(armA, b), more: rest.map((x) => ({ ...x, ...versus(armA, x) })) }
}

/** every arm of a comparison in order: A, B, then the rest */
export const armsOf = (c: Comparison): Arm[] => [c.a, c.b, ...c.more]
