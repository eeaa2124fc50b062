// Vertex snapping: vertices closer than `toleranceM` are merged onto one representative, the community
// boundary's vertex where there is one, so that edges drawn by hand become shared edges. Clustering (rather
// than snapping each vertex to its nearest) keeps it consistent: two grids never swap their vertices.
import KDBush from 'kdbush'
import type { Position } from 'geojson'
import { M_PER_DEG_LAT, mPerDegLon, type Polys } from './measure.ts'

function dedupeRing(ring: Position[]): Position[] | null {
  const out: Position[] = []
  for (const p of ring) {
    const q = out[out.length - 1]
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p)
  }
  return out.length >= 4 ? out : null
}

/** Snap grid vertices to the boundary's vertices and to each other. Returns new grids; the boundary is unchanged. */
export function snapGrids(boundary: Polys, grids: Polys[], toleranceM: number): Polys[] {
  const pts: Position[] = []
  for (const polys of [boundary, ...grids]) for (const poly of polys) for (const ring of poly) for (const p of ring) pts.push(p)
  if (pts.length === 0) return grids
  const kx = mPerDegLon(pts[0][1])
  const index = new KDBush(pts.length)
  for (const p of pts) index.add(p[0] * kx, p[1] * M_PER_DEG_LAT)
  index.finish()
  const rep = new Int32Array(pts.length).fill(-1)
  for (let i = 0; i < pts.length; i++) {
    if (rep[i] >= 0) continue
    rep[i] = i
    for (const j of index.within(pts[i][0] * kx, pts[i][1] * M_PER_DEG_LAT, toleranceM)) if (rep[j] < 0) rep[j] = i
  }
  let k = 0
  for (const poly of boundary) for (const ring of poly) k += ring.length
  return grids.map((g) =>
    g
      .map((poly) => poly.map((ring) => dedupeRing(ring.map(() => pts[rep[k++]]))))
      .filter((poly): poly is Position[][] => poly[0] !== null)
      .map((poly) => poly.filter((r): r is Position[] => r !== null)),
  )
}
