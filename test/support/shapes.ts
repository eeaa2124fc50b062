// Small geometries in metres around a Beijing origin, for grid-rule tests.
import type { Position } from 'geojson'
import { M_PER_DEG_LAT, mPerDegLon, type Polys } from '../../sim/geometry/measure.ts'

export const ORIGIN: Position = [116.38, 39.85]
const KX = mPerDegLon(ORIGIN[1])

/** metres east/north of the origin → [lon, lat] */
export const at = (x: number, y: number): Position => [ORIGIN[0] + x / KX, ORIGIN[1] + y / M_PER_DEG_LAT]

export function rect(x0: number, y0: number, x1: number, y1: number): Polys {
  return [[[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]]]
}

export function translate(p: Polys, dx: number, dy: number): Polys {
  return p.map((poly) => poly.map((r) => r.map(([x, y]) => [x + dx / KX, y + dy / M_PER_DEG_LAT])))
}

/** A convex polygon with n vertices on an ellipse, jittered by `jitter` (0–1) of the step. */
export function blob(cx: number, cy: number, rx: number, ry: number, n: number, phase: number): Polys {
  const ring: Position[] = []
  for (let i = 0; i < n; i++) {
    const a = phase + (2 * Math.PI * i) / n
    ring.push(at(cx + rx * Math.cos(a), cy + ry * Math.sin(a)))
  }
  ring.push(ring[0])
  return [[ring]]
}
