import type { Feature } from 'geojson'
import { describe, expect, it } from 'vitest'
import { drawable, positionsOf } from '../layers/imported-sample.ts'
import { packFeatures, SLICE, unpackAll, Unpacker } from './packed-layer.ts'

const ring = [[116, 39], [116.01, 39], [116.01, 39.01], [116, 39]]
const all: Feature[] = [
  { type: 'Feature', properties: { name: '<b>点</b>', n: 1 }, geometry: { type: 'Point', coordinates: [116.123456789, 39.987654321] } },
  { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] } },
  { type: 'Feature', properties: { k: null }, geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4], [5, 6]] } },
  { type: 'Feature', properties: null, geometry: { type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] } },
  { type: 'Feature', properties: { 名称: '网格' }, geometry: { type: 'Polygon', coordinates: [ring, ring] } },
  { type: 'Feature', properties: { a: [1, 2] }, geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] } },
]

describe('packed layers', () => {
  it('round-trips every simple geometry type and the properties exactly', async () => {
    const p = packFeatures(all)
    expect(p.n).toBe(6)
    expect(p.points).toBe(all.reduce((s, f) => s + positionsOf(f.geometry), 0))
    expect(await unpackAll(p)).toEqual(all)
  })

  it('decodes in slices across property slices, and a large layer stays two typed arrays and a Blob', async () => {
    const n = SLICE * 2 + 123
    const fs: Feature[] = Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [116 + i * 1e-6, 39] } }))
    const p = packFeatures(fs)
    expect(p.propsAt.length).toBe(4)
    expect(p.props.size).toBe(p.propsAt[3])
    expect(p.coords.length).toBe(n * 2)
    const u = new Unpacker(p)
    const out: Feature[] = []
    while (!u.done) out.push(...(await u.next(777)))
    expect(out.length).toBe(n)
    expect(out[n - 1]).toEqual(fs[n - 1])
    expect(out[SLICE]).toEqual(fs[SLICE])
  })

  it('the map gets a sample of what it cannot draw, and everything when it can', () => {
    const fs: Feature[] = Array.from({ length: 1000 }, (_, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [i, 0] } }))
    expect(drawable(fs, 1000).step).toBe(1)
    const d = drawable(fs, 300)
    expect(d.step).toBe(4)
    expect(d.points).toBe(1000)
    expect(d.features.length).toBe(250)
    expect(d.features[1].properties).toEqual({ name: '', id: '', _layer: undefined, _file: undefined }) // only what the map shows
  })
})
