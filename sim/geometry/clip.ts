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

/** Union of a few shapes; for a list of unknown length use unionAll (no spreading of big arrays into calls). */
export function union(...gs: Polys[]): Polys {
  return unionAll(gs)
}

// polygon-clipping takes its operands as arguments; spreading thousands of them risks the call stack, so a
// long list is joined in batches and the batch results joined again.
const BATCH = 128

export function unionAll(gs: readonly Polys[]): Polys {
  let xs = gs.filter((g) => g.length > 0)
  if (xs.length === 0) return []
  while (xs.length > 1) {
    const next: Polys[] = []
    for (let i = 0; i < xs.length; i += BATCH) {
      const batch = xs.slice(i, i + BATCH)
      next.push(batch.length === 1 ? batch[0] : run('union', batch[0], batch.slice(1)))
    }
    xs = next.filter((g) => g.length > 0)
    if (xs.length === 0) return []
  }
  return xs[0]
}

export function difference(a: Polys, ...bs: Polys[]): Polys {
  const xs = bs.filter((g) => g.length > 0)
  if (a.length === 0) return []
  if (xs.length === 0) return a
  return run('difference', a, xs.length > BATCH ? [unionAll(xs)] : xs)
}

/** The same area with its rings made valid (touching or backtracking parts resolved), by a union of one. */
export function cleanPolys(a: Polys): Polys {
  if (a.length === 0) return []
  return run('union', a, [])
}
