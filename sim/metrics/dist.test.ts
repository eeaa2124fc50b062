// The selected percentiles are the very order statistics a full sort gives, whatever the values' order, ties or
// length: the result JSON must not change with the method.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { r4, selectedDistribution } from './dist.ts'

function bySort(values: number[]) {
  const v = Float64Array.from(values).sort()
  const n = v.length
  let s = 0
  for (let k = 0; k < n; k++) s += v[k]
  const q = (p: number) => v[Math.min(n - 1, Math.floor(p * n))]
  return { n, mean: r4(s / n), p50: r4(q(0.5)), p90: r4(q(0.9)) }
}

describe('selectedDistribution', () => {
  it('gives the sorted order statistics for any values, ties included', () => {
    // a small range of integers makes many ties; lengths around the selection's 600-element sampling threshold
    const values = fc.oneof(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 2000 }), fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 3000 }))
    fc.assert(
      fc.property(values, (xs) => {
        const got = selectedDistribution(Float64Array.from(xs))
        const want = bySort(xs)
        expect([got.n, got.p50, got.p90]).toEqual([want.n, want.p50, want.p90])
        // the mean's sum runs in another order: equal to rounding
        expect(got.mean!).toBeCloseTo(want.mean!, 3)
      }),
      { numRuns: 200 },
    )
  })

  it('is empty for no values, and the value itself for one', () => {
    expect(selectedDistribution(new Float64Array(0))).toEqual({ n: 0, mean: null, p50: null, p90: null })
    expect(selectedDistribution(Float64Array.of(2.5))).toEqual({ n: 1, mean: 2.5, p50: 2.5, p90: 2.5 })
  })

  it('handles a large sorted, reversed and constant input in linear time', () => {
    const n = 200_000
    for (const make of [(k: number) => k, (k: number) => n - k, () => 7]) {
      const xs = Array.from({ length: n }, (_, k) => make(k))
      expect(selectedDistribution(Float64Array.from(xs))).toEqual(bySort(xs))
    }
  })
})
