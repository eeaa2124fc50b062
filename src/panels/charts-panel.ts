// The charts tab of the results drawer: every chart the last run or comparison supports, each with its numbers
// in data-values, SVG and PNG export, a slice picker for the time-to-close histogram, and the printable report.
import { scenarioName } from '../scenario-name.ts'
import { CATEGORIES, ROLES } from '../../sim/api.ts'
import type { LastResult, ResultsHub } from '../analysis/results-hub.ts'
import { chartsFor, type ChartOut, type HistPick } from '../charts/index.ts'
import { pngBlob, svgText } from '../charts/export.ts'
import { pickLabel } from '../charts/close-hist.ts'
import { groupsOf, type Group } from '../charts/shape.ts'
import { t } from '../i18n/i18n.ts'
import { clear, download, downloadBlob, h } from './dom.ts'
import { openReport } from './report.ts'

export function kindOf(r: LastResult): 'run' | 'replicates' | 'compare' {
  return r.kind === 'compare' ? 'compare' : r.outcome.results.length > 1 ? 'replicates' : 'run'
}

const pickValue = (p: HistPick) => (p.kind === 'overall' ? 'overall' : `${p.kind}:${p.key}`)
function parsePick(v: string): HistPick {
  const [kind, key] = v.split(':')
  return kind === 'category' || kind === 'level' ? { kind, key } : { kind: 'overall' }
}

export class ChartsPanel {
  private last: LastResult | null
  /** the grid document the last result ran on: the report draws its map from it */
  private doc: unknown = null
  private pick: HistPick = { kind: 'overall' }
  /** a result arrived while the tab was hidden: draw it when the tab is shown (Plot takes ~150 ms on a big run) */
  private stale = false

  constructor(
    private el: HTMLElement,
    hub: ResultsHub,
  ) {
    this.last = hub.last?.current ?? null
    this.doc = hub.last?.doc ?? null
    hub.subscribe((p) => {
      this.last = p.current
      this.doc = p.doc
      this.render()
    })
    new MutationObserver(() => {
      if (this.stale && el.hidden === false) this.render()
    }).observe(el, { attributes: true, attributeFilter: ['hidden'] })
    this.render()
  }

  render(): void {
    const el = this.el
    this.stale = el.hidden === true
    if (this.stale) return
    clear(el)
    const last = this.last
    const groups = last ? groupsOf(last).filter((g) => g.runs.length) : []
    if (!last || !groups.length) {
      delete el.dataset.kind
      el.append(h('p', { class: 'charts-empty', testid: 'charts-empty', text: t('chart.empty') }))
      return
    }
    el.dataset.kind = kindOf(last)
    const r0 = groups[0].runs[0]
    const head = h(
      'div',
      { class: 'charts-head' },
      h('span', { text: t(`chart.kind.${kindOf(last)}`, { a: scenarioName(groups[0].scenario), b: groups.slice(1).map((g) => `${g.key} · ${scenarioName(g.scenario)}`).join(t('list.sep')), n: groups[0].runs.length, days: r0.days }) }),
      h('button', { text: t('report.open'), testid: 'report', onclick: () => openReport(last, this.doc) }),
    )
    const grid = h('div', { class: 'charts-grid' })
    let n = 0
    for (const c of chartsFor(groups, this.pick)) {
      try {
        grid.append(this.card(c.build(), groups))
        n++
      } catch (e) {
        grid.append(h('div', { class: 'chart-card chart-failed', testid: `chart-${c.name}`, text: `${t('chart.failed')}: ${e instanceof Error ? e.message : String(e)}` }))
      }
    }
    el.dataset.charts = String(n)
    el.append(head, grid)
  }

  private card(c: ChartOut, groups: Group[]): HTMLElement {
    const card = h('figure', { class: 'chart-card', testid: `chart-${c.name}` })
    card.dataset.values = JSON.stringify(c.values)
    if (c.name === 'close-hist') {
      const first = c.values[groups[0].key] as { total: number }
      card.dataset.total = String(first.total)
    }
    const tools = h(
      'div',
      { class: 'chart-tools' },
      h('button', { text: 'SVG', title: t('chart.exportSvg'), testid: `chart-${c.name}-svg`, onclick: () => download(`${c.name}.svg`, svgText(c), 'image/svg+xml') }),
      h('button', {
        text: 'PNG',
        title: t('chart.exportPng'),
        testid: `chart-${c.name}-png`,
        onclick: () => void pngBlob(c).then((b) => downloadBlob(`${c.name}.png`, b)),
      }),
    )
    const caption = h('figcaption', {}, h('span', { class: 'chart-title', text: c.title }), tools)
    card.append(caption)
    if (c.name === 'close-hist') card.append(this.histPicker(groups[0]))
    if (c.legend.length)
      card.append(h('div', { class: 'chart-legend' }, ...c.legend.map((l) => h('span', { class: 'chart-key' }, h('i', { style: `background:${l.color}` }), l.label))))
    card.append(c.svg)
    if (c.note) card.append(h('div', { class: 'chart-note', text: c.note }))
    return card
  }

  private histPicker(g: Group): HTMLElement {
    const sel = h('select', { testid: 'chart-close-hist-pick', onchange: (e: Event) => ((this.pick = parsePick((e.target as HTMLSelectElement).value)), this.render()) })
    const opt = (p: HistPick) => h('option', { value: pickValue(p), text: pickLabel(g, p), selected: pickValue(p) === pickValue(this.pick) })
    sel.append(
      opt({ kind: 'overall' }),
      h('optgroup', { label: t('chart.hist.byCategory') }, ...CATEGORIES.map((key) => opt({ kind: 'category', key }))),
      h('optgroup', { label: t('chart.hist.byLevel') }, ...ROLES.map((key) => opt({ kind: 'level', key }))),
    )
    return h('label', { class: 'chart-pick' }, `${t('chart.hist.slice')} `, sel)
  }
}
