// One-step repair of a community's grids: snap near-coincident vertices, cut away what lies outside the
// community, and hand every gap or overlap piece to the grids around it: whole to the grid that borders it
// longest, unless that would push the grid over the household band, in which case the piece is shared among
// its neighbours by shared border (gap-share.ts). A grid left as a sliver with no households is merged into its
// neighbour. Afterwards the grids tile the community and each surviving grid keeps its position in the list.
// Every change is reported as a step (structured, for the UI to translate) and as an English line.
import type { Position } from 'geojson'
import { difference, intersect, union, unionAll } from './clip.ts'
import { DEFAULT_BAND, type GridBand } from './generate-grids.ts'
import { shareGap } from './gap-share.ts'
import { areaM2, bboxOfPolys, bboxesOverlap, centroidOf, distanceM, perimeterM, type Polys } from './measure.ts'
import { dissolveFragments, pointInPolys, sharedBorderM } from './partition.ts'
import { roundClipped } from './precision.ts'
import { snapGrids } from './snap.ts'

export interface RepairBuilding {
  pos: Position
  households: number
}

export interface RepairOptions {
  /** vertices closer than this merge, m */
  snapM?: number
  /** the community's buildings: gap shares and slivers are judged by the households they hold */
  buildings?: readonly RepairBuilding[]
  band?: GridBand
}

/** One change, by grid index (into the grids given). */
export type RepairStep =
  | { kind: 'cut-outside'; grid: number; areaM2: number }
  | { kind: 'kept-covered'; grid: number }
  | { kind: 'took-piece'; grid: number; areaM2: number; borderM: number }
  | { kind: 'shared-piece'; grids: number[]; areaM2: number }
  | { kind: 'merged-sliver'; grid: number; into: number; areaM2: number }

export interface RepairResult {
  /** one entry per grid given; empty when the grid was merged away */
  grids: Polys[]
  steps: RepairStep[]
  /** what was done, in English: one line per change */
  actions: string[]
}

/** A grid this thin (mean width 2A/P, m) or this small (m²) with no households is a sliver, not a grid. */
const SLIVER_WIDTH_M = 10
const SLIVER_AREA_M2 = 1000

export function repairGrids(community: Polys, grids: Polys[], ids: string[] = grids.map((_, i) => `#${i + 1}`), opts: RepairOptions = {}): RepairResult {
  const steps: RepairStep[] = []
  const band = opts.band ?? DEFAULT_BAND
  const buildings = opts.buildings ?? []
  const householdsIn = (g: Polys) => (g.length ? buildings.reduce((s, b) => s + (pointInPolys(b.pos, g) ? b.households : 0), 0) : 0)
  const snapped = snapGrids(community, grids, opts.snapM ?? 1)
  const clipped = snapped.map((g, i) => {
    const inside = intersect(g, community)
    const lost = areaM2(g) - areaM2(inside)
    if (lost > 1) steps.push({ kind: 'cut-outside', grid: i, areaM2: lost })
    return inside
  })
  const boxes = clipped.map((g) => (g.length ? bboxOfPolys(g) : null))
  // Remove every overlap from all the grids involved; the overlap then is a gap like any other.
  const exclusive = clipped.map((g, i) => {
    const others = clipped.filter((h, j) => j !== i && h.length && boxes[i] && boxes[j] && bboxesOverlap(boxes[i]!, boxes[j]!))
    return others.length ? difference(g, unionAll(others)) : g
  })
  // A grid covered whole by its neighbours would vanish; it keeps its own land and they give way.
  exclusive.forEach((g, i) => {
    if (areaM2(g) >= 1 || areaM2(clipped[i]) < 1) return
    exclusive[i] = clipped[i]
    exclusive.forEach((h, j) => {
      if (j !== i && h.length) exclusive[j] = difference(h, clipped[i])
    })
    steps.push({ kind: 'kept-covered', grid: i })
  })
  const out = exclusive.slice()
  const hh = out.map(householdsIn)
  const holes = difference(community, unionAll(exclusive))
  for (const part of holes) {
    const piece: Polys = [part]
    const area = areaM2(piece)
    if (area < 1e-6) continue
    const borders = out.map((g) => (g.length ? sharedBorderM(piece, g) : 0))
    let best = borders.reduce((b, len, i) => (len > (b < 0 ? 0 : borders[b]) ? i : b), -1)
    if (best < 0) best = nearestGrid(out, centroidOf(piece))
    if (best < 0) continue
    const pieceHh = householdsIn(piece)
    const shares = pieceHh > 0 && hh[best] + pieceHh > band.max ? shareGap(piece, out) : null
    if (shares) {
      const got: number[] = []
      shares.forEach((s, i) => {
        if (!s.length) return
        out[i] = union(out[i], s)
        hh[i] += householdsIn(s)
        got.push(i)
      })
      steps.push({ kind: 'shared-piece', grids: got, areaM2: area })
      continue
    }
    out[best] = union(out[best], piece)
    hh[best] += pieceHh
    if (area > 1) steps.push({ kind: 'took-piece', grid: best, areaM2: area, borderM: borders[best] ?? 0 })
  }
  const anchors = out.map((g) => (g.length ? centroidOf(g) : undefined))
  const tiled = dissolveFragments(out, anchors, false)
  if (opts.buildings) mergeSlivers(tiled, householdsIn, steps)
  const result = tiled.map((g) => roundClipped(dropHairHoles(g)))
  return { grids: result, steps, actions: steps.map((s) => describe(s, ids)) }
}

/** A grid left thin or tiny with no households goes to the neighbour it borders longest. */
function mergeSlivers(grids: Polys[], householdsIn: (g: Polys) => number, steps: RepairStep[]): void {
  grids.forEach((g, i) => {
    if (!g.length) return
    const area = areaM2(g)
    const sliver = area < SLIVER_AREA_M2 || (2 * area) / perimeterM(g) < SLIVER_WIDTH_M
    if (!sliver || householdsIn(g) > 0) return
    let into = -1
    let len = 0
    grids.forEach((h, j) => {
      const l = j !== i && h.length ? sharedBorderM(g, h) : 0
      if (l > len) {
        len = l
        into = j
      }
    })
    if (into < 0) return
    grids[into] = union(grids[into], g)
    grids[i] = []
    steps.push({ kind: 'merged-sliver', grid: i, into, areaM2: area })
  })
}

function describe(s: RepairStep, ids: string[]): string {
  const a = (x: number) => `${x.toFixed(1)} m²`
  switch (s.kind) {
    case 'cut-outside':
      return `grid ${ids[s.grid]}: cut ${a(s.areaM2)} lying outside the community`
    case 'kept-covered':
      return `grid ${ids[s.grid]}: lay entirely under other grids; it keeps its area and they give way`
    case 'took-piece':
      return `grid ${ids[s.grid]}: took a ${a(s.areaM2)} gap or overlap piece (longest shared border, ${s.borderM.toFixed(1)} m)`
    case 'shared-piece':
      return `a ${a(s.areaM2)} gap or overlap piece was shared by border among grids ${s.grids.map((i) => ids[i]).join(', ')} (one alone would exceed the household band)`
    case 'merged-sliver':
      return `grid ${ids[s.grid]}: a ${a(s.areaM2)} sliver with no households, merged into grid ${ids[s.into]}`
  }
}

/** Holes below a square metre or thinner than 10 cm are seams between gap shares, not land of another grid. */
function dropHairHoles(g: Polys): Polys {
  return g.map((poly) => [poly[0], ...poly.slice(1).filter((h) => {
    const a = areaM2([[h]])
    return a >= 1 && (2 * a) / perimeterM([[h]]) >= 0.1
  })])
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
