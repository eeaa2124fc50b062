// Grids from the user's file, kept exactly as drawn (a gap or an overlap is the check's finding to show, not
// ours to repair), or generated to tile each community in 300–500 households as in the default world.
import type { Feature, Polygon, Position } from 'geojson'
import type { Rng } from '../../engine/rng.ts'
import { assignPoints } from '../../geometry/assign-buildings.ts'
import { generateGrids } from '../../geometry/generate-grids.ts'
import { interiorPoint } from '../../geometry/interior-point.ts'
import { areaFromPolys, centroidOf, polysOf, type Polys } from '../../geometry/measure.ts'
import { pointInPolys } from '../../geometry/partition.ts'
import { baseFor, rebalanceHouseholds } from '../generate/grid-defaults.ts'
import type { BuildingP, GridP } from '../schema.ts'
import type { Area } from '../types.ts'
import type { MappedLayer } from './mapping.ts'
import type { CommunityDraft } from './structure.ts'

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined)
const centre = (b: Feature<Polygon, BuildingP>): Position => centroidOf([b.geometry.coordinates])

/** calibration of the default world: one full-time grid worker per ≈400 residents */
const workersFor = (residents: number) => Math.max(1, Math.round(residents / 400))

export function fileGrids(layer: MappedLayer, cs: CommunityDraft[], buildings: Feature<Polygon, BuildingP>[]): { grids: Feature<Area, GridP>[]; byLocation: number } {
  const byKey = new Map<string, CommunityDraft>()
  for (const c of cs) { byKey.set(c.name, c); byKey.set(c.id, c) }
  const polys = layer.read.geometries.map((g) => (g.type === 'Point' ? [] : polysOf(g)))
  layer.read.geometries.forEach((g, i) => {
    if (g.type === 'Point') throw new Error(`${layer.read.file}: feature ${i} is a point; grids must be polygons`)
  })
  const pts = buildings.map(centre)
  const owner = assignPoints(polys, pts)
  const members: Feature<Polygon, BuildingP>[][] = polys.map(() => [])
  owner.forEach((g, k) => { if (g >= 0) members[g].push(buildings[k]) })
  let byLocation = 0
  const ids = new Set<string>()
  const counter = new Map<string, number>()
  const grids = layer.props.map((p, i): Feature<Area, GridP> => {
    const named = layer.fromFile.has('community') ? str(p.community) : undefined
    let c = named ? byKey.get(named) : undefined
    if (!c && !named) {
      const at = interiorPoint(polys[i])
      c = cs.find((x) => pointInPolys(at, x.polys))
      if (c) byLocation++
    }
    // a name that matches no community is kept: the check reports the grid as naming an unknown community
    const cid = c?.id ?? named ?? ''
    const n = (counter.get(cid) ?? 0) + 1
    counter.set(cid, n)
    let id = (layer.fromFile.has('id') && str(p.id)) || `${cid || 'G'}-G${String(n).padStart(2, '0')}`
    if (ids.has(id)) id = `${id}-${i}`
    ids.add(id)
    const mine = members[i]
    const residents = mine.reduce((s, b) => s + b.properties.residents, 0)
    const props: GridP = {
      id, origin: 'file',
      name: (layer.fromFile.has('name') && str(p.name)) || `${c?.name ?? ''}第${n}网格`,
      community: cid || 'unknown',
      type: (p.type as GridP['type']) ?? 'comprehensive',
      layer: (p.layer as GridP['layer']) ?? 'governance',
      partyBranch: typeof p.partyBranch === 'boolean' ? p.partyBranch : true,
      workersFullTime: layer.fromFile.has('workersFullTime') && typeof p.workersFullTime === 'number' ? p.workersFullTime : workersFor(residents),
      workersPartTime: typeof p.workersPartTime === 'number' ? p.workersPartTime : 0,
      base: baseFor(polys[i], mine.map((b) => ({ centre: centre(b), households: b.properties.households }))),
    }
    if (p.extra) (props as Record<string, unknown>).extra = p.extra
    return { type: 'Feature', properties: props, geometry: areaFromPolys(polys[i]) }
  })
  return { grids, byLocation }
}

/** Grids tiling one community; generated buildings may have households moved between them to fit the band. */
export function generatedGrids(c: CommunityDraft, buildings: Feature<Polygon, BuildingP>[], footprints: Position[][] | null, rebalance: boolean, rng: Rng): Feature<Area, GridP>[] {
  const pts = buildings.map(centre)
  const cells: Polys[] = generateGrids(c.polys, buildings.map((b, k) => ({ pos: pts[k], households: b.properties.households, footprint: footprints?.[k] ?? b.geometry.coordinates[0] })))
  const owner = assignPoints(cells, pts)
  if (rebalance) rebalanceHouseholds(buildings.map((b) => b.properties), owner, cells.length)
  return cells.map((g, gi): Feature<Area, GridP> => {
    const mine = buildings.map((_, k) => k).filter((k) => owner[k] === gi)
    const residents = mine.reduce((s, k) => s + buildings[k].properties.residents, 0)
    return {
      type: 'Feature',
      properties: {
        id: `${c.id}-G${String(gi + 1).padStart(2, '0')}`, origin: 'generated',
        name: `${c.name}第${gi + 1}网格`, community: c.id, type: 'comprehensive', layer: 'governance',
        partyBranch: rng.bernoulli(0.92), workersFullTime: workersFor(residents), workersPartTime: rng.bernoulli(0.9) ? 1 : 0,
        base: baseFor(g, mine.map((k) => ({ centre: pts[k], households: buildings[k].properties.households }))),
      },
      geometry: areaFromPolys(g),
    }
  })
}
