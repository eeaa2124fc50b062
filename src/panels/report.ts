// A one-page printable report of the last comparison (or run): the scenarios and the levers that differ, the
// world, days, seeds and replicates, the four rates with 95 % intervals and B − A, and three key charts as
// SVG. Shown as an overlay on the page; @media print (app.css) prints only the overlay on one A4 page, and the
// page is zoomed down if its content would run over.
import { diffScenarios, SHARE_RANGE, type SimResult } from '../../sim/api.ts'
import type { LastResult } from '../analysis/results-hub.ts'
import { closeHistChart } from '../charts/close-hist.ts'
import type { ChartOut } from '../charts/chart.ts'
import { standaloneSvg } from '../charts/export.ts'
import { RATE_KEYS, ratesChart } from '../charts/rates.ts'
import { groupsOf, groupStat, round, type Group } from '../charts/shape.ts'
import { utilizationChart } from '../charts/utilization.ts'
import { fmtInt, getLang, t, type Key } from '../i18n/i18n.ts'
import { h } from './dom.ts'
import { rateLabel } from './labels.ts'
import { pct, pp, signOf } from './format.ts'
import { unitAfter } from './lever-units.ts'
import { leverLabelOf, optionText, scenarioName, scenarioText } from './scenario-panel.ts'
import { presetLabel } from './world-picker.ts'
import { reportMap } from './report-map.ts'

/** A4 portrait less 12 mm margins, in CSS px (96 per inch) */
const PAGE_H_PX = ((297 - 24) / 25.4) * 96

const show = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'number' ? fmtNum(v) : typeof v === 'boolean' ? t(v ? 'scn.yes' : 'scn.no') : typeof v === 'string' ? optionText(v) : JSON.stringify(v))
/** a lever value with thousands separators and at most four decimals */
const fmtNum = (v: number): string => (Number.isInteger(v) ? fmtInt(v) : new Intl.NumberFormat(getLang(), { maximumFractionDigits: 4 }).format(v))

export function closeReport(): void {
  document.querySelector('.report-overlay')?.remove()
  document.body.classList.remove('printing-report')
}

/** `doc`: the grid document the result ran on, for the report's small result map */
export function openReport(last: LastResult, doc?: unknown): HTMLElement {
  closeReport()
  const groups = groupsOf(last).filter((g) => g.runs.length)
  const page = reportPage(groups, doc === undefined ? null : reportMap(last, doc))
  const overlay = h(
    'div',
    { class: 'report-overlay', testid: 'report-view' },
    h(
      'div',
      { class: 'report-toolbar' },
      h('button', { text: t('report.print'), testid: 'report-print', onclick: () => window.print() }),
      h('button', { text: t('report.close'), testid: 'report-close', onclick: () => closeReport() }),
    ),
    page,
  )
  document.body.append(overlay)
  document.body.classList.add('printing-report')
  fitToPage(page)
  return overlay
}

/** zoom the page so its content fits one printed A4 page */
function fitToPage(page: HTMLElement): void {
  const hgt = page.scrollHeight
  const z = hgt > PAGE_H_PX ? Math.floor((PAGE_H_PX / hgt) * 1000) / 1000 : 1
  page.style.setProperty('zoom', String(z))
  page.dataset.zoom = String(z)
}

function reportPage(groups: Group[], map: HTMLElement | null): HTMLElement {
  const r0 = groups[0].runs[0]
  const cmp = groups.length >= 2
  const page = h('article', { class: 'report-page', testid: 'report-page' })
  page.append(h('h1', { text: t(cmp ? 'report.titleCompare' : 'report.titleRun') }))
  const names = h('p', { class: 'report-scenarios', testid: 'report-scenarios' })
  for (const g of groups) {
    const name = scenarioName(g.scenario)
    names.append(h('span', { class: `report-tag tag-${g.key}`, text: g.key === 'run' ? t('report.scenario') : g.key }), h('b', { text: name, title: g.scenario, 'data-scenario': g.scenario }))
    // a preset's name is its label: the label is added only where it says more (a scenario from a file)
    const label = scenarioLabel(g.runs[0])
    if (label && !name.includes(label)) names.append(h('span', { class: 'report-label', text: label }))
  }
  page.append(names, metaTable(groups, r0))
  if (cmp) page.append(diffTable(groups))
  page.append(ratesTable(groups))
  const charts = h('div', { class: 'report-charts' })
  for (const c of [closeHistChart(groups, { kind: 'overall' }), ratesChart(groups), utilizationChart(groups)]) charts.append(chartFigure(c))
  if (map) charts.append(map)
  charts.append(h('div', { class: 'report-notes' }, h('p', { text: t('report.defs') }), h('p', { text: t('report.synthetic') })))
  page.append(charts)
  return page
}

const scenarioLabel = (r: SimResult): string => scenarioText(r.params).label

function metaTable(groups: Group[], r0: SimResult): HTMLElement {
  const w = r0.world
  const seeds = groups[0].runs.map((r) => r.seed)
  const dl = h('dl', { class: 'report-meta', testid: 'report-meta' })
  const add = (k: Key, v: string) => dl.append(h('dt', { text: t(k) }), h('dd', { text: v }))
  add('report.world', `${w.preset ? presetLabel(w.preset) : '–'}${t('report.worldSeed', { s: show(w.seed) })} · ${t('report.worldSize', { g: fmtInt(w.grids), c: fmtInt(w.communities), hh: fmtInt(w.households), res: fmtInt(w.residents) })}`)
  add('report.days', fmtInt(r0.days))
  // seeds are identifiers the CLI takes back (--seed): written plainly
  add('report.seeds', seeds.join(', '))
  add('report.replicates', fmtInt(groups[0].runs.length))
  return dl
}

/** the levers where any scenario differs from A, one column per scenario */
function diffTable(groups: Group[]): HTMLElement {
  const rows = new Map<string, { label: string; values: unknown[] }>()
  groups.slice(1).forEach((g, k) => {
    for (const r of diffScenarios(groups[0].runs[0].params, g.runs[0].params)) {
      const row = rows.get(r.path) ?? { label: leverLabelOf(r.path, r.label), values: groups.map(() => r.a) }
      row.values[k + 1] = r.b
      rows.set(r.path, row)
    }
  })
  const table = h('table', { class: 'report-table report-diff', testid: 'report-diff' })
  table.dataset.rows = String(rows.size)
  const cols = groups.length + 1
  table.append(h('caption', { text: t('report.diffTitle', { n: rows.size }) }), h('tr', {}, h('th', { text: t('report.lever') }), ...groups.map((g) => h('th', { text: g.key }))))
  if (!rows.size) table.append(h('tr', {}, h('td', { colSpan: cols, text: t('report.noDiff') })))
  // every lever that differs: a report that leaves some out cannot be checked against the runs
  for (const [path, r] of rows) table.append(h('tr', { 'data-path': path }, h('td', { text: r.label, title: path }), ...r.values.map((v) => h('td', { text: `${show(v)}${unitAfter(v, path)}` }))))
  return table
}

function ratesTable(groups: Group[]): HTMLElement {
  const table = h('table', { class: 'report-table report-rates', testid: 'report-rates' })
  const others = groups.slice(1)
  table.append(h('tr', {}, h('th', { text: t('cmp.metric') }), ...groups.map((g) => h('th', { text: g.key === 'run' ? scenarioName(g.scenario) : `${g.key} · ${scenarioName(g.scenario)}`, title: g.scenario })), ...others.map((g) => h('th', { text: `${g.key} − A` }))))
  for (const k of RATE_KEYS) {
    const stats = groups.map((g) => groupStat(g, (r) => r.rates[k], SHARE_RANGE))
    const cells = stats.map((s, i) => {
      const td = h('td', { testid: `report-${k}-${groups[i].key.toLowerCase()}`, text: pct(s.mean) })
      td.dataset.value = String(round(s.mean))
      if (s.n > 1) {
        td.dataset.ci = `${round(s.lo)},${round(s.hi)}`
        td.append(h('span', { class: 'rate-ci', text: ` [${pct(s.lo)}–${pct(s.hi)}]` }))
      }
      return td
    })
    const diffs = others.map((g, j) => {
      // from the rounded means, like the comparison table, so the three cells agree as shown
      const d = round(round(stats[j + 1].mean) - round(stats[0].mean))
      const td = h('td', { testid: j === 0 ? `report-${k}-diff` : `report-${k}-${g.key.toLowerCase()}-diff`, class: signOf(d) > 0 ? 'up' : signOf(d) < 0 ? 'down' : '', text: pp(d) })
      td.dataset.value = String(d)
      return td
    })
    table.append(h('tr', {}, h('th', { text: rateLabel(k) }), ...cells, ...diffs))
  }
  if (groups[0].runs.length > 1) table.append(h('caption', { class: 'report-ci-note', text: t('report.ciNote', { n: groups[0].runs.length }) }))
  return table
}

function chartFigure(c: ChartOut): HTMLElement {
  const fig = h('figure', { class: 'report-chart', testid: `report-chart-${c.name}` })
  const svg = standaloneSvg(c)
  svg.removeAttribute('width')
  svg.removeAttribute('height')
  fig.append(svg)
  return fig
}
