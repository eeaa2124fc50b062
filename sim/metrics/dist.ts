// Distributions and the small arithmetic every reporter shares: rounding to 4 places for stable JSON, ratios that
// are 0 or NaN (null in JSON) when there is nothing to divide by.
import quickselect from 'quickselect'
export const r4 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null)
export const ratio = (a: number, b: number) => (b > 0 ? a / b : 0)
/** a / b, NaN (null in JSON) when b is 0 */
export const share = (a: number, b: number) => (b > 0 ? a / b : NaN)

/** picks issues by index */
export type Select = (i: number) => boolean

export interface Dist {
  n: number
  mean: number | null
  p50: number | null
  p90: number | null
}

export function distribution(values: Float64Array | number[]): Dist {
  return selectedDistribution(Float64Array.from(values))
}

/** distribution of values the caller hands over (without the median when `median` is false: a map's columns want
 *  only the 90th percentile): reordered in place, not copied (a fengtai year has 1.6 M). The
 *  percentiles are the order statistics a full sort would give (v[⌊p·n⌋] of the sorted values), found by selection
 *  (Floyd–Rivest, O(n)) instead of an O(n log n) sort: the same values, in a tenth of the time. */
export function selectedDistribution(v: Float64Array, median = true): Dist {
  const n = v.length
  if (n === 0) return { n: 0, mean: null, p50: null, p90: null }
  const s = sum(v)
  const k90 = Math.min(n - 1, Math.floor(0.9 * n))
  const k50 = Math.min(n - 1, Math.floor(0.5 * n))
  const a = v as unknown as number[]
  quickselect(a, k90, 0, n - 1, ascending)
  // everything before k90 is now at most v[k90]: the median is among them
  if (!median) return { n, mean: r4(s / n), p50: null, p90: r4(v[k90]) }
  if (k50 < k90) quickselect(a, k50, 0, k90 - 1, ascending)
  return { n, mean: r4(s / n), p50: r4(v[k50]), p90: r4(v[k90]) }
}

/** the sum in index order; a function of its own: a report calls selectedDistribution for thousands of groups, and
 *  with the loop inline V8 compiled it mid-loop (on-stack replacement) before the code after the loop had ever run,
 *  then threw that code away on reaching it, again and again (≈170 times in a `street` report) */
function sum(v: Float64Array): number {
  let s = 0
  for (let k = 0; k < v.length; k++) s += v[k]
  return s
}

const ascending = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0)
