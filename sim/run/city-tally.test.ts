// The histogram behind merged percentiles: a value lands in the first bin whose edge is at or above it, and a
// quantile read from the histogram is at most the bins' 2 % above the exact one, merged or not.
import { describe, expect, it } from 'vitest'
import { addTally, CLOSE_EDGES_MIN, closeBin, emptyTally, histQuantile } from './city-tally.ts'

const tallyOf = (hours: number[]) => {
  const t = emptyTally()
  for (const h of hours) t.closeHist[closeBin(h * 60)]++
  return t
}
const exact = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]

describe('hours-to-close histogram', () => {
  it('puts a value in the first bin whose upper edge is at or above it', () => {
    expect(closeBin(0)).toBe(0)
    expect(closeBin(1)).toBe(0)
    expect(closeBin(1.5)).toBe(1)
    expect(closeBin(60)).toBe(59)
    expect(CLOSE_EDGES_MIN[closeBin(1000)]).toBeGreaterThanOrEqual(1000)
    expect(CLOSE_EDGES_MIN[closeBin(1000) - 1]).toBeLessThan(1000)
  })

  it('reads quantiles within 2 % of the exact ones, and merged histograms give the quantile of the union', () => {
    // a deterministic spread of hours from minutes to weeks
    const a = Array.from({ length: 5000 }, (_, i) => 0.05 + ((i * 7919) % 5000) / 12)
    const b = Array.from({ length: 3000 }, (_, i) => 2 + ((i * 104729) % 3000) / 4)
    const merged = addTally(tallyOf(a), tallyOf(b))
    for (const p of [0.5, 0.9]) {
      const want = exact([...a, ...b], p)
      const got = histQuantile(merged.closeHist, a.length + b.length, p)!
      expect(got).toBeGreaterThanOrEqual(want)
      expect(got / want).toBeLessThan(1.021)
    }
    expect(histQuantile(emptyTally().closeHist, 0, 0.5)).toBeNull()
  })
})
