import type { Feature } from 'geojson'
import { describe, expect, it } from 'vitest'
import { drawable, locate, positionsOf } from '../layers/imported-sample.ts'
import { codeAt, featureAt, packFeatures, propsOf, SLICE, startsOf, unpackAll, Unpacker } from './packed-layer.ts'

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

  it('decodes one feature alone, and its properties without its geometry', async () => {
    const p = packFeatures([...all, ...all])
    for (let i = 0; i < p.n; i++) expect(await featureAt(p, i)).toEqual(all[i % all.length])
    expect(await propsOf(p, 4)).toEqual({ 名称: '网格' })
    expect(codeAt(p, 11)).toBe('MultiPolygon')
    expect(startsOf(p).k[p.n]).toBe(p.points * 2)
  })

  it('the map gets a sample of what it cannot draw, and everything when it can', async () => {
    const fs: Feature[] = Array.from({ length: 1000 }, (_, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [i, 0] } }))
    const p = packFeatures(fs)
    expect((await drawable([p], 1000)).step).toBe(1)
    const d = await drawable([p], 300)
    expect(d.step).toBe(4)
    expect(d.points).toBe(1000)
    // points go to deck.gl as positions with the index of their feature, not as features
    expect(d.features.length).toBe(0)
    expect(d.pts.length).toBe(250)
    expect([...d.pts.feature.slice(0, 3)]).toEqual([0, 4, 8])
    expect([...d.pts.positions.slice(2, 4)]).toEqual([4, 0])
    // across layers the step carries on and the index counts every layer before
    const two = await drawable([packFeatures(fs.slice(0, 10)), packFeatures(fs.slice(10, 1000))], 300)
    expect([...two.pts.feature]).toEqual([...d.pts.feature])
    expect(locate([packFeatures(fs.slice(0, 10)), p], 12)?.i).toBe(2)
  })

  it('the map draws points with deck.gl and the rest with MapLibre, a MultiPoint as one point per position', async () => {
    const line: Feature = { type: 'Feature', properties: { name: 'road', note: 'x' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }
    const multi: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[2, 2], [3, 3]] } }
    const pt: Feature = { type: 'Feature', properties: { 名称: 'a' }, geometry: { type: 'Point', coordinates: [5, 6] } }
    const d = await drawable([packFeatures([line, multi, pt])], 1000, 1)
    expect(d.step).toBe(1)
    expect(d.points).toBe(5)
    expect(d.features).toEqual([line]) // small layers keep every property
    expect([...d.pts.positions]).toEqual([2, 2, 3, 3, 5, 6])
    expect([...d.pts.feature]).toEqual([1, 1, 2])
    // beyond SLIM_ABOVE features MapLibre gets only what it shows
    const many = packFeatures(Array.from({ length: 6000 }, () => line))
    expect((await drawable([many], 1e9)).features[0].properties).toEqual({ name: 'road', id: '', _layer: undefined, _file: undefined })
  })
})
