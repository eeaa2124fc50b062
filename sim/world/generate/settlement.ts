// Compounds (小区) and residential buildings (楼栋) inside one community. Built-up land is a disc around the
// community's centre sized to its households, so dense urban communities are built over almost entirely and
// large town communities keep fields and open land around a settled core.
import type { Position } from 'geojson'
import type { Rng } from '../../engine/rng.ts'
import { intersect } from '../../geometry/clip.ts'
import { areaM2, bboxOfPolys, centroidOf, M_PER_DEG_LAT, mPerDegLon, type Polys } from '../../geometry/measure.ts'
import { interiorPoint } from '../../geometry/interior-point.ts'
import { pointInPolys, relaxSeeds, voronoiCells } from '../../geometry/partition.ts'

export interface BuildingForm {
  /** households per building */
  households: number
  floors: number
  length: number
  depth: number
  /** lattice spacing along and across rows, m */
  sx: number
  sy: number
}

export const FORMS: Record<'core' | 'urban' | 'town', BuildingForm> = {
  core: { households: 110, floors: 18, length: 60, depth: 14, sx: 80, sy: 55 },
  urban: { households: 60, floors: 9, length: 50, depth: 12, sx: 68, sy: 42 },
  town: { households: 28, floors: 4, length: 32, depth: 10, sx: 45, sy: 30 },
}

export interface PlacedBuilding {
  footprint: Position[]
  centre: Position
  households: number
  compound: number
}

export interface Settlement {
  compounds: Polys[]
  buildings: PlacedBuilding[]
}

export function randomPointIn(poly: Polys, rng: Rng, tries = 200): Position {
  const [x0, y0, x1, y1] = bboxOfPolys(poly)
  for (let t = 0; t < tries; t++) {
    const p = [rng.uniform(x0, x1), rng.uniform(y0, y1)]
    if (pointInPolys(p, poly)) return p
  }
  return centroidOf(poly)
}

function disc(centre: Position, radiusM: number, n = 32): Polys {
  const kx = mPerDegLon(centre[1])
  const ring: Position[] = []
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n
    ring.push([centre[0] + (Math.cos(a) * radiusM) / kx, centre[1] + (Math.sin(a) * radiusM) / M_PER_DEG_LAT])
  }
  ring.push(ring[0])
  return [[ring]]
}

/** Shrink a polygon toward its centroid, leaving a margin for the roads between compounds. */
function shrink(poly: Polys, factor: number): Polys {
  const c = centroidOf(poly)
  const scaled = poly.map((p) => p.map((r) => r.map(([x, y]) => [c[0] + (x - c[0]) * factor, c[1] + (y - c[1]) * factor])))
  return intersect(scaled, poly)
}

function split(total: number, weights: number[]): number[] {
  // nothing to share among (e.g. every building of a community already has its households): nothing is split
  if (!weights.length) return []
  const sum = weights.reduce((s, w) => s + w, 0) || 1
  const raw = weights.map((w) => (total * w) / sum)
  const out = raw.map(Math.floor)
  let rest = total - out.reduce((s, x) => s + x, 0)
  const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]]++
  return out
}

export { split as splitInteger }

function lattice(compound: Polys, form: BuildingForm, rng: Rng, scale: number): { centre: Position; footprint: Position[] }[] {
  const [x0, y0, x1, y1] = bboxOfPolys(compound)
  const c = centroidOf(compound)
  const kx = mPerDegLon(c[1])
  const theta = rng.uniform(-0.14, 0.14)
  const cos = Math.cos(theta)
  const sin = Math.sin(theta)
  const toDeg = (dx: number, dy: number): Position => [c[0] + (dx * cos - dy * sin) / kx, c[1] + (dx * sin + dy * cos) / M_PER_DEG_LAT]
  const halfW = ((x1 - x0) * kx) / 2 + form.sx
  const halfH = ((y1 - y0) * M_PER_DEG_LAT) / 2 + form.sy
  const sx = form.sx * scale
  const sy = form.sy * scale
  const l = (form.length * Math.min(1, scale)) / 2
  const d = (form.depth * Math.min(1, scale)) / 2
  const ox = rng.uniform(0, sx)
  const oy = rng.uniform(0, sy)
  const out: { centre: Position; footprint: Position[]; r: number }[] = []
  for (let gx = -halfW - ox; gx <= halfW; gx += sx) {
    for (let gy = -halfH - oy; gy <= halfH; gy += sy) {
      const fp = [toDeg(gx - l, gy - d), toDeg(gx + l, gy - d), toDeg(gx + l, gy + d), toDeg(gx - l, gy + d)]
      // real street outlines have notches: the centre must be inside too, not only the corners
      const centre = toDeg(gx, gy)
      if (!fp.every((p) => pointInPolys(p, compound)) || !pointInPolys(centre, compound)) continue
      out.push({ centre, footprint: [...fp, fp[0]], r: gx * gx + gy * gy })
    }
  }
  return out.sort((a, b) => a.r - b.r)
}

export function buildSettlement(community: Polys, households: number, form: BuildingForm, rng: Rng): Settlement {
  const nBuildings = Math.max(1, Math.round(households / form.households))
  const communityArea = areaM2(community)
  // Town settlements are compact cores in open land; urban communities are built over wall to wall.
  const needed = nBuildings * form.sx * form.sy * (form === FORMS.town ? 2.2 : 4)
  const centre = interiorPoint(community)
  const region = needed >= communityArea * 0.7 ? community : intersect(community, disc(centre, Math.sqrt(needed / Math.PI)))
  const nCompounds = Math.min(8, Math.max(1, Math.round(households / 550)))
  let seeds = Array.from({ length: nCompounds }, () => randomPointIn(region, rng))
  seeds = relaxSeeds(region, seeds, 2)
  const compounds = voronoiCells(region, seeds)
    .filter((c) => c.length > 0)
    .map((c) => shrink(c, 0.9))
    .filter((c) => c.length > 0)
  const hh = split(households, compounds.map((c) => areaM2(c)))
  const buildings: PlacedBuilding[] = []
  compounds.forEach((poly, ci) => {
    if (hh[ci] === 0) return
    const want = Math.max(1, Math.round(hh[ci] / form.households))
    // Spread the buildings over the compound rather than bunching them in its middle.
    const spread = Math.min(2.5, Math.max(1, Math.sqrt(areaM2(poly) / (want * form.sx * form.sy * 1.3))))
    let spots = lattice(poly, form, rng, spread)
    for (let s = spread * 0.85; spots.length < want && s > 0.4; s *= 0.85) spots = lattice(poly, form, rng, s)
    if (spots.length === 0) {
      const p = interiorPoint(poly)
      const kx = mPerDegLon(p[1])
      const dx = 8 / kx
      const dy = 5 / M_PER_DEG_LAT
      spots = [{ centre: p, footprint: [[p[0] - dx, p[1] - dy], [p[0] + dx, p[1] - dy], [p[0] + dx, p[1] + dy], [p[0] - dx, p[1] + dy], [p[0] - dx, p[1] - dy]] }]
    }
    const chosen = spots.slice(0, want)
    const per = split(hh[ci], chosen.map(() => rng.uniform(0.85, 1.15)))
    chosen.forEach((s, k) => {
      if (per[k] > 0) buildings.push({ footprint: s.footprint, centre: s.centre, households: per[k], compound: ci })
    })
  })
  return { compounds, buildings }
}
