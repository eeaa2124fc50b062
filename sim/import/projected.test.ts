// Projected metres: the EPSG definitions checked against an independent Gauss–Krüger formula, the guess from the
// numbers, and the whole import of a Gauss–Krüger file.
import { describe, expect, it } from 'vitest'
import { importFile } from './index.ts'
import { epsgNamedIn, guessProjection, projectionByEpsg, unprojector } from './projected.ts'

/** Transverse Mercator forward by Krüger's series in n (Karney 2011, to n⁴: sub-millimetre within a zone), on GRS80:
 *  written out here so the test does not check proj4 against itself. */
function krueger(lon: number, lat: number, lon0: number, x0: number): [number, number] {
  const a = 6378137
  const f = 1 / 298.257222101
  const n = f / (2 - f)
  const A = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64)
  const al = [n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180, (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440, (61 * n ** 3) / 240 - (103 * n ** 4) / 140, (49561 * n ** 4) / 161280]
  const phi = (lat * Math.PI) / 180
  const lam = ((lon - lon0) * Math.PI) / 180
  const e = (2 * Math.sqrt(n)) / (1 + n)
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - e * Math.atanh(e * Math.sin(phi)))
  const xi = Math.atan2(t, Math.cos(lam))
  const eta = Math.atanh(Math.sin(lam) / Math.sqrt(1 + t * t))
  let x = eta
  let y = xi
  al.forEach((c, j) => {
    x += c * Math.cos(2 * (j + 1) * xi) * Math.sinh(2 * (j + 1) * eta)
    y += c * Math.sin(2 * (j + 1) * xi) * Math.cosh(2 * (j + 1) * eta)
  })
  return [x0 + A * x, A * y]
}

const metres = (a: number[], b: number[]) => Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110_574)
const around = (lon: number, lat: number, d = 0.05) => ({ type: 'Polygon' as const, coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] })

describe('projected coordinates', () => {
  it('turns a known point in EPSG:4547 (CGCS2000 3° GK, CM 114E) into WGS84 within 1 m', () => {
    const truth = [114.9, 30.6] // 0.9° off the central meridian, where the series and the datum matter
    const en = krueger(truth[0], truth[1], 114, 500_000)
    const back = unprojector(projectionByEpsg(4547)!)(en)
    expect(metres(back, truth)).toBeLessThan(1)
    // the same point with the zone number in front (EPSG:4526, zone 38)
    const zoned = unprojector(projectionByEpsg(4526)!)([en[0] + 38e6, en[1]])
    expect(metres(zoned, truth)).toBeLessThan(1)
  })

  it('turns Web Mercator into WGS84 by its closed form', () => {
    const R = 6378137
    const truth = [116.39, 39.91]
    const xy = [R * (truth[0] * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (truth[1] * Math.PI) / 360))]
    expect(metres(unprojector(projectionByEpsg(3857)!)(xy), truth)).toBeLessThan(0.01)
  })

  it('reads EPSG codes and ESRI names from crs members and .prj files', () => {
    expect(epsgNamedIn('urn:ogc:def:crs:EPSG::4547')).toBe(4547)
    expect(epsgNamedIn('CGCS2000_3_Degree_GK_CM_114E')).toBe(4547)
    expect(epsgNamedIn('CGCS2000 / 3-degree Gauss-Kruger zone 38')).toBe(4526)
    expect(epsgNamedIn('CGCS2000_6_Degree_GK_Zone_20')).toBe(4498)
    expect(epsgNamedIn('WGS_1984_Web_Mercator_Auxiliary_Sphere')).toBe(3857)
    expect(epsgNamedIn('EPSG:4326')).toBeNull()
  })

  it('guesses the central meridian from where the district is, and the zone from the eastings', () => {
    const pts = [krueger(114.3, 30.55, 114, 500_000), krueger(114.35, 30.6, 114, 500_000)]
    expect(guessProjection(pts, [], around(114.32, 30.58))?.projection.epsg).toBe(4547)
    // without a district an unprefixed easting could be any meridian: no guess
    expect(guessProjection(pts, [])).toBeNull()
    const zoned = pts.map(([x, y]) => [x + 38e6, y])
    expect(guessProjection(zoned, [])).toMatchObject({ projection: { epsg: 4526 }, confidence: 'likely' })
    const merc = [[12_724_000, 3_578_000], [12_730_000, 3_584_000]] // ≈ 114.3°E, 30.6°N
    expect(guessProjection(merc, [], around(114.32, 30.6, 0.1))?.projection.epsg).toBe(3857)
  })

  it('imports a Gauss–Krüger GeoJSON into longitude/latitude and says so', async () => {
    const ring = [[114.3, 30.55], [114.32, 30.55], [114.32, 30.57], [114.3, 30.57], [114.3, 30.55]].map(([x, y]) => krueger(x, y, 114, 500_000))
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '一号网格', 户数: 420 }, geometry: { type: 'Polygon', coordinates: [ring] } }] }
    const r = await importFile('grids.geojson', new TextEncoder().encode(JSON.stringify(fc)), { layer: 'grids', reference: around(114.31, 30.56) })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    const p = (r.features[0].geometry as { coordinates: number[][][] }).coordinates[0][0]
    expect(metres(p, [114.3, 30.55])).toBeLessThan(1)
    expect(r.crs).toMatchObject({ applied: 'wgs84', projection: expect.stringMatching(/EPSG:4547/) })
    expect(r.issues.some((i) => i.code === 'PROJECTED_CONVERTED')).toBe(true)
  })
})
