// What the map is given of the imported layers: all of it up to MAX_DRAW_POINTS positions, beyond that every
// step-th feature. MapLibre copies a GeoJSON source to its worker and tiles it there; hundreds of thousands of
// positions take seconds and gigabytes, so the map shows a sample and says so, while the document (and the
// project in IndexedDB) keeps every feature.
import type { Feature, Geometry } from 'geojson'

export const MAX_DRAW_POINTS = 60_000

export function positionsOf(g: Geometry | null): number {
  if (!g) return 0
  switch (g.type) {
    case 'Point':
      return 1
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.reduce((s, r) => s + r.length, 0)
    case 'MultiPolygon':
      return g.coordinates.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0)
    case 'GeometryCollection':
      return g.geometries.reduce((s, x) => s + positionsOf(x), 0)
  }
}

export interface Drawable {
  features: Feature[]
  /** all positions of the layers */
  points: number
  /** 1 = everything drawn */
  step: number
}

export function drawable(imported: readonly Feature[], max = MAX_DRAW_POINTS): Drawable {
  let points = 0
  for (const f of imported) points += positionsOf(f.geometry)
  if (points <= max) return { features: imported as Feature[], points, step: 1 }
  const step = Math.ceil(points / max)
  const features: Feature[] = []
  for (let i = 0; i < imported.length; i += step) features.push(imported[i])
  return { features, points, step }
}
