// Run the simulation on the current (edited) world: days, replicates and seed; a progress bar with the time
// left; cancel; and the headline cards — response, resolution, satisfaction and on-time rates, with 95 %
// intervals when there are several replicates. Each card carries its number in data-value for tests.
// Compare: the current scenario (A) against a second preset (B) on the same seeds and the same current world,
// the rates of both with their intervals and the difference B − A. Export: the runs as CSV (one row per run)
// and the last run or comparison as JSON.
import { csvForUser, csvHeaderChoice } from './csv-headers.ts'
import { defaultScenario, leversOf, RUN_LIMITS, SCENARIO_PRESETS, SUMMARY_METRICS, metricAt, withinLimit, type ScenarioInput, type SimResult } from '../../sim/api.ts'
import { armsOf, compareOf, type Comparison } from './compare.ts'
import { t, type Key } from '../i18n/i18n.ts'
import { problemLine, scenarioName, scenarioOf, type ScenarioState } from './scenario-panel.ts'
import type { Analysis, CompareSettings } from '../store/persist.ts'
import type { Progress, RunOutcome, RunSpec } from '../sim-client.ts'
import { clear, download, h } from './dom.ts'
import { rateLabel } from './labels.ts'
import { etaText, RunStatus } from './run-status.ts'
import { csvOf } from './io.ts'
import { pct, pctRange, pp, signOf } from './format.ts'
import type { LastResult } from '../analysis/results-hub.ts'

export interface RunHost {
  analysis(): Analysis
  setAnalysis(a: Analysis): void
  scenario(): ScenarioState
  run(spec: RunSpec, onProgress: (p: Progress) => void): Promise<RunOutcome>
  cancel(): void
  /** a run or comparison finished: charts, result maps and the diff view take it from here */
  onResult(r: LastResult): void
  /** show the live comparison's difference map (B − A per grid or community) */
  showCompareMap?(): void
}

const RATES = [
  ['response', 'rate-response'],
  ['resolution', 'rate-resolution'],
  ['satisfaction', 'rate-satisfaction'],
  ['onTime', 'rate-ontime'],
] as const

export { compareOf, type Comparison }

const MAX_OTHERS = 4
/** an emptied field is no number (Number('') is 0, a valid seed): validInput names it */
const numberOf = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s))
const LETTERS = 'bcde'

const cellOf = (v: unknown): string | number | boolean => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean))

/** one row per run: scenario, seed, days, every lever that differs from the defaults in any run, then SUMMARY_METRICS */
export function runsCsv(runs: SimResult[]): string {
  const defaults = leversOf(defaultScenario())
  const flat = runs.map((r) => leversOf(r.params))
  const levers = [...new Set(flat.flatMap((f) => Object.keys(f).filter((k) => JSON.stringify(f[k]) !== JSON.stringify(defaults[k]))))].sort()
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
  private readonly run = new RunStatus(() => this.render(), { bar: 'progress', status: 'run-status' })
  private runBtn!: HTMLButtonElement
  private cancelBtn!: HTMLButtonElement

  constructor(
    private el: HTMLElement,
    private host: RunHost,
    /** where the comparison table goes: wide, so it lives in the results drawer */
    private compareEl: HTMLElement = el,
  ) {}

  render(): void {
    const el = this.el
    const a = this.host.analysis()
    clear(el)
    el.dataset.state = this.run.state
    const grids = this.outcome?.results[0]?.world.grids
    if (grids !== undefined) el.dataset.grids = String(grids)
    else delete el.dataset.grids
    const num = (key: Key, testid: string, field: 'days' | 'replicates' | 'seed', { min, max }: { min: number; max: number }) =>
      h('label', {}, `${t(key)} `, h('input', { type: 'number', min, max, step: 1, value: a[field], testid, onchange: (e: Event) => this.host.setAnalysis({ ...this.host.analysis(), [field]: numberOf((e.target as HTMLInputElement).value) }) }))
    this.runBtn = h('button', { text: t('run.run'), testid: 'run', class: 'primary', disabled: this.run.running, onclick: () => void this.start() })
    const cmpBtn = h('button', { text: t('cmp.run'), testid: 'compare', disabled: this.run.running, onclick: () => void this.startCompare() })
    this.cancelBtn = h('button', { text: t('run.cancel'), testid: 'cancel', disabled: !this.run.running, onclick: () => this.host.cancel() })
    const [bar, status] = this.run.views()
    const cards = h('div', { class: 'rate-cards', testid: 'rate-cards' })
    const o = this.outcome
    // after a reload the last run's figures come from the project (its runs are not kept)
    const kept = !o && !this.comparison && !this.run.running ? a.lastRun : undefined
    if (kept) cards.dataset.saved = 'true'
    for (const [k, testid] of RATES) {
      const summary = o?.summary?.metrics[`rates.${k}`] ?? (this.comparison && this.comparison.seeds.length > 1 ? this.comparison.a.summary.metrics[`rates.${k}`] : kept?.summary?.metrics[`rates.${k}`])
      const value = summary ? summary.mean : (o?.results[0]?.rates[k] ?? this.comparison?.a.runs[0]?.rates[k] ?? kept?.rates[k])
      const card = h('div', { class: 'rate-card', testid }, h('div', { class: 'rate-label', text: rateLabel(k) }), h('div', { class: 'rate-value', text: value === undefined ? '–' : pct(value) }))
      if (value !== undefined) {
        card.dataset.value = String(value)
        if (summary) {
          card.dataset.ci = `${summary.ci95[0]},${summary.ci95[1]}`
          const [lo, hi] = pctRange(summary.ci95[0], summary.ci95[1])
          // every replicate gave the same rate: say so rather than print a zero-width interval
          card.append(h('div', { class: 'rate-ci', text: summary.ci95[0] === summary.ci95[1] ? t('rate.same') : t('rate.ci', { lo, hi }) }))
        } else card.append(h('div', { class: 'rate-ci', text: t('rate.single') }))
      }
      cards.append(card)
    }
    el.append(
      h('h2', { text: t('panel.run') }),
      h('div', { class: 'run-form' }, num('run.days', 'days', 'days', RUN_LIMITS.days), num('run.replicates', 'replicates', 'replicates', RUN_LIMITS.pageReplicates), num('run.seed', 'seed', 'seed', RUN_LIMITS.seed)),
      h('div', { class: 'run-buttons' }, this.runBtn, this.cancelBtn),
      this.compareForm(cmpBtn),
      bar,
      status,
      cards,
    )
    const shown = this.comparison ?? (this.run.running ? null : this.savedComparison())
    if (this.compareEl !== el) clear(this.compareEl)
    if (shown) this.compareEl.append(this.compareTable(shown, shown !== this.comparison))
    else if (this.compareEl !== el) this.compareEl.append(h('div', { class: 'hint', text: t('cmp.empty') }))
    const idle = !this.last || this.run.running
    el.append(
      h(
        'div',
        { class: 'run-export' },
        h('button', { text: t('cmp.csv'), testid: 'export-csv', disabled: idle, onclick: () => this.exportCsv() }),
        h('button', { text: t('cmp.json'), testid: 'export-json', disabled: idle, onclick: () => this.exportJson() }),
        csvHeaderChoice('csv-zh-runs'),
      ),
    )
  }

  // ---------- comparison settings: B, C, … are presets or pinned variants of the current scenario ----------
  private settings(): CompareSettings {
    const c = this.host.analysis().compare
    return { with: c?.with?.length ? c.with : [SCENARIO_PRESETS.includes('hotline-reform') ? 'hotline-reform' : SCENARIO_PRESETS[1]], variants: c?.variants ?? {}, saved: c?.saved }
  }

  private setSettings(patch: Partial<CompareSettings>): void {
    const a = this.host.analysis()
    this.host.setAnalysis({ ...a, compare: { ...this.settings(), ...patch } })
    this.render()
  }

  private compareForm(cmpBtn: HTMLButtonElement): HTMLElement {
    const st = this.settings()
    const names = [...SCENARIO_PRESETS, ...Object.keys(st.variants)]
    const form = h('div', { class: 'compare-form' })
    st.with.forEach((name, k) => {
      const picker = h('select', {
        testid: k === 0 ? 'compare-picker' : `compare-picker-${k + 1}`,
        onchange: (e: Event) => this.setSettings({ with: st.with.map((x, j) => (j === k ? (e.target as HTMLSelectElement).value : x)) }),
      })
      for (const n of names) picker.append(h('option', { value: n, text: st.variants[n] ? `★ ${scenarioName(n)}` : scenarioName(n), title: n, selected: n === name }))
      const row = h('label', {}, `${k === 0 ? t('cmp.with') : ''} ${LETTERS[k].toUpperCase()} `, picker)
      if (k > 0) row.append(h('button', { text: '×', title: t('cmp.remove'), testid: `compare-remove-${k + 1}`, onclick: () => this.setSettings({ with: st.with.filter((_, j) => j !== k) }) }))
      form.append(row)
    })
    form.append(
      h('div', { class: 'run-buttons' },
        h('button', { text: t('cmp.add'), testid: 'compare-add', disabled: st.with.length >= MAX_OTHERS, onclick: () => this.setSettings({ with: [...st.with, names.find((n) => !st.with.includes(n) && n !== this.host.analysis().base) ?? names[0]] }) }),
        h('button', { text: t('cmp.pin'), title: t('cmp.pinHint'), testid: 'compare-pin', onclick: () => this.pinVariant() }),
        cmpBtn,
      ),
    )
    return form
  }

  /** the current scenario with its edits, kept under a name so it can be compared against later versions */
  private pinVariant(): void {
    const a = this.host.analysis()
    const st = this.settings()
    let k = 1
    while (st.variants[`${a.base} v${k}`]) k++
    const name = `${a.base} v${k}`
    this.setSettings({ variants: { ...st.variants, [name]: { base: a.base, edits: structuredClone(a.edits) } }, with: st.with.includes(name) ? st.with : [...st.with.slice(0, MAX_OTHERS - 1), name].slice(-MAX_OTHERS) })
  }

  private savedComparison(): Comparison | null {
    const saved = this.settings().saved as Comparison | undefined
    return saved && saved.a?.summary && saved.b?.summary ? { ...saved, more: saved.more ?? [] } : null
  }

  private compareTable(c: Comparison, saved: boolean): HTMLElement {
    const arms = armsOf(c)
    const versus = [c, ...c.more]
    const table = h('table', { class: 'compare-table', testid: 'compare-table' })
    const head = h('tr', {}, h('th', { text: t('cmp.metric') }), h('th', { text: `A · ${scenarioName(c.a.scenario)}`, title: c.a.scenario, 'data-scenario': c.a.scenario }))
    arms.slice(1).forEach((arm, k) => head.append(h('th', { text: `${LETTERS[k].toUpperCase()} · ${scenarioName(arm.scenario)}`, title: arm.scenario, 'data-scenario': arm.scenario }), h('th', { text: `${LETTERS[k].toUpperCase()} − A` })))
    table.append(head)
    const cell = (testid: string, value: number, text: string, ci?: [number, number], ciText?: string) => {
      const td = h('td', { testid, text })
      td.dataset.value = String(value)
      if (ci && c.seeds.length > 1) {
        td.dataset.ci = `${ci[0]},${ci[1]}`
        td.append(h('div', { class: 'rate-ci', text: ciText ?? (ci[0] === ci[1] ? t('rate.same') : pctRange(ci[0], ci[1]).join('–')) }))
      }
      return td
    }
    for (const [k, id] of RATES) {
      const m = `rates.${k}`
      const key = id.replace('rate-', '')
      const a = c.a.summary.metrics[m]
      const row = h('tr', {}, h('th', { text: rateLabel(k) }), cell(`compare-${key}-a`, a.mean, pct(a.mean), a.ci95))
      arms.slice(1).forEach((arm, j) => {
        const letter = LETTERS[j]
        const b = arm.summary.metrics[m]
        const d = versus[j].diff[m]
        const dci = versus[j].diffCi?.[m]
        const dcell = cell(j === 0 ? `compare-${key}-diff` : `compare-${key}-${letter}-diff`, d, pp(d), dci, dci ? `${t('cmp.paired')} ${pp(dci[0])} … ${pp(dci[1])}` : undefined)
        dcell.classList.add(signOf(d) > 0 ? 'up' : signOf(d) < 0 ? 'down' : 'same')
        row.append(cell(`compare-${key}-${letter}`, b.mean, pct(b.mean), b.ci95), dcell)
      })
      table.append(row)
    }
    return h(
      'div',
      { class: 'compare', testid: 'compare-result' },
      h('h3', { text: t('cmp.title', { n: c.seeds.length, days: c.days }) }),
      saved ? h('div', { class: 'hint', testid: 'compare-saved', text: t('cmp.saved') }) : null,
      table,
      c.seeds.length > 1 ? h('div', { class: 'hint', text: t('cmp.pairedHint') }) : null,
      // a kept comparison has its summaries only: its map needs the runs, so only a live one offers it
      !saved && this.host.showCompareMap ? h('button', { text: t('cmp.onMap'), testid: 'compare-map-open', onclick: () => this.host.showCompareMap?.() }) : null,
    )
  }

  private exportCsv(): void {
    const l = this.last
    if (!l) return
    const runs = l.kind === 'run' ? l.outcome.results : armsOf(l.comparison).flatMap((arm) => arm.runs)
    download(l.kind === 'run' ? 'runs.csv' : 'comparison.csv', csvForUser(runsCsv(runs)), 'text/csv')
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

  /** A (the current scenario) then B, C, … (presets or pinned variants) on the same seeds and world */
  private async startCompare(): Promise<void> {
    const a = this.host.analysis()
    const sa = this.host.scenario()
    if (!sa.input) return this.run.set('failed', () => `${t('scn.invalid')} ${sa.problems.map(problemLine).join(t('io.sep'))}`)
    if (!this.validInput(a)) return this.run.set('failed', () => t('run.badInput'))
    const st = this.settings()
    const inputs: ScenarioInput[] = [sa.input]
    for (const name of st.with) {
      const v = st.variants[name]
      const sb = scenarioOf({ ...a, base: v ? v.base : name, edits: v ? v.edits : {} })
      if (!sb.input) return this.run.set('failed', () => `${t('scn.invalid')} ${name}: ${sb.problems.map(problemLine).join(t('io.sep'))}`)
      inputs.push(v ? { ...sb.input, name } : sb.input)
    }
    this.outcome = null
    this.comparison = null
    this.run.fraction = 0
    this.run.set('running', () => t('run.loading'))
    const t0 = performance.now()
    try {
      const sets: SimResult[][] = []
      for (const [i, input] of inputs.entries()) {
        const o = await this.host.run({ scenario: input, days: a.days, seed: a.seed, replicates: a.replicates, areas: true }, (p) => {
          this.run.progress((i + p.fraction) / inputs.length, `${i ? LETTERS[i - 1].toUpperCase() : 'A'} · ${t('run.progress', { rep: p.replicate, reps: a.replicates, day: p.day, days: p.days })}`)
        })
        // name the scenario the comparison stopped in: the day alone does not say how far it got
        if (o.cancelled) return this.run.set('cancelled', () => `${i ? LETTERS[i - 1].toUpperCase() : 'A'} · ${t('run.cancelled', { day: o.results[o.results.length - 1]?.days ?? 0, days: a.days })}`)
        sets.push(o.results)
      }
      this.comparison = compareOf(sets[0], ...sets.slice(1))
      this.last = { kind: 'compare', comparison: this.comparison }
      this.run.fraction = 1
      this.saveComparison(this.comparison)
      const secs = ((performance.now() - t0) / 1000).toFixed(1)
      this.run.set('done', () => t('cmp.done', { k: inputs.length, reps: a.replicates, days: a.days, s: secs }))
      this.host.onResult(this.last)
    } catch (e) {
      this.run.set('failed', () => t('run.failed', { m: e instanceof Error ? e.message : String(e) }))
    }
  }

  /** the table's numbers (summaries and differences, not the runs) go into the project */
  private saveComparison(c: Comparison): void {
    const strip = <T extends { runs: SimResult[] }>(x: T): T => ({ ...x, runs: [] })
    const saved = { ...c, a: strip(c.a), b: strip(c.b), more: c.more.map(strip) }
    const a = this.host.analysis()
    this.host.setAnalysis({ ...a, compare: { ...this.settings(), saved } })
  }

  private validInput(a: Analysis): boolean {
    return withinLimit(a.days, RUN_LIMITS.days) && withinLimit(a.replicates, RUN_LIMITS.pageReplicates) && Number.isInteger(a.seed) && a.seed >= 0
  }

  private async start(): Promise<void> {
    const a = this.host.analysis()
    const sc = this.host.scenario()
    if (!sc.input) return this.run.set('failed', () => `${t('scn.invalid')} ${sc.problems.map(problemLine).join(t('io.sep'))}`)
    if (!this.validInput(a)) return this.run.set('failed', () => t('run.badInput'))
    this.outcome = null
    this.comparison = null
    this.run.fraction = 0
    this.run.set('running', () => t('run.loading'))
    let last = { day: 0, days: a.days }
    try {
      const o = await this.host.run({ scenario: sc.input, days: a.days, seed: a.seed, replicates: a.replicates }, (p) => {
        last = p
        this.run.progress(p.fraction, `${t('run.progress', { rep: p.replicate, reps: a.replicates, day: p.day, days: p.days })}${etaText(p.etaSeconds)}`)
      })
      if (o.cancelled) {
        this.outcome = null
        this.run.set('cancelled', () => t('run.cancelled', { day: o.results[o.results.length - 1]?.days ?? last.day, days: a.days }))
      } else {
        this.outcome = o
        this.last = { kind: 'run', outcome: o, scenario: o.results[0]?.scenario ?? '' }
        const first = o.results[0]
        if (first) this.host.setAnalysis({ ...this.host.analysis(), lastRun: { scenario: first.scenario, days: first.days, seeds: o.results.map((r) => r.seed), summary: o.summary ?? null, rates: { ...first.rates } } })
        this.run.fraction = 1
        this.run.set('done', () => t('run.done', { reps: a.replicates, days: a.days, s: o.seconds.toFixed(1) }))
        this.host.onResult(this.last)
      }
    } catch (e) {
      this.run.set('failed', () => t('run.failed', { m: e instanceof Error ? e.message : String(e) }))
    }
  }
}
