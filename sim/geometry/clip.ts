// Boolean operations on our polygons, with one normalised shape in and out so callers never juggle Polygon
// vs MultiPolygon. polygon-clipping is fast (plain doubles); on the rare near-degenerate input where it
// cannot close a ring, the same operation is retried on coordinates quantised to 1e-9° (0.1 mm), then
// with polyclip-ts (exact BigNumber arithmetic, the engine of Turf 7, slower and with failures of its own).
import polygonClipping from 'polygon-clipping'
import * as polyclip from 'polyclip-ts'
import type { Polys } from './measure.ts'

type Op = 'union' | 'intersection' | 'difference'
type Geom = import('polygon-clipping').Geom

const Q = 1e9
const quantise = (p: Polys): Polys => p.map((poly) => poly.map((r) => r.map(([x, y]) => [Math.round(x * Q) / Q, Math.round(y * Q) / Q])))

function run(op: Op, first: Polys, rest: Polys[]): Polys {
  try {
    return polygonClipping[op](first as Geom, ...(rest as Geom[])) as Polys
  } catch {
    try {
      return polygonClipping[op](quantise(first) as Geom, ...(rest.map(quantise) as Geom[])) as Polys
    } catch (e) {
      try {
        return polyclip[op](first as polyclip.Geom, ...(rest as polyclip.Geom[])) as unknown as Polys
      } catch {
        throw e
      }
    }
  }
}

export function intersect(a: Polys, b: Polys): Polys {
  if (a.length === 0 || b.length === 0) return []
  return run('intersection', a, [b])
}

export function union(...gs: Polys[]): Polys {
  const xs = gs.filter((g) => g.length > 0)
  if (xs.length === 0) return []
  if (xs.length === 1) return xs[0]
  return run('union', xs[0], xs.slice(1))
}

export function difference(a: Polys, ...bs: Polys[]): Polys {
  const xs = bs.filter((g) => g.length > 0)
  if (a.length === 0) return []
  if (xs.length === 0) return a
  return run('difference', a, xs)
}
