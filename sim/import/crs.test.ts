import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import gcoord from 'gcoord'
import type { Polygon } from 'geojson'
import { importFile } from './index.ts'
import { crsNamedIn, detectCrs } from './crs.ts'
import * as R from './reasons.ts'

const FENCE = 'test/fixtures/vonng-adcode-110106.gcj02.json'
// the brief names data/outline/fengtai.geojson; the repo now keeps it as fengtai.geo.json
const OUTLINE = ['data/outline/fengtai.geojson', 'data/outline/fengtai.geo.json'].find((p) => existsSync(p))!
const fenceBytes = readFileSync(FENCE)
const fence = JSON.parse(fenceBytes.toString('utf8')) as Polygon
const reference = JSON.parse(readFileSync(OUTLINE, 'utf8')).features[0].geometry as Polygon

function metres(a: number[], b: number[]) {
  const k = 111_320
  return Math.hypot((b[0] - a[0]) * k * Math.cos((a[1] * Math.PI) / 180), (b[1] - a[1]) * k)
}

describe('coordinate systems on real Fengtai data', () => {
  it('moves the GCJ-02 Fengtai outline about half a kilometre south-west when told it is gcj02', async () => {
    const r = await importFile('110106.json', fenceBytes, { crs: 'gcj02', layer: 'district' })
    if (!r.ok) throw new Error(r.issues[0].message)
    expect(r.crs).toMatchObject({ detected: 'gcj02', confidence: 'certain', applied: 'gcj02' })
    const raw = fence.coordinates[0]
    // the raw ring is clockwise; the importer rewinds it, so compare against the reversed result
    const moved = [...(r.features[0].geometry as Polygon).coordinates[0]].reverse()
    expect(moved).toHaveLength(raw.length)
    let sum = 0
    let west = 0
    let south = 0
    const n = raw.length
    raw.forEach((p, i) => {
      const q = moved[i]
      sum += metres(p, q)
      if (q[0] < p[0]) west++
      if (q[1] < p[1]) south++
    })
    const mean = sum / n / 1000
    expect(mean).toBeGreaterThan(0.4)
    expect(mean).toBeLessThan(0.7)
    expect(west / n).toBeGreaterThan(0.9)
    expect(south / n).toBeGreaterThan(0.9)
  })

  it('detects GCJ-02 against our WGS84 outline as likely', async () => {
    const r = await importFile('110106.json', fenceBytes, { crs: 'auto', reference, layer: 'district' })
    if (!r.ok) throw new Error(r.issues[0].message)
    expect(r.crs).toMatchObject({ detected: 'gcj02', confidence: 'likely', applied: 'gcj02' })
    expect(r.issues.some((i) => i.code === R.CRS_DETECTED)).toBe(true)
  })

  it('is unsure without a reference, applies WGS84 and warns', async () => {
    const r = await importFile('110106.json', fenceBytes, { layer: 'district' })
    if (!r.ok) throw new Error(r.issues[0].message)
    expect(r.crs).toMatchObject({ detected: 'unsure', confidence: 'unsure', applied: 'wgs84' })
    const w = r.issues.find((i) => i.code === R.CRS_UNSURE)!
    expect(w.severity).toBe('warning')
    expect(w.message).toMatch(/^110106\.json: .*crs option/)
  })

  it('detects BD-09 when the same outline is given in Baidu coordinates', () => {
    const bd = fence.coordinates[0].map((p) => gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.BD09) as number[])
    expect(detectCrs({ hints: [], sample: bd, reference }).detected).toBe('bd09')
  })
})

describe('CRS hints', () => {
  const square = { type: 'Polygon', coordinates: [[[116.3, 39.85], [116.301, 39.85], [116.301, 39.851], [116.3, 39.851], [116.3, 39.85]]] }
  const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v))

  it('reads names in file names and property keys', () => {
    expect(crsNamedIn('grids_gcj02.geojson')).toBe('gcj02')
    expect(crsNamedIn('高德导出.json')).toBe('gcj02')
    expect(crsNamedIn('百度地图.kml')).toBe('bd09')
    expect(crsNamedIn('urn:ogc:def:crs:EPSG::4326')).toBe('wgs84')
    expect(crsNamedIn('CGCS2000 grid')).toBe('wgs84')
    expect(crsNamedIn('GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000"]]')).toBe('wgs84')
    expect(crsNamedIn('110106.json')).toBeNull()
    expect(crsNamedIn('gcj02 or wgs84')).toBeNull()
  })

  it('treats an old-style crs member as certain', async () => {
    const r = await importFile('x.geojson', bytes({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, features: [{ type: 'Feature', properties: { id: 'a', community: 'c' }, geometry: square }] }), { layer: 'grids' })
    expect(r.ok && r.crs).toMatchObject({ detected: 'wgs84', confidence: 'certain' })
  })

  it('converts when the file name says Gaode', async () => {
    const r = await importFile('gaode-grids.geojson', bytes(square), { layer: 'grids' })
    if (!r.ok) throw new Error(r.issues[0].message)
    // a file name is a hint, never certainty (the page asks, with GCJ-02 preselected)
    expect(r.crs).toMatchObject({ detected: 'gcj02', confidence: 'likely' })
    const p = (r.features[0].geometry as Polygon).coordinates[0][0]
    expect(p[0]).toBeLessThan(116.3)
  })

  it('knows coordinates outside China are WGS84', async () => {
    const paris = { type: 'Point', coordinates: [2.35, 48.85] }
    const r = await importFile('p.geojson', bytes(paris), { layer: 'services' })
    expect(r.ok || r.issues.map((i) => i.code)).not.toContain(R.CRS_UNSURE)
    const d = detectCrs({ hints: [], sample: [[2.35, 48.85]] })
    expect(d).toMatchObject({ detected: 'wgs84', confidence: 'certain' })
  })
})
