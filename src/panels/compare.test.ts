import { describe, expect, it } from 'vitest'
import { defaultScenario, type SimResult } from '../../sim/api.ts'
import { armsOf, compareOf } from './compare.ts'

const fake = (scenario: string, seed: number, resolution: number): SimResult =>
  ({ scenario, seed, days: 30, params: { ...defaultScenario(), name: scenario }, rates: { response: 0.9, resolution, satisfaction: 0.8, onTime: 0.7 }, issues: { arisen: 10, known: 8, closed: 6 } }) as unknown as SimResult

describe('compareOf', () => {
  // seeds differ a lot from each other, but B is always A + 0.1 on the same seed: the paired interval sees that
  const a = [fake('a', 1, 0.3), fake('a', 2, 0.6), fake('a', 3, 0.45)]
  const b = [fake('b', 1, 0.4), fake('b', 2, 0.7), fake('b', 3, 0.55)]
  const c = [fake('c', 3, 0.5), fake('c', 1, 0.2), fake('c', 2, 0.6)]

  it('pairs runs by seed, so a constant shift has a zero-width interval far narrower than the arms’ own', () => {
    const cmp = compareOf(a, b)
    expect(cmp.diff['rates.resolution']).toBeCloseTo(0.1, 4)
    const [lo, hi] = cmp.diffCi['rates.resolution']
    expect(lo).toBeCloseTo(0.1, 4)
    expect(hi).toBeCloseTo(0.1, 4)
    const [alo, ahi] = cmp.a.summary.metrics['rates.resolution'].ci95
    expect(ahi - alo).toBeGreaterThan(0.3)
  })

  it('compares any number of scenarios against A, matching seeds whatever their order', () => {
    const cmp = compareOf(a, b, c)
    expect(armsOf(cmp).map((x) => x.scenario)).toEqual(['a', 'b', 'c'])
    expect(cmp.more).toHaveLength(1)
    // c − a per seed: 1 → −0.1, 2 → 0, 3 → +0.05
    expect(cmp.more[0].diff['rates.resolution']).toBeCloseTo(-0.05 / 3, 4)
    const [lo, hi] = cmp.more[0].diffCi['rates.resolution']
    expect(lo).toBeLessThan(-0.05 / 3)
    expect(hi).toBeGreaterThan(-0.05 / 3)
  })

  it('keeps a share’s interval inside 0–100 % with two replicates near 100 %, and a difference inside ±100 points', () => {
    // two seeds at 99 % and 100 %: the t-interval (12.706 × sd / √2) alone would run to 106.4 %
    const hi = [fake('hi', 1, 0.99), fake('hi', 2, 1)]
    const lo = [fake('lo', 1, 0.02), fake('lo', 2, 0.5)]
    const cmp = compareOf(hi, lo)
    const m = cmp.a.summary.metrics['rates.resolution']
    expect(m.mean).toBe(0.995)
    expect(m.ci95).toEqual([0.9315, 1])
    // lo − hi per seed: −0.97, −0.5 → mean −0.735, the unclipped interval from −3.72 to +2.25
    expect(cmp.diff['rates.resolution']).toBeCloseTo(-0.735, 4)
    expect(cmp.diffCi['rates.resolution']).toEqual([-1, 1])
    const [blo] = cmp.b.summary.metrics['rates.resolution'].ci95
    expect(blo).toBe(0)
    // a count is only clipped at zero: 10 issues on every seed, an interval of one point
    expect(cmp.a.summary.metrics['issues.arisen'].ci95).toEqual([10, 10])
  })

  it('needs a second scenario', () => {
    expect(() => compareOf(a)).toThrow(/at least two/)
  })
})
