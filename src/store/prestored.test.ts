// The document holds imported layers packed; a save lists a stored layer by its id and writes only what is new, and a
// layer whose transaction failed is written again.
import type { Feature } from 'geojson'
import { describe, expect, it } from 'vitest'
import { packFeatures } from './packed-layer.ts'
import { layersOf, markStored, storedAs } from './persist.ts'

const layer = (n: number): Feature[] => Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { i, _file: 'f.geojson' }, geometry: { type: 'Point', coordinates: [116 + i * 1e-4, 39.8] } }))

describe('layers of the document as the store lists them', () => {
  it('a layer the import worker stored is referenced under its id and not handed back to be written', () => {
    const p = packFeatures(layer(50))
    storedAs(p, 'P1:Lworker')
    const { refs, fresh } = layersOf('P1', [p])
    expect(fresh).toEqual([])
    expect(refs).toEqual([{ id: 'P1:Lworker', n: 50, points: 50, file: 'f.geojson' }])
  })

  it('a layer of another project is written anew under this one', () => {
    const p = packFeatures(layer(20))
    storedAs(p, 'OTHER:L1')
    const { refs, fresh } = layersOf('P2', [p])
    expect(fresh).toHaveLength(1)
    expect(fresh[0].packed).toBe(p)
    expect(refs[0].id).toMatch(/^P2:L/)
  })

  it('a new layer gets one id and keeps it across saves until it is written', () => {
    const a = packFeatures(layer(3))
    const b = packFeatures(layer(4))
    const first = layersOf('P3', [a, b])
    expect(first.fresh.map((l) => l.packed)).toEqual([a, b])
    const again = layersOf('P3', [b, a])
    expect(again.refs.map((r) => r.id)).toEqual([first.refs[1].id, first.refs[0].id])
    expect(again.refs.map((r) => r.n)).toEqual([4, 3])
  })
})

describe('layers counted as stored only once their transaction commits', () => {
  it('a layer whose transaction failed is handed back to be written by the next save', async () => {
    const p = packFeatures(layer(5))
    const first = layersOf('P4', [p])
    expect(first.fresh).toHaveLength(1)
    const id = first.refs[0].id
    let fail!: (e: Error) => void
    markStored([id], new Promise((_, reject) => (fail = reject)))
    // queued: a save issued meanwhile does not write it twice
    expect(layersOf('P4', [p]).fresh).toEqual([])
    fail(new Error('QuotaExceededError'))
    await new Promise((r) => setTimeout(r, 0))
    const again = layersOf('P4', [p])
    expect(again.fresh.map((l) => l.id)).toEqual([id])
  })

  it('a layer whose transaction committed stays stored', async () => {
    const p = packFeatures(layer(6))
    const id = layersOf('P5', [p]).refs[0].id
    markStored([id], Promise.resolve())
    await new Promise((r) => setTimeout(r, 0))
    expect(layersOf('P5', [p]).fresh).toEqual([])
  })
})
