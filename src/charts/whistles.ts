// Whistles (吹哨): issues whistled per day for a single run with the run's rate per 10,000 known issues; over
// replicates or a comparison, the per-10k rate with its interval.
import * as Plot from '@observablehq/plot'
import type { SimResult } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { facetBars, metricRows, metricValues, type Metric } from './bars.ts'
import { groupLegend, num, plotSvg, runsNote, type ChartOut } from './chart.ts'
import { singleDetailed, type Group } from './shape.ts'

export function whistlesChart(groups: Group[]): ChartOut {
  const r = singleDetailed(groups)
  if (r) return dailyWhistles(r, groups)
  const metrics: Metric[] = [{ key: 'per10k', label: t('chart.whistles.per10k'), read: (x) => x.whistles.per10k }]
  const rows = metricRows(groups, metrics)
  return { name: 'whistles', title: t('chart.whistles.title'), svg: facetBars(rows, { percent: false, yLabel: t('chart.whistles.per10k') }), legend: groupLegend(groups), values: metricValues(groups, metrics, rows), note: runsNote(groups) }
}

function dailyWhistles(r: SimResult, groups: Group[]): ChartOut {
  const w = r.daily!.whistles
  const data = w.map((count, i) => ({ day: i + 1, count }))
  const svg = plotSvg({
    x: { label: t('chart.day'), labelAnchor: 'center', labelArrow: 'none' },
    // a run without whistles still gets an axis from 0, not a zero-height one
    y: { label: t('chart.whistles.y'), grid: true, domain: [0, Math.max(1, ...w)], nice: true },
    marks: [
      Plot.rectY(data, { x1: (d: (typeof data)[number]) => d.day - 0.45, x2: (d: (typeof data)[number]) => d.day + 0.45, y: 'count', fill: '#b3232a', title: (d: (typeof data)[number]) => `${t('chart.day')} ${d.day}: ${d.count}` }),
      Plot.ruleY([0]),
      Plot.text([r.whistles], { frameAnchor: 'top-right', dx: -4, dy: 4, stroke: '#fff', strokeWidth: 3, fill: '#222', text: (x: SimResult['whistles']) => `${t('chart.whistles.per10k')}: ${num(x.per10k)}` }),
    ],
  })
  return { name: 'whistles', title: t('chart.whistles.title'), svg, legend: groupLegend(groups), values: { days: w.length, total: w.reduce((s, x) => s + x, 0), count: r.whistles.count, per10k: r.whistles.per10k } }
}
