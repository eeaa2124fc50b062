// Pure data shaping behind the charts: which runs a chart draws, histogram bins on a log-like axis, merged
// histograms across replicates, rolling rates, means with 95 % intervals. No DOM and no Plot here, so every
// number a chart shows can be unit-tested.
import { NON_NEGATIVE, t975, type SimResult } from '../../sim/api.ts'
import type { LastResult } from '../analysis/results-hub.ts'
import { armsOf } from '../panels/compare.ts'

const ARM_KEYS = ['A', 'B', 'C', 'D', 'E'] as const

/** the runs one colour of a chart stands for: the single run, the replicates, or A, B, … of a comparison */
export interface Group {
  key: 'run' | 'A' | 'B' | 'C' | 'D' | 'E'
  scenario: string
  runs: SimResult[]
}

export function groupsOf(r: LastResult): Group[] {
  if (r.kind === 'run') return [{ key: 'run', scenario: r.scenario || r.outcome.results[0]?.scenario || '', runs: r.outcome.results }]
  const c = r.comparison
  return armsOf(c).map((arm, k) => ({ key: ARM_KEYS[k], scenario: arm.scenario, runs: arm.runs }))
}

/** daily series and per-area columns exist only for a single detailed run */
export function singleDetailed(groups: Group[]): SimResult | null {
  return groups.length === 1 && groups[0].runs.length === 1 && groups[0].runs[0].daily ? groups[0].runs[0] : null
}

// ---------- time to close on the histogram's own bins ----------

/** a bin edge (hours) as a short label: hours below a day, days from there */
export function hoursLabel(hours: number, unitH: string, unitD: string): string {
  return hours < 24 ? `${hours} ${unitH}` : `${Math.round((hours / 24) * 10) / 10} ${unitD}`
}

/** where `hours` falls on the bin axis: bin k spans [k, k+1], linear inside a bin; the open last bin spans one more edge-width */
export function binPosition(hours: number, edges: readonly number[]): number {
  if (!(hours > 0)) return 0
  let k = 0
  while (k < edges.length && hours > edges[k]) k++
  const lo = k === 0 ? 0 : edges[k - 1]
  const hi = k < edges.length ? edges[k] : 2 * edges[edges.length - 1]
  return k + Math.min(1, (hours - lo) / (hi - lo))
}

export type HistPick = { kind: 'overall' } | { kind: 'category'; key: string } | { kind: 'level'; key: string }

export function pickHistogram(r: SimResult, pick: HistPick): { counts: number[]; p50: number | null; p90: number | null } {
  const h = r.closeHistogram
  const zeros = () => new Array<number>(h.edges.length + 1).fill(0)
  if (pick.kind === 'overall') return { counts: h.overall, p50: r.hoursToClose?.p50 ?? null, p90: r.hoursToClose?.p90 ?? null }
  if (pick.kind === 'category') {
    const d = r.byCategory[pick.key]?.hoursToClose
    return { counts: h.byCategory[pick.key] ?? zeros(), p50: d?.p50 ?? null, p90: d?.p90 ?? null }
  }
  const d = r.byLevel[pick.key]?.hoursToClose
  return { counts: h.byLevel[pick.key] ?? zeros(), p50: d?.p50 ?? null, p90: d?.p90 ?? null }
}

/** bin-wise mean over runs: one run's histogram is itself; replicates are shown per run so A and B stay comparable */
export function meanHistogram(hists: readonly (readonly number[])[]): number[] {
  if (!hists.length) return []
  const out = new Array<number>(hists[0].length).fill(0)
  for (const h of hists) h.forEach((v, i) => (out[i] += v))
  return out.map((v) => v / hists.length)
}

const meanOf = (xs: readonly (number | null)[]): number | null => {
  const ok = xs.filter((x): x is number => x !== null && Number.isFinite(x))
  return ok.length ? ok.reduce((s, x) => s + x, 0) / ok.length : null
}

/** a group's histogram for the chosen slice: mean counts per run, and the runs' mean P50 / P90 */
export function groupHistogram(g: Group, pick: HistPick): { counts: number[]; p50: number | null; p90: number | null } {
  const per = g.runs.map((r) => pickHistogram(r, pick))
  return { counts: meanHistogram(per.map((p) => p.counts)), p50: meanOf(per.map((p) => p.p50)), p90: meanOf(per.map((p) => p.p90)) }
}

// ---------- daily series ----------

/** trailing-window ratio of sums (num ÷ den over the last `window` days); days whose window has no denominator are left out */
export function rollingRate(num: readonly number[], den: readonly number[], window = 7): { day: number; value: number }[] {
  const out: { day: number; value: number }[] = []
  let sn = 0
  let sd = 0
  for (let d = 0; d < den.length; d++) {
    sn += num[d]
    sd += den[d]
    if (d >= window) {
      sn -= num[d - window]
      sd -= den[d - window]
    }
    if (sd > 0) out.push({ day: d + 1, value: sn / sd })
  }
  return out
}

// ---------- replicate intervals ----------

/** mean with a Student-t 95 % interval clipped to `range` (the same as the replicate summary's meanCi, unrounded);
 *  one value has no interval */
export function meanCi(xs: readonly number[], range: readonly [number, number] = [-Infinity, Infinity]): { mean: number; lo: number; hi: number; n: number } {
  const v = xs.filter((x) => Number.isFinite(x))
  const n = v.length
  if (!n) return { mean: NaN, lo: NaN, hi: NaN, n }
  const mean = v.reduce((s, x) => s + x, 0) / n
  if (n === 1) return { mean, lo: mean, hi: mean, n }
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1))
  const half = (t975(n) * sd) / Math.sqrt(n)
  return { mean, lo: Math.max(range[0], mean - half), hi: Math.min(range[1], mean + half), n }
}

/** a value read from each run of a group, as mean and interval; every figure a chart shows is non-negative, and a
 *  share (`range` [0, 1]) is at most 1 */
export function groupStat(g: Group, read: (r: SimResult) => number | null | undefined, range: readonly [number, number] = NON_NEGATIVE): { mean: number; lo: number; hi: number; n: number } {
  return meanCi(g.runs.map((r) => read(r) ?? NaN), range)
}

/** known issues by first channel as shares of the group's total (mean over runs) */
export function channelShares(g: Group, channels: readonly string[]): { channel: string; share: number; count: number }[] {
  const counts = channels.map((c) => g.runs.reduce((s, r) => s + ((r.issues.byChannel as Record<string, number>)[c] ?? 0), 0) / Math.max(1, g.runs.length))
  const total = counts.reduce((s, x) => s + x, 0)
  return channels.map((channel, i) => ({ channel, count: counts[i], share: total ? counts[i] / total : 0 }))
}

export const round = (x: number, d = 4): number => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x)
