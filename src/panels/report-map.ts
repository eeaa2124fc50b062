// The report's small result map: the district's grids as an SVG drawn from the grid geometry the run used (no
// capture of the WebGL map), coloured by P90 time to close for a single run, or by B − A for a comparison, with
// its legend. Prints crisply at any size; nothing of the live map is needed.
import type { Geometry, Position } from 'geojson'
import { areaDiff, diffLegendRanges } from '../analysis/area-diff.ts'
import { classify, legendRanges, metricDef, NO_DATA_COLOR, type MetricKey } from '../analysis/result-classes.ts'
import type { LastResult } from '../analysis/results-hub.ts'
import { getLang, t } from '../i18n/i18n.ts'
import { mappableArms, styleAreas, swatch } from './compare-map.ts'
import { h } from './dom.ts'
import { areaMetricLabel } from './labels.ts'

const SVG_NS = 'http://www.w3.org/2000/svg'
const W = 360
const H = 240
const KEY: MetricKey = 'p90HoursToClose'

type Area = { geometry: Geometry; properties: { id: string; layer?: string } }

const ringsOf = (g: Geometry): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [])

/** an equirectangular projection (x shrunk by cos φ) fitting the areas' extent into W × H, north up */
export function fitProjection(areas: Area[], w = W, hgt = H, pad = 4): ((p: Position) => [number, number]) | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const a of areas) for (const r of ringsOf(a.geometry)) for (const [x, y] of r) (x0 = Math.min(x0, x)), (x1 = Math.max(x1, x)), (y0 = Math.min(y0, y)), (y1 = Math.max(y1, y))
  if (!(x1 > x0 && y1 > y0)) return null
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180)
  const s = Math.min((w - 2 * pad) / ((x1 - x0) * k), (hgt - 2 * pad) / (y1 - y0))
  const ox = (w - (x1 - x0) * k * s) / 2
  const oy = (hgt - (y1 - y0) * s) / 2
  return ([x, y]) => [Math.round((ox + (x - x0) * k * s) * 10) / 10, Math.round((oy + (y1 - y) * s) * 10) / 10]
}

/** an SVG path for a polygon's rings (holes filled by the even-odd rule) */
export function pathOf(g: Geometry, proj: (p: Position) => [number, number]): string {
  return ringsOf(g)
    .map((r) => `M${r.map((p) => proj(p).join(',')).join('L')}Z`)
    .join('')
}

/** the map figure for this result, or null when it carries no per-grid figures (replicates, a kept comparison) */
export function reportMap(last: LastResult, doc: unknown): HTMLElement | null {
  const grids = ((doc as { grids?: Area[] } | null)?.grids ?? []).filter((g) => (g.properties.layer ?? 'governance') !== 'party')
  const lang = getLang()
  const def = metricDef(KEY)
  let legend: { color: string; text: string; n: number }[]
  let ids: string[]
  let classes: number[]
  let colors: string[]
  let title: string
  const arms = mappableArms(last)
  if (last.kind === 'run' && last.outcome.results.length === 1 && last.outcome.results[0].byGrid) {
    const cols = last.outcome.results[0].byGrid
    const c = classify(cols, KEY)
    ;({ ids } = cols), ({ classes, colors } = c)
    legend = legendRanges(c.breaks, def.unit, lang).map((text, i) => ({ color: c.colors[i], text, n: c.counts[i] }))
    title = t('report.map', { metric: areaMetricLabel(KEY), level: t('resmap.level.grid').toLowerCase() })
  } else if (arms) {
    const d = areaDiff(arms[0].runs, arms[1].runs, 'grid', KEY)
    ;({ ids, classes, colors } = d)
    legend = diffLegendRanges(d.breaks, def.unit, lang, t('unit.pp')).map((text, i) => ({ color: d.colors[i], text, n: d.counts[i] }))
    title = t('report.mapDiff', { metric: areaMetricLabel(KEY), x: 'B', level: t('resmap.level.grid').toLowerCase() })
  } else return null
  const proj = fitProjection(grids)
  if (!proj) return null
  const styled = styleAreas(grids, ids, classes, colors)
  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`)
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', title)
  for (const f of styled.features) {
    const p = document.createElementNS(SVG_NS, 'path')
    p.setAttribute('d', pathOf(f.geometry, proj))
    p.setAttribute('fill', (f.properties as { _col: string })._col || NO_DATA_COLOR)
    p.setAttribute('fill-rule', 'evenodd')
    p.setAttribute('stroke', '#fff')
    p.setAttribute('stroke-width', '0.4')
    p.dataset.id = (f.properties as { id: string }).id
    svg.append(p)
  }
  const fig = h('figure', { class: 'report-chart report-map', testid: 'report-map' })
  fig.dataset.areas = String(styled.features.length)
  fig.dataset.styled = String(styled.styled)
  const rows = h('div', { class: 'report-map-legend' })
  for (const r of legend) rows.append(h('div', {}, swatch(r.color), h('span', { text: ` ${r.text} (${r.n})` })))
  if (styled.nodata) rows.append(h('div', {}, swatch(null), h('span', { text: ` ${t('resmap.noData')} (${styled.nodata})` })))
  fig.append(h('figcaption', { text: title }), svg, rows)
  return fig
}
