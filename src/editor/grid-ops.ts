// Edits of the grid document as pure functions: each returns a new Doc (features are never mutated), so the
// store can keep the old one for undo.
import type { Position } from 'geojson'
import { carveGrid, DEFAULT_BAND, editShared, generateGrids, mergeGrids, nodedRing, repairGrids, roundClipped, roundPolys, samePosition, splitGrid, type RepairStep, type World } from '../../sim/api.ts'
import { areaOf as areaOfExact, centroid, pointInPolys, polysOf, type Polys } from '../store/geo.ts'
import type { Doc, GridFeature } from '../store/store.ts'

/** Every geometry the editor writes is stored at the documented precision (sim/geometry/precision.ts). */
const areaOf = (p: Polys) => areaOfExact(roundPolys(p))


export function closeRing(ring: Position[]): Position[] {
  const r = ring.slice()
  if (r.length && !samePosition(r[0], r[r.length - 1])) r.push(r[0])
  return r
}

export function communityAt(w: World, p: Position): string | null {
  for (const c of w.communities.features) if (pointInPolys(p, polysOf(c.geometry))) return c.properties.id
  return null
}

function freshId(doc: Doc, community: string, prefix = 'G'): string {
  const ids = new Set(doc.grids.map((g) => g.properties.id))
  for (let k = 1; ; k++) {
    const id = `${community}-${prefix}${String(k).padStart(2, '0')}`
    if (!ids.has(id)) return id
  }
}

function gridFeature(id: string, community: string, geometry: Polys, props: Partial<GridFeature['properties']> = {}): GridFeature {
  return {
    type: 'Feature',
    properties: { id, name: props.name ?? id, community, type: 'comprehensive', layer: 'governance', partyBranch: true, workersFullTime: 1, workersPartTime: 0, ...props, base: undefined },
    geometry: areaOf(geometry),
  }
}

/** Add a drawn grid to the community it lies in; it is clipped to the community and takes its land from the
 * grids of its layer it covers (reported by id in `from`; a grid covered whole is removed). */
export function addGrid(doc: Doc, w: World, ring: Position[]): { doc: Doc; id: string; from: string[] } | null {
  const r = closeRing(ring)
  const c = communityAt(w, centroid([[r]]))
  const cp = c ? communityPolys(w, c) : null
  if (!c || !cp) return null
  const peers = doc.grids.filter((g) => g.properties.community === c && g.properties.layer !== 'party')
  const carved = carveGrid(cp, [[r]], peers.map((g) => polysOf(g.geometry)))
  if (!carved.grid.length) return null
  const id = freshId(doc, c, 'N')
  const from: string[] = []
  const next = new Map<GridFeature, GridFeature | null>()
  peers.forEach((g, i) => {
    if (carved.neighbours[i] === polysOf(g.geometry) || carved.takenM2[i] < 0.01) return
    from.push(g.properties.id)
    next.set(g, carved.neighbours[i].length ? { ...g, properties: { ...g.properties, base: undefined }, geometry: areaOf(carved.neighbours[i]) } : null)
  })
  const grids = doc.grids.flatMap((g) => (next.has(g) ? (next.get(g) ? [next.get(g)!] : []) : [g]))
  return { doc: { ...doc, grids: [...grids, gridFeature(id, c, carved.grid, { name: id })] }, id, from }
}

export function splitGridOp(doc: Doc, id: string, a: Position, b: Position): { doc: Doc; ids: [string, string] } | null {
  const g = doc.grids.find((x) => x.properties.id === id)
  if (!g) return null
  const parts = splitGrid(polysOf(g.geometry), a, b)
  if (!parts) return null
  const id2 = freshId(doc, g.properties.community, 'S')
  const first: GridFeature = { ...g, properties: { ...g.properties, base: undefined }, geometry: areaOf(parts[0]) }
  const second = gridFeature(id2, g.properties.community, parts[1], { ...g.properties, id: id2, name: `${g.properties.name}-2` })
  return { doc: { ...doc, grids: doc.grids.flatMap((x) => (x === g ? [first, second] : [x])) }, ids: [id, id2] }
}

export function mergeGridsOp(doc: Doc, ids: string[]): { doc: Doc; id: string } | null {
  const gs = doc.grids.filter((g) => ids.includes(g.properties.id))
  if (gs.length < 2 || new Set(gs.map((g) => `${g.properties.community}|${g.properties.layer}`)).size > 1) return null
  const [keep] = gs
  const merged: GridFeature = {
    ...keep,
    properties: {
      ...keep.properties,
      base: undefined,
      workersFullTime: gs.reduce((s, g) => s + (g.properties.workersFullTime ?? 0), 0),
      workersPartTime: gs.reduce((s, g) => s + (g.properties.workersPartTime ?? 0), 0),
    },
    geometry: areaOf(mergeGrids(gs.map((g) => polysOf(g.geometry)))),
  }
  const drop = new Set(gs.slice(1))
  return { doc: { ...doc, grids: doc.grids.filter((g) => !drop.has(g)).map((g) => (g === keep ? merged : g)) }, id: keep.properties.id }
}

export function deleteGrids(doc: Doc, ids: string[]): Doc {
  return { ...doc, grids: doc.grids.filter((g) => !ids.includes(g.properties.id)) }
}

export function setGridProps(doc: Doc, id: string, props: Partial<GridFeature['properties']>): Doc {
  return { ...doc, grids: doc.grids.map((g) => (g.properties.id === id ? { ...g, properties: { ...g.properties, ...props } } : g)) }
}

/** The grids that share topology with `g`: the same community and layer (g itself included). */
function peersOf(doc: Doc, g: GridFeature): GridFeature[] {
  return doc.grids.filter((x) => x.properties.community === g.properties.community && (x.properties.layer ?? 'governance') === (g.properties.layer ?? 'governance'))
}

/** The ring the vertex editor shows for grid `id`: its outer ring with the neighbours' T-junction vertices. */
export function editableRing(doc: Doc, id: string): Position[] | null {
  const g = doc.grids.find((x) => x.properties.id === id)
  if (!g) return null
  const peers = peersOf(doc, g)
  return nodedRing(peers.map((x) => polysOf(x.geometry)), peers.indexOf(g))
}

/** Replace one grid's outer ring (edited from editableRing); a shared vertex or edge that moved moves in
 * every grid of the community that uses it, T-junctions included. */
export function editRing(doc: Doc, id: string, newRing: Position[]): Doc {
  const g = doc.grids.find((x) => x.properties.id === id)
  if (!g) return doc
  const peers = peersOf(doc, g)
  const before = peers.map((x) => polysOf(x.geometry))
  const after = editShared(before, peers.indexOf(g), closeRing(newRing))
  const next = new Map(peers.map((x, i) => [x, after[i] === before[i] ? x : { ...x, properties: { ...x.properties, base: undefined }, geometry: areaOf(after[i]) }]))
  return { ...doc, grids: doc.grids.map((x) => next.get(x) ?? x) }
}

function communityBuildings(w: World, c: string) {
  return w.buildings.features
    .filter((b) => b.properties.community === c)
    .map((b) => ({ pos: centroid([b.geometry.coordinates]), households: b.properties.households, footprint: b.geometry.coordinates[0] }))
}

function communityPolys(w: World, c: string): Polys | null {
  const f = w.communities.features.find((x) => x.properties.id === c)
  return f ? polysOf(f.geometry) : null
}

export function generateForCommunity(doc: Doc, w: World, c: string, target: number): { doc: Doc; n: number } | null {
  const cp = communityPolys(w, c)
  if (!cp) return null
  const buildings = communityBuildings(w, c)
  const band = { ...DEFAULT_BAND, target }
  const polys = generateGrids(cp, buildings, band).map(roundClipped)
  const kept = doc.grids.filter((g) => !(g.properties.community === c && g.properties.layer !== 'party'))
  const fresh = polys.map((p, i) => gridFeature(`${c}-G${String(i + 1).padStart(2, '0')}`, c, p, { name: `${w.communities.features.find((x) => x.properties.id === c)?.properties.name ?? c}第${i + 1}网格` }))
  return { doc: { ...doc, grids: [...kept, ...fresh] }, n: fresh.length }
}

/** Repair one community's governance grids; `ids[i]` is the grid `steps` call i. */
export function repairCommunity(doc: Doc, w: World, c: string): { doc: Doc; actions: string[]; steps: RepairStep[]; ids: string[] } | null {
  const cp = communityPolys(w, c)
  if (!cp) return null
  const gs = doc.grids.filter((g) => g.properties.community === c && g.properties.layer !== 'party')
  const ids = gs.map((g) => g.properties.id)
  const r = repairGrids(cp, gs.map((g) => polysOf(g.geometry)), ids, { buildings: communityBuildings(w, c) })
  const byId = new Map(gs.map((g, i) => [g, r.grids[i]]))
  return {
    doc: {
      ...doc,
      grids: doc.grids.flatMap((g) => {
        const p = byId.get(g)
        if (!p) return [g]
        return p.length ? [{ ...g, geometry: areaOf(p) }] : []
      }),
    },
    actions: r.actions,
    steps: r.steps,
    ids,
  }
}

/** Copy a community's governance grids as its party-building grids (replacing existing party grids there). */
export function copyToParty(doc: Doc, c: string): Doc {
  const gov = doc.grids.filter((g) => g.properties.community === c && g.properties.layer !== 'party')
  const rest = doc.grids.filter((g) => !(g.properties.community === c && g.properties.layer === 'party'))
  return { ...doc, grids: [...rest, ...gov.map((g) => ({ ...g, properties: { ...g.properties, id: `P-${g.properties.id}`, layer: 'party' as const } }))] }
}
