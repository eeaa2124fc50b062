import { describe, expect, it } from 'vitest'
import type { SimResult } from '../../sim/api.ts'
import { areaDiff, diffLegendRanges, diffText, DIVERGING, hasAreas, meanByArea, rampDiverging } from './area-diff.ts'
import type { AreaColumns } from './result-classes.ts'

/** a run whose grids have these P90 times and resolution shares (null: nothing to measure there) */
function run(seed: number, p90: (number | null)[], resolution: (number | null)[] = p90.map(() => 0.5), ids = p90.map((_, k) => `g${k}`)): SimResult {
  const n = ids.length
  const z = () => Array.from({ length: n }, () => 1)
  const cols = { ids, households: z(), workers: z(), householdsPerWorker: z(), arisen: z(), known: z(), closed: z(), discovery: z(), proactive: z(), resolution, satisfaction: z(), meanHoursToClose: z(), p90HoursToClose: p90 } as unknown as AreaColumns
  return { seed, byGrid: cols, byCommunity: cols } as unknown as SimResult
}

describe('comparison map: B − A per area', () => {
  it('averages each area over the seeds that measured it, skipping missing values', () => {
    const m = meanByArea([run(1, [10, null, 4]), run(2, [20, 6, null])], 'grid', 'p90HoursToClose')
    expect([...m]).toEqual([['g0', 15], ['g1', 6], ['g2', 4]])
    expect(hasAreas([run(1, [1])], 'grid')).toBe(true)
    expect(hasAreas([{ seed: 1 } as SimResult], 'grid')).toBe(false)
    expect(hasAreas([], 'grid')).toBe(false)
  })

  it('differences B − A with symmetric breaks: zero lands in the middle class, the largest change in an end class', () => {
    const a = [run(1, [10, 10, 10, 10, 10]), run(2, [10, 10, 10, 10, 10])]
    const b = [run(1, [10, 17, 3, 10.2, null]), run(2, [10, 17, 3, 9.8, null])]
    const d = areaDiff(a, b, 'grid', 'p90HoursToClose')
    expect(d.ids).toEqual(['g0', 'g1', 'g2', 'g3', 'g4'])
    expect(d.diffs.map((x) => (x === null ? null : Math.round(x * 10) / 10))).toEqual([0, 7, -7, 0, null])
    // max |change| 7 → step 2 (nice, ≥ 7/3.5): bounds ±1, ±3, ±5
    expect(d.breaks).toEqual([-5, -3, -1, 1, 3, 5])
    expect(d.classes).toEqual([3, 6, 0, 3, -1])
    expect(d.noData).toBe(1)
    expect(d.counts).toEqual([1, 0, 0, 2, 0, 0, 1])
    // P90 up is worse: the rise is red, the fall blue, no change the neutral middle
    expect(d.colors[d.classes[1]]).toBe(DIVERGING[6])
    expect(d.colors[d.classes[2]]).toBe(DIVERGING[0])
    expect(d.colors[3]).toBe('#f7f7f7')
  })

  it('for a higher-is-better share a fall is red, and the legend reads in percentage points with 0 in the middle', () => {
    const a = [run(1, [1, 1], [0.8, 0.5])]
    const b = [run(1, [1, 1], [0.6, 0.5])]
    const d = areaDiff(a, b, 'grid', 'resolution')
    expect(d.colors).toEqual(rampDiverging('up-good', 7))
    expect(d.classes[0]).toBe(1) // −20 pp in (−25, −15]
    expect(d.colors[d.classes[0]]).toBe(DIVERGING[5]) // on the red side
    expect(d.colors[0]).toBe(DIVERGING[6])
    const rows = diffLegendRanges(d.breaks, 'share', 'zh-CN', '个百分点')
    expect(rows).toHaveLength(7)
    expect(rows[3]).toBe('0（±5 个百分点）')
    expect(rows[0]).toBe('≤ −25 个百分点')
    expect(rows[6]).toBe('> +25 个百分点')
    expect(diffLegendRanges(d.breaks, 'share', 'en', 'pp')[3]).toBe('0 (±5 pp)')
    expect(diffText(1234.5, 'hours', 'en', 'pp')).toBe('+1,234.5 h')
  })

  it('areas only one side has, and no change anywhere, are handled', () => {
    const d = areaDiff([run(1, [5], undefined, ['x'])], [run(1, [5, 9], undefined, ['x', 'y'])], 'grid', 'p90HoursToClose')
    expect(d.ids).toEqual(['x', 'y'])
    expect(d.diffs).toEqual([0, null])
    expect(d.breaks).toEqual([])
    expect(d.classes).toEqual([0, -1])
    expect(diffLegendRanges(d.breaks, 'hours', 'en', 'pp')).toEqual(['0'])
  })
})
