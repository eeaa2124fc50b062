// What the map is given of the imported layers: all of it up to MAX_DRAW_POINTS positions, beyond that every
// step-th feature; the document (and the project in IndexedDB) keeps every feature and the page says it samples.
// Points (the bulk of large files: service points, addresses) go to deck.gl as one typed array of positions
// (imported-points.ts): no tiling, no copy to a worker. MapLibre tiles what is left (lines, polygons) in its worker,
// which for hundreds of thousands of positions takes seconds and gigabytes, hence the sample.
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

/** the drawn points: [lon, lat] pairs, and for each the index of its feature in the imported list */
export interface PointSample {
  length: number
  positions: Float64Array
  feature: Uint32Array
}

export interface Drawable {
  /** what MapLibre draws: the sampled features that are not points */
  features: Feature[]
  /** what deck.gl draws: the sampled points (a MultiPoint gives one per position) */
  pts: PointSample
  /** all positions of the layers */
  points: number
  /** 1 = everything drawn */
  step: number
}

/** The sample; yields after every sliceOf features so the async form can give the page back its thread. */
function* sample(imported: readonly Feature[], max: number, sliceOf: number): Generator<void, Drawable> {
  let points = 0
  for (let i = 0; i < imported.length; i++) {
    points += positionsOf(imported[i].geometry)
    if (i % sliceOf === sliceOf - 1) yield
  }
  const step = points <= max ? 1 : Math.ceil(points / max)
  const keepAll = step === 1 && imported.length <= SLIM_ABOVE
  const features: Feature[] = []
  const xy: number[] = []
  const of: number[] = []
  for (let i = 0, k = 0; i < imported.length; i += step, k++) {
    const f = imported[i]
    const g = f.geometry
    if (g?.type === 'Point') xy.push(g.coordinates[0], g.coordinates[1]), of.push(i)
    else if (g?.type === 'MultiPoint') for (const p of g.coordinates) xy.push(p[0], p[1]), of.push(i)
    else features.push(keepAll ? f : slim(f))
    if (k % sliceOf === sliceOf - 1) yield
  }
  return { features, pts: { length: of.length, positions: Float64Array.from(xy), feature: Uint32Array.from(of) }, points, step }
}

export function drawable(imported: readonly Feature[], max = MAX_DRAW_POINTS): Drawable {
  const it = sample(imported, max, Infinity)
  for (;;) {
    const r = it.next()
    if (r.done) return r.value
  }
}

/** The same, a slice at a time with a yield between slices: a large layer never blocks the page. */
export async function drawableAsync(imported: readonly Feature[], max = MAX_DRAW_POINTS, sliceOf = 10_000): Promise<Drawable> {
  const it = sample(imported, max, sliceOf)
  for (;;) {
    const r = it.next()
    if (r.done) return r.value
    await new Promise((r) => setTimeout(r, 0))
  }
}

function slim(f: Feature): Feature {
  const p = (f.properties ?? {}) as Record<string, unknown>
  return { type: 'Feature', geometry: f.geometry, properties: { name: p.name ?? p['名称'] ?? '', id: p.id ?? '', _layer: p._layer, _file: p._file } }
}
