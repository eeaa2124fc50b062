// Day by day, for a single detailed run: the backlog with the issues becoming known and closing each day; and
// the response, resolution and satisfaction rates over a trailing 7-day window (a day's callbacks are few, so
// the raw daily ratio is mostly noise).
import * as Plot from '@observablehq/plot'
import type { SimResult } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { rateLabel } from '../panels/labels.ts'
import { pct, plotSvg, type ChartOut, type LegendItem } from './chart.ts'
import { rollingRate, round } from './shape.ts'

type Daily = NonNullable<SimResult['daily']>

const COUNT_SERIES = [
  ['backlog', '#7a1a1f'],
  ['known', '#4e79a7'],
  ['closed', '#59a14f'],
] as const

export function dailyCountsChart(r: SimResult): ChartOut {
  const d = r.daily as Daily
  const data = COUNT_SERIES.flatMap(([k]) => (d[k] as number[]).map((value, i) => ({ series: t(`chart.daily.${k}` as const), day: i + 1, value })))
  const legend: LegendItem[] = COUNT_SERIES.map(([k, color]) => ({ label: t(`chart.daily.${k}` as const), color }))
  const svg = plotSvg({
    x: { label: t('chart.day'), labelAnchor: 'center', labelArrow: 'none' },
    y: { label: t('chart.issues'), grid: true },
    color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.color) },
    marks: [Plot.ruleY([0]), Plot.lineY(data, { x: 'day', y: 'value', stroke: 'series', strokeWidth: 1.6, title: (p: (typeof data)[number]) => `${p.series}, ${t('chart.day')} ${p.day}: ${p.value}` })],
  })
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0)
  return {
    name: 'daily-counts',
    title: t('chart.daily.title'),
    svg,
    legend,
    values: { days: d.known.length, known: sum(d.known), closed: sum(d.closed), backlogEnd: d.backlog[d.backlog.length - 1] ?? 0, backlogMax: Math.max(0, ...d.backlog) },
  }
}

/** the three daily rates as [key, numerator, denominator] */
export const DAILY_RATES = [
  ['response', 'responded', 'known', '#4e79a7'],
  ['resolution', 'callbacksSolved', 'callbacks', '#59a14f'],
  ['satisfaction', 'callbacksSatisfied', 'callbacks', '#e15759'],
] as const

export function dailyRatesChart(r: SimResult, window = 7): ChartOut {
  const d = r.daily as Daily
  const values: Record<string, unknown> = { window }
  const data = DAILY_RATES.flatMap(([k, n, den]) => {
    const pts = rollingRate(d[n] as number[], d[den] as number[], window)
    values[k] = { points: pts.length, last: round(pts[pts.length - 1]?.value ?? NaN) }
    return pts.map((p) => ({ series: rateLabel(k), ...p }))
  })
  const legend: LegendItem[] = DAILY_RATES.map(([k, , , color]) => ({ label: rateLabel(k), color }))
  const svg = plotSvg({
    x: { label: t('chart.day'), labelAnchor: 'center', labelArrow: 'none' },
    y: { label: t('chart.rates.y'), domain: [0, 1], tickFormat: (v: number) => `${Math.round(v * 100)}`, grid: true },
    color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.color) },
    marks: [Plot.lineY(data, { x: 'day', y: 'value', stroke: 'series', strokeWidth: 1.6, title: (p: (typeof data)[number]) => `${p.series}, ${t('chart.day')} ${p.day}: ${pct(p.value)}` })],
  })
  return { name: 'daily-rates', title: t('chart.dailyRates.title', { n: window }), svg, legend, values, note: t('chart.dailyRates.note') }
}
