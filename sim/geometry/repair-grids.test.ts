import { describe, expect, it } from 'vitest'
import { at, rect } from '../../test/support/shapes.ts'
import { difference, intersect, unionAll } from './clip.ts'
import { areaM2, type Polys } from './measure.ts'
import { pointInPolys } from './partition.ts'
import { repairGrids } from './repair-grids.ts'

const houses = (x0: number, x1: number, n: number, each: number) => Array.from({ length: n }, (_, i) => ({ pos: at(x0 + ((i + 0.5) * (x1 - x0)) / n, 50), households: each }))
const hhIn = (g: Polys, bs: { pos: number[]; households: number }[]) => bs.reduce((s, b) => s + (pointInPolys(b.pos, g) ? b.households : 0), 0)

describe('repairGrids', () => {
  const community = rect(0, 0, 300, 100)

  it('shares a gap among its neighbours by border when one alone would break the household band', () => {
    // A and B hold 450 households each; the 100 m gap between them holds 100 more
    const buildings = [...houses(0, 100, 9, 50), ...houses(100, 200, 4, 25), ...houses(200, 300, 9, 50)]
    const r = repairGrids(community, [rect(0, 0, 100, 100), rect(200, 0, 300, 100)], ['A', 'B'], { buildings })
    expect(r.steps).toEqual([expect.objectContaining({ kind: 'shared-piece', grids: [0, 1] })])
    expect(areaM2(difference(community, unionAll(r.grids)))).toBeLessThan(1)
    expect(areaM2(intersect(r.grids[0], r.grids[1]))).toBeLessThan(1)
    for (const g of r.grids) expect(hhIn(g, buildings)).toBeLessThanOrEqual(500)
    // equal shared borders: about equal shares
    expect(areaM2(r.grids[0])).toBeCloseTo(areaM2(r.grids[1]), -3)
  })

  it('gives a gap whole to the longest border when the band allows it', () => {
    const buildings = [...houses(0, 100, 4, 80), ...houses(200, 300, 9, 50)]
    const r = repairGrids(community, [rect(0, 0, 100, 100), rect(200, 0, 300, 100)], ['A', 'B'], { buildings })
    expect(r.steps).toEqual([expect.objectContaining({ kind: 'took-piece' })])
    expect(r.actions[0]).toMatch(/grid [AB]: took a/)
  })

  it('merges a sliver grid without households into its neighbour instead of leaving it', () => {
    const buildings = houses(0, 290, 10, 40)
    const r = repairGrids(community, [rect(0, 0, 296, 100), rect(296, 0, 300, 100)], ['A', 'S'], { buildings })
    expect(r.grids[1]).toEqual([])
    expect(r.steps).toContainEqual(expect.objectContaining({ kind: 'merged-sliver', grid: 1, into: 0 }))
    expect(areaM2(r.grids[0])).toBeCloseTo(areaM2(community), -1)
  })
})
