// One-step repair of a community's grids: snap near-coincident vertices, cut away what lies outside the
// community, and hand every gap or overlap piece to the grid that borders it longest. Afterwards the grids
// tile the community (up to coordinate noise) and each keeps its identity and position in the list.
import type { Position } from 'geojson'
import { difference, intersect, union, unionAll } from './clip.ts'
import { areaM2, bboxOfPolys, bboxesOverlap, centroidOf, distanceM, type Polys } from './measure.ts'
import { dissolveFragments, sharedBorderM } from './partition.ts'
import { snapGrids } from './snap.ts'

export interface RepairOptions {
  /** vertices closer than this merge, m */
  snapM?: number
}

export interface RepairResult {
  grids: Polys[]
  /** what was done, for the user: one line per change */
  actions: string[]
}

export function repairGrids(community: Polys, grids: Polys[], ids: string[] = grids.map((_, i) => `#${i + 1}`), opts: RepairOptions = {}): RepairResult {
  const actions: string[] = []
  const snapped = snapGrids(community, grids, opts.snapM ?? 1)
  const clipped = snapped.map((g, i) => {
    const inside = intersect(g, community)
    const lost = areaM2(g) - areaM2(inside)
    if (lost > 1) actions.push(`grid ${ids[i]}: cut ${lost.toFixed(1)} m² lying outside the community`)
    return inside
  })
  const boxes = clipped.map((g) => (g.length ? bboxOfPolys(g) : null))
  // Remove every overlap from all the grids involved; the overlap then is a gap like any other.
  const exclusive = clipped.map((g, i) => {
    const others = clipped.filter((h, j) => j !== i && h.length && boxes[i] && boxes[j] && bboxesOverlap(boxes[i]!, boxes[j]!))
    return others.length ? difference(g, unionAll(others)) : g
  })
  // A grid swallowed whole by its neighbours would vanish; it keeps its own land and they give way.
  exclusive.forEach((g, i) => {
    if (areaM2(g) >= 1 || areaM2(clipped[i]) < 1) return
    exclusive[i] = clipped[i]
    exclusive.forEach((h, j) => {
      if (j !== i && h.length) exclusive[j] = difference(h, clipped[i])
    })
    actions.push(`grid ${ids[i]}: lay entirely under other grids; it keeps its area and they give way`)
  })
  const holes = difference(community, unionAll(exclusive))
  const out = exclusive.slice()
  for (const part of holes) {
    const piece: Polys = [part]
    const area = areaM2(piece)
    if (area < 1e-6) continue
    let best = -1
    let bestLen = 0
    out.forEach((g, i) => {
      const len = g.length ? sharedBorderM(piece, g) : 0
      if (len > bestLen) {
        bestLen = len
        best = i
      }
    })
    if (best < 0) best = nearestGrid(out, centroidOf(piece))
    if (best < 0) continue
    out[best] = union(out[best], piece)
    if (area > 1) actions.push(`grid ${ids[best]}: took a ${area.toFixed(1)} m² gap or overlap piece (longest shared border, ${bestLen.toFixed(1)} m)`)
  }
  const anchors = out.map((g) => (g.length ? centroidOf(g) : undefined))
  return { grids: dissolveFragments(out, anchors, false), actions }
}

function nearestGrid(grids: Polys[], p: Position): number {
  let best = -1
  let bestD = Infinity
  grids.forEach((g, i) => {
    if (!g.length) return
    const d = distanceM(centroidOf(g), p)
    if (d < bestD) {
      bestD = d
      best = i
    }
  })
  return best
}
