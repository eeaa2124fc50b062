// A comparison on the map: per grid or per community, B's mean minus A's mean over the shared seeds, classed
// symmetrically about zero so the middle class holds "no change" and the colours diverge towards better (blue)
// and worse (red) for the metric's direction. Pure: no DOM, no map; the result-map panel and the report use it.
import type { SimResult } from '../../sim/api.ts'
import { metricDef, valueAt, type AreaColumns, type Direction, type Level, type MetricKey } from './result-classes.ts'

/** ColorBrewer RdBu, 7 classes: better → worse once the direction is applied */
export const DIVERGING = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b']
/** a neutral metric has no better side: purple (less) to green (more), ColorBrewer PRGn */
export const DIVERGING_NEUTRAL = ['#762a83', '#af8dc3', '#e7d4e8', '#f7f7f7', '#d9f0d3', '#7fbf7b', '#1b7837']

const cols = (r: SimResult, level: Level): AreaColumns | undefined => (level === 'grid' ? r.byGrid : r.byCommunity)

/** per area id, the metric's mean over the runs that measured it there (null where none did) */
export function meanByArea(runs: SimResult[], level: Level, key: MetricKey): Map<string, number | null> {
  const sum = new Map<string, { s: number; n: number }>()
  for (const r of runs) {
    const c = cols(r, level)
    if (!c) continue
    c.ids.forEach((id, k) => {
      const e = sum.get(id) ?? { s: 0, n: 0 }
      const v = valueAt(c, key, k)
      if (v !== null) (e.s += v), e.n++
      sum.set(id, e)
    })
  }
  return new Map([...sum].map(([id, e]) => [id, e.n ? e.s / e.n : null]))
}

/** true when every run carries per-area columns at this level */
export const hasAreas = (runs: SimResult[], level: Level): boolean => runs.length > 0 && runs.every((r) => !!cols(r, level))

export interface AreaDiff {
  ids: string[]
  /** B − A per area, null where either side has no value */
  diffs: (number | null)[]
  /** symmetric upper class bounds: [−3s, −2s, −s, +s, +2s, +3s] scaled to the largest change; the middle class
   *  (−s, +s] holds "about no change" */
  breaks: number[]
  colors: string[]
  /** per area: class index, −1 where there is no difference to show */
  classes: number[]
  counts: number[]
  noData: number
}

/** "nice" step for the class width: 1, 2 or 5 × 10^k, at least `x` */
function niceStep(x: number): number {
  if (!(x > 0)) return 0
  const p = 10 ** Math.floor(Math.log10(x))
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-9)) return m * p
  return 10 * p
}

/** B − A per area of the union of both sides' ids, with diverging classes centred on zero */
export function areaDiff(a: SimResult[], b: SimResult[], level: Level, key: MetricKey): AreaDiff {
  const ma = meanByArea(a, level, key)
  const mb = meanByArea(b, level, key)
  const ids = [...new Set([...ma.keys(), ...mb.keys()])].sort()
  const diffs = ids.map((id) => {
    const x = ma.get(id)
    const y = mb.get(id)
    return typeof x === 'number' && typeof y === 'number' ? y - x : null
  })
  const max = Math.max(0, ...diffs.map((d) => (d === null ? 0 : Math.abs(d))))
  // three classes each side of a middle one; a nice step so the legend reads in round numbers
  const s = niceStep(max / 3.5)
  const breaks = s > 0 ? [-2.5 * s, -1.5 * s, -0.5 * s, 0.5 * s, 1.5 * s, 2.5 * s] : []
  const colors = rampDiverging(metricDef(key).direction, breaks.length + 1)
  const counts = colors.map(() => 0)
  let noData = 0
  const classes = diffs.map((d) => {
    if (d === null) return noData++, -1
    let c = breaks.findIndex((bnd) => d <= bnd)
    if (c < 0) c = breaks.length
    counts[c]++
    return c
  })
  return { ids, diffs, breaks, colors, classes, counts, noData }
}

/** low → high change; for a higher-is-better metric a fall is the bad (red) side */
export function rampDiverging(direction: Direction, n: number): string[] {
  if (n === 1) return [DIVERGING[3]]
  const base = direction === 'neutral' ? DIVERGING_NEUTRAL : DIVERGING
  return direction === 'up-good' ? [...base].reverse() : [...base]
}

/** a signed change as the legend shows it: shares in percentage points (`ppUnit`), hours in h */
export function diffText(d: number, unit: ReturnType<typeof metricDef>['unit'], lang: string, ppUnit: string): string {
  const scaled = unit === 'share' ? d * 100 : d
  const digits = unit === 'count' && Number.isInteger(scaled) ? 0 : Math.abs(scaled) < 1 && scaled !== 0 ? 2 : 1
  const body = new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(Math.abs(scaled))
  const sign = scaled > 0 ? '+' : scaled < 0 ? '−' : ''
  return `${sign}${body}${unit === 'share' ? ` ${ppUnit}` : unit === 'hours' ? ' h' : ''}`
}

/** legend rows low → high change; the middle row is "0" with its half-width, so zero sits in the middle */
export function diffLegendRanges(breaks: number[], unit: ReturnType<typeof metricDef>['unit'], lang: string, ppUnit: string): string[] {
  const f = (v: number) => diffText(v, unit, lang, ppUnit)
  if (!breaks.length) return [`0`]
  const mid = breaks.length / 2
  return [
    `≤ ${f(breaks[0])}`,
    ...breaks.slice(1).map((b, i) => (i + 1 === mid ? (lang.startsWith('zh') ? `0（±${f(b).slice(1)}）` : `0 (±${f(b).slice(1)})`) : `${f(breaks[i])} … ${f(b)}`)),
    `> ${f(breaks[breaks.length - 1])}`,
  ]
}
