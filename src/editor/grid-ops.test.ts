import { describe, expect, it } from 'vitest'
import { buildWorld } from '../../sim/api.ts'
import { polysOf } from '../store/geo.ts'
import type { Doc, GridFeature } from '../store/store.ts'
import { deleteGrids, editRing, mergeGridsOp, repairCommunity, splitGridOp } from './grid-ops.ts'

const sq = (id: string, x0: number, x1: number): GridFeature => ({
  type: 'Feature',
  properties: { id, name: id, community: 'C', type: 'comprehensive', layer: 'governance', partyBranch: true, workersFullTime: 1, workersPartTime: 0 },
  geometry: { type: 'Polygon', coordinates: [[[x0, 0], [x1, 0], [x1, 1], [x0, 1], [x0, 0]]] },
})
const doc = (): Doc => ({ grids: [sq('A', 0, 1), sq('B', 1, 2)], imported: [] })

describe('grid edits keep shared edges shared', () => {
  it('moving a shared vertex moves it in the neighbour too', () => {
    const d = doc()
    const ring = polysOf(d.grids[0].geometry)[0][0].map((p) => p.slice())
    ring[1] = [1.2, 0.1] // A's (1,0) corner, shared with B
    const next = editRing(d, 'A', ring)
    expect(polysOf(next.grids[1].geometry)[0][0]).toContainEqual([1.2, 0.1])
    expect(polysOf(next.grids[1].geometry)[0][0]).not.toContainEqual([1, 0])
    expect(d.grids[1].geometry).toEqual(sq('B', 1, 2).geometry) // old doc untouched (undo)
  })
  it('a vertex inserted on a shared edge is inserted in the neighbour', () => {
    const d = doc()
    const r = polysOf(d.grids[0].geometry)[0][0]
    const ring = [r[0], r[1], [1.3, 0.5], r[2], r[3], r[4]]
    const next = editRing(d, 'A', ring)
    const b = polysOf(next.grids[1].geometry)[0][0]
    expect(b).toContainEqual([1.3, 0.5])
    expect(b.length).toBe(6)
  })
  it('split and merge leave the neighbours as they were', () => {
    const d: Doc = { grids: [sq('A', 0, 1), sq('B', 1, 2), sq('N', 2, 3)], imported: [] }
    const s = splitGridOp(d, 'A', [0.5, -1], [0.5, 2])!
    expect(s.doc.grids.find((g) => g.properties.id === 'N')).toBe(d.grids[2])
    const m = mergeGridsOp(s.doc, ['B', ...s.ids])!
    expect(m.doc.grids.find((g) => g.properties.id === 'N')).toBe(d.grids[2])
  })
  it('split, merge and delete return new documents', () => {
    const d = doc()
    const s = splitGridOp(d, 'A', [0.5, -1], [0.5, 2])
    expect(s?.doc.grids.length).toBe(3)
    const m = mergeGridsOp(s!.doc, s!.ids)
    expect(m?.doc.grids.length).toBe(2)
    expect(deleteGrids(d, ['A']).grids.map((g) => g.properties.id)).toEqual(['B'])
    expect(d.grids.length).toBe(2)
  })
  it('repair closes the gap a deleted grid leaves in a generated community', () => {
    const w = buildWorld({ preset: 'street', seed: 1 })
    const c = w.communities.features[0].properties.id
    const d0: Doc = { grids: w.grids.features.slice() as GridFeature[], imported: [] }
    const victim = d0.grids.find((g) => g.properties.community === c)!
    const r = repairCommunity(deleteGrids(d0, [victim.properties.id]), w, c)
    expect(r).not.toBeNull()
    expect(r!.actions.join(' ')).toMatch(/gap/)
  })
})
