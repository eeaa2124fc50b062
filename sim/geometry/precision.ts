// The precision every produced coordinate is stored at: 7 decimals of a degree (1e-7° ≈ 1.1 cm of latitude).
// Finer digits are noise from the clipping arithmetic; they made the map editor (Terra Draw, which refuses
// coordinates finer than its configured precision) reject reshaped grids, and they stop shared vertices from
// matching exactly. One helper, used wherever the app or the world builder writes geometry.
import type { Position } from 'geojson'
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

/** A closed ring rounded, with the repeats rounding makes removed; null when fewer than 3 distinct corners stay. */
export function roundRing(ring: readonly Position[]): Position[] | null {
  const out: Position[] = []
  for (const p of ring) {
    const q = roundPosition(p)
    const last = out[out.length - 1]
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q)
  }
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push(out[0])
  return out.length >= 4 ? out : null
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
