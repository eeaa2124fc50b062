// Morris screening on a tiny design: a lever whose mechanism is off has no effect at all (μ* = 0 exactly, common
// random numbers), the lever known to drive an output ranks first, and the full design covers every numeric lever.
import { describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, defaultScenario, LEVERS, metricAt, simulate } from '../api.ts'
import { MORRIS_OUTPUTS, morrisDesign, morrisEffects, morrisFactors, ranked } from './morris.ts'

describe('Morris elementary effects', () => {
  it('give a lever with no effect μ* = 0 and rank the strongest lever first', () => {
    const world = compileWorld(buildWorld({ preset: 'street', seed: 1 }))
    const base = defaultScenario()
    // socialOrgs.fix does nothing while no social organisation is funded; residents' reporting drives discovery
    const factors = morrisFactors(base, ['socialOrgs.fix', 'residents.reportProbability', 'volunteers.hoursPerMonth'])
    const design = morrisDesign(base, factors, 2, 3)
    expect(design.points).toHaveLength(2 * (factors.length + 1))
    const outputs = design.points.map((p) => {
      const r = simulate(world, p.scenario, { seed: p.seed, days: 5, detail: false })
      return Object.fromEntries(MORRIS_OUTPUTS.map((o) => [o, metricAt(r, o)]))
    })
    const rows = morrisEffects(design, outputs)
    for (const o of MORRIS_OUTPUTS) {
      const none = rows.find((r) => r.lever === 'socialOrgs.fix' && r.output === o)!
      expect(none.muStar, o).toBe(0)
      expect(none.sigma, o).toBe(0)
    }
    expect(ranked(rows, 'rates.discovery')[0].lever).toBe('residents.reportProbability')
    expect(ranked(rows, 'rates.discovery')[0].muStar).toBeGreaterThan(0.05)
  })

  it('screens every numeric lever, each within its range, stepping one lever at a time', () => {
    const base = defaultScenario()
    const factors = morrisFactors(base)
    const numeric = LEVERS.filter((l) => l.min !== undefined && typeof l.default === 'number')
    expect(factors.map((f) => f.path)).toEqual(numeric.map((l) => l.path))
    // unset overrides only when named
    expect(morrisFactors(base, ['gridWorkers.perGrid'])[0]).toMatchObject({ lo: 5, hi: 15, integer: false })
    for (const f of factors) {
      const l = numeric.find((x) => x.path === f.path)!
      expect(f.lo, f.path).toBeGreaterThanOrEqual(l.min!)
      expect(f.hi, f.path).toBeLessThanOrEqual(l.max!)
      expect(f.hi, f.path).toBeGreaterThan(f.lo)
    }
    const d = morrisDesign(base, factors, 2, 1)
    expect(d.points).toHaveLength(2 * (factors.length + 1))
    for (const mv of d.moves) expect(new Set(mv.map((m) => m.factor)).size).toBe(factors.length)
  })
})
