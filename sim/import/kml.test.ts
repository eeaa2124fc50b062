import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { MultiPolygon, Polygon } from 'geojson'
import { importFile } from './index.ts'
import * as R from './reasons.ts'
import { makeZip } from './test-fixtures.ts'

const enc = (s: string) => new TextEncoder().encode(s)
const ring = (x: number) => `${x},39.85,0 ${x + 0.001},39.85,0 ${x + 0.001},39.851,0 ${x},39.851,0 ${x},39.85,0`
const poly = (x: number) => `<Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(x)}</coordinates></LinearRing></outerBoundaryIs></Polygon>`
const doc = (placemarks: string) => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Style id="s"><PolyStyle><color>ff0000ff</color></PolyStyle></Style>${placemarks}</Document></kml>`
const placemark = (name: string, geom: string, data = '') =>
  `<Placemark><name>${name}</name><styleUrl>#s</styleUrl><ExtendedData>${data}</ExtendedData>${geom}</Placemark>`
const data = (k: string, v: string) => `<Data name="${k}"><value>${v}</value></Data>`

describe('KML', () => {
  it('reads placemarks with extended data, drops altitude and style keys', async () => {
    const kml = doc(placemark('网格 1', poly(116.3), data('网格编码', 'G1') + data('所属社区', 'C1')))
    const r = await importFile('grids.kml', enc(kml), { crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.layer).toBe('grids')
    expect(r.features[0].properties).toMatchObject({ id: 'G1', name: '网格 1', community: 'C1' })
    expect(r.features[0].properties!.extra).toBeUndefined()
    expect((r.features[0].geometry as Polygon).coordinates[0][0]).toEqual([116.3, 39.85])
    expect(r.issues.some((i) => i.code === R.ALTITUDE_DROPPED)).toBe(true)
  })

  it('folds a MultiGeometry of polygons into a MultiPolygon', async () => {
    const kml = doc(placemark('两块', `<MultiGeometry>${poly(116.3)}${poly(116.31)}</MultiGeometry>`, data('id', 'g') + data('community', 'c')))
    const r = await importFile('two.kml', enc(kml), { layer: 'grids', crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.features[0].geometry.type).toBe('MultiPolygon')
    expect((r.features[0].geometry as MultiPolygon).coordinates).toHaveLength(2)
  })

  it('reads points as services, with Chinese kinds', async () => {
    const kml = doc(placemark('卢沟桥党群服务中心', '<Point><coordinates>116.3,39.85</coordinates></Point>', data('类型', '党群服务中心')))
    const r = await importFile('poi.kml', enc(kml), { crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.layer).toBe('services')
    expect(r.features[0].properties).toMatchObject({ kind: 'party_mass_center', name: '卢沟桥党群服务中心' })
  })

  it('reads a KMZ', async () => {
    const kml = enc(doc(placemark('网格 1', poly(116.3), data('id', 'g') + data('community', 'c'))))
    const kmz = makeZip([{ name: 'doc.kml', data: kml, deflated: new Uint8Array(deflateRawSync(kml)) }])
    const r = await importFile('grids.kmz', kmz, { crs: 'wgs84' })
    expect(r.ok).toBe(true)
  })

  it('reports malformed XML, a non-KML root and an empty document', async () => {
    const bad = await importFile('bad.kml', enc('<kml><Document><Placemark></Document></kml>'))
    expect(bad.ok === false && bad.issues[0].code).toBe(R.KML_BROKEN)
    expect(bad.issues[0].message).toMatch(/^bad\.kml: the XML is malformed/)
    const gpx = await importFile('track.kml', enc('<?xml version="1.0"?><gpx></gpx>'))
    expect(gpx.ok === false && gpx.issues[0].message).toMatch(/<gpx>, not <kml>/)
    const empty = await importFile('e.kml', enc(doc('')))
    expect(empty.ok === false && empty.issues[0].code).toBe(R.EMPTY)
  })

  it('names the placemark in geometry errors', async () => {
    // togeojson closes open KML rings itself (as Google Earth does), so a bow-tie is the test here
    const bow = `<Polygon><outerBoundaryIs><LinearRing><coordinates>116.3,39.85 116.31,39.86 116.31,39.85 116.3,39.86 116.3,39.85</coordinates></LinearRing></outerBoundaryIs></Polygon>`
    const r = await importFile('g.kml', enc(doc(placemark('网格 7', bow))), { layer: 'grids' })
    expect(r.ok).toBe(false)
    expect(r.issues[0]).toMatchObject({ code: R.SELF_INTERSECTION, feature: 0, featureName: '网格 7' })
    expect(r.issues[0].message).toMatch(/^g\.kml: feature 0 \("网格 7"\): ring 0 \(outer boundary\) crosses itself near 116\.305, 39\.855/)
  })

  it('a 250 KB KML with a quadratic entity blow-up fails fast with a clear message', async () => {
    const big = 'x'.repeat(50_000)
    const refs = '&a;'.repeat(60_000)
    const kml = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "${big}">]><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>${refs}</name>${poly(116.3)}</Placemark></Document></kml>`
    expect(kml.length).toBeGreaterThan(200_000)
    const t0 = performance.now()
    const r = await importFile('bomb.kml', enc(kml), { crs: 'wgs84' })
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(r.ok).toBe(false)
    expect(r.issues[0]).toMatchObject({ code: R.KML_BROKEN, severity: 'error' })
    expect(r.issues[0].message).toMatch(/^bomb\.kml: the file declares XML entities/)
  })

  it('a KML of 50,001 placemarks is refused before any XML is parsed', async () => {
    const kml = doc('<Placemark/>'.repeat(50_001))
    const t0 = performance.now()
    const r = await importFile('many.kml', enc(kml))
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(r.ok).toBe(false)
    expect(r.issues[0]).toMatchObject({ code: R.TOO_LARGE })
    expect(r.issues[0].message).toMatch(/^many\.kml: the KML has 50,001 placemarks, over the limit of 50,000/)
  })

  it('a KML of 2,500 placemarks (read one placemark at a time) gives the features the whole-document reader gives', async () => {
    const pm = (i: number) => placemark(`网格 ${i}`, poly(116.3 + i * 0.002), data('网格编码', `G${i}`) + data('所属社区', 'C1'))
    const r = await importFile('grids.kml', enc(doc(Array.from({ length: 2_500 }, (_, i) => pm(i)).join('\n'))), { crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.features).toHaveLength(2_500)
    expect(r.features[2_499].properties).toMatchObject({ id: 'G2499', name: '网格 2499', community: 'C1' })
    const small = await importFile('grids.kml', enc(doc(pm(2_499))), { crs: 'wgs84' })
    if (!small.ok) throw new Error('small')
    expect(r.features[2_499].geometry).toEqual(small.features[0].geometry)
    // a namespace prefix on every element, and a broken placemark named by its index
    const prefixed = `<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2"><kml:Document>${Array.from({ length: 2_100 }, (_, i) => `<kml:Placemark><kml:name>p${i}</kml:name><kml:Point><kml:coordinates>116.3,39.8</kml:coordinates></kml:Point></kml:Placemark>`).join('')}</kml:Document></kml:kml>`
    const p = await importFile('poi.kml', enc(prefixed), { crs: 'wgs84', layer: 'services' })
    expect(p.ok === false ? p.issues.map((i) => i.code) : p.features.length).not.toEqual([R.KML_BROKEN])
    const broken = doc(Array.from({ length: 2_100 }, (_, i) => (i === 7 ? '<Placemark><name>x</nam></Placemark>' : pm(i))).join(''))
    const b = await importFile('grids.kml', enc(broken), { crs: 'wgs84' })
    expect(b.ok).toBe(false)
    expect(b.issues[0]).toMatchObject({ code: R.KML_BROKEN, feature: 7 })
  }, 60_000)
})
