import { describe, expect, it } from 'vitest'
import { buildWorld, type ImportResult } from '../../sim/api.ts'
import { mergeImport } from './import-merge.ts'
import type { Doc } from '../store/store.ts'

const world = buildWorld({ preset: 'street', seed: 1 })
const doc: Doc = { grids: world.grids.features, imported: [] } as unknown as Doc
const ok = (layer: string, features: unknown[]) => ({ ok: true, file: 'f.geojson', layer, features, issues: [], crs: { applied: 'wgs84' } }) as unknown as Extract<ImportResult, { ok: true }>

describe('mergeImport', () => {
  it('places a grid without a known community by where it lies and renames a clashing id', () => {
    const existing = world.grids.features[0]
    const r = mergeImport(doc, world, ok('grids', [{ type: 'Feature', geometry: existing.geometry, properties: { id: existing.properties.id, community: 'nowhere' } }]))
    expect(r.grids).toHaveLength(doc.grids.length + 1)
    const added = r.grids[r.grids.length - 1]
    expect(added.properties.id).toBe(`${existing.properties.id}-2`)
    expect(added.properties.community).toBe(existing.properties.community)
    expect(added.properties.layer).toBe('governance')
    expect(r.imported).toHaveLength(0)
  })

  it('stores imported grid coordinates at the documented precision (7 decimals)', () => {
    const g = world.grids.features[0].geometry as { type: 'Polygon'; coordinates: number[][][] }
    const noisy = { type: 'Polygon', coordinates: [g.coordinates[0].map(([x, y]) => [x + 1.23456789e-9, y - 9.87654321e-10])] }
    const r = mergeImport(doc, world, ok('grids', [{ type: 'Feature', geometry: noisy, properties: { id: 'noisy' } }]))
    const ring = (r.grids[r.grids.length - 1].geometry as { coordinates: number[][][] }).coordinates[0]
    for (const [x, y] of ring) for (const v of [x, y]) expect(v).toBe(Math.round(v * 1e7) / 1e7)
    expect(ring).toEqual(g.coordinates[0])
  })

  it('keeps a grid outside every community, and any other layer, as a tagged overlay', () => {
    const far = { type: 'Polygon', coordinates: [[[10, 10], [10.01, 10], [10.01, 10.01], [10, 10]]] }
    const r = mergeImport(doc, world, ok('grids', [{ type: 'Feature', geometry: far, properties: { id: 'x' } }]))
    expect(r.grids).toHaveLength(doc.grids.length)
    expect(r.imported[0].properties).toMatchObject({ _layer: 'grids', _file: 'f.geojson', id: 'x' })
    const b = mergeImport(doc, world, ok('buildings', [{ type: 'Feature', geometry: far, properties: { name: 'b' } }]))
    expect(b.imported[0].properties).toMatchObject({ _layer: 'buildings', name: 'b' })
  })
})
