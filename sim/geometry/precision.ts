// The precision every produced coordinate is stored at: 7 decimals of a degree (1e-7° ≈ 1.1 cm of latitude).
// Finer digits are noise from the clipping arithmetic; they made the map editor (Terra Draw, which refuses
// coordinates finer than its configured precision) reject reshaped grids, and they stop shared vertices from
// matching exactly. One helper, used wherever the app or the world builder writes geometry.
import type { Position } from 'geojson'
import { cleanPolys } from './clip.ts'
import { ringProblems } from './ring-validity.ts'
import type { Polys } from './measure.ts'

export const COORD_DECIMALS = 7
const SCALE = 10 ** COORD_DECIMALS

export const roundCoord = (x: number): number => Math.round(x * SCALE) / SCALE

export const roundPosition = (p: Position): Position => [roundCoord(p[0]), roundCoord(p[1])]

/** Every number of a nested coordinate array rounded (any geometry's `coordinates`). */
export function roundCoords<T>(v: T): T {
  if (Array.isArray(v)) {
    if (typeof v[0] === 'number') return v.map((x: number) => roundCoord(x)) as T
    return v.map(roundCoords) as T
  }
  return v
}

/**
 * A closed ring rounded, with what rounding makes of hair-thin parts removed: repeated points and spikes (a
 * vertex where the boundary turns straight back on itself). Collinear vertices that go on forward are kept
 * (they are shared vertices of neighbours). Null when fewer than 3 corners stay.
 */
export function roundRing(ring: readonly Position[]): Position[] | null {
  // integer units of the stored precision, so the spike test below is exact
  const u = ring.map((p) => [Math.round(p[0] * SCALE), Math.round(p[1] * SCALE)])
  if (u.length > 1 && u[0][0] === u[u.length - 1][0] && u[0][1] === u[u.length - 1][1]) u.pop()
  let changed = true
  while (changed && u.length >= 3) {
    changed = false
    for (let i = 0; i < u.length && u.length >= 3; i++) {
      const a = u[(i - 1 + u.length) % u.length]
      const b = u[i]
      const c = u[(i + 1) % u.length]
      const [ux, uy, vx, vy] = [b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]]
      const repeat = ux === 0 && uy === 0
      const spike = ux * vy - uy * vx === 0 && ux * vx + uy * vy < 0
      if (repeat || spike) {
        u.splice(i, 1)
        changed = true
        i--
      }
    }
  }
  if (u.length < 3) return null
  const out = u.map(([x, y]) => [x / SCALE, y / SCALE])
  out.push(out[0])
  return out
}

/** Polygons rounded to the stored precision; rings and polygons that collapse are dropped. */
export function roundPolys(polys: Polys): Polys {
  const out: Polys = []
  for (const poly of polys) {
    const outer = poly[0] && roundRing(poly[0])
    if (!outer) continue
    out.push([outer, ...poly.slice(1).map(roundRing).filter((r): r is Position[] => r !== null)])
  }
  return out
}

/** Same point at the stored precision. */
export const samePosition = (a: Position, b: Position): boolean => roundCoord(a[0]) === roundCoord(b[0]) && roundCoord(a[1]) === roundCoord(b[1])

/** A key for a point at the stored precision (for maps of shared vertices). */
export const positionKey = (p: Position): string => `${roundCoord(p[0])},${roundCoord(p[1])}`

/**
 * The result of a clipping operation at the stored precision. Rounding can fold a hair-thin part of the exact
 * result onto itself (a ring that touches or runs back along its own edge); such a shape is passed once more
 * through the clipper, which resolves the contacts, and rounded again.
 */
export function roundClipped(polys: Polys): Polys {
  const r = roundPolys(polys)
  // only a ring rounding has broken goes through the clipper again: the clipper drops collinear vertices,
  // and those are the vertices neighbouring grids share
  if (!r.length || r.every((poly) => poly.every((ring) => ringProblems(ring).length === 0))) return r
  try {
    return roundPolys(cleanPolys(r))
  } catch {
    return r
  }
}
