// A city result on screen: a choropleth of districts or streets (SVG paths computed in the worker, so the page only
// sets attributes) and a sortable table of the same rows with the city total on top. Names come from data and go
// in as textContent.
import type { CityResult, CityShape, CityTotals } from '../../sim/api.ts'
import { getLang, t, type Key } from '../i18n/i18n.ts'
import { clear, h } from '../panels/dom.ts'
import { paintedCanvas, type Paint } from './city-canvas.ts'

export type Level = 'district' | 'street'

interface Column {
  key: string
  label: Key
  value: (r: CityTotals) => number | null
  /** higher is better (darker is better on the map) or the reverse */
  fmt: (x: number) => string
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
// one formatter and one collator per language: toLocaleString and localeCompare build a new one on every call, and
// a street table has thousands of cells (seconds of the page's thread at the end of a run)
const formats = new Map<string, { num: Intl.NumberFormat; names: Intl.Collator }>()
const intl = () => {
  const lang = getLang() === 'en' ? 'en' : 'zh-CN'
  let f = formats.get(lang)
  if (!f) formats.set(lang, (f = { num: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }), names: new Intl.Collator(lang) }))
  return f
}
const num = (x: number) => intl().num.format(x)
/** make the current language's formatter and collator before they are needed (building them loads ICU data) */
export function warmFormats(): void {
  const f = intl()
  f.num.format(1.5)
  f.names.compare('东城', '西城')
}
const idOrder = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const COLUMNS: Column[] = [
  { key: 'arisen', label: 'city.col.arisen', value: (r) => r.issues.arisen, fmt: num },
  { key: 'per1k', label: 'city.col.per1k', value: (r) => (r.households ? (r.issues.arisen * 1000) / r.households : null), fmt: num },
  { key: 'discovery', label: 'city.col.discovery', value: (r) => r.rates.discovery, fmt: pct },
  { key: 'resolution', label: 'city.col.resolution', value: (r) => r.rates.resolution, fmt: pct },
  { key: 'satisfaction', label: 'city.col.satisfaction', value: (r) => r.rates.satisfaction, fmt: pct },
  { key: 'hours', label: 'city.col.hours', value: (r) => r.hoursToClose.mean, fmt: num },
  { key: 'p90', label: 'city.col.p90', value: (r) => r.hoursToClose.p90, fmt: num },
  { key: 'residents', label: 'city.col.residents', value: (r) => r.residents, fmt: num },
]

export interface Row {
  id: string
  name: string
  totals: CityTotals
}

export function rowsOf(r: CityResult, level: Level): Row[] {
  const en = getLang() === 'en'
  return level === 'district' ? r.districts.map((d) => ({ id: d.code, name: en ? d.nameEn : d.name, totals: d })) : r.streets.map((s) => ({ id: s.id, name: s.name, totals: s }))
}

/** five blues, light to dark; no data is grey */
const RAMP = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']
const NO_DATA = '#d9d9d9'

/** quintile edges of the column's values (empty when no row has one) */
function edgesOf(rows: Row[], col: Column): number[] {
  const vals = rows.map((r) => col.value(r.totals)).filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b)
  if (!vals.length) return []
  const cut = (q: number) => vals[Math.min(vals.length - 1, Math.floor(q * vals.length))]
  return [0.2, 0.4, 0.6, 0.8].map(cut)
}

/** the legend: each colour with the values it stands for */
export function legend(rows: Row[], col: Column): HTMLElement {
  const e = edgesOf(rows, col)
  const el = h('div', { class: 'city-legend', testid: 'city-legend' })
  if (!e.length) return el
  RAMP.forEach((c, k) => {
    const range = k === 0 ? `≤ ${col.fmt(e[0])}` : k === RAMP.length - 1 ? `> ${col.fmt(e[k - 1])}` : `${col.fmt(e[k - 1])}–${col.fmt(e[k])}`
    el.append(h('span', { class: 'city-swatch', style: `background:${c}` }), h('span', { text: range }))
  })
  el.append(h('span', { class: 'city-swatch', style: `background:${NO_DATA}` }), h('span', { text: t('city.noData') }))
  return el
}

/** the fill of each row by quintile of the column's values */
export function fills(rows: Row[], col: Column): Map<string, string> {
  const edges = edgesOf(rows, col)
  const out = new Map<string, string>()
  for (const r of rows) {
    const v = col.value(r.totals)
    out.set(r.id, v === null || !Number.isFinite(v) ? NO_DATA : RAMP[edges.filter((e) => v > e).length])
  }
  return out
}

const SVG = 'http://www.w3.org/2000/svg'

/** the choropleth: districts at district level, streets (with district outlines over them) at street level; the
 *  colours are painted on a canvas (city-canvas.ts), the SVG's transparent paths carry ids, fills and names */
export function choropleth(shape: CityShape, rows: Row[], col: Column, level: Level, shown: Set<string>): HTMLElement {
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', `0 0 ${shape.width} ${shape.height}`)
  svg.dataset.testid = level === 'district' ? 'district-choropleth' : 'street-choropleth'
  svg.dataset.metric = col.key
  const fill = fills(rows, col)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const paints: Paint[] = []
  const add = (id: string, d: string, name: string, outline: boolean) => {
    if (outline) {
      paints.push({ d, fill: null })
      return
    }
    const p = document.createElementNS(SVG, 'path')
    p.setAttribute('d', d)
    const r = byId.get(id)
    const f = fill.get(id) ?? NO_DATA
    p.setAttribute('fill', f)
    paints.push({ d, fill: f })
    p.dataset.id = id
    const title = document.createElementNS(SVG, 'title')
    const v = r ? col.value(r.totals) : null
    title.textContent = `${name}: ${v === null || v === undefined || !Number.isFinite(v) ? t('city.noData') : col.fmt(v)}`
    p.append(title)
    svg.append(p)
  }
  const districts = shape.districts.filter((d) => shown.has(d.code))
  if (level === 'district') for (const d of districts) add(d.code, d.d, getLang() === 'en' ? d.nameEn : d.name, false)
  else {
    for (const s of shape.streets) if (shown.has(s.district)) add(s.code, s.d, s.name, false)
    for (const d of districts) add(d.code, d.d, d.name, true)
  }
  return h('div', { class: 'city-map' }, paintedCanvas(shape.width, shape.height, paints), svg)
}

export interface SortState {
  key: string
  desc: boolean
}

/** the sortable table: the city total first, then one row per district or street */
export function table(result: CityResult, rows: Row[], level: Level, sort: SortState, onSort: (s: SortState) => void): HTMLTableElement {
  const col = COLUMNS.find((c) => c.key === sort.key)
  const names = intl().names
  const sorted = rows.slice().sort((a, b) => {
    if (!col) return sort.desc ? names.compare(b.name, a.name) : names.compare(a.name, b.name)
    const x = col.value(a.totals) ?? -Infinity
    const y = col.value(b.totals) ?? -Infinity
    return (sort.desc ? y - x : x - y) || idOrder(a, b)
  })
  const th = (key: string, label: string) => {
    const on = sort.key === key
    return h('th', { 'aria-sort': on ? (sort.desc ? 'descending' : 'ascending') : 'none', 'data-key': key, title: t('city.sortHint'), onclick: () => onSort({ key, desc: on ? !sort.desc : key !== 'name' }) }, `${label}${on ? (sort.desc ? ' ▼' : ' ▲') : ''}`)
  }
  const cells = (name: string, r: CityTotals) => [h('td', { text: name }), ...COLUMNS.map((c) => {
    const v = c.value(r)
    return h('td', { class: 'num', text: v === null || !Number.isFinite(v) ? '–' : c.fmt(v) })
  })]
  const body = h('tbody')
  body.append(h('tr', { class: 'city-total' }, ...cells(t('city.total'), result.city)))
  for (const r of sorted) body.append(h('tr', { 'data-id': r.id }, ...cells(r.name, r.totals)))
  return h('table', { class: 'city-table', testid: level === 'district' ? 'district-table' : 'street-table' }, h('thead', {}, h('tr', {}, th('name', t('city.col.name')), ...COLUMNS.map((c) => th(c.key, t(c.label))))), body)
}

export function renderEmpty(el: HTMLElement): void {
  clear(el)
  el.append(h('div', { class: 'hint', text: t('city.empty') }))
}
