// Presets as data: every one valid, with sources and a Chinese label and description.
import { describe, expect, it } from 'vitest'
import { diffScenarios, SCENARIO_PRESETS, scenarioPreset } from '../api.ts'

describe('scenario presets', () => {
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
})
