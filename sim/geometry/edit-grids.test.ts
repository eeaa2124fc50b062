import { describe, expect, it } from 'vitest'
import { at, rect } from '../../test/support/shapes.ts'
import { areaM2 } from './measure.ts'
import { mergeGrids, splitGrid } from './edit-grids.ts'

describe('splitGrid / mergeGrids', () => {
  it('splits a square into two complements and merges them back', () => {
    const sq = rect(0, 0, 200, 200)
    const parts = splitGrid(sq, at(100, -50), at(100, 250))
    expect(parts).not.toBeNull()
    const [l, r] = parts!
    expect(areaM2(l)).toBeCloseTo(areaM2(sq) / 2, -1)
    expect(areaM2(l) + areaM2(r)).toBeCloseTo(areaM2(sq), -1)
    const m = mergeGrids([l, r])
    expect(m.length).toBe(1)
    expect(areaM2(m)).toBeCloseTo(areaM2(sq), -1)
  })
  it('returns null when the line misses the grid', () => {
    expect(splitGrid(rect(0, 0, 100, 100), at(300, 0), at(300, 100))).toBeNull()
  })
})
