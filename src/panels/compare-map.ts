// The comparison map's parts for the result-map panel: which arms can be mapped, the areas styled by B − A,
// the diverging legend (units, zero in the middle) and the inspect rows of a clicked area.
import type { Feature } from 'geojson'
import { areaDiff, diffLegendRanges, diffText, hasAreas, meanByArea, type AreaDiff } from '../analysis/area-diff.ts'
import { formatValue, metricDef, type Level, type MetricKey } from '../analysis/result-classes.ts'
import type { LastResult } from '../analysis/results-hub.ts'
import { getLang, t } from '../i18n/i18n.ts'
import { armsOf, type Arm } from './compare.ts'
import { h } from './dom.ts'
import { areaMetricLabel } from './labels.ts'
import { scenarioName } from './scenario-panel.ts'

export const armLetter = (k: number): string => 'ABCDE'[k] ?? String(k)

/** the arms of a live comparison whose every run carries per-area figures at both levels, else null */
export function mappableArms(cur: LastResult | undefined): Arm[] | null {
  if (cur?.kind !== 'compare') return null
  const arms = armsOf(cur.comparison)
  return arms.every((a) => hasAreas(a.runs, 'grid') && hasAreas(a.runs, 'community')) ? arms : null
}

export interface Styled {
  features: Feature[]
  styled: number
  nodata: number
}

/** the areas with the colour of their class (hatched where there is none): what the map's result layer draws */
export function styleAreas(areas: { geometry: Feature['geometry']; properties: { id: string } }[], ids: string[], classes: number[], colors: string[]): Styled {
  const index = new Map(ids.map((id, k) => [id, k]))
  let styled = 0
  let nodata = 0
  const features: Feature[] = areas.map((f) => {
    const k = index.get(f.properties.id)
    const cls = k === undefined ? -1 : classes[k]
    if (cls < 0) nodata++
    else styled++
    return { type: 'Feature', geometry: f.geometry, properties: { id: f.properties.id, _nd: cls < 0 ? 1 : 0, _col: cls < 0 ? '' : colors[cls] } }
  })
  return { features, styled, nodata }
}

export const diffOf = (arms: Arm[], arm: number, level: Level, key: MetricKey): AreaDiff => areaDiff(arms[0].runs, arms[arm].runs, level, key)

export function swatch(color: string | null): HTMLElement {
  const s = h('span', { class: color ? 'swatch' : 'swatch nodata' })
  if (color) s.style.background = color
  return s
}

/** the legend: metric, which arm against A, the direction, one row per class low → high with counts */
export function compareLegend(d: AreaDiff, key: MetricKey, arm: number, seeds: number, nodata: number): HTMLElement {
  const def = metricDef(key)
  const x = armLetter(arm)
  const legend = h('div', { class: 'result-legend', testid: 'result-legend' })
  legend.dataset.breaks = d.breaks.join(',')
  legend.dataset.kind = 'diff'
  legend.append(h('div', { class: 'result-legend-title', text: `${areaMetricLabel(key)} · ${x} − A · ${t(`resmap.diffDir.${def.direction}`)}` }))
  diffLegendRanges(d.breaks, def.unit, getLang(), t('unit.pp')).forEach((range, i) =>
    legend.append(h('div', { class: 'result-legend-row' }, swatch(d.colors[i]), h('span', { text: range }), h('span', { class: 'count', text: `(${d.counts[i]})` }))),
  )
  legend.append(h('div', { class: 'result-legend-row' }, swatch(null), h('span', { text: t('resmap.noData') }), h('span', { class: 'count', text: `(${nodata})` })))
  legend.append(h('div', { class: 'caveat', text: t('resmap.cmpNote', { x, n: seeds }) }))
  return legend
}

/** the arm picker: B, C, … each against A */
export function armPicker(arms: Arm[], arm: number, onPick: (k: number) => void): HTMLSelectElement {
  const sel = h('select', { testid: 'result-arm', onchange: (e: Event) => onPick(Number((e.target as HTMLSelectElement).value)) })
  for (let k = 1; k < arms.length; k++) sel.append(h('option', { value: String(k), text: `${armLetter(k)} − A · ${scenarioName(arms[k].scenario)}`, selected: k === arm }))
  return sel
}

/** A's and the arm's means and the difference of one area, as inspect rows */
export function compareInspectRows(arms: Arm[], arm: number, level: Level, key: MetricKey, id: string): { testid: string; label: string; text: string; value: number | null }[] {
  const def = metricDef(key)
  const a = meanByArea(arms[0].runs, level, key).get(id) ?? null
  const b = meanByArea(arms[arm].runs, level, key).get(id) ?? null
  const d = a === null || b === null ? null : b - a
  const x = armLetter(arm)
  const lang = getLang()
  return [
    { testid: 'result-inspect-a', label: t('resmap.diffA'), text: formatValue(a, def.unit, lang), value: a },
    { testid: 'result-inspect-b', label: t('resmap.diffB', { x }), text: formatValue(b, def.unit, lang), value: b },
    { testid: 'result-inspect-diff', label: t('resmap.diffD', { x }), text: d === null ? '–' : diffText(d, def.unit, lang, t('unit.pp')), value: d },
  ]
}
