// Sharing one gap among the grids around it: each grid takes the part of the gap nearest its own border
// (Voronoi cells of points sampled along the border each grid shares with the gap), so the shares follow the
// shared border lengths and no single neighbour swallows a large gap.
import type { Position } from 'geojson'
import { unionAll } from './clip.ts'
import { M_PER_DEG_LAT, mPerDegLon, type Polys } from './measure.ts'
import { voronoiCells } from './partition.ts'

/** A gap edge counts as shared with a grid when its midpoint lies this close to the grid's boundary, m. */
const ON_BORDER_M = 0.5
/** at most this many border samples per gap (Voronoi cells are clipped one by one) */
const MAX_SAMPLES = 240

function distToBoundaryM(p: Position, polys: Polys, kx: number): number {
  let best = Infinity
  for (const poly of polys)
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = [(ring[i - 1][0] - p[0]) * kx, (ring[i - 1][1] - p[1]) * M_PER_DEG_LAT]
        const [bx, by] = [(ring[i][0] - p[0]) * kx, (ring[i][1] - p[1]) * M_PER_DEG_LAT]
        const dx = bx - ax
        const dy = by - ay
        const l2 = dx * dx + dy * dy
        const t = l2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l2)) : 0
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy))
      }
  return best
}

/** Length of border the gap shares with each neighbour, m (index into `neighbours`). */
export function sharedBorders(gap: Polys, neighbours: readonly Polys[]): { lengths: number[]; edges: { a: Position; b: Position; len: number; owner: number }[] } {
  const kx = mPerDegLon(gap[0]?.[0]?.[0]?.[1] ?? 40)
  const lengths = neighbours.map(() => 0)
  const edges: { a: Position; b: Position; len: number; owner: number }[] = []
  for (const poly of gap)
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]
        const b = ring[i]
        const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]
        let owner = -1
        let bestD = ON_BORDER_M
        neighbours.forEach((n, k) => {
          const d = n.length ? distToBoundaryM(mid, n, kx) : Infinity
          if (d <= bestD) {
            bestD = d
            owner = k
          }
        })
        if (owner < 0) continue
        const len = Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * M_PER_DEG_LAT)
        lengths[owner] += len
        edges.push({ a, b, len, owner })
      }
  return { lengths, edges }
}

/** The gap split among the neighbours it borders: shares[k] is neighbour k's part (empty when it gets none).
 * Null when the gap borders fewer than two neighbours. */
export function shareGap(gap: Polys, neighbours: readonly Polys[]): Polys[] | null {
  const { lengths, edges } = sharedBorders(gap, neighbours)
  if (lengths.filter((l) => l > 0).length < 2) return null
  const total = lengths.reduce((s, l) => s + l, 0)
  const step = Math.max(1, total / MAX_SAMPLES)
  const seeds: Position[] = []
  const owners: number[] = []
  const seen = new Set<string>()
  for (const e of edges) {
    const n = Math.max(1, Math.round(e.len / step))
    for (let j = 0; j < n; j++) {
      const t = (j + 0.5) / n
      const p = [e.a[0] + (e.b[0] - e.a[0]) * t, e.a[1] + (e.b[1] - e.a[1]) * t]
      const key = `${p[0].toFixed(9)},${p[1].toFixed(9)}`
      if (seen.has(key)) continue
      seen.add(key)
      seeds.push(p)
      owners.push(e.owner)
    }
  }
  const cells = voronoiCells(gap, seeds)
  const parts: Polys[][] = neighbours.map(() => [])
  cells.forEach((c, i) => {
    if (c.length) parts[owners[i]].push(c)
  })
  return parts.map((ps) => (ps.length ? unionAll(ps) : []))
}
