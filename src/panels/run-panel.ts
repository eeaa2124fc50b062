// Run the simulation on the current (edited) world: days, replicates and seed; a progress bar with the time
// left; cancel; and the headline cards — response, resolution, satisfaction and on-time rates, with 95 %
// intervals when there are several replicates. Each card carries its number in data-value for tests.
import { t, type Key } from '../i18n/i18n.ts'
import type { ScenarioState } from './scenario-panel.ts'
import type { Analysis } from '../store/persist.ts'
import type { Progress, RunOutcome, RunSpec } from '../sim-client.ts'
import { clear, h } from './dom.ts'

export interface RunHost {
  analysis(): Analysis
  setAnalysis(a: Analysis): void
  scenario(): ScenarioState
  run(spec: RunSpec, onProgress: (p: Progress) => void): Promise<RunOutcome>
  cancel(): void
}

const RATES = [
  ['response', 'rate-response'],
  ['resolution', 'rate-resolution'],
  ['satisfaction', 'rate-satisfaction'],
  ['onTime', 'rate-ontime'],
] as const

const pct = (x: number) => `${(x * 100).toFixed(1)} %`

export class RunPanel {
  private outcome: RunOutcome | null = null
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
      this.bar,
      this.statusEl,
      cards,
    )
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
    if (!Number.isInteger(a.days) || a.days < 1 || a.days > 3650 || !Number.isInteger(a.replicates) || a.replicates < 1 || a.replicates > 50 || !Number.isInteger(a.seed) || a.seed < 0) return this.setState('failed', t('run.badInput'))
    this.outcome = null
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
        this.fraction = 1
        this.setState('done', t('run.done', { reps: a.replicates, days: a.days, s: o.seconds.toFixed(1) }))
      }
    } catch (e) {
      this.setState('failed', t('run.failed', { m: e instanceof Error ? e.message : String(e) }))
    }
  }
}
