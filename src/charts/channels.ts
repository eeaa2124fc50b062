// How known issues first came in: each group's issues by first channel as a 100 % bar, the proactive channels
// (patrol, home visit, volunteer: 未诉先办) last so their share reads off the right end.
import * as Plot from '@observablehq/plot'
import { CHANNELS } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { labelOf, pct, plotSvg, runsNote, type ChartOut, type LegendItem } from './chart.ts'
import { channelShares, round, type Group } from './shape.ts'

const PALETTE = ['#4e79a7', '#76b7b2', '#edc948', '#b07aa1', '#e15759', '#ff9da7', '#59a14f', '#8cd17d', '#9c755f']

export function channelsChart(groups: Group[]): ChartOut {
  const legend: LegendItem[] = CHANNELS.map((c, i) => ({ label: t(`chart.channel.${c}` as const), color: PALETTE[i % PALETTE.length] }))
  const values: Record<string, unknown> = {}
  const data = groups.flatMap((g) => {
    const shares = channelShares(g, CHANNELS)
    values[g.key] = Object.fromEntries(shares.map((s) => [s.channel, round(s.share)]))
    return shares.map((s, i) => ({ group: labelOf(g), ...s, channel: legend[i].label }))
  })
  const svg = plotSvg({
    height: 70 + 42 * groups.length,
    marginLeft: 150,
    x: { label: t('chart.channels.x'), percent: true, labelAnchor: 'center', labelArrow: 'none' },
    y: { label: null, domain: groups.map(labelOf) },
    color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.color) },
    marks: [
      Plot.barX(data, { x: 'share', y: 'group', fill: 'channel', order: legend.map((l) => l.label), title: (d: (typeof data)[number]) => `${d.group}\n${d.channel}: ${pct(d.share)} (${Math.round(d.count)})` }),
      Plot.text(data, Plot.stackX({ x: 'share', y: 'group', z: 'channel', order: legend.map((l) => l.label), text: (d: (typeof data)[number]) => (d.share >= 0.06 ? pct(d.share, 0) : ''), fill: '#fff', fontSize: 9 })),
      Plot.ruleX([0]),
    ],
  })
  return { name: 'channels', title: t('chart.channels.title'), svg, legend, values, note: runsNote(groups) }
}
