// Small geometry helpers of the app (conversion between GeoJSON and the sim's Polys, bounds).
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'

export type Polys = Position[][][]
export type Area = Polygon | MultiPolygon

export const polysOf = (g: Area): Polys => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
export const areaOf = (p: Polys): Area => (p.length === 1 ? { type: 'Polygon', coordinates: p[0] } : { type: 'MultiPolygon', coordinates: p })

export type BBox = [number, number, number, number]

export function bboxOf(x: Feature | FeatureCollection | Feature[] | Position): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity]
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [lon, lat] = c as number[]
      if (lon < b[0]) b[0] = lon
      if (lat < b[1]) b[1] = lat
      if (lon > b[2]) b[2] = lon
      if (lat > b[3]) b[3] = lat
    } else if (Array.isArray(c)) for (const e of c) walk(e)
  }
  const feats = Array.isArray(x) && typeof x[0] !== 'number' ? (x as Feature[]) : 'features' in (x as object) ? (x as FeatureCollection).features : 'geometry' in (x as object) ? [x as Feature] : null
  if (feats) for (const f of feats) walk(f.geometry && 'coordinates' in f.geometry ? f.geometry.coordinates : [])
  else walk(x)
  return b
}

export function pointInPolys(p: Position, polys: Polys): boolean {
  let inside = false
  for (const poly of polys) {
    let inPoly = false
    for (const ring of poly) {
      let c = false
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]
        const [xj, yj] = ring[j]
        if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c
      }
      if (ring === poly[0]) inPoly = c
      else if (c) inPoly = false
    }
    if (inPoly) inside = true
  }
  return inside
}

export function centroid(polys: Polys): Position {
  let x = 0
  let y = 0
  let n = 0
  for (const poly of polys) for (const p of poly[0]) {
    x += p[0]
    y += p[1]
    n++
  }
  return n ? [x / n, y / n] : [0, 0]
}
