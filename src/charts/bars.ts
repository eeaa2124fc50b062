// Grouped bars with 95 % intervals: one facet per metric (or role), one bar per group (or per series within a
// group), the mean above each bar. The shared shape behind the rate, share, utilisation, wait and whistle charts.
import * as Plot from '@observablehq/plot'
import type { SimResult } from '../../sim/api.ts'
import { colourOf, labelOf, num, pct, plotSvg } from './chart.ts'
import { groupStat, round, type Group } from './shape.ts'

export interface BarRow {
  facet: string
  bar: string
  colour: string
  mean: number
  lo: number
  hi: number
  n: number
}

export interface Metric {
  key: string
  label: string
  read: (r: SimResult) => number | null | undefined
  /** the values it can take, to clip its interval (non-negative when absent) */
  range?: readonly [number, number]
}

/** one row per metric × group: the mean over the group's runs and its interval */
export function metricRows(groups: Group[], metrics: Metric[]): BarRow[] {
  return metrics.flatMap((m) => groups.map((g) => ({ facet: m.label, bar: labelOf(g), colour: colourOf(g), ...groupStat(g, m.read, m.range) })))
}

/** values for data-values: group → metric → mean / interval */
export function metricValues(groups: Group[], metrics: Metric[], rows: BarRow[]): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {}
  groups.forEach((g) => {
    out[g.key] = {}
    metrics.forEach((m, i) => {
      const r = rows[i * groups.length + groups.indexOf(g)]
      out[g.key][m.key] = r.n > 1 ? { mean: round(r.mean), lo: round(r.lo), hi: round(r.hi) } : round(r.mean)
    })
  })
  return out
}

export function facetBars(rows: BarRow[], opts: { percent: boolean; yLabel: string; height?: number }): SVGSVGElement {
  const fmt = (v: number) => (opts.percent ? pct(v) : num(v, v >= 100 ? 0 : 1))
  const ok = rows.filter((r) => Number.isFinite(r.mean))
  // the interval is drawn inside the quantity's range (a share in 0–1, a wait ≥ 0); data-values keep it as computed
  const withCi = ok.filter((r) => r.n > 1).map((r) => ({ ...r, lo: Math.max(0, r.lo), hi: opts.percent ? Math.min(1, r.hi) : r.hi }))
  const bars = [...new Set(rows.map((r) => r.bar))]
  const colours = bars.map((b) => rows.find((r) => r.bar === b)!.colour)
  const top = ok.reduce((m, r) => Math.max(m, r.n > 1 ? r.hi : r.mean), opts.percent ? 0 : 1e-9)
  return plotSvg({
    height: opts.height,
    marginTop: 26,
    fx: { domain: [...new Set(rows.map((r) => r.facet))], label: null, axis: 'bottom', padding: 0.15 },
    x: { domain: bars, axis: null, paddingInner: 0.1 },
    y: { label: opts.yLabel, grid: true, domain: opts.percent ? [0, Math.max(1, top)] : [0, top * 1.15], tickFormat: opts.percent ? (v: number) => `${Math.round(v * 100)}` : undefined },
    color: { domain: bars, range: colours },
    marks: [
      Plot.barY(ok, { fx: 'facet', x: 'bar', y: 'mean', fill: 'bar', title: (r: BarRow) => `${r.facet} · ${r.bar}: ${fmt(r.mean)}${r.n > 1 ? ` (95 %: ${fmt(r.lo)}–${fmt(r.hi)}, n = ${r.n})` : ''}` }),
      Plot.ruleX(withCi, { fx: 'facet', x: 'bar', y1: 'lo', y2: 'hi', stroke: '#222', strokeWidth: 1.5 }),
      Plot.tickY(withCi, { fx: 'facet', x: 'bar', y: 'lo', stroke: '#222', inset: 6 }),
      Plot.tickY(withCi, { fx: 'facet', x: 'bar', y: 'hi', stroke: '#222', inset: 6 }),
      Plot.text(ok, { fx: 'facet', x: 'bar', y: (r: BarRow) => (r.n > 1 ? r.hi : r.mean), text: (r: BarRow) => fmt(r.mean), dy: -6, fontSize: 9, lineAnchor: 'bottom' }),
      Plot.ruleY([0]),
    ],
  })
}
