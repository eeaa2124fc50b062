// Distributions and the small arithmetic every reporter shares: rounding to 4 places for stable JSON, ratios that
// are 0 or NaN (null in JSON) when there is nothing to divide by.
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
  return sortedDistribution(Float64Array.from(values))
}

/** distribution of values the caller hands over: sorted in place, not copied (a fengtai year has 1.6 M) */
export function sortedDistribution(v: Float64Array): Dist {
  v.sort()
  const n = v.length
  if (n === 0) return { n: 0, mean: null, p50: null, p90: null }
  let s = 0
  for (let k = 0; k < n; k++) s += v[k]
  const q = (p: number) => v[Math.min(n - 1, Math.floor(p * n))]
  return { n, mean: r4(s / n), p50: r4(q(0.5)), p90: r4(q(0.9)) }
}
