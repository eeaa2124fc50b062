// Time to close: the result's closeHistogram on its own log-like bins (bin k drawn over [k, k+1], labelled by
// its upper edge), overall or for one category / one closing level, with P50 and P90 marked. Replicates show
// the mean count per run; a comparison puts A and B side by side in each bin.
import * as Plot from '@observablehq/plot'
import { getLang, t } from '../i18n/i18n.ts'
import { colourOf, groupLegend, INK, labelOf, num, plotSvg, runsNote, type ChartOut } from './chart.ts'
import { binPosition, groupHistogram, hoursLabel, round, type Group, type HistPick } from './shape.ts'

/** the label under bin k: its upper edge; the first "≤", the open last one ">" */
export function binLabels(edges: readonly number[]): string[] {
  const [uh, ud] = [t('chart.unitH'), t('chart.unitD')]
  return Array.from({ length: edges.length + 1 }, (_, k) => (k === 0 ? `≤${hoursLabel(edges[0], uh, ud)}` : k === edges.length ? `>${hoursLabel(edges[k - 1], uh, ud)}` : hoursLabel(edges[k], uh, ud)))
}

export function pickLabel(g: Group, pick: HistPick): string {
  if (pick.kind === 'overall') return t('chart.hist.overall')
  if (pick.kind === 'category') return getLang() === 'zh-CN' ? (g.runs[0]?.byCategory[pick.key]?.zh ?? pick.key) : pick.key
  return t(`chart.role.${pick.key}` as Parameters<typeof t>[0])
}

export function closeHistChart(groups: Group[], pick: HistPick): ChartOut {
  const edges = groups[0].runs[0].closeHistogram.edges
  const labels = binLabels(edges)
  const [uh, ud] = [t('chart.unitH'), t('chart.unitD')]
  const w = 1 / groups.length
  const bars: { group: string; x1: number; x2: number; count: number; bin: string }[] = []
  const marks: { group: string; key: string; x: number; tag: string; hours: number; dash: string; dy: number }[] = []
  const values: Record<string, unknown> = {}
  groups.forEach((g, j) => {
    const h = groupHistogram(g, pick)
    h.counts.forEach((count, k) => bars.push({ group: labelOf(g), x1: k + j * w + 0.04, x2: k + (j + 1) * w - 0.04, count, bin: labels[k] }))
    for (const [tag, v, dash] of [['P50', h.p50, '5,3'], ['P90', h.p90, '2,2']] as const)
      if (v !== null) marks.push({ group: labelOf(g), key: g.key === 'run' ? '' : `${g.key} `, x: binPosition(v, edges), tag, hours: v, dash, dy: 0 })
    values[g.key] = { counts: h.counts.map((c) => round(c, 2)), total: round(h.counts.reduce((s, c) => s + c, 0), 2), p50: h.p50, p90: h.p90 }
  })
  // the P labels sit in rows above the frame, clear of the bars
  const marginTop = 14 + 12 * marks.length
  marks.forEach((m, k) => (m.dy = -marginTop + 10 + 12 * k))
  const colour = { domain: groups.map(labelOf), range: groups.map(colourOf) }
  const perRun = groups[0].runs.length > 1
  const svg = plotSvg({
    marginTop,
    x: { domain: [0, edges.length + 1], ticks: labels.map((_, k) => k + 0.5), tickFormat: (x: number) => labels[Math.floor(x)] ?? '', label: t('chart.hist.x'), labelAnchor: 'center', labelArrow: 'none' },
    y: { label: t(perRun ? 'chart.hist.yMean' : 'chart.hist.y'), grid: true, nice: true },
    color: colour,
    marks: [
      Plot.rectY(bars, { x1: 'x1', x2: 'x2', y: 'count', fill: 'group', title: (d: (typeof bars)[number]) => `${d.group}\n${d.bin}: ${num(d.count, perRun ? 1 : 0)}` }),
      Plot.ruleY([0]),
      // dark rules stay visible over bars of any colour; the label's colour and A / B prefix say whose they are
      ...marks.map((m) => Plot.ruleX([m], { x: 'x', stroke: INK, strokeDasharray: m.dash, strokeWidth: 1.5 })),
      ...marks.map((m) => Plot.text([m], { x: 'x', frameAnchor: 'top', dy: m.dy, dx: 3, textAnchor: 'start', fill: 'group', stroke: '#fff', strokeWidth: 3, text: (d: (typeof marks)[number]) => `${d.key}${d.tag} ${hoursLabel(Math.round(d.hours * 10) / 10, uh, ud)}` })),
    ],
  })
  return { name: 'close-hist', title: `${t('chart.hist.title')} · ${pickLabel(groups[0], pick)}`, svg, legend: groupLegend(groups), values, note: [t('chart.hist.pNote'), runsNote(groups)].filter(Boolean).join(' · ') }
}
