// A preset project of city size stores its grids as changes to the rebuilt world; the changes are applied only to
// the grids they were made against, never silently to another version's world.
import { describe, expect, it } from 'vitest'
import { gridDelta } from './journal.ts'
import { BaseMissingError, basePrintOf, setBaseGrids, storedGrids, type StoredProject } from './persist.ts'
import type { GridFeature } from './store.ts'

const grid = (i: number, x = 116 + (i % 100) * 1e-3): GridFeature =>
  ({ type: 'Feature', properties: { id: `G${i}`, community: `C${Math.floor(i / 10)}`, name: `G${i}` }, geometry: { type: 'Polygon', coordinates: [[[x, 39.8], [x + 5e-4, 39.8], [x + 5e-4, 39.8005], [x, 39.8]]] } }) as unknown as GridFeature
const grids = (n: number, shift = 0) => Array.from({ length: n }, (_, i) => grid(i, 116 + (i % 100) * 1e-3 + shift))
const project = (over: Partial<StoredProject>): StoredProject => ({ id: 'P', name: '城里', preset: 'city', seed: 1, doc: { grids: [], imported: [] }, updated: 0, ...over })

describe('grids stored as changes to a rebuilt world', () => {
  const base = grids(6000)
  setBaseGrids('city', 1, base)
  const edited = base.filter((g) => g.properties.id !== 'G3').map((g) => (g.properties.id === 'G7' ? grid(7, 117) : g))
  const delta = gridDelta(base, edited)!

  it('are rebuilt from the same base with the edits applied', () => {
    const stored = project({ baseDelta: delta, basePrint: basePrintOf('city', 1) })
    const back = storedGrids(stored)
    expect(back.length).toBe(5999)
    expect(back.some((g) => g.properties.id === 'G3')).toBe(false)
    expect(back.find((g) => g.properties.id === 'G7')?.geometry).toEqual(grid(7, 117).geometry)
  })

  it('are refused, in words, when the base world changed since they were saved', () => {
    setBaseGrids('city', 2, grids(6000, 1e-5)) // "another version's generator": same ids, other shapes
    expect(() => storedGrids(project({ seed: 2, baseDelta: delta, basePrint: basePrintOf('city', 1) }))).toThrow(/城里/)
  })

  it('say so when the page has not built the base', () => {
    expect(() => storedGrids(project({ seed: 3, baseDelta: delta, basePrint: basePrintOf('city', 1) }))).toThrow(BaseMissingError)
  })

  it('are not used for a world small enough to store whole', () => {
    setBaseGrids('street', 1, grids(200))
    expect(() => storedGrids(project({ preset: 'street', baseDelta: delta, basePrint: 'x' }))).toThrow(BaseMissingError)
  })
})
