// A label or base point guaranteed inside a polygon (a centroid need not be, for a crescent or an L).
import type { Position } from 'geojson'
import { bboxOfPolys, centroidOf, type Polys } from './measure.ts'
import { pointInPolys } from './partition.ts'

/** A point inside `poly` close to its centroid. */
export function interiorPoint(poly: Polys): Position {
  const c = centroidOf(poly)
  if (pointInPolys(c, poly)) return c
  const [x0, y0, x1, y1] = bboxOfPolys(poly)
  let best = poly[0][0][0]
  let bestD = Infinity
  const n = 24
  for (let i = 1; i < n; i++)
    for (let j = 1; j < n; j++) {
      const p = [x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * j) / n]
      const d = (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2
      if (d < bestD && pointInPolys(p, poly)) {
        bestD = d
        best = p
      }
    }
  return best
}
