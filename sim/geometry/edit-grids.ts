// Editor operations on grids: split one grid by a straight cut through two points, merge grids into one, and
// add a drawn grid that takes its land from the grids it covers. Pure geometry on Polys, so the editor, the
// CLI and tests share them. Results are stored at the documented precision (precision.ts).
import type { Position } from 'geojson'
import { difference, intersect, unionAll } from './clip.ts'
import { M_PER_DEG_LAT, mPerDegLon, areaM2, type Polys } from './measure.ts'
import { splitByLine } from './partition.ts'
import { roundClipped } from './precision.ts'
import { snapGrids } from './snap.ts'
import { nodeGrids, ON_EDGE_M } from './topology.ts'

/** Split `grid` by the straight line through `a` and `b`; null when the line does not cut it into two pieces of at least `minM2`. */
export function splitGrid(grid: Polys, a: Position, b: Position, minM2 = 1): [Polys, Polys] | null {
  const lat = (a[1] + b[1]) / 2
  const dx = (b[0] - a[0]) * mPerDegLon(lat)
  const dy = (b[1] - a[1]) * M_PER_DEG_LAT
  if (Math.hypot(dx, dy) < 1e-6) return null
  const [l, r] = splitByLine(grid, a, Math.atan2(dy, dx))
  if (areaM2(l) < minM2 || areaM2(r) < minM2) return null
  return [roundClipped(l), roundClipped(r)]
}

/** One grid covering all of `grids` (may stay multipart when they do not touch). */
export function mergeGrids(grids: readonly Polys[]): Polys {
  return roundClipped(unionAll(grids))
}

/**
 * A newly drawn grid, clipped to its community, takes its land from the grids it covers, so it holds its
 * buildings (and counts their households) at once instead of overlapping the grids that held them.
 * `neighbours[i]` comes back unchanged (same object) when the drawn grid does not cover it.
 */
export function carveGrid(community: Polys, drawn: Polys, neighbours: readonly Polys[]): { grid: Polys; neighbours: Polys[]; takenM2: number[] } {
  // the clipper drops vertices it finds collinear; put back the drawn (snapped) ones and the neighbours' ones
  // that lie on the new boundary, so the shared edges share their vertices
  // (a clipped corner can land a centimetre beside the snapped vertex it came from: it is snapped back first)
  const clipped = snapGrids([...drawn, ...neighbours.flat()], [roundClipped(intersect(drawn, community))], ON_EDGE_M)[0]
  const grid = clipped.length ? nodeGrids([clipped, drawn, ...neighbours])[0] : clipped
  const takenM2: number[] = []
  const out = neighbours.map((n) => {
    const covered = areaM2(intersect(n, grid))
    takenM2.push(covered)
    return covered < 0.01 ? n : roundClipped(difference(n, grid))
  })
  return { grid, neighbours: out, takenM2 }
}
