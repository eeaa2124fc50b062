import { describe, expect, it } from 'vitest'
import { buildWorld, type ImportResult } from '../../sim/api.ts'
import { mergeImport } from './import-merge.ts'
import type { Doc } from '../store/store.ts'
import { featureAt } from '../store/packed-layer.ts'

const world = buildWorld({ preset: 'street', seed: 1 })
const doc: Doc = { grids: world.grids.features, imported: [] } as unknown as Doc
const ok = (layer: string, features: unknown[]) => ({ ok: true, file: 'f.geojson', layer, features, issues: [], crs: { applied: 'wgs84' } }) as unknown as Extract<ImportResult, { ok: true }>

describe('mergeImport', () => {
  it('places a grid without a known community by where it lies and renames a clashing id', () => {
    const existing = world.grids.features[0]
    const r = mergeImport(doc, world, ok('grids', [{ type: 'Feature', geometry: existing.geometry, properties: { id: existing.properties.id, community: 'nowhere' } }])).doc
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
    const ring = (r.doc.grids[r.doc.grids.length - 1].geometry as { coordinates: number[][][] }).coordinates[0]
    for (const [x, y] of ring) for (const v of [x, y]) expect(v).toBe(Math.round(v * 1e7) / 1e7)
    expect(ring).toEqual(g.coordinates[0])
  })

  it('keeps a grid outside every community, and any other layer, as a tagged overlay, packed', async () => {
    const far = { type: 'Polygon', coordinates: [[[10, 10], [10.01, 10], [10.01, 10.01], [10, 10]]] }
    const r = mergeImport(doc, world, ok('grids', [{ type: 'Feature', geometry: far, properties: { id: 'x' } }])).doc
    expect(r.grids).toHaveLength(doc.grids.length)
    expect(r.imported).toHaveLength(1)
    expect(r.imported[0].n).toBe(1)
    expect((await featureAt(r.imported[0], 0)).properties).toMatchObject({ _layer: 'grids', _file: 'f.geojson', id: 'x' })
    const b = mergeImport(doc, world, ok('buildings', [{ type: 'Feature', geometry: far, properties: { name: 'b' } }])).doc
    expect((await featureAt(b.imported[0], 0)).properties).toMatchObject({ _layer: 'buildings', name: 'b' })
  })

  it('replaces the grids of the communities the file covers, by community name, clipped so nothing overlaps', () => {
    const c = world.communities.features[0]
    const mine = doc.grids.filter((g) => g.properties.community === c.properties.id)
    // two grids that overlap each other and stick out of the community: the whole community's box, twice
    const box = bboxPoly(c.geometry)
    const r = mergeImport(doc, world, ok('grids', [
      { type: 'Feature', geometry: box, properties: { id: 'N1', community: c.properties.name, households: 420 } },
      { type: 'Feature', geometry: box, properties: { id: 'N2', community: c.properties.name } },
    ]), 'replace')
    expect(r.summary).toMatchObject({ removed: mine.length, reference: 0, dropped: 1 })
    expect(r.summary.added.get(c.properties.id)).toBe(1)
    const now = r.doc.grids.filter((g) => g.properties.community === c.properties.id)
    expect(now.map((g) => g.properties.id)).toEqual(['N1'])
    expect(now[0].properties).toMatchObject({ households: 420 })
    expect(r.doc.grids.length).toBe(doc.grids.length - mine.length + 1)
    const add = mergeImport(doc, world, ok('grids', [{ type: 'Feature', geometry: box, properties: { id: 'N1', community: c.properties.id } }]), 'add')
    expect(add.doc.grids.length).toBe(doc.grids.length + 1)
  })
})

function bboxPoly(g: { type: string; coordinates: unknown }) {
  const pts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][]
  const xs = pts.flat(2).map((p) => p[0])
  const ys = pts.flat(2).map((p) => p[1])
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] }
}
