import { describe, expect, it } from 'vitest'
import type { Position } from 'geojson'
import { difference, intersect, unionAll } from './clip.ts'
import { areaM2, type Polys } from './measure.ts'
import { roundPolys, roundPosition } from './precision.ts'
import { diffRing, editShared, moveEdge, nodedRing, nodeGrids } from './topology.ts'
import { validateCommunity } from './validate-community.ts'

const X = 116.3
const Y = 39.8
const D = 0.001
/** an axis-aligned rectangle in grid units (counter-clockwise, closed) */
const rect = (x0: number, y0: number, x1: number, y1: number): Polys => roundPolys([[[
  [X + x0 * D, Y + y0 * D], [X + x1 * D, Y + y0 * D], [X + x1 * D, Y + y1 * D], [X + x0 * D, Y + y1 * D], [X + x0 * D, Y + y0 * D],
]]])
const at = (x: number, y: number): Position => roundPosition([X + x * D, Y + y * D])
const has = (g: Polys, p: Position) => g[0][0].some((q) => Math.abs(q[0] - p[0]) < 1e-9 && Math.abs(q[1] - p[1]) < 1e-9)
const overlapM2 = (gs: Polys[]) => gs.reduce((s, g, i) => s + gs.slice(i + 1).reduce((t, h) => t + areaM2(intersect(g, h)), 0), 0)

describe('grid topology', () => {
  it('moves a corner shared by three grids in all three, leaving neither gap nor overlap', () => {
    // two squares below, one wide grid above with a vertex at (1,1) where all three meet
    const top: Polys = [[[at(0, 1), at(1, 1), at(2, 1), at(2, 2), at(0, 2), at(0, 1)]]]
    const grids = [rect(0, 0, 1, 1), rect(1, 0, 2, 1), top]
    const outline = rect(0, 0, 2, 2)
    const ring = nodedRing(grids, 0)
    const moved = ring.map((p) => (has([[[p]]], at(1, 1)) ? at(0.8, 0.7) : p))
    const out = editShared(grids, 0, moved)
    for (const g of out) expect(has(g, at(0.8, 0.7))).toBe(true)
    expect(overlapM2(out)).toBeLessThan(0.01)
    expect(Math.abs(areaM2(unionAll(out)) - areaM2(outline))).toBeLessThan(0.01)
  })

  it('carries a T-junction: a grid whose edge passes through the moved corner follows it', () => {
    // A is the left column; B and C stack on its right and meet at (1,1), mid-way along A's right edge
    const grids = [rect(0, 0, 1, 2), rect(1, 0, 2, 1), rect(1, 1, 2, 2)]
    expect(has(grids[0], at(1, 1))).toBe(false)
    const noded = nodeGrids(grids)
    expect(has(noded[0], at(1, 1))).toBe(true) // the junction is now a vertex of A
    expect(areaM2(noded[0])).toBeCloseTo(areaM2(grids[0]), 6) // noding changes no shape
    const ring = nodedRing(grids, 1)
    const out = editShared(grids, 1, ring.map((p) => (has([[[p]]], at(1, 1)) ? at(1.3, 1.2) : p)))
    for (const g of out) expect(has(g, at(1.3, 1.2))).toBe(true)
    expect(overlapM2(out)).toBeLessThan(0.01)
    // the three still tile the same outline: no gap left between A and the others
    expect(areaM2(difference(rect(0, 0, 2, 2), unionAll(out)))).toBeLessThan(0.01)
  })

  it('inserts a vertex added on a shared edge into the neighbour too, and leaves other grids untouched', () => {
    const grids = [rect(0, 0, 1, 1), rect(1, 0, 2, 1), rect(5, 5, 6, 6)]
    const ring = nodedRing(grids, 0)
    // the edge (1,0)→(1,1) of the first grid gets a new vertex pulled outward
    const i = ring.findIndex((p) => has([[[p]]], at(1, 0)))
    const next = [...ring.slice(0, i + 1), at(1.2, 0.5), ...ring.slice(i + 1)]
    expect(diffRing(ring, next)).toMatchObject({ kind: 'insert' })
    const out = editShared(grids, 0, next)
    expect(has(out[1], at(1.2, 0.5))).toBe(true)
    expect(out[2]).toBe(grids[2])
    expect(overlapM2(out)).toBeLessThan(0.01)
  })

  it('removes a deleted shared vertex on both sides', () => {
    const grids = nodeGrids([rect(0, 0, 1, 2), rect(1, 0, 2, 1), rect(1, 1, 2, 2)])
    // delete the junction (1,1) from B: B's edge becomes (1,0)→(2,1)... the junction leaves A and C as well
    const ring = nodedRing(grids, 1)
    const out = editShared(grids, 1, ring.filter((p) => !has([[[p]]], at(1, 1))))
    for (const g of out) expect(has(g, at(1, 1))).toBe(false)
  })

  it('reads moves, insertions and removals from a ring pair', () => {
    const r = rect(0, 0, 1, 1)[0][0]
    expect(diffRing(r, r)).toEqual({ kind: 'move', moves: [] })
    const m = r.map((p, i) => (i === 2 ? at(1.5, 1.5) : p))
    expect(diffRing(r, m)).toEqual({ kind: 'move', moves: [[r[2], at(1.5, 1.5)]] })
    expect(diffRing(r, [r[0], r[1], r[3], r[0]])).toMatchObject({ kind: 'remove', v: r[2] })
    expect(diffRing(r, [r[0], r[2], r[0]])).toEqual({ kind: 'other' })
  })

  it('drags a whole shared edge: both ends move in every grid that uses them, T-junction neighbours too, and nothing new is found', () => {
    // A is the left column; B and C stack on its right and meet at (1,1), mid-way along A's right edge
    const grids = [rect(0, 0, 1, 2), rect(1, 0, 2, 1), rect(1, 1, 2, 2)]
    const community = { id: 'C', geometry: rect(0, 0, 2, 2) }
    const buildings = [at(0.3, 1.5), at(1.5, 0.5), at(1.5, 1.5)].map((pos, i) => ({ id: `B${i}`, pos, households: 400 }))
    const check = (gs: Polys[]) => validateCommunity(community, gs.map((geometry, i) => ({ id: `G${i}`, geometry })), buildings)
    expect(check(grids)).toEqual([])
    // B's left edge, (1,0)→(1,1): only half of A's right edge, whose middle is C's corner
    const ring = nodedRing(grids, 1)
    const i = ring.findIndex((p, k) => k < ring.length - 1 && [p, ring[k + 1]].every((q) => has([[[q]]], at(1, 0)) || has([[[q]]], at(1, 1))))
    expect(i).toBeGreaterThanOrEqual(0)
    const moved = moveEdge(ring, i, [-0.2 * D, 0])
    const change = diffRing(ring, moved)
    expect(change.kind === 'move' && change.moves.map(([, to]) => to)).toEqual(expect.arrayContaining([at(0.8, 0), at(0.8, 1)]))
    expect(change.kind === 'move' && change.moves.length).toBe(2)
    const out = editShared(grids, 1, moved)
    for (const g of [out[0], out[1]]) for (const p of [at(0.8, 0), at(0.8, 1)]) expect(has(g, p)).toBe(true)
    expect(has(out[2], at(0.8, 1))).toBe(true) // C met the edge only at its corner, and follows it
    for (const g of out) expect(has(g, at(1, 1)) || has(g, at(1, 0))).toBe(false)
    expect(overlapM2(out)).toBeLessThan(0.01)
    expect(areaM2(difference(community.geometry, unionAll(out)))).toBeLessThan(0.01)
    expect(check(out)).toEqual([])
  })

  it('moves the closing edge of a ring and keeps the ring closed', () => {
    const r = rect(0, 0, 1, 1)[0][0]
    const m = moveEdge(r, r.length - 2, [0, -0.5 * D]) // the last segment runs back to the first vertex
    expect(m).toHaveLength(r.length)
    expect(m[0]).toEqual(m[m.length - 1])
    expect(m[0]).toEqual(at(0, -0.5))
    expect(m[m.length - 2]).toEqual(at(0, 0.5))
    expect(moveEdge(r, 99, [1, 1])).toEqual(r)
  })
})
