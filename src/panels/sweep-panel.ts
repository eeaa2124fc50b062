// The Sweep tab: move one or two numeric levers of the current scenario over a range, run every setting ×
// replicates on a pool of workers (seeds shared by all settings), and draw the target metric's mean with its 95 %
// interval against the lever — then name the cheapest setting that meets the target. "Cheapest" is the lowest
// value (for staffing levers, the fewest people; householdsPerWorker the other way round); for a lever that is
// not staffing-like we assume lower = cheaper and say so. The table carries each point's numbers in data-*.
import { csvForUser, csvHeaderChoice } from './csv-headers.ts'
import * as Plot from '@observablehq/plot'
import { csvText, isSummaryMetric, LEVERS, metricInfo, RUN_LIMITS, SUMMARY_METRICS, SWEEP_OBJECTIVES, targetOp, type ScenarioInput } from '../../sim/api.ts'
import { onLangChange, t } from '../i18n/i18n.ts'
import { metricLabel as registryLabel } from './labels.ts'
import { leverChoice, leverLabel, leverLabelOf, problemLine } from './scenario-panel.ts'
import { leverUnit } from './lever-units.ts'
import type { Analysis } from '../store/persist.ts'
import type { Doc } from '../store/store.ts'
import { checkSettings, cheapest, costSign, isStaffing, planSweep, pointsOf, savedSweep, SWEEPABLE, sweepCsv, type SavedSweep, type SweepAxis, type SweepPlan, type SweepPoint, type SweepSettings } from '../sweep/plan.ts'
import { metricText, pctRange } from './format.ts'
import { defaultWorkers, MAX_WORKERS, SweepPool, type SweepOutcome } from '../sweep/pool.ts'
import type { ScenarioState } from './scenario-panel.ts'
import { clear, download, h } from './dom.ts'
import { etaText, RunStatus } from './run-status.ts'

export interface SweepHost {
  analysis(): Analysis
  setAnalysis(a: Analysis): void
  scenario(): ScenarioState
  /** posts the compiled world of `doc` on `port` (the page's run worker compiles it once; see src/sim-client.ts) */
  shareWorld(doc: Doc, port: MessagePort): Promise<void>
  doc(): Doc
}

const leverOf = (path: string) => LEVERS.find((l) => l.path === path)

/** a range around the lever's default (or its whole range when it has none) */
export function defaultAxis(path: string): SweepAxis {
  const l = leverOf(path)!
  if (path === 'gridWorkers.perGrid') return { path, from: 1, to: 3, steps: 3 }
  const d = typeof l.default === 'number' ? l.default : null
  const [lo, hi] = d === null ? [l.min!, l.max!] : [Math.max(l.min!, d / 2), Math.min(l.max!, d * 1.5)]
  return { path, from: lo, to: hi, steps: 5 }
}

export const DEFAULT_SWEEP: SweepSettings = {
  axes: [defaultAxis('gridWorkers.perGrid')],
  replicates: 3,
  days: 90,
  seed: 1,
  target: { metric: 'rates.resolution', op: '>=', value: 0.95 },
  strict: false,
  workers: 0,
}

/** a summary metric's name in the page's language (the path of a metric a saved project names but the registry
 *  no longer has) */
const metricLabel = (m: string): string => (isSummaryMetric(m) ? registryLabel(m) : m)

/** the target's way follows the metric's direction in the registry: at least a rate, at most hours */
const opFor = (metric: string): '>=' | '<=' => (isSummaryMetric(metric) ? targetOp(metric) : '>=')
/** an emptied field is not 0 (Number('') is): NaN, so checkSettings names it instead of sweeping to a target of 0 */
const numberOf = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s))
/** the metric's unit ('' for a metric a saved project names but the registry no longer has) */
const unitOf = (m: string): string => (isSummaryMetric(m) ? metricInfo(m).unit : '')
/** a share is shown and typed as a percentage, like every rate of the page; the project keeps the fraction */
const isShare = (m: string) => unitOf(m) === 'share'
const fmt = (m: string, x: number, d = 1) => metricText(unitOf(m), x, d)
/** an interval's ends, with as many decimals as it takes for them to differ when they are percentages */
const range = (m: string, lo: number, hi: number): [string, string] => (isShare(m) ? pctRange(lo, hi) : [fmt(m, lo), fmt(m, hi)])
const r6 = (x: number) => Math.round(x * 1e6) / 1e6

export class SweepPanel {
  private pool = new SweepPool()
  private readonly run = new RunStatus(() => this.render(), { bar: 'sweep-progress', status: 'sweep-status' })
  private last: { plan: SweepPlan; outcome: SweepOutcome; settings: SweepSettings } | null = null
  /** what the table and curve show: this page's last sweep, or the one kept in the project */
  private shown(): { saved: SavedSweep; fresh: boolean } | null {
    if (this.last) return { saved: savedSweep(this.last.plan, this.last.outcome.results), fresh: true }
    const kept = this.host.analysis().sweepResult
    return kept?.summaries?.length ? { saved: kept, fresh: false } : null
  }

  constructor(
    private el: HTMLElement,
    private host: SweepHost,
  ) {
    onLangChange(() => this.render())
    this.render()
  }

  settings(): SweepSettings {
    const s = this.host.analysis().sweep
    return s ? { ...DEFAULT_SWEEP, ...s, target: { ...DEFAULT_SWEEP.target, ...s.target } } : structuredClone(DEFAULT_SWEEP)
  }

  private set(f: (s: SweepSettings) => void, rerender = false): void {
    const s = this.settings()
    f(s)
    this.host.setAnalysis({ ...this.host.analysis(), sweep: s })
    if (rerender) this.render()
  }

  render(): void {
    const el = this.el
    const s = this.settings()
    clear(el)
    el.dataset.state = this.run.state
    const numIn = (testid: string, value: number, on: (v: number) => void, attrs: Record<string, number | string> = {}) =>
      h('input', { type: 'number', step: 'any', value: String(value), testid, ...attrs, onchange: (e: Event) => on(numberOf((e.target as HTMLInputElement).value)) })
    const leverPicker = (i: number) => {
      const sel = h('select', {
        testid: `sweep-lever-${i}`,
        onchange: (e: Event) => {
          const path = (e.target as HTMLSelectElement).value
          this.set((x) => {
            if (!path) x.axes = x.axes.slice(0, 1)
            else x.axes[i] = defaultAxis(path)
          }, true)
        },
      })
      if (i === 1) sel.append(h('option', { value: '', text: t('sweep.none'), selected: s.axes.length < 2 }))
      for (const l of SWEEPABLE) sel.append(h('option', { value: l.path, text: leverChoice(l), title: l.path, selected: s.axes[i]?.path === l.path }))
      return sel
    }
    const axisRow = (i: number) => {
      const a = s.axes[i]
      const row = h('div', { class: 'sweep-axis' }, h('label', {}, `${t(i ? 'sweep.lever2' : 'sweep.lever')} `, leverPicker(i)))
      if (a) {
        const l = leverOf(a.path)!
        row.append(
          h('label', {}, `${t('sweep.from')} `, numIn(`sweep-from-${i}`, a.from, (v) => this.set((x) => (x.axes[i].from = v)), { min: l.min!, max: l.max! })),
          h('label', {}, `${t('sweep.to')} `, numIn(`sweep-to-${i}`, a.to, (v) => this.set((x) => (x.axes[i].to = v)), { min: l.min!, max: l.max! })),
          h('label', {}, `${t('sweep.steps')} `, numIn(`sweep-steps-${i}`, a.steps, (v) => this.set((x) => (x.axes[i].steps = v)), { min: 1, max: 50, step: 1 })),
          h('span', { class: 'unit', text: `${leverUnit(l)} · ${t('scn.range', { min: l.min!, max: l.max! })}` }),
        )
      }
      return row
    }
    const metric = h('select', { testid: 'sweep-metric', onchange: (e: Event) => this.set((x) => ((x.target.metric = (e.target as HTMLSelectElement).value), (x.target.op = opFor(x.target.metric))), true) })
    for (const m of SUMMARY_METRICS) metric.append(h('option', { value: m, text: metricLabel(m), selected: m === s.target.metric }))
    const op = h('select', { testid: 'sweep-op', onchange: (e: Event) => this.set((x) => (x.target.op = (e.target as HTMLSelectElement).value as '>=' | '<=')) })
    for (const o of ['>=', '<='] as const) op.append(h('option', { value: o, text: o === '>=' ? '≥' : '≤', selected: o === s.target.op }))
    const objective = h('select', { testid: 'sweep-objective', onchange: (e: Event) => this.set((x) => (x.objective = (e.target as HTMLSelectElement).value as SweepSettings['objective']), true) })
    for (const o of ['lever', ...SWEEP_OBJECTIVES] as const) objective.append(h('option', { value: o, text: t(`sweep.obj.${o}`), selected: o === (s.objective ?? 'lever') }))
    const running = this.run.running
    const shown = running ? null : this.shown()
    const [bar, status] = this.run.views()
    el.append(
      h('div', { class: 'sweep-form' }, axisRow(0), axisRow(1)),
      h(
        'div',
        { class: 'sweep-form' },
        h('label', {}, `${t('run.replicates')} `, numIn('sweep-replicates', s.replicates, (v) => this.set((x) => (x.replicates = v)), { ...RUN_LIMITS.pageReplicates, step: 1 })),
        h('label', {}, `${t('run.days')} `, numIn('sweep-days', s.days, (v) => this.set((x) => (x.days = v)), { ...RUN_LIMITS.days, step: 1 })),
        h('label', {}, `${t('run.seed')} `, numIn('sweep-seed', s.seed, (v) => this.set((x) => (x.seed = v)), { min: 0, step: 1 })),
        h('label', { title: t('sweep.workersHint', { n: defaultWorkers() }) }, `${t('sweep.workers')} `, numIn('sweep-workers', s.workers || defaultWorkers(), (v) => this.set((x) => (x.workers = v)), { min: 1, max: MAX_WORKERS, step: 1 })),
      ),
      h(
        'div',
        { class: 'sweep-form' },
        h('label', {}, `${t('sweep.target')} `, metric),
        op,
        numIn('sweep-threshold', isShare(s.target.metric) ? r6(s.target.value * 100) : s.target.value, (v) => this.set((x) => (x.target.value = isShare(x.target.metric) ? Math.round(v * 1e8) / 1e10 : v), true)),
        isShare(s.target.metric) ? h('span', { class: 'unit', text: '%' }) : null,
        // one replicate has no interval, so "strict" could not mean anything stricter
        h('label', { title: s.replicates < 2 ? t('sweep.strictNeedsReps') : '' }, h('input', { type: 'checkbox', testid: 'sweep-strict', checked: s.strict && s.replicates >= 2, disabled: s.replicates < 2, onchange: (e: Event) => this.set((x) => (x.strict = (e.target as HTMLInputElement).checked), true) }), ` ${t('sweep.strict')}`),
      ),
      h('div', { class: 'sweep-form' }, h('label', {}, `${t('sweep.objective')} `, objective)),
      h(
        'div',
        { class: 'run-buttons' },
        h('button', { text: t('sweep.start'), testid: 'sweep', class: 'primary', disabled: running, onclick: () => void this.start() }),
        h('button', { text: t('run.cancel'), testid: 'sweep-cancel', disabled: !running, onclick: () => this.pool.cancel() }),
        h('button', { text: t('sweep.csv'), testid: 'sweep-csv', disabled: running || !this.last, onclick: () => this.exportCsv() }),
        h('button', { text: t('sweep.summaryCsv'), testid: 'sweep-summary-csv', disabled: !shown, onclick: () => shown && this.exportSummary(shown.saved, s) }),
        csvHeaderChoice('csv-zh-sweep'),
      ),
      bar,
      status,
    )
    if (shown) {
      if (!shown.fresh) el.append(h('div', { class: 'hint', testid: 'sweep-saved', text: t('sweep.saved') }))
      this.renderResult(shown.saved, s)
    }
  }

  private async start(): Promise<void> {
    const s = this.settings()
    const sc = this.host.scenario()
    if (!sc.input) return this.run.set('failed', () => `${t('scn.invalid')} ${sc.problems.map(problemLine).join(t('io.sep'))}`)
    const problems = checkSettings(s)
    if (problems.length) return this.run.set('failed', () => `${t('sweep.bad')} ${problems.map(problemLine).join(t('io.sep'))}`)
    let plan: SweepPlan
    try {
      plan = planSweep(sc.input as ScenarioInput, s)
    } catch (e) {
      return this.run.set('failed', () => `${t('sweep.bad')} ${e instanceof Error ? e.message : String(e)}`)
    }
    this.last = null
    this.run.fraction = 0
    const workers = s.workers || defaultWorkers()
    this.run.set('running', () => t('run.loading'))
    let shown = 0
    const doc = this.host.doc()
    try {
      const outcome = await this.pool.run(plan.jobs, {
        workers,
        worldKey: doc,
        shareWorld: (port) => this.host.shareWorld(doc, port),
        dayProgress: true,
        onProgress: (p) => {
          // every worker reports every simulated day; the bar is redrawn at most every 100 ms
          const now = performance.now()
          if (now - shown < 100 && p.done < p.total) return
          shown = now
          this.run.progress(p.fraction, `${t('sweep.progress', { done: p.done, total: p.total })}${etaText(p.etaSeconds)}`)
        },
      })
      const el = this.el
      el.dataset.workers = String(outcome.workers)
      el.dataset.runs = String(outcome.results.filter(Boolean).length)
      el.dataset.seconds = outcome.seconds.toFixed(3)
      el.dataset.runSeconds = outcome.runSeconds.toFixed(3)
      if (outcome.cancelled) return this.run.set('cancelled', () => t('sweep.cancelled', { done: outcome.results.filter(Boolean).length, total: plan.jobs.length }))
      this.last = { plan, outcome, settings: s }
      // the summaries (not the runs) go into the project, so the table, curve and answer survive a reload
      this.host.setAnalysis({ ...this.host.analysis(), sweepResult: savedSweep(plan, outcome.results) })
      this.run.fraction = 1
      this.run.set('done', () => t('sweep.done', { runs: plan.jobs.length, workers: outcome.workers, s: outcome.seconds.toFixed(1) }))
    } catch (e) {
      this.run.set('failed', () => t('run.failed', { m: e instanceof Error ? e.message : String(e) }))
    }
  }

  private renderResult(saved: SavedSweep, s: SweepSettings): void {
    // the target may have been changed since the sweep ran: the answer follows the current target
    const strict = s.strict && saved.seeds.length >= 2
    const points = pointsOf(saved, s.target, strict)
    const m = s.target.metric
    const [a1, a2] = saved.axes
    const objective = s.objective ?? 'lever'
    const best = cheapest(points, saved.axes, objective)
    const answer = h('div', { class: 'sweep-answer', testid: 'sweep-answer' })
    const l1 = leverOf(a1.path)!
    const cmp = `${metricLabel(m)} ${s.target.op === '>=' ? '≥' : '≤'} ${fmt(m, s.target.value, 2)}${strict ? ` (${t('sweep.strictShort')})` : ''}`
    const staffText = (p: SweepPoint) => t('sweep.staffOf', { staff: metricText('people', p.headcount), cost: metricText('yuan-per-year', p.cost) })
    if (best) {
      answer.dataset.value = String(best.levers[a1.path])
      if (a2) answer.dataset.value2 = String(best.levers[a2.path])
      answer.dataset.headcount = String(best.headcount)
      answer.dataset.cost = String(best.cost)
      const setting = saved.axes.map((a) => `${leverChoice(leverOf(a.path)!)} = ${best.levers[a.path]}`).join(', ')
      const [lo, hi] = range(m, best.lo, best.hi)
      answer.textContent = `${t('sweep.answer', { target: cmp, setting, mean: fmt(m, best.mean), lo, hi })} ${staffText(best)}`
    } else {
      answer.dataset.value = ''
      answer.textContent = t('sweep.noAnswer', { target: cmp })
    }
    const how =
      objective === 'lever'
        ? saved.axes.map((a) => (isStaffing(a.path) ? t(costSign(a.path) > 0 ? 'sweep.costStaff' : 'sweep.costStaffInverse', { lever: leverLabelOf(a.path, a.path) }) : t('sweep.costAssumed', { lever: leverLabelOf(a.path, a.path) }))).join(' ')
        : t('sweep.staffNote')
    const table = h('table', { class: 'compare-table sweep-table', testid: 'sweep-table' })
    table.append(
      h(
        'tr',
        {},
        ...saved.axes.map((a) => h('th', { text: leverLabel(leverOf(a.path)!), title: a.path })),
        h('th', { text: `${t('sweep.mean')}${isShare(m) ? ' (%)' : ''}` }),
        h('th', { text: t('sweep.ci') }),
        h('th', { text: t('sweep.headcount') }),
        h('th', { text: t('sweep.cost') }),
        h('th', { text: t('sweep.runs') }),
        h('th', { text: t('sweep.meets') }),
      ),
    )
    for (const p of points) {
      const [lo, hi] = range(m, p.lo, p.hi)
      const tr = h(
        'tr',
        { class: p === best ? 'best' : '' },
        ...saved.axes.map((a) => h('td', { text: String(p.levers[a.path]) })),
        h('td', { text: fmt(m, p.mean) }),
        // one replicate has no interval (summarize gives lo = hi = mean): say so rather than print a zero-width one
        h('td', { text: p.n > 1 ? (p.lo === p.hi ? t('rate.same') : `${lo}–${hi}`) : t('rate.single') }),
        h('td', { text: metricText('people', p.headcount) }),
        h('td', { text: metricText('yuan-per-year', p.cost) }),
        h('td', { text: String(p.n) }),
        h('td', { text: p.meets ? '✓' : '✗' }),
      )
      Object.assign(tr.dataset, { lever: String(p.levers[a1.path]), mean: String(p.mean), lo: String(p.lo), hi: String(p.hi), n: String(p.n), meets: String(p.meets), headcount: String(p.headcount), cost: String(p.cost) })
      if (a2) tr.dataset.lever2 = String(p.levers[a2.path])
      table.append(tr)
    }
    const curve = h('div', { class: 'sweep-curve', testid: 'sweep-curve' })
    curve.dataset.points = String(points.length)
    try {
      curve.append(this.plot(points, a1.path, a2?.path, s, best, `${leverLabel(l1)} (${leverUnit(l1)})`))
    } catch (e) {
      curve.textContent = String(e)
    }
    this.el.append(answer, h('div', { class: 'sweep-note', text: how }), curve, h('div', { class: 'sweep-scroll' }, table))
  }

  private plot(points: SweepPoint[], x: string, series: string | undefined, s: SweepSettings, best: SweepPoint | null, xLabel: string): Element {
    // shares are drawn in percent, like every rate of the page
    const k = isShare(s.target.metric) ? 100 : 1
    const data = points.filter((p) => p.n > 0).map((p) => ({ x: p.levers[x], mean: p.mean * k, lo: p.lo * k, hi: p.hi * k, series: series ? `${series} = ${p.levers[series]}` : '' }))
    const colour = series ? 'series' : '#b3232a'
    const marks: Plot.Markish[] = [
      Plot.areaY(data, { x: 'x', y1: 'lo', y2: 'hi', z: 'series', fill: colour, fillOpacity: 0.15 }),
      Plot.line(data, { x: 'x', y: 'mean', z: 'series', stroke: colour, strokeWidth: 2 }),
      Plot.dot(data, { x: 'x', y: 'mean', fill: colour, r: 3 }),
      Plot.ruleY([s.target.value * k], { stroke: '#555', strokeDasharray: '4 3' }),
    ]
    if (best) marks.push(Plot.dot([{ x: best.levers[x], mean: best.mean * k }], { x: 'x', y: 'mean', r: 8, stroke: '#2b2b2b', strokeWidth: 2, fill: 'none' }))
    return Plot.plot({
      width: 600,
      height: 260,
      marginLeft: 56,
      marginBottom: 38,
      style: { fontSize: '11px', background: '#fff', overflow: 'visible' },
      x: { label: xLabel, grid: true },
      y: { label: `${metricLabel(s.target.metric)}${k === 100 ? ' (%)' : ''} (${t('sweep.meanCi')})`, grid: true },
      color: series ? { legend: true, type: 'ordinal' } : undefined,
      marks,
    })
  }

  /** one row per lever setting, in the page's language: the levers, runs, staff and cost, the target metric's
   *  mean and interval (percentages for rates), and whether it meets the target */
  private exportSummary(saved: SavedSweep, s: SweepSettings): void {
    const m = s.target.metric
    const k = isShare(m) ? 100 : 1
    const unit = isShare(m) ? ' (%)' : ''
    const points = pointsOf(saved, s.target, s.strict && saved.seeds.length >= 2)
    const head = [...saved.axes.map((a) => `${leverLabel(leverOf(a.path)!)} · ${a.path}`), t('sweep.runs'), t('sweep.headcount'), `${t('sweep.cost')} (${t('unit.wanYuan')})`, `${metricLabel(m)} ${t('sweep.mean')}${unit}`, `${t('sweep.ci')}${unit} −`, `${t('sweep.ci')}${unit} +`, t('sweep.meets')]
    const r = (x: number) => (Number.isFinite(x) ? Math.round(x * k * 1e4) / 1e4 : '')
    const rows = points.map((p) => [...saved.axes.map((a) => p.levers[a.path]), p.n, p.headcount, Number.isFinite(p.cost) ? Math.round(p.cost / 10) / 1e3 : '', r(p.mean), r(p.lo), r(p.hi), p.meets ? '✓' : '✗'])
    download('sweep-summary.csv', csvText(head, rows), 'text/csv')
  }

  private exportCsv(): void {
    if (!this.last) return
    download('sweep.csv', csvForUser(sweepCsv(this.last.plan, this.last.outcome.results)), 'text/csv')
  }
}
