import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import gcoord from 'gcoord'
import type { Polygon } from 'geojson'
import { importFile } from './index.ts'
import * as R from './reasons.ts'

const reference = JSON.parse(readFileSync('data/outline/fengtai.geo.json', 'utf8')).features[0].geometry as Polygon
const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v))
const ring = reference.coordinates[0]

describe('a CRS named in the file name is a hint, checked against the coordinates', () => {
  it('a WGS84 file named _bd09 is read as WGS84, not shifted 1.36 km, and says why', async () => {
    const r = await importFile('fengtai_bd09.geojson', bytes(reference), { reference, layer: 'district' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.crs).toMatchObject({ detected: 'wgs84', confidence: 'likely', applied: 'wgs84', overruled: 'bd09' })
    expect((r.features[0].geometry as Polygon).coordinates[0]).toContainEqual(ring[0])
    const w = r.issues.find((i) => i.code === R.CRS_UNSURE)!
    expect(w.severity).toBe('warning')
    expect(w.message).toMatch(/^fengtai_bd09\.geojson: coordinates read as WGS84, not BD-09 \(the file name names BD-09 .*, but the extent fits the district outline as WGS84/)
  })

  it('a BD-09 file named _bd09 is converted, as likely rather than certain', async () => {
    const bd = { type: 'Polygon', coordinates: [ring.map((p) => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.BD09) as number[])] }
    const r = await importFile('fengtai_bd09.geojson', bytes(bd), { reference, layer: 'district' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.crs).toMatchObject({ detected: 'bd09', confidence: 'likely', applied: 'bd09' })
    expect(r.crs.overruled).toBeUndefined()
    const back = (r.features[0].geometry as Polygon).coordinates[0]
    expect(Math.abs(back[0][0] - ring[0][0]) + Math.abs(back[0][1] - ring[0][1])).toBeLessThan(1e-5)
  })

  it('a small file named _bd09 that the outline cannot judge keeps the name, but only as likely', async () => {
    const square = { type: 'Polygon', coordinates: [[[116.3, 39.85], [116.301, 39.85], [116.301, 39.851], [116.3, 39.851], [116.3, 39.85]]] }
    const r = await importFile('grids_bd09.geojson', bytes(square), { reference, layer: 'grids' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.crs).toMatchObject({ detected: 'bd09', confidence: 'likely', applied: 'bd09' })
    expect(r.crs.reason).toMatch(/a hint only/)
  })

  it('a crs member stays certain', async () => {
    const fc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, features: [{ type: 'Feature', properties: {}, geometry: reference }] }
    const r = await importFile('fengtai_bd09.geojson', bytes(fc), { reference, layer: 'district' })
    expect(r.ok && r.crs).toMatchObject({ detected: 'wgs84', confidence: 'certain' })
  })
})
