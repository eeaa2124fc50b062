// Walking the positions of an already-normalised geometry (every position a [x, y] pair of finite numbers).
import type { Geometry, Position } from 'geojson'

export type Geom = Exclude<Geometry, { type: 'GeometryCollection' }>

/** Array levels between "coordinates" and a number, per type. */
export const DEPTH: Record<Geom['type'], number> = {
  Point: 1, MultiPoint: 2, LineString: 2, MultiLineString: 3, Polygon: 3, MultiPolygon: 4,
}

export function forEachPosition(g: Geom, fn: (p: Position) => void): void {
  const walk = (c: unknown, depth: number) => {
    if (depth === 1) fn(c as Position)
    else for (const x of c as unknown[]) walk(x, depth - 1)
  }
  walk(g.coordinates, DEPTH[g.type])
}

export function mapPositions<G extends Geom>(g: G, fn: (p: Position) => Position): G {
  const walk = (c: unknown, depth: number): unknown => (depth === 1 ? fn(c as Position) : (c as unknown[]).map((x) => walk(x, depth - 1)))
  return { type: g.type, coordinates: walk(g.coordinates, DEPTH[g.type]) } as G
}

/** Rings of a Polygon or MultiPolygon with a label for messages; other types have none. */
export function ringsOf(g: Geom): { ring: Position[]; label: string; hole: boolean }[] {
  const out: { ring: Position[]; label: string; hole: boolean }[] = []
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []
  polygons.forEach((rings, pi) => {
    rings.forEach((ring, ri) => {
      const part = g.type === 'MultiPolygon' ? `polygon ${pi} ` : ''
      out.push({ ring, label: `${part}ring ${ri}${ri === 0 ? ' (outer boundary)' : ' (hole)'}`, hole: ri > 0 })
    })
  })
  return out
}

export type BBox = [number, number, number, number]

export function extendBBox(b: BBox, p: Position): void {
  if (p[0] < b[0]) b[0] = p[0]
  if (p[1] < b[1]) b[1] = p[1]
  if (p[0] > b[2]) b[2] = p[0]
  if (p[1] > b[3]) b[3] = p[1]
}

export const emptyBBox = (): BBox => [Infinity, Infinity, -Infinity, -Infinity]
