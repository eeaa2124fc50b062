// The scenario picker and the lever editor: every lever of sim/scenario/schema.ts grouped, with its unit, range,
// default and the source of that default. Edits are kept as path → value over the chosen preset; the result is
// validated with parseScenario, and each problem is named and explained next to the lever it concerns.
import { LEVER_SOURCES_ZH } from '../i18n/lever-sources-zh.ts'
import { flattenScenario, leverPathIssue, LEVERS, parseScenario, SCENARIO_PRESETS, ScenarioError, scenarioIssueText, scenarioPreset, setScenarioPath, type LeverMeta, type ScenarioInput, type ScenarioIssue } from '../../sim/api.ts'
import { issueDetail, optionText } from '../i18n/scenario-issues.ts'
import { getLang, t, tAny, type Key } from '../i18n/i18n.ts'
import type { Analysis } from '../store/persist.ts'
import { clear, h } from './dom.ts'
import { leverUnit } from './lever-units.ts'

export const DEFAULT_ANALYSIS: Analysis = { base: SCENARIO_PRESETS[0], edits: {}, days: 90, replicates: 3, seed: 1 }

export interface ScenarioState {
  input: ScenarioInput | null
  /** why the scenario is not valid, each a code with parameters (sim/scenario/issues.ts) */
  problems: ScenarioIssue[]
  /** edits of a project saved by an older version whose path is no lever today: left out, and the page says so */
  dropped: string[]
}

const groupOf = (path: string): string => (path.includes('.') ? path.split('.')[0] : 'general')
/** the lever's label in the interface language (the schema carries an English and a Chinese one) */
export const leverLabel = (l: LeverMeta): string => (getLang() === 'zh-CN' && l.zh ? l.zh : l.label)
const LEVER_BY_PATH = new Map(LEVERS.map((l) => [l.path, l]))
export { scenarioName, scenarioText } from '../scenario-name.ts'
import { scenarioText } from '../scenario-name.ts'

export { optionText } from '../i18n/scenario-issues.ts'

/** the sweep form's fields that are not levers, by the form's own labels */
const FORM_FIELDS: Record<string, Key> = { replicates: 'run.replicates', days: 'run.days', seed: 'run.seed', 'target.metric': 'sweep.target', 'target.value': 'sweep.target', axes: 'sweep.lever' }
/** the parts of a sweep axis */
const AXIS_PARTS: Record<string, Key> = { from: 'sweep.from', to: 'sweep.to', steps: 'sweep.steps' }

/** the field a problem names, in Chinese: the lever's label (and the sweep axis part), the form's label, else the path */
function fieldZh(i: ScenarioIssue, l: LeverMeta | undefined): string {
  const part = i.field.slice(i.field.lastIndexOf('.') + 1)
  if (l) return i.field === `${l.path}.${part}` && Object.hasOwn(AXIS_PARTS, part) ? `${leverLabel(l)}（${t(AXIS_PARTS[part])}）` : leverLabel(l)
  return Object.hasOwn(FORM_FIELDS, i.field) ? t(FORM_FIELDS[i.field]) : `${t('scn.field')} ${i.field}`
}

/** one problem for the page, from its code: English names the field by its path (the CLI's line) and adds the
 *  lever's label, Chinese names it by the lever's label; both add the lever's range */
export function problemLine(i: ScenarioIssue): string {
  const l = i.lever === undefined ? undefined : LEVER_BY_PATH.get(i.lever)
  const range = l && l.min !== undefined ? `${t('scn.range', { min: l.min, max: l.max ?? '' })} ${leverUnit(l)}` : ''
  return getLang() === 'zh-CN' ? `${fieldZh(i, l)}：${issueDetail(i)}${range ? `；${range}` : ''}` : `${scenarioIssueText(i)}${l ? ` — ${leverLabel(l)}${range ? `; ${range}` : ''}` : ''}`
}

/** a lever's source in the page's language: its Chinese text (lever-sources-zh.ts), else the words around the citations
 *  translated;
 *  the book's "book ch. 9.2.4" (chapter.section.part, docs/domain.md § Citations) reads 原书第 9.2.4 节 */
export const sourceText = (src: string): string =>
  getLang() === 'zh-CN'
    ? Object.hasOwn(LEVER_SOURCES_ZH, src) ? LEVER_SOURCES_ZH[src] : src.replace(/\bassumption\b/g, '假设').replace(/\bcalibrated to\b/g, '校准于').replace(/\bper preset\b/g, '按预设情景')
        .replace(/\bbook ch\. (\d+(?:\.\d+)*(?:, \d+(?:\.\d+)*)*)/g, (_, s: string) => `原书第 ${s.replace(/, /g, '、')} 节`).replace(/\btable (\d+-\d+)/g, '表 $1')
    : src

/** a lever where the user picks one: English adds the path (the CLI's and the CSV's name), Chinese only the label */
export const leverChoice = (l: LeverMeta): string => (getLang() === 'zh-CN' ? leverLabel(l) : `${leverLabel(l)} · ${l.path}`)

/** a lever's label in the page's language, by path; `fallback` for paths that are not levers */
export const leverLabelOf = (path: string, fallback: string): string => {
  const l = LEVER_BY_PATH.get(path)
  return l ? leverLabel(l) : fallback
}
const show = (v: unknown): string => (v === null || v === undefined ? t('scn.none') : typeof v === 'boolean' ? t(v ? 'scn.yes' : 'scn.no') : typeof v === 'string' ? optionText(v) : String(v))

/** the preset with the edits applied, validated */
export function scenarioOf(a: Analysis): ScenarioState {
  const raw: Record<string, unknown> = structuredClone(scenarioPreset(a.base))
  // the schema is strict; a saved edit of a lever that no longer exists must not make the whole project unrunnable
  const dropped = Object.keys(a.edits).filter((p) => leverPathIssue(p) !== null)
  const edits = Object.entries(a.edits).filter(([p]) => !dropped.includes(p))
  if (edits.length) raw.name = `${a.base}+${edits.length}`
  for (const [p, v] of edits) setScenarioPath(raw, p, v)
  try {
    return { input: parseScenario(raw), problems: [], dropped }
  } catch (e) {
    if (e instanceof ScenarioError) return { input: null, problems: e.issues, dropped }
    throw e
  }
}

export class ScenarioPanel {
  private open = new Set<string>()
  constructor(
    private el: HTMLElement,
    private get: () => Analysis,
    private set: (a: Analysis) => void,
  ) {}

  current(): ScenarioState {
    return scenarioOf(this.get())
  }

  render(): void {
    const a = this.get()
    const el = this.el
    clear(el)
    const preset = flattenScenario(scenarioPreset(a.base))
    const picker = h('select', {
      testid: 'scenario-picker',
      onchange: (e: Event) => {
        this.set({ ...this.get(), base: (e.target as HTMLSelectElement).value, edits: {} })
        this.render()
      },
    })
    for (const name of SCENARIO_PRESETS) {
      const { label } = scenarioText(scenarioPreset(name))
      picker.append(h('option', { value: name, text: label && getLang() === 'zh-CN' ? label : label ? `${name} · ${label}` : name, title: name, selected: name === a.base }))
    }
    const desc = scenarioText(scenarioPreset(a.base)).description
    el.append(
      h('h2', { text: t('panel.scenario') }),
      h('label', { class: 'scn-pick' }, `${t('scn.pick')} `, picker),
      h('div', { class: 'scn-desc', text: desc }),
      h('div', { class: 'scn-edits', testid: 'scenario-edits' }),
      h('ul', { class: 'scn-errors', testid: 'scenario-errors' }),
    )
    const groups = new Map<string, LeverMeta[]>()
    for (const l of LEVERS) groups.set(groupOf(l.path), [...(groups.get(groupOf(l.path)) ?? []), l])
    const levers = h('div', { class: 'levers', testid: 'levers' }, h('h3', { text: t('scn.levers') }))
    for (const [g, ls] of groups) {
      const edited = ls.filter((l) => l.path in a.edits).length
      const det = h('details', { testid: `lever-group-${g}`, open: this.open.has(g), ontoggle: (e: Event) => ((e.target as HTMLDetailsElement).open ? this.open.add(g) : this.open.delete(g)) })
      det.append(h('summary', { text: `${tAny(`lever.group.${g}`)} (${ls.length})${edited ? ` · ${t('scn.edited', { n: edited })}` : ''}` }))
      for (const l of ls) det.append(this.row(l, l.path in a.edits ? a.edits[l.path] : preset[l.path]))
      levers.append(det)
    }
    el.append(levers)
    this.renderProblems()
  }

  private row(l: LeverMeta, value: unknown): HTMLElement {
    const a = this.get()
    const onValue = (v: unknown) => {
      const cur = this.get()
      const edits = { ...cur.edits }
      const preset = flattenScenario(scenarioPreset(cur.base))[l.path]
      if (Object.is(v, preset) || JSON.stringify(v) === JSON.stringify(preset)) delete edits[l.path]
      else edits[l.path] = v
      this.set({ ...cur, edits })
      row.classList.toggle('edited', l.path in edits)
      this.renderProblems()
    }
    let input: HTMLElement
    if (typeof l.default === 'boolean') input = h('input', { type: 'checkbox', checked: value === true, onchange: (e: Event) => onValue((e.target as HTMLInputElement).checked) })
    else if (typeof l.default === 'string') {
      input = h('select', { onchange: (e: Event) => onValue((e.target as HTMLSelectElement).value) })
      for (const o of l.unit.split('|')) input.append(h('option', { value: o, text: optionText(o), title: o, selected: o === value }))
    } else
      input = h('input', {
        type: 'number',
        step: 'any',
        min: l.min,
        max: l.max,
        value: value === null || value === undefined ? '' : String(value),
        onchange: (e: Event) => {
          const s = (e.target as HTMLInputElement).value.trim()
          onValue(s === '' ? (l.default === null ? null : Number.NaN) : Number(s))
        },
      })
    input.dataset.path = l.path
    const meta = [l.min !== undefined ? t('scn.range', { min: l.min, max: l.max ?? '' }) : '', t('scn.default', { v: show(l.default) })].filter(Boolean).join(' · ')
    const unit = typeof l.default === 'number' || l.default === null ? leverUnit(l) : ''
    const row = h(
      'div',
      { class: `lever${l.path in a.edits ? ' edited' : ''}`, testid: `lever-${l.path}`, title: l.path },
      h('div', { class: 'lever-label', text: leverLabel(l) }),
      h('div', { class: 'lever-input' }, input, unit ? h('span', { class: 'unit', text: unit }) : null),
      h('div', { class: 'lever-meta', text: `${meta} · ${t('scn.source', { s: sourceText(l.source) })}` }),
    )
    return row
  }

  /** each problem names the field (parseScenario's message) and explains it with the lever's label, unit and range */
  private renderProblems(): void {
    const ed = this.el.querySelector<HTMLElement>('[data-testid=scenario-edits]')
    const nEdits = Object.keys(this.get().edits).length
    if (ed) {
      clear(ed)
      if (nEdits) ed.append(t('scn.edited', { n: nEdits }), h('button', { text: t('scn.reset'), testid: 'scenario-reset', onclick: () => (this.set({ ...this.get(), edits: {} }), this.render()) }))
    }
    const ul = this.el.querySelector<HTMLUListElement>('[data-testid=scenario-errors]')
    if (!ul) return
    clear(ul)
    this.el.querySelectorAll('.lever.invalid').forEach((r) => r.classList.remove('invalid'))
    const { problems, dropped } = this.current()
    if (dropped.length) ul.append(h('li', { class: 'warn', testid: 'scenario-dropped', text: t('scn.dropped', { paths: dropped.join(', ') }) }))
    if (!problems.length) return
    ul.append(h('li', { class: 'head', text: t('scn.invalid') }))
    for (const p of problems) {
      const path = p.lever ?? p.field.replace(/^scenario\./, '')
      const en = scenarioIssueText(p)
      ul.append(h('li', { text: problemLine(p), title: en, 'data-path': path, 'data-problem': en, 'data-code': p.code }))
      this.el.querySelector(`[data-testid="lever-${path}"]`)?.classList.add('invalid')
    }
  }
}
