// What a result map colours: the per-area metrics of a single run, which way each one is bad, class breaks and a
// colour ramp that puts red on the bad end. Pure: no DOM, no map; the panel and the map layer use it.
import { AREA_METRICS, type AreaMetric, type MetricDirection, type SimResult } from '../../sim/api.ts'

export type AreaColumns = NonNullable<SimResult['byGrid']>
export type Level = 'grid' | 'community'
/** up-bad: more is worse (red high); up-good: more is better (red low); neutral: a load figure with no right side */
export type Direction = 'up-bad' | 'up-good' | 'neutral'
export type Unit = 'hours' | 'share' | 'count' | 'ratio'

export interface MetricDef {
  key: MetricKey
  direction: Direction
  unit: Unit
  /** fixed upper class bounds; quantiles of the data when absent */
  fixed?: readonly number[]
}

const DIRECTION: Record<MetricDirection, Direction> = { 'higher-worse': 'up-bad', 'higher-better': 'up-good', neutral: 'neutral' }
const UNIT = { hours: 'hours', share: 'share', count: 'count', 'households-per-worker': 'ratio', 'per-1000-households': 'ratio' } as const satisfies Partial<Record<string, Unit>>

export type MetricKey = AreaMetric

/** the result map's metrics, in the registry's order, with the registry's direction, unit and fixed classes */
export const METRICS: readonly MetricDef[] = Object.entries(AREA_METRICS).map(([key, m]) => ({ key: key as AreaMetric, direction: DIRECTION[m.direction], unit: UNIT[m.unit], ...('fixed' in m ? { fixed: m.fixed } : {}) }))

const METRIC_BY_KEY = new Map<MetricKey, MetricDef>(METRICS.map((m) => [m.key, m]))
export function metricDef(k: MetricKey): MetricDef {
  const def = METRIC_BY_KEY.get(k)
  if (!def) throw new Error(`unknown result-map metric "${k}"`)
  return def
}

/** good → bad (ColorBrewer RdYlGn, 5 classes, reversed) */
export const RAMP_GOOD_TO_BAD = ['#1a9641', '#a6d96a', '#ffffbf', '#fdae61', '#d7191c']
/** low → high (ColorBrewer Blues, 5 classes) */
export const RAMP_NEUTRAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']
export const NO_DATA_COLOR = '#bdbdbd'

/** the value of a metric for area k, null where there is nothing to measure */
export function valueAt(cols: AreaColumns, key: MetricKey, k: number): number | null {
  if (key === 'knownPer1000') {
    const hh = cols.households[k]
    return hh > 0 ? Math.round((cols.known[k] / hh) * 1000 * 100) / 100 : null
  }
  const v = (cols[key] as (number | null)[])[k]
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/**
 * Upper class bounds (ascending, distinct): the metric's fixed breaks, or quantiles of the values into up to
 * `classes` classes. A value v falls in the first class whose bound is ≥ v, or in the last class.
 */
export function classBreaks(values: (number | null)[], def: Pick<MetricDef, 'fixed'>, classes = 5): number[] {
  if (def.fixed) return [...def.fixed]
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b)
  if (xs.length < 2) return []
  const out: number[] = []
  for (let i = 1; i < classes; i++) {
    const q = xs[Math.min(xs.length - 1, Math.ceil((i / classes) * xs.length) - 1)]
    // a bound at the maximum would leave the top class empty; repeated bounds would make empty classes
    if (q < xs[xs.length - 1] && (out.length === 0 || q > out[out.length - 1])) out.push(q)
  }
  return out
}

export function classOf(v: number, breaks: number[]): number {
  for (let i = 0; i < breaks.length; i++) if (v <= breaks[i]) return i
  return breaks.length
}

/** one colour per class (breaks.length + 1 of them), red on the bad end for the metric's direction */
export function rampFor(direction: Direction, nClasses: number): string[] {
  const base = direction === 'neutral' ? RAMP_NEUTRAL : RAMP_GOOD_TO_BAD
  // spread the classes over the whole ramp so the ends stay green and red even with few classes
  const pick = Array.from({ length: nClasses }, (_, i) => base[nClasses === 1 ? 2 : Math.round((i * (base.length - 1)) / (nClasses - 1))])
  return direction === 'up-good' ? pick.reverse() : pick
}

export interface Classified {
  breaks: number[]
  colors: string[]
  /** per area: class index, -1 for no data */
  classes: number[]
  values: (number | null)[]
  counts: number[]
  noData: number
}

export function classify(cols: AreaColumns, key: MetricKey): Classified {
  const def = metricDef(key)
  const values = cols.ids.map((_, k) => valueAt(cols, key, k))
  const breaks = classBreaks(values, def)
  const colors = rampFor(def.direction, breaks.length + 1)
  const counts = colors.map(() => 0)
  let noData = 0
  const classes = values.map((v) => {
    if (v === null) {
      noData++
      return -1
    }
    const c = classOf(v, breaks)
    counts[c]++
    return c
  })
  return { breaks, colors, classes, values, counts, noData }
}

/** a value as the legend and the inspect panel show it */
export function formatValue(v: number | null, unit: Unit, lang = 'zh-CN'): string {
  if (v === null || !Number.isFinite(v)) return '–'
  const nf = (d: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: d }).format(v * (unit === 'share' ? 100 : 1))
  if (unit === 'share') return `${nf(1)} %`
  if (unit === 'hours') return `${nf(1)} h`
  if (unit === 'count') return nf(0)
  return nf(1)
}

/** legend rows: the class range as text, low to high */
export function legendRanges(breaks: number[], unit: Unit, lang = 'zh-CN'): string[] {
  const f = (v: number) => formatValue(v, unit, lang)
  if (!breaks.length) return [lang.startsWith('zh') ? '全部' : 'all']
  return [`≤ ${f(breaks[0])}`, ...breaks.slice(1).map((b, i) => `${f(breaks[i])} – ${f(b)}`), `> ${f(breaks[breaks.length - 1])}`]
}

/** the columns an area's inspect table shows, in order, with their units */
export const INSPECT_COLUMNS: { key: keyof AreaColumns | 'knownPer1000'; unit: Unit }[] = [
  { key: 'households', unit: 'count' },
  { key: 'workers', unit: 'ratio' },
  { key: 'householdsPerWorker', unit: 'ratio' },
  { key: 'arisen', unit: 'count' },
  { key: 'known', unit: 'count' },
  { key: 'closed', unit: 'count' },
  { key: 'knownPer1000', unit: 'ratio' },
  { key: 'discovery', unit: 'share' },
  { key: 'proactive', unit: 'share' },
  { key: 'resolution', unit: 'share' },
  { key: 'satisfaction', unit: 'share' },
  { key: 'meanHoursToClose', unit: 'hours' },
  { key: 'p90HoursToClose', unit: 'hours' },
]

/** every column of area `id`, raw; null when the run has no such area */
export function areaRow(cols: AreaColumns, id: string): { key: string; unit: Unit; value: number | null }[] | null {
  const k = cols.ids.indexOf(id)
  if (k < 0) return null
  return INSPECT_COLUMNS.map(({ key, unit }) => {
    const v = key === 'knownPer1000' ? valueAt(cols, 'knownPer1000', k) : (cols[key] as (number | null)[])[k]
    return { key, unit, value: typeof v === 'number' && Number.isFinite(v) ? v : null }
  })
}
