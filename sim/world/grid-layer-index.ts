// The grid layer indexed by community: what the rules need to re-check one community after an edit without
// touching the rest of the district.
import type { Feature, Position } from 'geojson'
import { assignPoints, indexAreas } from '../geometry/assign-buildings.ts'
import { centroidOf, polysOf, type Polys } from '../geometry/measure.ts'
import type { GridP } from './schema.ts'
import type { Area, World } from './types.ts'

export interface CommunityRec {
  id: string
  name: string
  geometry: Polys
}
export interface GridRec {
  id: string
  community: string
  geometry: Polys
  base?: Position
}
export interface BuildingRec {
  id: string
  pos: Position
  households: number
  residents: number
}

export interface GridLayerIndex {
  communities: Map<string, CommunityRec>
  gridsByCommunity: Map<string, GridRec[]>
  buildingsByCommunity: Map<string, BuildingRec[]>
  /** grids naming a community that does not exist */
  orphanGrids: GridRec[]
  /** buildings in no community */
  orphanBuildings: BuildingRec[]
}

export type GridLayerInput = Pick<World, 'communities' | 'grids' | 'buildings'>

/** A building's representative point: its own point, or the centroid of its footprint. */
export function buildingPoint(f: Feature): Position {
  const g = f.geometry
  if (g.type === 'Point') return g.coordinates
  return centroidOf(polysOf(g as Area))
}

export function gridRec(f: Feature<Area, GridP>): GridRec {
  const p = f.properties
  return { id: String(p.id), community: String(p.community), geometry: polysOf(f.geometry), base: p.base }
}

/** Where every building is and which community holds it (index into communities.features, −1: none): the
 * geometric half of the index, computed once (the page gets it from the world's worker, in typed arrays). */
export interface BuildingPlaces {
  /** x, y per building */
  points: Float64Array
  owner: Int32Array
}

export function buildingPlaces(w: Pick<World, 'communities' | 'buildings'>): BuildingPlaces {
  // as indexGridLayer lists them: one per id, in first-seen order, the last geometry of a repeated id
  const byId = new Map<string, Polys>()
  for (const f of w.communities.features) byId.set(String(f.properties.id), polysOf(f.geometry))
  const polys = [...byId.values()]
  const pts = w.buildings.features.map(buildingPoint)
  const owner = assignPoints(polys, pts, indexAreas(polys))
  const points = new Float64Array(2 * pts.length)
  pts.forEach((p, i) => points.set([p[0], p[1]], 2 * i))
  return { points, owner }
}

export function indexGridLayer(w: GridLayerInput, places?: BuildingPlaces): GridLayerIndex {
  const steps = indexSteps(w, places)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/** indexGridLayer as steps: it pauses after every `every` features, so a page can build the index between
 * frames (the whole city's is ≈ 220,000 records). With `places` the buildings need no geometry. */
export function* indexSteps(w: GridLayerInput, places?: BuildingPlaces, every = 4000): Generator<void, GridLayerIndex> {
  let n = 0
  const communities = new Map<string, CommunityRec>()
  for (const f of w.communities.features) {
    communities.set(String(f.properties.id), { id: String(f.properties.id), name: f.properties.name, geometry: polysOf(f.geometry) })
    if (++n % every === 0) yield
  }
  const gridsByCommunity = new Map<string, GridRec[]>([...communities.keys()].map((k) => [k, []]))
  const orphanGrids: GridRec[] = []
  for (const f of w.grids.features) {
    const r = gridRec(f)
    const list = gridsByCommunity.get(r.community)
    if (list) list.push(r)
    else orphanGrids.push(r)
    if (++n % every === 0) yield
  }
  const cList = [...communities.values()]
  const bf = w.buildings.features
  const points = places ? bf.map((_f, i): Position => [places.points[2 * i], places.points[2 * i + 1]]) : bf.map(buildingPoint)
  const owner = places ? places.owner : assignPoints(cList.map((c) => c.geometry), points, indexAreas(cList.map((c) => c.geometry)))
  const buildingsByCommunity = new Map<string, BuildingRec[]>([...communities.keys()].map((k) => [k, []]))
  const orphanBuildings: BuildingRec[] = []
  for (let i = 0; i < bf.length; i++) {
    const f = bf[i]
    const rec = { id: String(f.properties.id), pos: points[i], households: f.properties.households ?? 0, residents: f.properties.residents ?? 0 }
    if (owner[i] >= 0) buildingsByCommunity.get(cList[owner[i]].id)!.push(rec)
    else orphanBuildings.push(rec)
    if (++n % every === 0) yield
  }
  return { communities, gridsByCommunity, buildingsByCommunity, orphanGrids, orphanBuildings }
}

/** Replace (or add) one grid in the index, as the editor does after a vertex drag. */
export function putGrid(ix: GridLayerIndex, grid: GridRec): void {
  for (const list of ix.gridsByCommunity.values()) {
    const k = list.findIndex((g) => g.id === grid.id)
    if (k >= 0) list.splice(k, 1)
  }
  const list = ix.gridsByCommunity.get(grid.community)
  if (list) list.push(grid)
  else ix.orphanGrids.push(grid)
}
