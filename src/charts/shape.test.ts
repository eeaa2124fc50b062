import { describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, scenarioPreset, simulate, summarize, type SimResult } from '../../sim/api.ts'
import { binPosition, channelShares, groupHistogram, groupsOf, hoursLabel, meanCi, meanHistogram, rollingRate, singleDetailed } from './shape.ts'

const world = compileWorld(buildWorld({ preset: 'street', seed: 1 }))
const runs: SimResult[] = [1, 2, 3].map((seed) => simulate(world, scenarioPreset('hotline-reform'), { seed, days: 40, detail: seed === 1 }))

describe('chart data shaping', () => {
  it('labels bin edges in hours below a day and in days from there', () => {
    expect(hoursLabel(1, 'h', 'd')).toBe('1 h')
    expect(hoursLabel(12, 'h', 'd')).toBe('12 h')
    expect(hoursLabel(24, 'h', 'd')).toBe('1 d')
    expect(hoursLabel(720, 'h', 'd')).toBe('30 d')
    expect(hoursLabel(36, 'h', 'd')).toBe('1.5 d')
  })

  it('places hours on the bin axis: edges at integers, linear inside a bin, the open last bin one edge-width wide', () => {
    const edges = runs[0].closeHistogram.edges
    expect(binPosition(0, edges)).toBe(0)
    expect(binPosition(1, edges)).toBe(1)
    expect(binPosition(3, edges)).toBeCloseTo(2.5)
    expect(binPosition(720, edges)).toBe(edges.length)
    expect(binPosition(1080, edges)).toBeCloseTo(edges.length + 0.5)
    expect(binPosition(1e6, edges)).toBe(edges.length + 1)
    // monotone over the whole range
    let prev = -1
    for (let h = 0.1; h < 3000; h *= 1.3) {
      const p = binPosition(h, edges)
      expect(p).toBeGreaterThanOrEqual(prev)
      prev = p
    }
    // a run's median falls in the bin where the cumulative count passes half
    const r = runs[0]
    const pos = Math.floor(binPosition(r.hoursToClose!.p50!, edges))
    const counts = r.closeHistogram.overall
    const half = counts.reduce((s, c) => s + c, 0) / 2
    const before = counts.slice(0, pos).reduce((s, c) => s + c, 0)
    expect(before).toBeLessThanOrEqual(half)
    expect(before + counts[pos]).toBeGreaterThanOrEqual(half)
  })

  it('a histogram counts every closed issue; merged over replicates it is the mean per run', () => {
    for (const r of runs) expect(r.closeHistogram.overall.reduce((s, c) => s + c, 0)).toBe(r.issues.closed)
    const m = meanHistogram(runs.map((r) => r.closeHistogram.overall))
    expect(m.reduce((s, c) => s + c, 0)).toBeCloseTo(runs.reduce((s, r) => s + r.issues.closed, 0) / runs.length, 9)
    expect(meanHistogram([[1, 2], [3, 6]])).toEqual([2, 4])
    expect(meanHistogram([])).toEqual([])
    const g = groupsOf({ kind: 'run', scenario: 'hotline-reform', outcome: { results: runs, summary: summarize(runs), cancelled: false, seconds: 1 } })[0]
    const cat = groupHistogram(g, { kind: 'category', key: 'environment' })
    expect(cat.counts.reduce((s, c) => s + c, 0)).toBeCloseTo(runs.reduce((s, r) => s + r.closeHistogram.byCategory.environment.reduce((a, b) => a + b, 0), 0) / 3, 9)
    const all = groupHistogram(g, { kind: 'overall' })
    expect(all.p50).toBeCloseTo(runs.reduce((s, r) => s + r.hoursToClose!.p50!, 0) / 3, 9)
    // the slices add up to the whole: categories and closing levels each partition the closed issues
    const byLevel = ['gridWorker', 'communityWorker', 'property', 'streetOffice', 'enforcement', 'departments'].map((key) => groupHistogram(g, { kind: 'level', key }).counts)
    const sumLevels = byLevel.reduce((acc, c) => acc.map((v, i) => v + c[i]))
    sumLevels.forEach((v, i) => expect(v).toBeCloseTo(all.counts[i], 9))
  })

  it('rolling rates are ratios of window sums and skip windows without a denominator', () => {
    expect(rollingRate([0, 0, 1, 1], [0, 0, 2, 1], 2)).toEqual([
      { day: 3, value: 0.5 },
      { day: 4, value: 2 / 3 },
    ])
    expect(rollingRate([1, 0, 0, 0], [1, 0, 0, 0], 2)).toEqual([
      { day: 1, value: 1 },
      { day: 2, value: 1 },
    ])
    const d = runs[0].daily!
    const pts = rollingRate(d.callbacksSolved, d.callbacks, 7)
    expect(pts.length).toBeGreaterThan(10)
    for (const p of pts) expect(p.value).toBeGreaterThanOrEqual(0), expect(p.value).toBeLessThanOrEqual(1)
    // a window as long as the run gives the run's own rate (up to rounding)
    const whole = rollingRate(d.callbacksSolved, d.callbacks, d.callbacks.length)
    expect(whole[whole.length - 1].value).toBeCloseTo(runs[0].rates.resolution, 3)
  })

  it('means carry the same Student-t interval as the replicate summary', () => {
    const s = summarize(runs).metrics['rates.resolution']
    const m = meanCi(runs.map((r) => r.rates.resolution), [0, 1])
    expect(m.mean).toBeCloseTo(s.mean, 4)
    expect(m.lo).toBeCloseTo(s.ci95[0], 4)
    expect(m.hi).toBeCloseTo(s.ci95[1], 4)
    expect(meanCi([0.5])).toEqual({ mean: 0.5, lo: 0.5, hi: 0.5, n: 1 })
    expect(meanCi([NaN, 1, 3]).mean).toBe(2)
    // known values: 1, 2, 3 → 2 ± 4.303 / √3; a share at 99 % and 100 % stops at 100 %, a figure ≥ 0 at 0
    expect(meanCi([1, 2, 3]).lo).toBeCloseTo(2 - 4.303 / Math.sqrt(3), 9)
    expect(meanCi([0.99, 1], [0, 1])).toMatchObject({ lo: expect.closeTo(0.995 - 12.706 * Math.sqrt(0.00005) / Math.sqrt(2), 9), hi: 1 })
    expect(meanCi([0, 1, 2], [0, Infinity]).lo).toBe(0)
  })

  it('channel shares sum to one and only a single detailed run has daily series', () => {
    const g = { key: 'run' as const, scenario: 'x', runs }
    const shares = channelShares(g, Object.keys(runs[0].issues.byChannel))
    expect(shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9)
    expect(singleDetailed([g])).toBeNull()
    expect(singleDetailed([{ ...g, runs: [runs[0]] }])).toBe(runs[0])
    expect(singleDetailed([{ ...g, runs: [runs[1]] }])).toBeNull()
  })
})
