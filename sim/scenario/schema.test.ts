// Scenarios: one schema with defaults and metadata, clear messages naming the field.
import { describe, expect, it } from 'vitest'
import { defaultScenario, diffScenarios, leverPathProblem, LEVERS, parseScenario, SCENARIO_PRESETS, ScenarioError, scenarioPreset, setScenarioPath } from '../api.ts'

describe('scenario schema', () => {
  it('fills every lever with its default and carries metadata (unit, range, source) for each', () => {
    const s = defaultScenario()
    expect(s.gridWorkers.scale).toBe(1)
    expect(s.residents.channels.rc).toBe(35.4)
    expect(s.whistle.reportLimitMinutes).toBe(30)
    expect(LEVERS.length).toBeGreaterThan(40)
    for (const l of LEVERS) {
      expect(l.source.length, l.path).toBeGreaterThan(3)
      expect(l.unit.length, l.path).toBeGreaterThan(0)
    }
    expect(new Set(LEVERS.map((l) => l.path)).size).toBe(LEVERS.length)
  })

  it('gives every lever a Chinese label, distinct across levers', () => {
    for (const l of LEVERS) {
      expect(l.zh.trim().length, l.path).toBeGreaterThan(1)
      expect(l.zh, l.path).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(new Set(LEVERS.map((l) => l.zh)).size).toBe(LEVERS.length)
  })

  it('names the field, the bound and the value in its message', () => {
    expect(() => parseScenario({ gridWorkers: { perGrid: 400 } })).toThrow('scenario.gridWorkers.perGrid: must be ≤ 20, got 400')
    try {
      parseScenario({ whistle: { enabled: 'yes' }, communityWorkers: { adminBurden: -1 } })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError)
      const msg = (e as Error).message
      expect(msg).toContain('scenario.whistle.enabled')
      expect(msg).toContain('scenario.communityWorkers.adminBurden: must be ≥ 0, got -1')
    }
  })

  it('refuses unknown keys at every depth, naming the nearest known one, and a null scenario', () => {
    expect(() => parseScenario({ gridWorkrs: { perGrid: 2 } })).toThrow('scenario.gridWorkrs: unknown field, did you mean "gridWorkers"?')
    expect(() => parseScenario({ residents: { channels: { hotlne: 5 } } })).toThrow('scenario.residents.channels.hotlne: unknown field, did you mean "hotline"?')
    expect(() => parseScenario({ zh: { lable: '' } })).toThrow('scenario.zh.lable: unknown field, did you mean "label"?')
    expect(() => parseScenario({ somethingElse: 1 })).toThrow(/^scenario\.somethingElse: unknown field$/)
    expect(() => parseScenario(null)).toThrow('scenario: must be an object of fields, got null')
    // every preset is still valid under the strict schema, and a parsed scenario parses again unchanged
    for (const name of SCENARIO_PRESETS) expect(parseScenario(scenarioPreset(name))).toEqual(scenarioPreset(name))
  })

  it('leverPathProblem and setScenarioPath refuse prototype paths; a typo gets the nearest lever', () => {
    expect(leverPathProblem('gridWorkers.scale')).toBeNull()
    expect(leverPathProblem('gridworkers.scale')).toBe('gridworkers.scale: not a lever, did you mean "gridWorkers.scale"?')
    for (const p of ['__proto__.polluted', 'constructor.prototype.polluted', 'gridWorkers.__proto__']) {
      expect(leverPathProblem(p)).toContain('prototype')
      expect(() => setScenarioPath({}, p, 1)).toThrow(ScenarioError)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })


  it('diffs two scenarios lever by lever', () => {
    const d = diffScenarios(scenarioPreset('whistle'), scenarioPreset('hotline-reform'))
    const paths = d.map((r) => r.path)
    expect(paths).toContain('hotline.directDispatch')
    expect(paths).not.toContain('whistle.enabled')
    const row = d.find((r) => r.path === 'hotline.directDispatch')!
    expect(row).toMatchObject({ a: false, b: true })
    expect(diffScenarios(defaultScenario(), defaultScenario())).toEqual([])
  })
})
