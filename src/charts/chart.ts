// What every chart returns and the Plot defaults they share. A chart is a pure function of the runs it draws:
// it returns a plain SVG (Plot without title or legend, so the element is the <svg> itself, ready to export),
// its legend, and the numbers it plots — the panel puts those in data-values for tests and readers.
import * as Plot from '@observablehq/plot'
import { t } from '../i18n/i18n.ts'
import { scenarioName } from '../scenario-name.ts'
import type { Group } from './shape.ts'

export interface LegendItem {
  label: string
  color: string
}

export interface ChartOut {
  /** the data-testid suffix: chart-<name> */
  name: string
  title: string
  svg: SVGSVGElement
  legend: LegendItem[]
  /** what the chart plots, as plain numbers */
  values: Record<string, unknown>
  /** a one-line caveat under the chart */
  note?: string
}

export const FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif'
export const INK = '#2b2b2b'
const GROUP_COLOUR = { run: '#b3232a', A: '#4e79a7', B: '#b3232a', C: '#59a14f', D: '#b07aa1', E: '#9c755f' } as const
/** the analytic baseline beside each group's simulated bars: a lighter tone of the same hue */
const BASELINE_COLOUR = { run: '#e8a3a6', A: '#a9c1dc', B: '#e8a3a6', C: '#acd3a6', D: '#dcc0d5', E: '#d2bcaf' } as const

export const colourOf = (g: Group): string => GROUP_COLOUR[g.key]
export const baselineColourOf = (g: Group): string => BASELINE_COLOUR[g.key]
/** the legend / axis name of a group: the scenario, prefixed A / B in a comparison */
export const labelOf = (g: Group): string => (g.key === 'run' ? scenarioName(g.scenario) : `${g.key} · ${scenarioName(g.scenario)}`)

export function groupLegend(groups: Group[]): LegendItem[] {
  return groups.map((g) => ({ label: labelOf(g), color: colourOf(g) }))
}

export { pct } from '../panels/format.ts'
export const num = (x: number, d = 1): string => (Number.isFinite(x) ? String(Math.round(x * 10 ** d) / 10 ** d) : '–')

/** a replicate note: how many runs each mark stands for */
export function runsNote(groups: Group[]): string | undefined {
  const n = groups[0]?.runs.length ?? 0
  return n > 1 ? t('chart.note.replicates', { n }) : undefined
}

export const WIDTH = 600
export const HEIGHT = 250

export function plotSvg(opts: Plot.PlotOptions): SVGSVGElement {
  const el = Plot.plot({
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 52,
    marginBottom: 36,
    style: { fontSize: '11px', fontFamily: FONT, background: '#fff', color: INK, overflow: 'visible' },
    // an option passed as undefined must not erase a default (Plot would size the chart itself)
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
  })
  // Plot wraps the svg in a <figure> only when given a title or legend, which charts never pass
  const svg = el instanceof SVGSVGElement ? el : el.querySelector('svg')
  if (!svg) throw new Error('Plot returned no svg')
  return svg
}
