import { describe, expect, it } from 'vitest'
import type { Polygon } from 'geojson'
import { importFile, type ImportResult } from './index.ts'
import * as R from './reasons.ts'

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v))
// a ~100 m square in Fengtai, counter-clockwise
const SQ: number[][] = [[116.3, 39.85], [116.301, 39.85], [116.301, 39.851], [116.3, 39.851], [116.3, 39.85]]
const poly = (ring = SQ): Polygon => ({ type: 'Polygon', coordinates: [ring] })
const feature = (props: Record<string, unknown>, geometry: unknown = poly()) => ({ type: 'Feature', properties: props, geometry })
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features })
const GRID = { 网格名称: '网格 12', 网格编码: 'G12', 所属社区: 'C1' }

function errors(r: ImportResult) {
  expect(r.ok).toBe(false)
  return r.issues.filter((i) => i.severity === 'error')
}
function ok(r: ImportResult) {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
  return r
}

describe('GeoJSON envelopes', () => {
  it('reads a FeatureCollection and maps Chinese headers', async () => {
    const r = ok(await importFile('grids.geojson', enc(fc(feature(GRID))), { layer: 'grids', crs: 'wgs84' }))
    expect(r.layer).toBe('grids')
    expect(r.features).toHaveLength(1)
    expect(r.features[0].properties).toMatchObject({ id: 'G12', name: '网格 12', community: 'C1', type: 'comprehensive' })
    expect(r.mapping.mapped).toEqual({ id: '网格编码', name: '网格名称', community: '所属社区' })
    expect(r.crs).toMatchObject({ detected: 'wgs84', confidence: 'certain', applied: 'wgs84' })
  })

  it('reads a single Feature', async () => {
    const r = ok(await importFile('one.json', enc(feature(GRID)), { layer: 'grids', crs: 'wgs84' }))
    expect(r.features).toHaveLength(1)
  })

  it('reads a bare Polygon and generates an id', async () => {
    const r = ok(await importFile('bare.geojson', enc(poly()), { layer: 'communities', crs: 'wgs84' }))
    expect(r.features[0].properties).toMatchObject({ id: 'communities-0' })
    expect(r.issues.some((i) => i.code === R.GENERATED_ID && i.severity === 'info')).toBe(true)
    expect(r.mapping.missing).toContain('street')
    expect(r.issues.some((i) => i.code === R.MISSING_FIELD)).toBe(true)
  })

  it('reads bare Point, LineString and MultiPolygon geometries', async () => {
    ok(await importFile('p.geojson', enc({ type: 'Point', coordinates: [116.3, 39.85] }), { layer: 'services', crs: 'wgs84' }))
    ok(await importFile('l.geojson', enc({ type: 'LineString', coordinates: [[116.3, 39.85], [116.31, 39.86]] }), { layer: 'roads', crs: 'wgs84' }))
    ok(await importFile('m.geojson', enc({ type: 'MultiPolygon', coordinates: [[SQ]] }), { layer: 'grids', crs: 'wgs84' }))
  })

  it('rejects a GeometryCollection clearly', async () => {
    const e = errors(await importFile('gc.geojson', enc({ type: 'GeometryCollection', geometries: [poly()] })))
    expect(e[0].code).toBe(R.UNSUPPORTED_GEOMETRY)
    expect(e[0].message).toMatch(/^gc\.geojson: .*GeometryCollection/)
  })

  it('reports JSON syntax errors with line and column', async () => {
    const text = '{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature",, "geometry": null}\n]}'
    const e = errors(await importFile('broken.geojson', enc(text)))
    expect(e[0].code).toBe(R.JSON_SYNTAX)
    expect(e[0].message).toMatch(/^broken\.geojson: .*line 3, column 22/)
  })

  it('says when the file is truncated', async () => {
    const e = errors(await importFile('cut.geojson', enc(JSON.stringify(fc(feature(GRID))).slice(0, 60))))
    expect(e[0].message).toMatch(/line 1, column 61: .*ends/)
  })

  it('rejects empty collections and null geometries', async () => {
    expect(errors(await importFile('e.geojson', enc(fc())))[0].code).toBe(R.EMPTY)
    const e = errors(await importFile('n.geojson', enc(fc(feature(GRID, null)))))
    expect(e[0]).toMatchObject({ code: R.EMPTY, feature: 0, featureName: '网格 12' })
  })

  it('explains TopoJSON, Esri JSON and bare feature arrays', async () => {
    expect(errors(await importFile('t.json', enc({ type: 'Topology', objects: {} })))[0].message).toMatch(/TopoJSON/)
    expect(errors(await importFile('e.json', enc({ features: [{ attributes: {}, geometry: { rings: [] } }] })))[0].message).toMatch(/Esri JSON/)
    expect(errors(await importFile('a.json', enc([feature(GRID)])))[0].message).toMatch(/FeatureCollection/)
  })

  it('reads GBK-encoded text', async () => {
    const head = enc('{"type":"Feature","properties":{"name":"')
    const gbk = new Uint8Array([205, 248, 184, 241, 210, 187]) // 网格一
    const tail = enc(`","id":"g1","community":"c"},"geometry":${JSON.stringify(poly())}}`)
    const bytes = new Uint8Array([...head, ...gbk, ...tail])
    const r = ok(await importFile('gbk.geojson', bytes, { layer: 'grids', crs: 'wgs84' }))
    expect(r.features[0].properties!.name).toBe('网格一')
    expect(r.issues.some((i) => i.code === R.DECODED_AS_GBK)).toBe(true)
  })
})

describe('geometry checks', () => {
  const one = async (geometry: unknown, layer: 'grids' | 'services' = 'grids') =>
    errors(await importFile('grids.geojson', enc(fc(feature(GRID), feature({ 名称: '网格 13' }, geometry))), { layer, crs: 'wgs84' }))

  it('rejects an unclosed ring, naming file, feature and position', async () => {
    const e = await one(poly(SQ.slice(0, 4)))
    expect(e[0]).toMatchObject({ code: R.UNCLOSED_RING, feature: 1, featureName: '网格 13' })
    expect(e[0].message).toMatch(/^grids\.geojson: feature 1 \("网格 13"\): ring 0 \(outer boundary\) is not closed/)
  })

  it('rejects rings with too few positions', async () => {
    expect((await one(poly([[116.3, 39.85], [116.31, 39.85], [116.3, 39.85]])))[0].code).toBe(R.TOO_FEW_POINTS)
  })

  it('rejects a bow-tie and says where it crosses', async () => {
    const e = await one(poly([[116.3, 39.85], [116.302, 39.852], [116.302, 39.85], [116.3, 39.852], [116.3, 39.85]]))
    expect(e[0].code).toBe(R.SELF_INTERSECTION)
    expect(e[0].message).toMatch(/crosses itself near 116\.301, 39\.851/)
  })

  it('rejects wrong nesting with the path', async () => {
    const e = await one({ type: 'Polygon', coordinates: SQ })
    expect(e[0]).toMatchObject({ code: R.WRONG_NESTING, feature: 1 })
    expect(e[0].message).toMatch(/nested 2 levels deep but a Polygon needs 3/)
    const deep = await one({ type: 'Polygon', coordinates: [[SQ]] })
    expect(deep[0].message).toMatch(/MultiPolygon/)
  })

  it('rejects strings and nulls where numbers belong', async () => {
    const e = await one(poly([[116.3, 39.85], ['116.301', 39.85], [116.301, 39.851], [116.3, 39.85]] as never))
    expect(e[0]).toMatchObject({ code: R.NOT_A_NUMBER, path: 'features[1].geometry.coordinates[0][1]' })
  })

  it('rejects out-of-range coordinates and spots swapped axes', async () => {
    const swapped = SQ.map(([x, y]) => [y, x])
    const e = await one(poly(swapped))
    expect(e[0].code).toBe(R.OUT_OF_RANGE)
    expect(e[0].message).toMatch(/swapped/)
  })

  it('recognises projected metres once for the whole file', async () => {
    const m = SQ.map(([x, y]) => [x * 111_000, y * 111_000])
    const r = await importFile('m.geojson', enc(fc(feature(GRID, poly(m)), feature(GRID, poly(m)))))
    const e = errors(r)
    expect(e).toHaveLength(1)
    expect(e[0].code).toBe(R.PROJECTED_COORDINATES)
    expect(e[0].message).toMatch(/fits none of EPSG:3857 or the CGCS2000 Gauss-Krüger zones \(EPSG:4491–4554\) near the district; export as longitude\/latitude/)
  })

  it('rejects points for a polygon layer', async () => {
    const e = await one({ type: 'Point', coordinates: [116.3, 39.85] })
    expect(e[0]).toMatchObject({ code: R.WRONG_GEOMETRY_FOR_LAYER, feature: 1 })
  })

  it('rewinds clockwise rings with a warning, and rounds to 7 decimals', async () => {
    const cw = [...SQ].reverse().map(([x, y]) => [x + 1e-9, y])
    const r = ok(await importFile('g.geojson', enc(fc(feature(GRID, poly(cw)))), { layer: 'grids', crs: 'wgs84' }))
    expect(r.issues.find((i) => i.code === R.WINDING_FIXED)?.severity).toBe('warning')
    const ring = (r.features[0].geometry as Polygon).coordinates[0]
    expect(ring).toEqual(SQ)
  })

  it('caps the number of issues and counts the rest', async () => {
    const many = Array.from({ length: 120 }, (_, i) => feature({ 名称: `g${i}` }, poly(SQ.slice(0, 4))))
    const r = await importFile('many.geojson', enc(fc(...many)), { layer: 'grids' })
    const e = errors(r)
    expect(e.filter((i) => i.code === R.UNCLOSED_RING)).toHaveLength(50)
    expect(r.issues.at(-1)).toMatchObject({ code: R.MORE_ISSUES, severity: 'error' })
  })
})

describe('limits', () => {
  it('refuses input over maxBytes before parsing', async () => {
    const e = errors(await importFile('big.geojson', enc(fc(feature(GRID))), { maxBytes: 10 }))
    expect(e[0].code).toBe(R.TOO_LARGE)
  })
  it('refuses unknown formats and bad options without throwing', async () => {
    expect(errors(await importFile('a.xlsx', new Uint8Array([1, 2, 3])))[0].code).toBe(R.UNSUPPORTED_FORMAT)
    expect(errors(await importFile('a.shp', new Uint8Array([0, 0, 39, 10])))[0].message).toMatch(/zip the \.shp/)
    expect(errors(await importFile('a.geojson', enc(poly()), { layer: 'parks' as never }))[0].code).toBe(R.BAD_OPTION)
    expect(errors(await importFile('a.geojson', 'text' as never))[0].code).toBe(R.BAD_OPTION)
  })
})
