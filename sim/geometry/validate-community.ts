// The grid rules for one community: grids must tile it exactly (no gap, no overlap, nothing outside it),
// every building must fall in a grid, and each grid should hold 300–500 households where the community's
// size allows it. A piece smaller than `areaTolM2` or thinner than `widthTolM` (mean width 2A/P) is
// coordinate noise — 7-decimal rounding alone leaves millimetre slivers along every cut — not a finding.
// Overlaps are looked for only between grids whose boxes overlap (a Flatbush index), and once a community
// has LIST_CAP overlaps the remaining candidate pairs are counted, not intersected: a thousand stacked copies
// of one grid would otherwise cost half a million polygon intersections.
import Flatbush from 'flatbush'
import type { Position } from 'geojson'
import { assignPoints } from './assign-buildings.ts'
import { difference, intersect, unionAll } from './clip.ts'
import { capFindings, FINDING, LIST_CAP, type Finding } from './findings.ts'
import { DEFAULT_BAND, gridCount, type GridBand } from './generate-grids.ts'
import { ringProblems } from './ring-validity.ts'
import { areaM2, bboxOfPolys, centroidOf, perimeterM, type Polys } from './measure.ts'

export interface CommunityInput {
  id: string
  geometry: Polys
}
export interface GridInput {
  id: string
  geometry: Polys
}
export interface BuildingInput {
  id: string
  pos: Position
  households: number
}

export interface ValidateOptions {
  band?: GridBand
  areaTolM2?: number
  widthTolM?: number
  /** findings listed per kind before the rest are summarised (default LIST_CAP) */
  listCap?: number
}

export const DEFAULT_AREA_TOL_M2 = 1
export const DEFAULT_WIDTH_TOL_M = 0.1

const fmtArea = (a: number) => (a >= 10_000 ? `${(a / 10_000).toFixed(2)} ha` : `${a.toFixed(1)} m²`)

interface Tolerance {
  area: number
  width: number
}

function pieces(polys: Polys, tol: Tolerance): { poly: Polys; area: number }[] {
  return polys
    .map((p) => ({ poly: [p], area: areaM2([p]) }))
    .filter((x) => x.area > tol.area && (2 * x.area) / perimeterM(x.poly) > tol.width)
}

function safely(f: () => Polys, onFail: (e: unknown) => void): Polys | null {
  try {
    return f()
  } catch (e) {
    onFail(e)
    return null
  }
}

export function validateCommunity(community: CommunityInput, grids: GridInput[], buildings: BuildingInput[], opts: ValidateOptions = {}): Finding[] {
  const band = opts.band ?? DEFAULT_BAND
  const tol = { area: opts.areaTolM2 ?? DEFAULT_AREA_TOL_M2, width: opts.widthTolM ?? DEFAULT_WIDTH_TOL_M }
  const out: Finding[] = []
  const C = community.geometry
  const cref = { layer: 'communities' as const, id: community.id }
  const cap = opts.listCap ?? LIST_CAP
  const fail = (ids: string[]) => (e: unknown) => {
    const named = ids.slice(0, 20)
    const more = ids.length > named.length ? ` and ${ids.length - named.length} more` : ''
    out.push({
      code: FINDING.OPERATION_FAILED,
      severity: 'error',
      message: `community ${community.id}: geometry operation failed on ${named.join(', ')}${more}: ${(e as Error).message ?? e}`,
      location: centroidOf(C),
      features: [cref, ...named.map((id) => ({ layer: 'grids' as const, id }))],
    })
  }

  if (grids.length === 0) {
    out.push({ code: FINDING.NO_GRIDS, severity: 'error', message: `community ${community.id} has no grids`, location: centroidOf(C), features: [cref] })
    return out
  }

  // A broken ring makes every boolean operation meaningless: report it and leave that grid out of the rest.
  const valid: GridInput[] = []
  for (const g of grids) {
    const problems = g.geometry.flatMap((poly) => poly.flatMap((ring, r) => ringProblems(ring).map((p) => ({ ...p, r }))))
    const bad = problems.filter((p) => p.code !== 'CHECK_INCOMPLETE')
    if (g.geometry.length === 0 || bad.length > 0) {
      out.push({
        code: FINDING.INVALID_GEOMETRY,
        severity: 'error',
        message: g.geometry.length === 0 ? `grid ${g.id} has no geometry` : `grid ${g.id}: ring ${bad[0].r} ${bad[0].message}`,
        location: bad[0]?.at ?? (g.geometry.length ? centroidOf(g.geometry) : centroidOf(C)),
        features: [{ layer: 'grids', id: g.id }],
      })
    } else valid.push(g)
  }
  grids = valid

  for (const g of grids) {
    const gref = { layer: 'grids' as const, id: g.id }
    if (g.geometry.length > 1) {
      out.push({ code: FINDING.MULTIPART, severity: 'warning', message: `grid ${g.id} has ${g.geometry.length} separate parts`, location: centroidOf(g.geometry), features: [gref] })
    }
    const outside = safely(() => difference(g.geometry, C), fail([g.id]))
    for (const p of pieces(outside ?? [], tol)) {
      out.push({
        code: FINDING.CROSSES_COMMUNITY,
        severity: 'error',
        message: `grid ${g.id} extends ${fmtArea(p.area)} outside community ${community.id}`,
        location: centroidOf(p.poly),
        features: [gref, cref],
        areaM2: p.area,
      })
    }
  }

  overlaps(grids, tol, cap, out, fail, community.id, C)

  const covered = safely(() => unionAll(grids.map((g) => g.geometry)), fail(grids.map((g) => g.id)))
  const gaps = covered ? safely(() => difference(C, covered), fail([community.id])) : null
  for (const p of pieces(gaps ?? [], tol)) {
    out.push({
      code: FINDING.GAP,
      severity: 'error',
      message: `community ${community.id} has a gap of ${fmtArea(p.area)} covered by no grid`,
      location: centroidOf(p.poly),
      features: [cref],
      areaM2: p.area,
    })
  }

  const owner = assignPoints(grids.map((g) => g.geometry), buildings.map((b) => b.pos))
  const households = new Array<number>(grids.length).fill(0)
  buildings.forEach((b, i) => {
    if (owner[i] >= 0) households[owner[i]] += b.households
    else
      out.push({
        code: FINDING.UNASSIGNED_BUILDING,
        severity: 'error',
        message: `building ${b.id} (${b.households} households) in community ${community.id} lies in no grid`,
        location: b.pos,
        features: [{ layer: 'buildings', id: b.id }, cref],
      })
  })

  // When the community cannot be cut into grids that all sit in the band, being outside it is expected.
  const total = buildings.reduce((s, b) => s + b.households, 0)
  const k = gridCount(total, band)
  const bandPossible = total > 0 && total / k >= band.min && total / k <= band.max
  grids.forEach((g, i) => {
    const h = households[i]
    if (h >= band.min && h <= band.max) return
    const below = h < band.min
    out.push({
      code: below ? FINDING.HOUSEHOLDS_BELOW : FINDING.HOUSEHOLDS_ABOVE,
      severity: bandPossible ? 'warning' : 'info',
      message: `grid ${g.id} has ${h} households, ${below ? 'below' : 'above'} the ${band.min}–${band.max} band${bandPossible ? '' : ' (the community cannot be split within the band)'}`,
      location: centroidOf(g.geometry),
      features: [{ layer: 'grids', id: g.id }],
      value: h,
    })
  })
  return capFindings(out, cap, { community: community.id, location: centroidOf(C) })
}

function overlaps(grids: GridInput[], tol: Tolerance, cap: number, out: Finding[], fail: (ids: string[]) => (e: unknown) => void, communityId: string, C: Polys): void {
  if (grids.length < 2) return
  const boxes = grids.map((g) => bboxOfPolys(g.geometry))
  const index = new Flatbush(grids.length)
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3])
  index.finish()
  let found = 0
  let unexamined = 0
  for (let i = 0; i < grids.length; i++) {
    const bi = boxes[i]
    // Boxes that only touch cannot hold an overlap of any area; the j > i half visits each pair once.
    const js = index.search(bi[0], bi[1], bi[2], bi[3], (j) => j > i && boxesShareArea(bi, boxes[j]))
    if (found >= cap) {
      unexamined += js.length
      continue
    }
    js.sort((a, b) => a - b)
    for (let k = 0; k < js.length; k++) {
      const j = js[k]
      if (found >= cap) {
        unexamined += js.length - k
        break
      }
      const both = safely(() => intersect(grids[i].geometry, grids[j].geometry), fail([grids[i].id, grids[j].id]))
      for (const p of pieces(both ?? [], tol)) {
        found++
        out.push({
          code: FINDING.OVERLAP,
          severity: 'error',
          message: `grids ${grids[i].id} and ${grids[j].id} overlap by ${fmtArea(p.area)}`,
          location: centroidOf(p.poly),
          features: [{ layer: 'grids', id: grids[i].id }, { layer: 'grids', id: grids[j].id }],
          areaM2: p.area,
        })
      }
    }
  }
  if (unexamined > 0) {
    out.push({
      code: FINDING.OVERLAPS_NOT_EXAMINED,
      severity: 'error',
      message: `community ${communityId}: ${unexamined} more pairs of grids whose extents overlap were not examined (the first ${found} overlaps are listed)`,
      location: centroidOf(C),
      features: [{ layer: 'communities', id: communityId }],
      value: unexamined,
    })
  }
}

const boxesShareArea = (a: number[], b: number[]): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
