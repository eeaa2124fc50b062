import { describe, expect, it } from 'vitest'
import { areaRow, classBreaks, classify, classOf, legendRanges, metricDef, METRICS, NO_DATA_COLOR, RAMP_GOOD_TO_BAD, rampFor, valueAt, type AreaColumns } from './result-classes.ts'

const RED = RAMP_GOOD_TO_BAD[RAMP_GOOD_TO_BAD.length - 1]
const GREEN = RAMP_GOOD_TO_BAD[0]

function cols(n: number, f: (k: number) => Partial<Record<keyof AreaColumns, number | null>> = () => ({})): AreaColumns {
  const rows = Array.from({ length: n }, (_, k) => ({
    households: 400, workers: 1, householdsPerWorker: 400, arisen: 10, known: 8, closed: 6, discovery: 0.8, proactive: 0.3, resolution: 0.7, satisfaction: 0.6, meanHoursToClose: 20, p90HoursToClose: 10 + k,
    ...f(k),
  }))
  const col = (key: string) => rows.map((r) => (r as Record<string, number | null>)[key])
  return { ids: rows.map((_, k) => `g${k}`), ...Object.fromEntries(Object.keys(rows[0]).map((k) => [k, col(k)])) } as unknown as AreaColumns
}

describe('result map classes', () => {
  it('quantile breaks split the values into equal-count classes and skip repeats and the maximum', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(classBreaks(xs, {})).toEqual([20, 40, 60, 80])
    const counts = [0, 0, 0, 0, 0]
    const b = classBreaks(xs, {})
    for (const x of xs) counts[classOf(x, b)]++
    expect(counts).toEqual([20, 20, 20, 20, 20])
    expect(classBreaks([1, 1, 1, 1, 2], {})).toEqual([1])
    expect(classBreaks([5, 5, 5], {})).toEqual([])
    expect(classBreaks([null, 3, null], {})).toEqual([])
  })

  it('fixed breaks win over quantiles (households per worker around the 300–500 norm)', () => {
    expect(classBreaks([1, 2, 3], metricDef('householdsPerWorker'))).toEqual([300, 400, 500, 700])
    expect(classOf(300, [300, 400])).toBe(0)
    expect(classOf(301, [300, 400])).toBe(1)
    expect(classOf(9999, [300, 400])).toBe(2)
  })

  it('red sits on the bad end for each direction, even with few classes', () => {
    for (const n of [1, 2, 3, 5]) expect(rampFor('up-bad', n)).toHaveLength(n)
    expect(rampFor('up-bad', 5).at(-1)).toBe(RED)
    expect(rampFor('up-bad', 2)).toEqual([GREEN, RED])
    expect(rampFor('up-good', 5)[0]).toBe(RED)
    expect(rampFor('up-good', 3)).toEqual([RED, RAMP_GOOD_TO_BAD[2], GREEN])
    expect(rampFor('neutral', 5)).not.toContain(RED)
    expect(metricDef('p90HoursToClose').direction).toBe('up-bad')
    expect(metricDef('satisfaction').direction).toBe('up-good')
    expect(METRICS.map((m) => m.key)).toContain('knownPer1000')
    expect(NO_DATA_COLOR).not.toBe(RED)
  })

  it('classifies a column: the slowest grid is red for P90, the least satisfied is red for satisfaction, nulls are no data', () => {
    const c = cols(10, (k) => ({ p90HoursToClose: k === 3 ? null : 10 + k, satisfaction: k / 10 }))
    const p90 = classify(c, 'p90HoursToClose')
    expect(p90.noData).toBe(1)
    expect(p90.classes[3]).toBe(-1)
    expect(p90.colors[p90.classes[9]]).toBe(RED)
    expect(p90.colors[p90.classes[0]]).toBe(GREEN)
    expect(p90.counts.reduce((a, b) => a + b, 0)).toBe(9)
    const sat = classify(c, 'satisfaction')
    expect(sat.colors[sat.classes[0]]).toBe(RED)
    expect(sat.colors[sat.classes[9]]).toBe(GREEN)
  })

  it('derives issues known per 1,000 households and reports every column of an area', () => {
    const c = cols(2, (k) => ({ households: k ? 0 : 500, known: 20 }))
    expect(valueAt(c, 'knownPer1000', 0)).toBe(40)
    expect(valueAt(c, 'knownPer1000', 1)).toBeNull()
    const row = areaRow(c, 'g1')!
    expect(row.find((r) => r.key === 'p90HoursToClose')!.value).toBe(11)
    expect(row.find((r) => r.key === 'knownPer1000')!.value).toBeNull()
    expect(areaRow(c, 'nope')).toBeNull()
  })

  it('legend ranges read low to high, one per class', () => {
    expect(legendRanges([0.5, 0.8], 'share', 'en')).toEqual(['≤ 50 %', '50 % – 80 %', '> 80 %'])
    expect(legendRanges([24], 'hours', 'en')).toEqual(['≤ 24 h', '> 24 h'])
  })
})
