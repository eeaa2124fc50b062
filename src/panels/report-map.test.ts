import type { Geometry, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { fitProjection, pathOf } from './report-map.ts'

const square = (x: number, y: number, d: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] })
const area = (g: Geometry) => ({ geometry: g, properties: { id: 'a' } })

describe("the report's result map", () => {
  it('fits the areas into the frame, north up, keeping the shape (x shrunk by cos φ)', () => {
    // two 0.01° squares side by side at 40° N: 0.02° wide, 0.01° high
    const areas = [area(square(116, 40, 0.01)), area(square(116.01, 40, 0.01))]
    const proj = fitProjection(areas, 360, 240, 0)!
    const [xa, ya] = proj([116, 40.01])
    const [xb, yb] = proj([116.02, 40])
    // the north-west corner is at the top, the south-east at the bottom right
    expect(ya).toBeLessThan(yb)
    expect(xa).toBeLessThan(xb)
    // aspect: width / height = 2 cos(40.005°) ≈ 1.532
    expect((xb - xa) / (yb - ya)).toBeCloseTo(2 * Math.cos((40.005 * Math.PI) / 180), 2)
    // fills the frame on its limiting side, centred on the other
    expect(xb - xa).toBeCloseTo(360, 0)
    expect(ya + yb).toBeCloseTo(240, 0)
  })

  it('draws every ring of a multipolygon as a closed subpath; nothing to draw gives no projection', () => {
    const g: Geometry = { type: 'MultiPolygon', coordinates: [square(0, 0, 1).coordinates, square(2, 0, 1).coordinates] }
    const proj = fitProjection([area(g)], 300, 100, 0)!
    const d = pathOf(g, proj)
    expect(d.match(/M/g)).toHaveLength(2)
    expect(d.match(/Z/g)).toHaveLength(2)
    expect(fitProjection([], 10, 10)).toBeNull()
    expect(fitProjection([area({ type: 'Point', coordinates: [1, 1] })], 10, 10)).toBeNull()
  })
})
