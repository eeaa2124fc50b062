// Automatic grids for one community: recursive bisection by household-weighted quantiles. Each cut is a
// straight line placed between two buildings, so the two sides are exact complements (the tiling has no gaps
// or overlaps by construction) and each grid's households are as balanced as whole buildings allow.
import type { Position } from 'geojson'
import { areaM2, compactness, M_PER_DEG_LAT, mPerDegLon, type Polys } from './measure.ts'
import { dissolveFragments, splitByLine } from './partition.ts'

export interface GridBuilding {
  pos: Position
  households: number
  /** outline, when known: cuts avoid passing through it */
  footprint?: Position[]
}

export interface GridBand {
  /** households per grid the planner aims at */
  target: number
  min: number
  max: number
}

export const DEFAULT_BAND: GridBand = { target: 400, min: 300, max: 500 }

/** How many grids a community of `households` needs: as close to the target as the band allows. */
export function gridCount(households: number, band: GridBand = DEFAULT_BAND): number {
  if (households <= 0) return 1
  const lo = Math.max(1, Math.ceil(households / band.max))
  const hi = Math.floor(households / band.min)
  const ideal = Math.max(1, Math.round(households / band.target))
  if (lo > hi) return ideal
  return Math.min(hi, Math.max(lo, ideal))
}

interface Candidate {
  a: Polys
  b: Polys
  ia: number[]
  ib: number[]
  score: number
}

const ANGLE_OFFSETS = Array.from({ length: 12 }, (_, i) => (i * Math.PI) / 12)

/** Direction of greatest spread of the buildings (household-weighted principal axis), radians in local metres. */
function principalAngle(pts: [number, number][], w: number[]): number {
  let sw = 0
  let mx = 0
  let my = 0
  pts.forEach(([x, y], i) => {
    sw += w[i]
    mx += w[i] * x
    my += w[i] * y
  })
  if (sw === 0) return 0
  mx /= sw
  my /= sw
  let sxx = 0
  let syy = 0
  let sxy = 0
  pts.forEach(([x, y], i) => {
    sxx += w[i] * (x - mx) ** 2
    syy += w[i] * (y - my) ** 2
    sxy += w[i] * (x - mx) * (y - my)
  })
  return 0.5 * Math.atan2(2 * sxy, sxx - syy)
}

function trySplit(poly: Polys, b: GridBuilding[], idx: number[], k: number, theta: number, band: GridBand, local: (p: Position) => [number, number], origin: Position, kx: number): Candidate | null {
  const k1 = Math.floor(k / 2)
  const total = idx.reduce((s, i) => s + b[i].households, 0)
  const goal = (total * k1) / k
  const ux = Math.cos(theta)
  const uy = Math.sin(theta)
  const proj = idx.map((i) => {
    const [x, y] = local(b[i].pos)
    let lo = x * ux + y * uy
    let hi = lo
    for (const p of b[i].footprint ?? []) {
      const [fx, fy] = local(p)
      const t = fx * ux + fy * uy
      if (t < lo) lo = t
      if (t > hi) hi = t
    }
    return { i, t: x * ux + y * uy, lo, hi }
  })
  proj.sort((p, q) => p.t - q.t || p.i - q.i)
  // Choose the split between positions s-1 and s: both sides able to make grids inside the band first, then
  // closest to the even share, preferring a line between building footprints rather than through one.
  const k2 = k - k1
  const outOfBand = (h: number, n: number) => (h < band.min * n ? band.min * n - h : h > band.max * n ? h - band.max * n : 0)
  let cum = 0
  let bestS = 1
  let bestCost = Infinity
  for (let s = 1; s < proj.length; s++) {
    cum += b[proj[s - 1].i].households
    if (proj[s].t - proj[s - 1].t < 1e-6) continue
    const t = (proj[s - 1].t + proj[s].t) / 2
    const crossings = proj.reduce((n, p) => n + (p.lo < t && t < p.hi ? 1 : 0), 0)
    const cost = 1000 * (outOfBand(cum, k1) + outOfBand(total - cum, k2)) + Math.abs(cum - goal) + 60 * crossings
    if (cost < bestCost) {
      bestCost = cost
      bestS = s
    }
  }
  if (proj.length < 2 || bestCost === Infinity) return null
  const tCut = (proj[bestS - 1].t + proj[bestS].t) / 2
  // The cut line: points p with p·u = tCut, i.e. direction perpendicular to u.
  const px = tCut * ux
  const py = tCut * uy
  const lineOrigin: Position = [origin[0] + px / kx, origin[1] + py / M_PER_DEG_LAT]
  const [left, right] = splitByLine(poly, lineOrigin, theta + Math.PI / 2)
  // splitByLine's first half lies on the left of the line direction, i.e. toward −u here.
  const ia = proj.slice(0, bestS).map((p) => p.i)
  const ib = proj.slice(bestS).map((p) => p.i)
  if (left.length === 0 || right.length === 0) return null
  const pieces = left.length + right.length - 2
  const score = pieces * 1e6 + bestCost - 100 * (compactness(left) + compactness(right))
  return { a: left, b: right, ia, ib, score }
}

function bisect(poly: Polys, b: GridBuilding[], idx: number[], k: number, band: GridBand, out: { poly: Polys; members: number[] }[]): void {
  if (k <= 1 || idx.length < 2) {
    // A community with fewer buildings than grids wanted gets fewer grids rather than empty ones.
    out.push({ poly, members: idx })
    return
  }
  const lat = b[idx[0]].pos[1]
  const kx = mPerDegLon(lat)
  const origin = b[idx[0]].pos
  const local = (p: Position): [number, number] => [(p[0] - origin[0]) * kx, (p[1] - origin[1]) * M_PER_DEG_LAT]
  const pts = idx.map((i) => local(b[i].pos))
  const axis = principalAngle(pts, idx.map((i) => Math.max(1, b[i].households)))
  let best: Candidate | null = null
  for (const off of ANGLE_OFFSETS) {
    const c = trySplit(poly, b, idx, k, axis + off, band, local, origin, kx)
    if (c && (!best || c.score < best.score)) best = c
  }
  if (!best) {
    out.push({ poly, members: idx })
    return
  }
  const k1 = Math.floor(k / 2)
  bisect(best.a, b, best.ia, k1, band, out)
  bisect(best.b, b, best.ib, k - k1, band, out)
}

/**
 * Grids that tile `community` exactly, with households balanced toward `band.target`.
 * Buildings are given by a representative point; grids are cut between buildings, never through one point.
 */
export function generateGrids(community: Polys, buildings: GridBuilding[], band: GridBand = DEFAULT_BAND): Polys[] {
  const total = buildings.reduce((s, x) => s + x.households, 0)
  const k = gridCount(total, band)
  const out: { poly: Polys; members: number[] }[] = []
  bisect(community, buildings, buildings.map((_, i) => i), k, band, out)
  // A cut through a concave community can leave a detached piece; give it to the neighbour it borders most.
  const anchors = out.map((o) => (o.members.length ? buildings[o.members[0]].pos : undefined))
  return dissolveFragments(out.map((o) => o.poly), anchors).map((g) => g.filter((p) => areaM2([p]) > 0))
}
