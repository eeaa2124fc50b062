// The sweep tab's defaults: every numeric lever offers a starting range the sweep accepts, and the default
// settings plan a sweep of the default scenario.
import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../../sim/api.ts'
import { checkSettings, planSweep, SWEEPABLE } from '../sweep/plan.ts'
import { DEFAULT_SWEEP, defaultAxis } from './sweep-panel.ts'

describe('sweep panel defaults', () => {
  it('gives every numeric lever a valid default range', () => {
    expect(SWEEPABLE.length).toBeGreaterThan(20)
    for (const l of SWEEPABLE) expect(checkSettings({ ...DEFAULT_SWEEP, axes: [defaultAxis(l.path)] }), l.path).toEqual([])
  })

  it('plans the default sweep: workers per grid 1–3 × 3 replicates', () => {
    const p = planSweep(defaultScenario(), DEFAULT_SWEEP)
    expect(p.values).toEqual([[1, 2, 3]])
    expect(p.jobs).toHaveLength(9)
  })
})
