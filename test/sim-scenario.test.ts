// Scenarios: one schema with defaults and metadata, clear messages naming the field, presets as data.
import { describe, expect, it } from 'vitest'
import { defaultScenario, diffScenarios, LEVERS, parseScenario, SCENARIO_PRESETS, ScenarioError, scenarioPreset } from '../sim/api.ts'

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

  it('ships the presets of docs/domain.md § Presets, each valid and with sources', () => {
    for (const name of ['baseline-pre-reform', 'grid-management', 'whistle', 'hotline-reform', 'volunteers', 'red-property', 'burden-reduction', 'epidemic-surge']) expect(SCENARIO_PRESETS).toContain(name)
    for (const name of SCENARIO_PRESETS) {
      const s = scenarioPreset(name)
      expect(s.name).toBe(name)
      expect(s.sources.length).toBeGreaterThan(0)
      expect(s.label.length).toBeGreaterThan(0)
    }
    expect(() => scenarioPreset('nope')).toThrow(/unknown scenario "nope"/)
  })

  it('gives every preset a Chinese label and description, which never count as a lever difference', () => {
    for (const name of SCENARIO_PRESETS) {
      const p = scenarioPreset(name)
      expect(p.zh.label, name).toMatch(/[\u4e00-\u9fff]/)
      expect(p.zh.description.length, name).toBeGreaterThan(10)
      expect(p.zh.description, name).toMatch(/[\u4e00-\u9fff]/)
      expect(diffScenarios(p, { ...p, zh: { label: 'x', description: 'y' } }), name).toEqual([])
    }
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
