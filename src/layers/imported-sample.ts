// What the map is given of the imported layers: all of it up to MAX_DRAW_POINTS positions, beyond that every
// step-th feature. MapLibre copies a GeoJSON source to its worker and tiles it there; hundreds of thousands of
// positions take seconds and gigabytes, so the map shows a sample and says so, while the document (and the
// project in IndexedDB) keeps every feature.
import type { Feature, Geometry } from 'geojson'

export const MAX_DRAW_POINTS = 10_000
/** beyond this many features the map gets only what it shows (name, id, layer), not every property */
export const SLIM_ABOVE = 5_000

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
  const step = points <= max ? 1 : Math.ceil(points / max)
  if (step === 1 && imported.length <= SLIM_ABOVE) return { features: imported as Feature[], points, step }
  const features: Feature[] = []
  for (let i = 0; i < imported.length; i += step) features.push(slim(imported[i]))
  return { features, points, step }
}

/** The same, a slice at a time with a yield between slices: a large layer never blocks the page. */
export async function drawableAsync(imported: readonly Feature[], max = MAX_DRAW_POINTS, sliceOf = 10_000): Promise<Drawable> {
  const pause = () => new Promise((r) => setTimeout(r, 0))
  let points = 0
  for (let i = 0; i < imported.length; i++) {
    points += positionsOf(imported[i].geometry)
    if (i % sliceOf === sliceOf - 1) await pause()
  }
  const step = points <= max ? 1 : Math.ceil(points / max)
  if (step === 1 && imported.length <= SLIM_ABOVE) return { features: imported as Feature[], points, step }
  const features: Feature[] = []
  for (let i = 0, k = 0; i < imported.length; i += step, k++) {
    features.push(slim(imported[i]))
    if (k % sliceOf === sliceOf - 1) await pause()
  }
  return { features, points, step }
}

function slim(f: Feature): Feature {
  const p = (f.properties ?? {}) as Record<string, unknown>
  return { type: 'Feature', geometry: f.geometry, properties: { name: p.name ?? p['名称'] ?? '', id: p.id ?? '', _layer: p._layer, _file: p._file } }
}
