// Run the simulation on the current (edited) world: days, replicates and seed; a progress bar with the time
// left; cancel; and the headline cards — response, resolution, satisfaction and on-time rates, with 95 %
// intervals when there are several replicates. Each card carries its number in data-value for tests.
// Compare: the current scenario (A) against a second preset (B) on the same seeds and the same current world,
// the rates of both with their intervals and the difference B − A. Export: the runs as CSV (one row per run)
// and the last run or comparison as JSON.
import { defaultScenario, flattenScenario, SCENARIO_PRESETS, SUMMARY_METRICS, metricAt, summarize, type ReplicateSummary, type ScenarioInput, type SimResult } from '../../sim/api.ts'
import { t, type Key } from '../i18n/i18n.ts'
import { scenarioOf, type ScenarioState } from './scenario-panel.ts'
import type { Analysis } from '../store/persist.ts'
import type { Progress, RunOutcome, RunSpec } from '../sim-client.ts'
import { clear, download, h } from './dom.ts'
import { csvOf } from './io.ts'
import type { LastResult } from '../analysis/results-hub.ts'

export interface RunHost {
  analysis(): Analysis
  setAnalysis(a: Analysis): void
  scenario(): ScenarioState
  run(spec: RunSpec, onProgress: (p: Progress) => void): Promise<RunOutcome>
  cancel(): void
  /** a run or comparison finished: charts, result maps and the diff view take it from here */
  onResult(r: LastResult): void
}

const RATES = [
  ['response', 'rate-response'],
  ['resolution', 'rate-resolution'],
  ['satisfaction', 'rate-satisfaction'],
  ['onTime', 'rate-ontime'],
] as const

const pct = (x: number) => `${(x * 100).toFixed(1)} %`
const pp = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(1)} pp`
const round4 = (x: number) => Math.round(x * 1e4) / 1e4

export interface Comparison {
  days: number
  seeds: number[]
  a: { scenario: string; summary: ReplicateSummary; runs: SimResult[] }
  b: { scenario: string; summary: ReplicateSummary; runs: SimResult[] }
  /** B − A of each SUMMARY_METRICS mean */
  diff: Record<string, number>
}

export function compareOf(a: SimResult[], b: SimResult[]): Comparison {
  const sa = summarize(a)
  const sb = summarize(b)
  const diff: Record<string, number> = {}
  for (const m of SUMMARY_METRICS) diff[m] = round4(sb.metrics[m].mean - sa.metrics[m].mean)
  return { days: sa.days, seeds: sa.seeds, a: { scenario: sa.scenario, summary: sa, runs: a }, b: { scenario: sb.scenario, summary: sb, runs: b }, diff }
}

const cellOf = (v: unknown): string | number | boolean => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean))

/** one row per run: scenario, seed, days, every lever that differs from the defaults in any run, then SUMMARY_METRICS */
export function runsCsv(runs: SimResult[]): string {
  const defaults = flattenScenario(defaultScenario())
  const flat = runs.map((r) => flattenScenario(r.params))
  const levers = [...new Set(flat.flatMap((f) => Object.keys(f).filter((k) => k !== 'name' && k !== 'label' && k !== 'description' && JSON.stringify(f[k]) !== JSON.stringify(defaults[k]))))].sort()
  return csvOf(
    runs.map((r, i) => {
      const row: Record<string, string | number | boolean> = { scenario: r.scenario, seed: r.seed, days: r.days }
      for (const l of levers) row[l] = cellOf(flat[i][l])
      for (const m of SUMMARY_METRICS) {
        const v = metricAt(r, m)
        row[m] = Number.isFinite(v) ? v : ''
      }
      return row
    }),
  )
}

export class RunPanel {
  private outcome: RunOutcome | null = null
  private comparison: Comparison | null = null
  /** what the exports write: the last finished run or comparison */
  private last: LastResult | null = null
  private compareWith = SCENARIO_PRESETS.includes('hotline-reform') ? 'hotline-reform' : SCENARIO_PRESETS[1]
  private status = ''
  private state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed' = 'idle'
  private fraction = 0
  private runBtn!: HTMLButtonElement
  private cancelBtn!: HTMLButtonElement
  private bar!: HTMLProgressElement
  private statusEl!: HTMLElement

  constructor(
    private el: HTMLElement,
    private host: RunHost,
  ) {}

  render(): void {
    const el = this.el
    const a = this.host.analysis()
    clear(el)
    el.dataset.state = this.state
    const grids = this.outcome?.results[0]?.world.grids
    if (grids !== undefined) el.dataset.grids = String(grids)
    else delete el.dataset.grids
    const num = (key: Key, testid: string, field: 'days' | 'replicates' | 'seed', min: number, max: number) =>
      h('label', {}, `${t(key)} `, h('input', { type: 'number', min, max, step: 1, value: a[field], testid, onchange: (e: Event) => this.host.setAnalysis({ ...this.host.analysis(), [field]: Number((e.target as HTMLInputElement).value) }) }))
    this.runBtn = h('button', { text: t('run.run'), testid: 'run', class: 'primary', disabled: this.state === 'running', onclick: () => void this.start() })
    const cmpPicker = h('select', { testid: 'compare-picker', onchange: (e: Event) => (this.compareWith = (e.target as HTMLSelectElement).value) })
    for (const name of SCENARIO_PRESETS) cmpPicker.append(h('option', { value: name, text: name, selected: name === this.compareWith }))
    const cmpBtn = h('button', { text: t('cmp.run'), testid: 'compare', disabled: this.state === 'running', onclick: () => void this.startCompare() })
    this.cancelBtn = h('button', { text: t('run.cancel'), testid: 'cancel', disabled: this.state !== 'running', onclick: () => this.host.cancel() })
    this.bar = h('progress', { max: 1, value: this.fraction, testid: 'progress' })
    this.statusEl = h('div', { class: 'run-status', testid: 'run-status', text: this.status })
    const cards = h('div', { class: 'rate-cards', testid: 'rate-cards' })
    const o = this.outcome
    for (const [k, testid] of RATES) {
      const summary = o?.summary?.metrics[`rates.${k}`]
      const value = summary ? summary.mean : o?.results[0]?.rates[k]
      const card = h('div', { class: 'rate-card', testid }, h('div', { class: 'rate-label', text: t(`rate.${k}` as Key) }), h('div', { class: 'rate-value', text: value === undefined ? '–' : pct(value) }))
      if (value !== undefined) {
        card.dataset.value = String(value)
        if (summary) {
          card.dataset.ci = `${summary.ci95[0]},${summary.ci95[1]}`
          card.append(h('div', { class: 'rate-ci', text: t('rate.ci', { lo: pct(summary.ci95[0]), hi: pct(summary.ci95[1]) }) }))
        } else card.append(h('div', { class: 'rate-ci', text: t('rate.single') }))
      }
      cards.append(card)
    }
    el.append(
      h('h2', { text: t('panel.run') }),
      h('div', { class: 'run-form' }, num('run.days', 'days', 'days', 1, 3650), num('run.replicates', 'replicates', 'replicates', 1, 50), num('run.seed', 'seed', 'seed', 0, 2 ** 31)),
      h('div', { class: 'run-buttons' }, this.runBtn, this.cancelBtn),
      h('div', { class: 'compare-form' }, h('label', {}, `${t('cmp.with')} `, cmpPicker), cmpBtn),
      this.bar,
      this.statusEl,
      cards,
    )
    if (this.comparison) el.append(this.compareTable(this.comparison))
    const idle = !this.last || this.state === 'running'
    el.append(
      h(
        'div',
        { class: 'run-export' },
        h('button', { text: t('cmp.csv'), testid: 'export-csv', disabled: idle, onclick: () => this.exportCsv() }),
        h('button', { text: t('cmp.json'), testid: 'export-json', disabled: idle, onclick: () => this.exportJson() }),
      ),
    )
  }

  private compareTable(c: Comparison): HTMLElement {
    const table = h('table', { class: 'compare-table', testid: 'compare-table' })
    table.append(h('tr', {}, h('th', { text: t('cmp.metric') }), h('th', { text: `A · ${c.a.scenario}` }), h('th', { text: `B · ${c.b.scenario}` }), h('th', { text: t('cmp.diff') })))
    const cell = (testid: string, value: number, text: string, ci?: [number, number]) => {
      const td = h('td', { testid, text })
      td.dataset.value = String(value)
      if (ci && c.seeds.length > 1) {
        td.dataset.ci = `${ci[0]},${ci[1]}`
        td.append(h('div', { class: 'rate-ci', text: `${(ci[0] * 100).toFixed(1)}–${(ci[1] * 100).toFixed(1)}` }))
      }
      return td
    }
    for (const [k, id] of RATES) {
      const m = `rates.${k}`
      const key = id.replace('rate-', '')
      const a = c.a.summary.metrics[m]
      const b = c.b.summary.metrics[m]
      const d = c.diff[m]
      const dcell = cell(`compare-${key}-diff`, d, pp(d))
      dcell.classList.add(d > 0 ? 'up' : d < 0 ? 'down' : 'same')
      table.append(h('tr', {}, h('th', { text: t(`rate.${k}` as Key) }), cell(`compare-${key}-a`, a.mean, pct(a.mean), a.ci95), cell(`compare-${key}-b`, b.mean, pct(b.mean), b.ci95), dcell))
    }
    return h('div', { class: 'compare', testid: 'compare-result' }, h('h3', { text: t('cmp.title', { n: c.seeds.length, days: c.days }) }), table)
  }

  private exportCsv(): void {
    const l = this.last
    if (!l) return
    const runs = l.kind === 'run' ? l.outcome.results : [...l.comparison.a.runs, ...l.comparison.b.runs]
    download(l.kind === 'run' ? 'runs.csv' : 'comparison.csv', runsCsv(runs), 'text/csv')
  }

  private exportJson(): void {
    const l = this.last
    if (!l) return
    const body =
      l.kind === 'compare'
        ? { kind: 'comparison', ...l.comparison }
        : l.outcome.results.length > 1
          ? { summary: l.outcome.summary, runs: l.outcome.results }
          : l.outcome.results[0]
    download(l.kind === 'run' ? 'run.json' : 'comparison.json', JSON.stringify(body, null, 1), 'application/json')
  }

  /** A (the current scenario) then B (the chosen preset) on the same seeds and world */
  private async startCompare(): Promise<void> {
    const a = this.host.analysis()
    const sa = this.host.scenario()
    if (!sa.input) return this.setState('failed', `${t('scn.invalid')} ${sa.problems.join('; ')}`)
    if (!this.validInput(a)) return this.setState('failed', t('run.badInput'))
    const sb = scenarioOf({ ...a, base: this.compareWith, edits: {} })
    if (!sb.input) return this.setState('failed', `${t('scn.invalid')} ${sb.problems.join('; ')}`)
    this.outcome = null
    this.comparison = null
    this.fraction = 0
    this.setState('running', t('run.loading'))
    const t0 = performance.now()
    try {
      const sets: SimResult[][] = []
      for (const [i, input] of [sa.input, sb.input].entries()) {
        const o = await this.host.run({ scenario: input as ScenarioInput, days: a.days, seed: a.seed, replicates: a.replicates }, (p) => {
          this.fraction = (i + p.fraction) / 2
          this.bar.value = this.fraction
          this.statusEl.textContent = `${i ? 'B' : 'A'} · ${t('run.progress', { rep: p.replicate, reps: a.replicates, day: p.day, days: p.days })}`
        })
        if (o.cancelled) return this.setState('cancelled', t('run.cancelled', { day: o.results[o.results.length - 1]?.days ?? 0, days: a.days }))
        sets.push(o.results)
      }
      this.comparison = compareOf(sets[0], sets[1])
      this.last = { kind: 'compare', comparison: this.comparison }
      this.fraction = 1
      this.setState('done', t('cmp.done', { reps: a.replicates, days: a.days, s: ((performance.now() - t0) / 1000).toFixed(1) }))
      this.host.onResult(this.last)
    } catch (e) {
      this.setState('failed', t('run.failed', { m: e instanceof Error ? e.message : String(e) }))
    }
  }

  private validInput(a: Analysis): boolean {
    return Number.isInteger(a.days) && a.days >= 1 && a.days <= 3650 && Number.isInteger(a.replicates) && a.replicates >= 1 && a.replicates <= 50 && Number.isInteger(a.seed) && a.seed >= 0
  }

  private setState(s: RunPanel['state'], status: string): void {
    this.state = s
    this.status = status
    this.render()
  }

  private async start(): Promise<void> {
    const a = this.host.analysis()
    const sc = this.host.scenario()
    if (!sc.input) return this.setState('failed', `${t('scn.invalid')} ${sc.problems.join('; ')}`)
    if (!this.validInput(a)) return this.setState('failed', t('run.badInput'))
    this.outcome = null
    this.comparison = null
    this.fraction = 0
    this.setState('running', t('run.loading'))
    let last = { day: 0, days: a.days }
    try {
      const o = await this.host.run({ scenario: sc.input, days: a.days, seed: a.seed, replicates: a.replicates }, (p) => {
        last = p
        this.fraction = p.fraction
        this.bar.value = p.fraction
        this.statusEl.textContent = `${t('run.progress', { rep: p.replicate, reps: a.replicates, day: p.day, days: p.days })}${p.etaSeconds === null ? '' : ` · ${t('run.eta', { s: Math.ceil(p.etaSeconds) })}`}`
      })
      if (o.cancelled) {
        this.outcome = null
        this.setState('cancelled', t('run.cancelled', { day: o.results[o.results.length - 1]?.days ?? last.day, days: a.days }))
      } else {
        this.outcome = o
        this.last = { kind: 'run', outcome: o, scenario: o.results[0]?.scenario ?? '' }
        this.fraction = 1
        this.setState('done', t('run.done', { reps: a.replicates, days: a.days, s: o.seconds.toFixed(1) }))
        this.host.onResult(this.last)
      }
    } catch (e) {
      this.setState('failed', t('run.failed', { m: e instanceof Error ? e.message : String(e) }))
    }
  }
}
