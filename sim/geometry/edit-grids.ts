// Editor operations on grids: split one grid by a straight cut through two points, and merge grids into one.
// Pure geometry on Polys, so the editor, the CLI and tests share them.
import type { Position } from 'geojson'
import { unionAll } from './clip.ts'
import { M_PER_DEG_LAT, mPerDegLon, areaM2, type Polys } from './measure.ts'
import { splitByLine } from './partition.ts'

/** Split `grid` by the straight line through `a` and `b`; null when the line does not cut it into two pieces of at least `minM2`. */
export function splitGrid(grid: Polys, a: Position, b: Position, minM2 = 1): [Polys, Polys] | null {
  const lat = (a[1] + b[1]) / 2
  const dx = (b[0] - a[0]) * mPerDegLon(lat)
  const dy = (b[1] - a[1]) * M_PER_DEG_LAT
  if (Math.hypot(dx, dy) < 1e-6) return null
  const [l, r] = splitByLine(grid, a, Math.atan2(dy, dx))
  if (areaM2(l) < minM2 || areaM2(r) < minM2) return null
  return [l, r]
}

/** One grid covering all of `grids` (may stay multipart when they do not touch). */
export function mergeGrids(grids: readonly Polys[]): Polys {
  return unionAll(grids)
}
