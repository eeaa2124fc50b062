// Splitting a region into cells that tile it exactly. Voronoi cells are convex, but clipping one to a concave
// parent (a district outline, a street) can leave detached pieces; those go to the neighbour that shares the
// longest border with them, which is how a planner would reassign a sliver.
import { Delaunay } from 'd3-delaunay'
import type { Position } from 'geojson'
import { difference, intersect, union } from './clip.ts'
import { areaM2, bboxOfPolys, bboxesOverlap, centroidOf, M_PER_DEG_LAT, mPerDegLon, perimeterM, type Polys } from './measure.ts'

/** Border length two areas share, from P(A∪B) = P(A) + P(B) − 2·shared. */
export function sharedBorderM(a: Polys, b: Polys): number {
  if (!bboxesOverlap(bboxOfPolys(a), bboxOfPolys(b))) return 0
  const s = (perimeterM(a) + perimeterM(b) - perimeterM(union(a, b))) / 2
  return s > 1e-6 ? s : 0
}

/** Voronoi cells of `seeds`, each clipped to `region`; cell i belongs to seed i. */
export function voronoiCells(region: Polys, seeds: Position[]): Polys[] {
  const [x0, y0, x1, y1] = bboxOfPolys(region)
  const kx = mPerDegLon((y0 + y1) / 2)
  const ky = M_PER_DEG_LAT
  const pts = seeds.map((p) => [(p[0] - x0) * kx, (p[1] - y0) * ky] as [number, number])
  const pad = 1000
  const vor = Delaunay.from(pts).voronoi([-pad, -pad, (x1 - x0) * kx + pad, (y1 - y0) * ky + pad])
  return seeds.map((_, i) => {
    const cell = vor.cellPolygon(i)
    if (!cell) return []
    const ring = cell.map(([x, y]) => [x0 + x / kx, y0 + y / ky])
    return intersect([[ring]], region)
  })
}

/** Index of the polygon part that contains `anchor`, else the largest part. */
function mainPart(cell: Polys, anchor?: Position): number {
  let best = 0
  let bestA = -1
  cell.forEach((part, i) => {
    const a = areaM2([part])
    if (a > bestA) {
      bestA = a
      best = i
    }
  })
  if (anchor) {
    const hit = cell.findIndex((part) => pointInRing(anchor, part[0]) && !part.slice(1).some((h) => pointInRing(anchor, h)))
    if (hit >= 0) return hit
  }
  return best
}

export function pointInRing(p: Position, ring: Position[]): boolean {
  let inside = false
  const [x, y] = p
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

export function pointInPolys(p: Position, polys: Polys): boolean {
  return polys.some((poly) => pointInRing(p, poly[0]) && !poly.slice(1).some((h) => pointInRing(p, h)))
}

/**
 * Give every detached piece of a cell to the neighbour with the longest shared border, so that each cell
 * ends as one polygon. Larger pieces that touch no other cell stay where they are. Returns new cells.
 */
export function dissolveFragments(cells: Polys[], anchors?: (Position | undefined)[], dropDebris = true): Polys[] {
  const out = cells.map((c) => c.slice())
  const orphans: { from: number; piece: Polys }[] = []
  out.forEach((cell, i) => {
    if (cell.length <= 1) return
    const keep = mainPart(cell, anchors?.[i])
    cell.forEach((part, j) => {
      if (j !== keep) orphans.push({ from: i, piece: [part] })
    })
    out[i] = [cell[keep]]
  })
  // Largest pieces first: a small piece may only touch its neighbours through a larger one.
  orphans.sort((a, b) => areaM2(b.piece) - areaM2(a.piece))
  for (const { from, piece } of orphans) {
    let best = -1
    let bestLen = 0
    out.forEach((cell, k) => {
      if (k === from || cell.length === 0) return
      const len = sharedBorderM(piece, cell)
      if (len > bestLen) {
        bestLen = len
        best = k
      }
    })
    // Debris of the clipping (a few m²), or a lobe that touches the rest only at a vertex (a quantised outline's
    // staircase does), would only make its receiver multipart: it is dropped, at most a hectare of it.
    const area = areaM2(piece)
    if (dropDebris && (area < 10 || (bestLen < 1 && area < 10_000))) continue
    const target = best >= 0 ? best : from
    out[target] = union(out[target], piece)
  }
  return out
}

/** Lloyd relaxation: move seeds to their clipped cells' centroids so cells come out even-sized and compact. */
export function relaxSeeds(region: Polys, seeds: Position[], iterations: number): Position[] {
  let s = seeds
  for (let it = 0; it < iterations; it++) {
    const cells = voronoiCells(region, s)
    s = cells.map((c, i) => (c.length ? centroidOf(c) : s[i]))
  }
  return s
}

/** Exact complement split of a polygon by a line through `origin` with direction angle `theta` (radians, local metres). */
export function splitByLine(poly: Polys, origin: Position, theta: number): [Polys, Polys] {
  const [x0, y0, x1, y1] = bboxOfPolys(poly)
  const lat = (y0 + y1) / 2
  const kx = mPerDegLon(lat)
  const span = Math.hypot((x1 - x0) * kx, (y1 - y0) * M_PER_DEG_LAT) * 2 + 100
  // unit vectors along and across the cut, in degrees per metre
  const ux = Math.cos(theta) / kx
  const uy = Math.sin(theta) / M_PER_DEG_LAT
  const nx = -Math.sin(theta) / kx
  const ny = Math.cos(theta) / M_PER_DEG_LAT
  const at = (a: number, n: number): Position => [origin[0] + ux * a + nx * n, origin[1] + uy * a + ny * n]
  const half: Polys = [[[at(-span, 0), at(span, 0), at(span, span), at(-span, span), at(-span, 0)]]]
  return [intersect(poly, half), difference(poly, half)]
}
