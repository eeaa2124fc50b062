// What the map is given of the imported layers: all of it up to MAX_DRAW_POINTS positions, beyond that every
// step-th feature; the document (and the project in IndexedDB) keeps every feature, packed, and the page says it
// samples.
// Points (the bulk of large files: service points, addresses) go to deck.gl as one typed array of positions
// (imported-points.ts): no tiling, no copy to a worker. MapLibre tiles what is left (lines, polygons) in its worker,
// which for hundreds of thousands of positions takes seconds and gigabytes, hence the sample.
import type { Feature, Geometry } from 'geojson'
import { codeAt, featureAt, onlyPoints, startsOf, type PackedLayer } from '../store/packed-layer.ts'

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

/** the drawn points: [lon, lat] pairs, and for each the index of its feature, counted across the layers in order */
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

/** The sample, read straight from the packed layers: a point is two numbers copied out of the layer's coordinates,
 * and only the features MapLibre draws (lines, polygons) are decoded, with a yield to the page every `sliceOf`. */
export async function drawable(layers: readonly PackedLayer[], max = MAX_DRAW_POINTS, sliceOf = 2_000): Promise<Drawable> {
  const points = layers.reduce((s, l) => s + l.points, 0)
  const n = layers.reduce((s, l) => s + l.n, 0)
  const step = points <= max ? 1 : Math.ceil(points / max)
  const keepAll = step === 1 && n <= SLIM_ABOVE
  const features: Feature[] = []
  const xy: number[] = []
  const of: number[] = []
  let base = 0
  let next = 0
  let decoded = 0
  await new Promise((r) => setTimeout(r, 0)) // not in the task of the edit that added the layer
  for (const l of layers) {
    let i = next - base
    if (onlyPoints(l)) {
      for (; i < l.n; i += step) xy.push(l.coords[2 * i], l.coords[2 * i + 1]), of.push(base + i)
      next = base + i
      base += l.n
      continue
    }
    const at = startsOf(l)
    for (; i < l.n; i += step) {
      const code = codeAt(l, i)
      let k = at.k[i]
      if (code === 'Point' || code === 'MultiPoint') {
        const m = code === 'Point' ? 1 : l.shape[at.s[i] + 1]
        for (let j = 0; j < m; j++, k += 2) xy.push(l.coords[k], l.coords[k + 1]), of.push(base + i)
      } else if (code !== 'Null') {
        const f = await featureAt(l, i)
        features.push(keepAll ? f : slim(f))
        if (++decoded % sliceOf === 0) await new Promise((r) => setTimeout(r, 0))
      }
    }
    next = base + i
    base += l.n
  }
  return { features, pts: { length: of.length, positions: Float64Array.from(xy), feature: Uint32Array.from(of) }, points, step }
}

/** the layer and the index in it of feature `g` counted across the layers (a PointSample's feature) */
export function locate(layers: readonly PackedLayer[], g: number): { layer: PackedLayer; i: number } | null {
  for (const layer of layers) {
    if (g < layer.n) return { layer, i: g }
    g -= layer.n
  }
  return null
}

function slim(f: Feature): Feature {
  const p = (f.properties ?? {}) as Record<string, unknown>
  return { type: 'Feature', geometry: f.geometry, properties: { name: p.name ?? p['名称'] ?? '', id: p.id ?? '', _layer: p._layer, _file: p._file } }
}
