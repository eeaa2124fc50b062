// The guide-table pick finds exactly the index a binary search over the cumulative weights finds.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CumulativePick } from './cumulative-pick.ts'

/** the reference: the first i with cum[i + 1] > u·total (the last item when none) */
function binarySearch(cum: Float64Array, u: number): number {
  const target = u * cum[cum.length - 1]
  let lo = 0
  let hi = cum.length - 2
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cum[mid + 1] <= target) lo = mid + 1
    else hi = mid
  }
  return lo
}

const cumulative = (w: number[]) => {
  const cum = new Float64Array(w.length + 1)
  for (let i = 0; i < w.length; i++) cum[i + 1] = cum[i] + w[i]
  return cum
}

describe('cumulative pick', () => {
  it('picks what a binary search picks, zero weights and ragged weights included', () => {
    const weight = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 1e6, noNaN: true }))
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 300 }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 50 }), (w, us) => {
        const cum = cumulative(w)
        const pick = new CumulativePick(cum)
        for (const u of us) expect(pick.index(u)).toBe(binarySearch(cum, u))
      }),
      { numRuns: 300 },
    )
  })

  it('never picks an item of weight zero while another has weight', () => {
    const cum = cumulative([0, 3, 0, 0, 5, 0])
    const pick = new CumulativePick(cum)
    for (let k = 0; k < 1000; k++) expect([1, 4]).toContain(pick.index(k / 1000))
  })

  it('picks 0 from a table of no items, as the search does', () => {
    expect(new CumulativePick(new Float64Array([0])).index(0.5)).toBe(binarySearch(new Float64Array([0]), 0.5))
  })
})
