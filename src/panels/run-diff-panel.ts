// "Against the last run": after an edit and a new run, the headline figures of both runs with the change, what
// changed in the grid layout and in the scenario, and the grids whose P90 time to close moved most.
import { gridP90Changes, headlineDiff, layoutChanged, layoutDiff, leverChanges, type HeadlineRow } from '../analysis/run-diff.ts'
import type { Published, ResultsHub } from '../analysis/results-hub.ts'
import { getLang, t, type Key } from '../i18n/i18n.ts'
import { RESULT_METRICS } from '../../sim/api.ts'
import { clear, h } from './dom.ts'
import { inLang } from './labels.ts'
import { unitAfter } from './lever-units.ts'
import { leverLabelOf, scenarioName } from './scenario-panel.ts'

const DIGITS = { share: 1, hours: 1, count: 0 } as const
/** shares as percent (points for changes), one decimal; hours one decimal; counts whole */
const scaled = (unit: HeadlineRow['unit'], v: number) => (unit === 'share' ? v * 100 : v)
const fixed = (unit: HeadlineRow['unit'], v: number) => new Intl.NumberFormat(getLang(), { minimumFractionDigits: DIGITS[unit], maximumFractionDigits: DIGITS[unit] }).format(v)

function fmt(unit: HeadlineRow['unit'], v: number | null): string {
  if (v === null) return '–'
  const x = fixed(unit, scaled(unit, v))
  return unit === 'share' ? `${x} %` : unit === 'hours' ? `${x} h` : x
}

function fmtChange(unit: HeadlineRow['unit'], d: number | null): string {
  if (d === null) return '–'
  const x = scaled(unit, d)
  // the sign of what is shown: a change that rounds to zero reads ±0, not −0
  const shown = Number(x.toFixed(DIGITS[unit]))
  const body = fixed(unit, Math.abs(shown))
  return `${shown > 0 ? '+' : shown < 0 ? '−' : '±'}${body}${unit === 'share' ? ' pp' : unit === 'hours' ? ' h' : ''}`
}

const valueText = (v: unknown) => (v === undefined ? t('diff.unset') : typeof v === 'object' ? JSON.stringify(v) : String(v))

export class RunDiffPanel {
  private pub: Published | null = null

  constructor(
    private el: HTMLElement,
    hub: ResultsHub,
    private gridName: (id: string, doc: unknown) => string,
  ) {
    hub.subscribe((p) => {
      this.pub = p
      this.render()
    })
  }

  render(): void {
    const el = this.el
    clear(el)
    const p = this.pub
    const say = (state: string, key: Key) => {
      el.dataset.state = state
      el.append(h('div', { class: 'hint', testid: 'diff-empty', text: t(key) }))
    }
    if (!p) return say('empty', 'diff.none')
    if (p.current.kind !== 'run') return say('needs-run', 'diff.needsRun')
    const prev = p.previousRun
    if (!prev) return say('first', 'diff.first')
    el.dataset.state = 'ready'
    const a = prev.result.outcome
    const b = p.current.outcome
    el.append(h('h3', { text: t('diff.title', { a: scenarioName(prev.result.scenario), ra: a.results.length, b: scenarioName(p.current.scenario), rb: b.results.length }) }))
    if (a.results[0]?.days !== b.results[0]?.days) el.append(h('div', { class: 'caveat', text: t('diff.daysDiffer', { a: a.results[0]?.days ?? 0, b: b.results[0]?.days ?? 0 }) }))

    const table = h('table', { class: 'compare-table', testid: 'run-diff-table' })
    table.append(h('tr', {}, h('th', { text: t('cmp.metric') }), h('th', { text: t('diff.previous') }), h('th', { text: t('diff.current') }), h('th', { text: t('diff.change') })))
    for (const r of headlineDiff(a, b)) {
      const d = h('td', { testid: `diff-${r.id}`, text: fmtChange(r.unit, r.change) })
      if (r.change !== null) {
        d.dataset.value = String(r.change)
        const better = r.better === 'up' ? r.change > 0 : r.change < 0
        d.classList.add(Number(scaled(r.unit, r.change).toFixed(DIGITS[r.unit])) === 0 ? 'same' : better ? 'better' : 'worse')
      }
      table.append(h('tr', {}, h('th', { text: inLang(RESULT_METRICS[r.path].label) }), h('td', { text: fmt(r.unit, r.previous) }), h('td', { text: fmt(r.unit, r.current) }), d))
    }
    el.append(table)

    const lay = layoutDiff(prev.doc, p.doc)
    const layout = h('div', { class: 'diff-section', testid: 'diff-layout' })
    for (const k of ['added', 'removed', 'reshaped', 'restaffed'] as const) layout.dataset[k] = String(lay[k].length)
    layout.append(h('h4', { text: t('diff.layout') }))
    if (!layoutChanged(lay)) layout.append(h('div', { text: t('diff.layoutSame', { n: lay.unchanged }) }))
    else
      for (const k of ['added', 'removed', 'reshaped', 'restaffed'] as const)
        if (lay[k].length)
          layout.append(h('div', { testid: `diff-layout-${k}`, text: `${t(`diff.layout.${k}`, { n: lay[k].length })}: ${lay[k].slice(0, 8).join(', ')}${lay[k].length > 8 ? ' …' : ''}` }))
    el.append(layout)

    const levers = leverChanges(a, b)
    const scen = h('div', { class: 'diff-section', testid: 'diff-scenario' })
    scen.dataset.changes = String(levers.length)
    scen.append(h('h4', { text: t('diff.scenario') }))
    if (!levers.length) scen.append(h('div', { text: t('diff.scenarioSame') }))
    else {
      const ul = h('ul', {})
      for (const l of levers) ul.append(h('li', { text: `${leverLabelOf(l.path, l.label)}: ${valueText(l.a)} → ${valueText(l.b)}${unitAfter(l.b, l.path)}`, title: l.path }))
      scen.append(ul)
    }
    el.append(scen)

    const grids = h('div', { class: 'diff-section', testid: 'diff-grids' })
    grids.append(h('h4', { text: t('diff.grids') }))
    const ra = a.results.length === 1 ? a.results[0] : null
    const rb = b.results.length === 1 ? b.results[0] : null
    if (!ra?.byGrid || !rb?.byGrid) grids.append(h('div', { class: 'caveat', text: t('diff.gridsNeedSingle') }))
    else {
      const changes = gridP90Changes(ra, rb, 10)
      if (!changes.length) grids.append(h('div', { text: t('diff.gridsNone') }))
      else {
        const gt = h('table', { class: 'compare-table' })
        gt.append(h('tr', {}, h('th', { text: t('diff.grid') }), h('th', { text: t('diff.previous') }), h('th', { text: t('diff.current') }), h('th', { text: t('diff.change') })))
        for (const c of changes) {
          const d = h('td', { text: fmtChange('hours', c.change), class: c.change > 0 ? 'worse' : c.change < 0 ? 'better' : 'same' })
          d.dataset.value = String(c.change)
          const name = this.gridName(c.id, p.doc)
          gt.append(h('tr', { 'data-grid': c.id }, h('td', { text: name && name !== c.id ? `${name} (${c.id})` : c.id }), h('td', { text: fmt('hours', c.previous) }), h('td', { text: fmt('hours', c.current) }), d))
        }
        grids.append(gt)
      }
    }
    el.append(grids)
  }
}
