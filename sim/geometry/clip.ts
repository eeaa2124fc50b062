// Boolean operations on our polygons through polyclip-ts (the engine Turf 7 itself uses), with one
// normalised shape in and out so callers never juggle Polygon vs MultiPolygon.
import * as polyclip from 'polyclip-ts'
import type { Polys } from './measure.ts'

type Geom = polyclip.Geom

const asGeom = (p: Polys): Geom => p as unknown as Geom
const asPolys = (g: unknown): Polys => g as Polys

export function intersect(a: Polys, b: Polys): Polys {
  if (a.length === 0 || b.length === 0) return []
  return asPolys(polyclip.intersection(asGeom(a), asGeom(b)))
}

export function union(...gs: Polys[]): Polys {
  const xs = gs.filter((g) => g.length > 0)
  if (xs.length === 0) return []
  if (xs.length === 1) return xs[0]
  return asPolys(polyclip.union(asGeom(xs[0]), ...xs.slice(1).map(asGeom)))
}

export function difference(a: Polys, ...bs: Polys[]): Polys {
  const xs = bs.filter((g) => g.length > 0)
  if (a.length === 0) return []
  if (xs.length === 0) return a
  return asPolys(polyclip.difference(asGeom(a), ...xs.map(asGeom)))
}
