// Buildings from the user's file (points get a small square footprint) or generated inside each community by
// the default world's settlement builder, summing to the community's households.
import type { Feature, Polygon, Position } from 'geojson'
import type { Rng } from '../../engine/rng.ts'
import { interiorPoint } from '../../geometry/interior-point.ts'
import { areaFromPolys, areaM2, centroidOf, M_PER_DEG_LAT, mPerDegLon, polysOf, type Polys } from '../../geometry/measure.ts'
import { assignPoints } from '../../geometry/assign-buildings.ts'
import { buildSettlement, FORMS, splitInteger } from '../generate/settlement.ts'
import type { BuildingP, CompoundP, Origin, PropertyModel } from '../schema.ts'
import type { Area } from '../types.ts'
import { PERSONS_PER_HOUSEHOLD, type FormName } from './estimate.ts'
import type { MappedLayer } from './mapping.ts'
import type { CommunityDraft } from './structure.ts'

/** side of the square drawn around a building given as a point, m */
const POINT_FOOTPRINT_M = 20

export interface BuildingDraft {
  id: string
  /** community id, '' when the building lies in none */
  community: string
  footprint: Position[]
  centre: Position
  households?: number
  residents?: number
  props: Record<string, unknown>
}

function square(p: Position, sideM: number): Position[] {
  const dx = sideM / 2 / mPerDegLon(p[1])
  const dy = sideM / 2 / M_PER_DEG_LAT
  return [[p[0] - dx, p[1] - dy], [p[0] + dx, p[1] - dy], [p[0] + dx, p[1] + dy], [p[0] - dx, p[1] + dy], [p[0] - dx, p[1] - dy]]
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined)

/** The file's buildings, each placed in a community by its column (id or name) or else by where it lies. */
export function buildingDrafts(layer: MappedLayer, cs: CommunityDraft[]): { drafts: BuildingDraft[]; points: number; byLocation: number } {
  const byKey = new Map<string, CommunityDraft>()
  for (const c of cs) { byKey.set(c.name, c); byKey.set(c.id, c) }
  let points = 0
  let byLocation = 0
  const ids = new Set<string>()
  const shapes = layer.read.geometries.map((g) => {
    if (g.type === 'Point') {
      points++
      return { centre: g.coordinates, footprint: square(g.coordinates, POINT_FOOTPRINT_M) }
    }
    // a multipart building keeps its largest part: the world's buildings are single polygons
    const parts = polysOf(g).sort((a, b) => areaM2([b]) - areaM2([a]))
    return { centre: interiorPoint([parts[0]]), footprint: parts[0][0] }
  })
  // where each building lies, through a spatial index (a district has ≈15,000 buildings in ≈400 communities)
  const inside = assignPoints(cs.map((c) => c.polys), shapes.map((x) => x.centre))
  const drafts = layer.props.map((p, i): BuildingDraft => {
    const { centre, footprint } = shapes[i]
    const named = layer.fromFile.has('community') ? str(p.community) : undefined
    let c = named ? byKey.get(named) : undefined
    if (!c && inside[i] >= 0) {
      c = cs[inside[i]]
      byLocation++
    }
    let id = (layer.fromFile.has('id') && str(p.id)) || `B${String(i + 1).padStart(5, '0')}`
    if (ids.has(id)) id = `${id}-${i}`
    ids.add(id)
    return {
      id, community: c?.id ?? '', footprint, centre,
      households: layer.fromFile.has('households') && typeof p.households === 'number' ? p.households : undefined,
      residents: layer.fromFile.has('residents') && typeof p.residents === 'number' && p.residents > 0 ? p.residents : undefined,
      props: p,
    }
  })
  return { drafts, points, byLocation }
}

/** The file's buildings as features; households and residents the file lacks are split from the community's. */
export function fileBuildings(drafts: BuildingDraft[], hh: Map<string, number>, res: Map<string, number>): Feature<Polygon, BuildingP>[] {
  const byC = new Map<string, BuildingDraft[]>()
  for (const d of drafts) {
    if (!byC.has(d.community)) byC.set(d.community, [])
    byC.get(d.community)!.push(d)
  }
  const households = new Map<BuildingDraft, number>()
  const residents = new Map<BuildingDraft, number>()
  for (const [cid, list] of byC) {
    const floors = (d: BuildingDraft) => (typeof d.props.floors === 'number' ? d.props.floors : 6)
    const need = list.filter((d) => d.households === undefined)
    const left = Math.max(0, (hh.get(cid) ?? 0) - list.reduce((s, d) => s + (d.households ?? 0), 0))
    const split = splitInteger(left, need.map((d) => areaM2([[d.footprint]]) * floors(d) || 1))
    need.forEach((d, k) => households.set(d, split[k]))
    for (const d of list) if (d.households !== undefined) households.set(d, d.households)
    const needR = list.filter((d) => d.residents === undefined)
    const leftR = Math.max(0, (res.get(cid) ?? 0) - list.reduce((s, d) => s + (d.residents ?? 0), 0))
    const splitR = cid && res.has(cid) ? splitInteger(leftR, needR.map((d) => households.get(d)! || 0.001)) : needR.map((d) => Math.round(households.get(d)! * PERSONS_PER_HOUSEHOLD))
    needR.forEach((d, k) => residents.set(d, splitR[k]))
    for (const d of list) if (d.residents !== undefined) residents.set(d, d.residents)
  }
  return drafts.map((d) => {
    const p = d.props
    const props: BuildingP = {
      id: d.id, origin: 'file',
      compound: typeof p.compound === 'string' ? p.compound : '',
      community: d.community,
      households: households.get(d)!,
      residents: Math.max(households.get(d)!, residents.get(d)!),
      elderlyShare: typeof p.elderlyShare === 'number' ? p.elderlyShare : 0.2,
      partyMembers: typeof p.partyMembers === 'number' ? p.partyMembers : 0,
      renters: typeof p.renters === 'number' ? p.renters : 0,
      floors: typeof p.floors === 'number' ? p.floors : 6,
    }
    if (p.extra) (props as Record<string, unknown>).extra = p.extra
    return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [d.footprint] } }
  })
}

export interface Generated {
  buildings: Feature<Polygon, BuildingP>[]
  compounds: Feature<Area, CompoundP>[]
  /** for the grid generator */
  placed: { centre: Position; households: number; footprint: Position[] }[]
}

/** Compounds and buildings inside one community, as the default world makes them (settlement.ts). */
export function generateBuildings(c: CommunityDraft, households: number, residents: number, form: FormName, rng: Rng): Generated {
  const s = buildSettlement(c.polys, households, FORMS[form], rng.stream('settlement'))
  const origin: Origin = 'generated'
  const compoundIds = s.compounds.map((_, k) => `${c.id}-C${k + 1}`)
  const models: PropertyModel[] = ['none', 'self', 'professional', 'red']
  const compounds = s.compounds.map((k, i): Feature<Area, CompoundP> => ({
    type: 'Feature',
    properties: { id: compoundIds[i], origin, name: `${c.name.replace(/社区$/, '')}${i + 1}区`, community: c.id, property: models[rng.weighted([0.18, 0.1, 0.62, 0.1])], ownersCommittee: rng.bernoulli(0.1) },
    geometry: areaFromPolys(k),
  }))
  const res = splitInteger(residents, s.buildings.map((b) => b.households || 0.001))
  const buildings = s.buildings.map((b, k): Feature<Polygon, BuildingP> => ({
    type: 'Feature',
    properties: {
      id: `${c.id}-B${String(k + 1).padStart(3, '0')}`, origin,
      compound: compoundIds[b.compound] ?? '', community: c.id,
      households: b.households, residents: Math.max(b.households, res[k]),
      elderlyShare: Math.round(Math.min(0.6, Math.max(0.05, rng.normal(0.22, 0.05))) * 1000) / 1000,
      partyMembers: Math.round(res[k] * rng.uniform(0.04, 0.09)),
      renters: Math.round(b.households * Math.min(0.9, Math.max(0, rng.normal(0.22, 0.08)))),
      floors: Math.max(1, FORMS[form].floors + rng.int(-2, 2)),
    },
    geometry: { type: 'Polygon', coordinates: [b.footprint] },
  }))
  return { buildings, compounds, placed: s.buildings.map((b) => ({ centre: b.centre, households: b.households, footprint: b.footprint })) }
}

export const centreOf = (f: Feature<Polygon>): Position => centroidOf([f.geometry.coordinates])
export type { Polys }
