// Calibration: the presets land within ±5 points of the published rates (docs/domain.md § Figures) on the `street` world over a
// year. The Dongcheng handling-time figures are printed by `gongzhi calibrate` but not asserted (see
// docs/simulation.md: the grid-management mean of 7.5 h is not reproduced).
import { describe, expect, it } from 'vitest'
import { buildWorld, calibrate, compileWorld } from '../sim/api.ts'

describe('calibration (street world, 365 days)', () => {
  const rows = calibrate(compileWorld(buildWorld({ preset: 'street', seed: 1 })), { seed: 1, days: 365 })

  it.each(rows.filter((r) => !r.metric.startsWith('publicSpace.hoursToClose')).map((r) => [r.figure, r] as const))('%s', (_, r) => {
    expect(Math.abs(r.simulated - r.published), `${r.scenario} ${r.metric}: simulated ${r.simulated}, published ${r.published}`).toBeLessThanOrEqual(r.tolerance)
  })

  it('moves handling time the published way: slower before grids than with them', () => {
    const before = rows.find((r) => r.metric === 'publicSpace.hoursToClose.mean' && r.scenario === 'baseline-pre-reform')!
    const after = rows.find((r) => r.metric === 'publicSpace.hoursToClose.mean' && r.scenario === 'grid-management')!
    expect(before.simulated).toBeGreaterThan(3 * after.simulated)
  })
})
