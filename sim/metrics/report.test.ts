// The result's breakdowns (histograms, daily series, per-area columns) add up to the totals they break down.
import { describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, scenarioPreset, simulate } from '../api.ts'

const world = compileWorld(buildWorld({ preset: 'street', seed: 1 }))
const r = simulate(world, scenarioPreset('hotline-reform'), { seed: 5, days: 45 })
const sum = (xs: ArrayLike<number | null>) => Array.from(xs).reduce<number>((s, x) => s + (x ?? 0), 0)

describe('breakdowns add up', () => {
  it('time-to-close histograms count every closed issue, overall, per category and per level', () => {
    const hist = r.closeHistogram
    expect(hist.overall).toHaveLength(hist.edges.length + 1)
    expect(sum(hist.overall)).toBe(r.issues.closed)
    expect(sum(Object.values(hist.byCategory).map(sum))).toBe(r.issues.closed)
    for (const [level, counts] of Object.entries(hist.byLevel)) expect(sum(counts)).toBe(r.byLevel[level].closed)
    // the histogram's median bin holds the reported median
    let acc = 0
    const k = hist.overall.findIndex((c) => (acc += c) > r.issues.closed / 2)
    const lo = k === 0 ? 0 : hist.edges[k - 1]
    const hi = hist.edges[k] ?? Infinity
    expect(r.hoursToClose.p50!).toBeGreaterThanOrEqual(lo)
    expect(r.hoursToClose.p50!).toBeLessThanOrEqual(hi)
  })

  it('daily series sum to the run totals', () => {
    const d = r.daily!
    expect(d.known).toHaveLength(45)
    expect(sum(d.arisen)).toBe(r.issues.arisen)
    expect(sum(d.known)).toBe(r.issues.known)
    expect(sum(d.closed)).toBe(r.issues.closed)
    expect(sum(d.hotline)).toBe(r.issues.hotline)
    expect(sum(d.proactive)).toBe(r.issues.proactive)
    expect(sum(d.whistles)).toBeGreaterThan(0)
    expect(sum(d.whistles)).toBeLessThanOrEqual(r.whistles.count)
    expect(d.backlog[44]).toBe(r.issues.known - r.issues.closed)
    expect(sum(d.responded) / sum(d.known)).toBeCloseTo(r.rates.response, 3)
    const cb = sum(d.callbacks)
    expect(sum(d.callbacksSolved) / cb).toBeCloseTo(r.rates.resolution, 3)
    expect(sum(d.callbacksSatisfied) / cb).toBeCloseTo(r.rates.satisfaction, 3)
  })

  it('per-grid and per-community columns carry households, workers and close times', () => {
    const g = r.byGrid!
    const c = r.byCommunity!
    expect(sum(g.households)).toBe(r.coverage.households)
    expect(sum(c.workers)).toBeCloseTo(r.coverage.gridWorkers!, 2)
    expect(sum(g.workers)).toBeCloseTo(r.coverage.gridWorkers!, 2)
    expect(sum(g.arisen)).toBe(r.issues.arisen)
    for (let k = 0; k < g.ids.length; k++) {
      if (g.workers[k]! > 0) expect(g.householdsPerWorker[k]).toBeCloseTo(g.households[k] / g.workers[k]!, 0)
      if (g.closed[k] > 0) expect(g.p90HoursToClose[k]!).toBeGreaterThan(0)
      else expect(g.p90HoursToClose[k]).toBeNull()
      expect(g.proactive[k]!).toBeGreaterThanOrEqual(0)
      expect(g.proactive[k]!).toBeLessThanOrEqual(1)
    }
  })
})
