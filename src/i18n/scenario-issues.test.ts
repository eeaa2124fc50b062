// Every scenario problem code, made by the code that makes it (parseScenario, leverPathIssue, setScenarioPath, the
// sweep form's checkSettings): in Chinese the page's line has no Latin word but the path it names; in English the
// one formatter gives the CLI's text word for word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { leverPathIssue, parseScenario, SCENARIO_EN, ScenarioError, scenarioIssue, scenarioIssueText, setScenarioPath, type ScenarioIssue, type ScenarioIssueCode } from '../../sim/api.ts'
import { LATIN_ALLOWED } from '../../test/e2e/text-walk.ts'
import { problemLine } from '../panels/scenario-panel.ts'
import { checkSettings, type SweepSettings } from '../sweep/plan.ts'
import { setLang } from './i18n.ts'

const latin = (s: string) => (s.replace(/\b\d[\w-]*/g, '').match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => w.length > 1 && !LATIN_ALLOWED.includes(w))

function issuesOf(f: () => unknown): ScenarioIssue[] {
  try {
    f()
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues
    throw e
  }
  throw new Error('no problem')
}
const scenario = (input: unknown) => issuesOf(() => parseScenario(input))
const sweep = (s: Partial<SweepSettings>): ScenarioIssue[] =>
  checkSettings({ axes: [{ path: 'gridWorkers.perGrid', from: 1, to: 2, steps: 3 }], replicates: 2, days: 30, seed: 1, target: { metric: 'rates.onTime', op: '>=', value: 0.9 }, ...s } as SweepSettings)

/** each case: the problems, and the English lines (the CLI's text before this module existed) */
const CASES: [ScenarioIssue[], string[]][] = [
  [scenario(null), ['scenario: must be an object of fields, got null']],
  [scenario({ gridWorkers: 3 }), ['scenario.gridWorkers: must be an object of fields, got 3']],
  [scenario({ gridWorkers: { scale: 99 } }), ['scenario.gridWorkers.scale: must be ≤ 10, got 99']],
  [scenario({ gridWorkers: { scale: -1 } }), ['scenario.gridWorkers.scale: must be ≥ 0, got -1']],
  [scenario({ name: '' }), ['scenario.name: must be ≥ 1, got ""']],
  [scenario({ gridWorkers: { scale: 'a' } }), ['scenario.gridWorkers.scale: Invalid input: expected number, received string, got "a"']],
  [scenario({ gridWorkers: { scale: null } }), ['scenario.gridWorkers.scale: Invalid input: expected number, received null, got null']],
  [scenario({ gridWorkers: { scale: NaN } }), ['scenario.gridWorkers.scale: Invalid input: expected number, received NaN, got null']],
  [scenario({ gridWorkers: { scale: -Infinity } }), ['scenario.gridWorkers.scale: Invalid input: expected number, received -Infinity, got null']],
  [scenario({ street: { officeStaff: 1.5 } }), ['scenario.street.officeStaff: Invalid input: expected int, received number, got 1.5']],
  [scenario({ whistle: { enabled: '开' } }), ['scenario.whistle.enabled: Invalid input: expected boolean, received string, got "开"']],
  [scenario({ sources: [3] }), ['scenario.sources.0: Invalid input: expected string, received number, got 3']],
  [scenario({ gridWorkers: { allocation: '平均' } }), ['scenario.gridWorkers.allocation: Invalid option: expected one of "world"|"one-per-grid"|"households"|"workload", got "平均"']],
  [scenario({ consultation: { scope: 3 } }), ['scenario.consultation.scope: Invalid option: expected one of "disputes"|"public"|"disputes+public", got 3']],
  [scenario({ gridWorkrs: { perGrid: 2 } }), ['scenario.gridWorkrs: unknown field, did you mean "gridWorkers"?']],
  [scenario({ residents: { channels: { hotlne: 5 } } }), ['scenario.residents.channels.hotlne: unknown field, did you mean "hotline"?']],
  [scenario({ somethingElse: 1 }), ['scenario.somethingElse: unknown field']],
  [[leverPathIssue('gridworkers.scale')!], ['gridworkers.scale: not a lever, did you mean "gridWorkers.scale"?']],
  [[leverPathIssue('nothing.like.it')!], ['nothing.like.it: not a lever']],
  [[leverPathIssue('__proto__.polluted')!], ["__proto__.polluted: not a lever path (it names an object's prototype)"]],
  [issuesOf(() => setScenarioPath({}, 'constructor.prototype.x', 1)), ["constructor.prototype.x: not a lever path (it names an object's prototype)"]],
  // zod's own message for anything else; no lever makes one today
  [[scenarioIssue('scenario.x', undefined, 'invalid', { message: 'Invalid input', got: '1' })], ['scenario.x: Invalid input, got 1']],
  // the page's sweep form (its English as the form said it before)
  [sweep({ axes: [] }), ['axes: one or two levers']],
  [sweep({ axes: [{ path: 'gridWorkers.perGrid', from: 1, to: 2, steps: 3 }, { path: 'gridWorkers.perGrid', from: 1, to: 2, steps: 3 }] }), ['axes: two different levers']],
  [sweep({ axes: [{ path: 'whistle.enabled', from: 0, to: 1, steps: 2 }] }), ['whistle.enabled: not a numeric lever']],
  [sweep({ axes: [{ path: 'gridWorkers.perGrid', from: 1, to: 400, steps: 60 }] }), ['gridWorkers.perGrid.to: must be in 0–20, got 400', 'gridWorkers.perGrid.steps: must be a whole number 1–50, got 60']],
  [sweep({ replicates: 0, days: NaN }), ['replicates: must be a whole number 1–50, got 0', 'days: must be a whole number 1–3650, got NaN']],
  [sweep({ seed: -1 }), ['seed: must be a whole number ≥ 0, got -1']],
  [sweep({ target: { metric: 'nope', op: '>=', value: NaN } }), ['target.metric: unknown metric nope', 'target.value: must be a number']],
]

// setLang writes the page's lang attribute
beforeAll(() => void ((globalThis as { document?: unknown }).document = { documentElement: {} }))
afterAll(() => setLang('zh-CN'))

describe('scenario problems in the page language', () => {
  it('cover every code', () => {
    const seen = new Set(CASES.flatMap(([is]) => is.map((i) => i.code)))
    expect([...seen].sort()).toEqual((Object.keys(SCENARIO_EN) as ScenarioIssueCode[]).sort())
  })

  it('in English are the CLI text, from the one formatter', () => {
    for (const [is, en] of CASES) expect(is.map(scenarioIssueText)).toEqual(en)
    // and ScenarioError's message is those lines
    expect(() => parseScenario({ gridWorkers: { scale: 99 } })).toThrow(/^scenario\.gridWorkers\.scale: must be ≤ 10, got 99$/)
  })

  it('in Chinese have no Latin word but the path they name (or suggest)', () => {
    setLang('zh-CN')
    for (const [is] of CASES) {
      for (const i of is) {
        const line = problemLine(i)
        expect(line, scenarioIssueText(i)).toMatch(/[\u4e00-\u9fff]/)
        const paths = [i.field, 'suggestion' in i.params ? i.params.suggestion : undefined].filter((s): s is string => !!s)
        const rest = paths.reduce((s, p) => s.split(p).join(' '), line)
        expect(latin(rest), `${line} (${i.code})`).toEqual([])
      }
    }
    // a lever is named by its label, with its range; the page's form fields by the form's labels
    expect(problemLine(scenario({ gridWorkers: { scale: 99 } })[0])).toBe('网格员人数倍数：须 ≤ 10，当前为 99；范围 0–10 × 人数')
    expect(problemLine(sweep({ axes: [{ path: 'gridWorkers.perGrid', from: 1, to: 400, steps: 3 }] })[0])).toMatch(/^网格员每网格人数（覆盖底图）（到）：须在 0–20 之间，当前为 400/)
    expect(problemLine(sweep({ replicates: 0 })[0])).toMatch(/^重复次数：/)
    expect(problemLine(scenario({ gridWorkers: { allocation: 'x' } })[0])).toContain('按底图数据、每格一人、按户数、按预期工作量')
  })

  it('in English add the lever label and range to the CLI line', () => {
    setLang('en')
    expect(problemLine(scenario({ gridWorkers: { scale: 99 } })[0])).toBe('scenario.gridWorkers.scale: must be ≤ 10, got 99 — multiplier on grid workers; range 0–10 × workers')
    setLang('zh-CN')
  })
})
