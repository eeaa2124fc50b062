// The journal's pure parts: deltas restore the exact document (order included), replay follows the revision
// chain and refuses records a stale tab wrote, and layer segments reuse stored layers.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyGridDelta, gridDelta, replay, unreferenced, type JournalRecord, type ProjectState } from './journal.ts'
import type { GridFeature } from './store.ts'

const grid = (id: string, v = 0): GridFeature => ({ type: 'Feature', properties: { id, name: id, community: 'c1', v } as unknown as GridFeature['properties'], geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } })
const ids = (gs: readonly GridFeature[]) => gs.map((g) => g.properties.id)

describe('edit journal', () => {
  it('a delta replays to exactly the edited document, order included, and is empty when nothing changed', () => {
    const a = [grid('a'), grid('b'), grid('c'), grid('d')]
    expect(gridDelta(a, a)).toBeNull()
    expect(gridDelta(a, a.slice())).toBeNull()
    // edit b, delete c, add e: no order needed
    const next = [a[0], grid('b', 1), a[3], grid('e')]
    const d = gridDelta(a, next)!
    expect(ids(d.put)).toEqual(['b', 'e'])
    expect(d.del).toEqual(['c'])
    expect(d.order).toBeUndefined()
    expect(applyGridDelta(a, d)).toEqual(next)
    // a split that puts its halves where the old grid was needs the order
    const split = [a[0], grid('b1'), grid('b2'), a[2], a[3]]
    const d2 = gridDelta(a, split)!
    expect(d2.order).toEqual(['a', 'b1', 'b2', 'c', 'd'])
    expect(applyGridDelta(a, d2)).toEqual(split)
  })

  it('any sequence of edits replays from the snapshot to the same grids', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('add'), at: fc.nat(20) }),
      fc.record({ k: fc.constant('del'), at: fc.nat(20) }),
      fc.record({ k: fc.constant('edit'), at: fc.nat(20) }),
      fc.record({ k: fc.constant('move'), at: fc.nat(20) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let doc = [grid('a'), grid('b'), grid('c')]
        const snapshot: ProjectState = { rev: 7, writer: 'w', grids: doc, layers: [], name: 'p' }
        const records: JournalRecord[] = []
        let n = 0
        for (const o of ops) {
          const next = doc.slice()
          const i = next.length ? o.at % next.length : 0
          if (o.k === 'add') next.splice(i, 0, grid(`n${n++}`))
          else if (o.k === 'del' && next.length) next.splice(i, 1)
          else if (o.k === 'edit' && next.length) next[i] = grid(next[i].properties.id, n++)
          else if (o.k === 'move' && next.length > 1) next.push(next.splice(i, 1)[0])
          const d = gridDelta(doc, next)
          if (d) records.push({ pid: 'p', rev: 8 + records.length, writer: 'w', after: 'w', at: 0, grids: d })
          doc = next
        }
        const { state, applied, stale } = replay(snapshot, records)
        expect(stale).toEqual([])
        expect(applied).toBe(records.length)
        expect(state.grids).toEqual(doc)
      }),
      { numRuns: 300 },
    )
  })

  it('refuses records a stale tab wrote: at or below the snapshot, or after a gap', () => {
    const snap: ProjectState = { rev: 5, writer: 'B', grids: [grid('a')], layers: [], name: 'p' }
    const rec = (rev: number, id: string, writer = 'B', after = 'B'): JournalRecord => ({ pid: 'p', rev, writer, after, at: 0, grids: { put: [grid(id)], del: [] } })
    const { state, applied, stale } = replay(snap, [rec(7, 'x'), rec(4, 'old'), rec(6, 'b'), rec(9, 'gap')])
    expect(applied).toBe(2)
    expect(state.rev).toBe(7)
    expect(ids(state.grids)).toEqual(['a', 'b', 'x'])
    expect(stale.map((r) => r.rev).sort()).toEqual([4, 9])
    // tab A lost the project to B (B compacted to 5) and writes on as if it still followed its own rev 4
    const r2 = replay(snap, [rec(6, 'fromA', 'A', 'A'), rec(7, 'fromA2', 'A', 'A')])
    expect(r2.applied).toBe(0)
    expect(ids(r2.state.grids)).toEqual(['a'])
    // B taking over from A follows A's last revision
    const r3 = replay({ ...snap, writer: 'A' }, [rec(6, 'b', 'B', 'A')])
    expect(r3.applied).toBe(1)
  })

  it('carries renames, analysis and the layer list through replay', () => {
    const snap: ProjectState = { rev: 0, writer: '', grids: [], layers: [], name: 'p' }
    const L = { id: 'p:L1', n: 3, points: 3, file: 'roads.geojson' }
    const { state } = replay(snap, [
      { pid: 'p', rev: 1, writer: 'w', after: '', at: 0, layers: [L] },
      { pid: 'p', rev: 2, writer: 'w', after: 'w', at: 0, name: '方案乙' },
    ])
    expect(state.layers).toEqual([L])
    expect(state.name).toBe('方案乙')
  })

  it('drops stored layers the snapshot no longer lists', () => {
    expect(unreferenced(['A', 'B', 'C'], ['B'])).toEqual(['A', 'C'])
  })
})
