// Edits of the grid document as pure functions: each returns a new Doc (features are never mutated), so the
// store can keep the old one for undo.
import type { Position } from 'geojson'
import { DEFAULT_BAND, generateGrids, mergeGrids, repairGrids, splitGrid, type World } from '../../sim/api.ts'
import { areaOf, centroid, pointInPolys, polysOf, type Polys } from '../store/geo.ts'
import type { Doc, GridFeature } from '../store/store.ts'

const same = (a: Position, b: Position) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9

export function closeRing(ring: Position[]): Position[] {
  const r = ring.slice()
  if (r.length && !same(r[0], r[r.length - 1])) r.push(r[0])
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

export function addGrid(doc: Doc, w: World, ring: Position[]): { doc: Doc; id: string } | null {
  const r = closeRing(ring)
  const c = communityAt(w, centroid([[r]]))
  if (!c) return null
  const id = freshId(doc, c, 'N')
  return { doc: { ...doc, grids: [...doc.grids, gridFeature(id, c, [[r]], { name: id })] }, id }
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

/** Replace one grid's outer ring; vertices that moved also move in the other grids of the community that shared them. */
export function editRing(doc: Doc, id: string, newRing: Position[]): Doc {
  const g = doc.grids.find((x) => x.properties.id === id)
  if (!g) return doc
  const oldPolys = polysOf(g.geometry)
  const oldRing = oldPolys[0][0]
  const nr = closeRing(newRing)
  const moves: [Position, Position][] = []
  let inserted: { a: Position; b: Position; v: Position } | null = null
  if (nr.length === oldRing.length) for (let i = 0; i < nr.length - 1; i++) if (!same(nr[i], oldRing[i])) moves.push([oldRing[i], nr[i]])
  if (nr.length === oldRing.length + 1) {
    const i = nr.findIndex((p, k) => k < oldRing.length && !same(p, oldRing[k]))
    if (i > 0 && nr.slice(i + 1).every((p, k) => same(p, oldRing[i + k]))) inserted = { a: oldRing[i - 1], b: oldRing[i], v: nr[i] }
  }
  const geometry = areaOf([[nr, ...oldPolys[0].slice(1)], ...oldPolys.slice(1)])
  return {
    ...doc,
    grids: doc.grids.map((x) => {
      if (x === g) return { ...g, properties: { ...g.properties, base: undefined }, geometry }
      if ((!moves.length && !inserted) || x.properties.community !== g.properties.community) return x
      let changed = false
      const polys = polysOf(x.geometry).map((poly) =>
        poly.map((ring0) => {
          // a vertex inserted on a shared edge is inserted in the neighbour's copy of that edge too
          let ring = ring0
          if (inserted) {
            const { a, b, v } = inserted
            const j = ring.findIndex((p, k) => k < ring.length - 1 && ((same(p, a) && same(ring[k + 1], b)) || (same(p, b) && same(ring[k + 1], a))))
            if (j >= 0) {
              ring = [...ring.slice(0, j + 1), v, ...ring.slice(j + 1)]
              changed = true
            }
          }
          return ring.map((p) => {
            const m = moves.find(([from]) => same(from, p))
            if (!m) return p
            changed = true
            return m[1]
          })
        }),
      )
      return changed ? { ...x, geometry: areaOf(polys) } : x
    }),
  }
}

function communityPolys(w: World, c: string): Polys | null {
  const f = w.communities.features.find((x) => x.properties.id === c)
  return f ? polysOf(f.geometry) : null
}

export function generateForCommunity(doc: Doc, w: World, c: string, target: number): { doc: Doc; n: number } | null {
  const cp = communityPolys(w, c)
  if (!cp) return null
  const buildings = w.buildings.features
    .filter((b) => b.properties.community === c)
    .map((b) => ({ pos: centroid([b.geometry.coordinates]), households: b.properties.households, footprint: b.geometry.coordinates[0] }))
  const band = { ...DEFAULT_BAND, target }
  const polys = generateGrids(cp, buildings, band)
  const kept = doc.grids.filter((g) => !(g.properties.community === c && g.properties.layer !== 'party'))
  const fresh = polys.map((p, i) => gridFeature(`${c}-G${String(i + 1).padStart(2, '0')}`, c, p, { name: `${w.communities.features.find((x) => x.properties.id === c)?.properties.name ?? c}第${i + 1}网格` }))
  return { doc: { ...doc, grids: [...kept, ...fresh] }, n: fresh.length }
}

export function repairCommunity(doc: Doc, w: World, c: string): { doc: Doc; actions: string[] } | null {
  const cp = communityPolys(w, c)
  if (!cp) return null
  const gs = doc.grids.filter((g) => g.properties.community === c && g.properties.layer !== 'party')
  const r = repairGrids(cp, gs.map((g) => polysOf(g.geometry)), gs.map((g) => g.properties.id))
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
  }
}

/** Copy a community's governance grids as its party-building grids (replacing existing party grids there). */
export function copyToParty(doc: Doc, c: string): Doc {
  const gov = doc.grids.filter((g) => g.properties.community === c && g.properties.layer !== 'party')
  const rest = doc.grids.filter((g) => !(g.properties.community === c && g.properties.layer === 'party'))
  return { ...doc, grids: [...rest, ...gov.map((g) => ({ ...g, properties: { ...g.properties, id: `P-${g.properties.id}`, layer: 'party' as const } }))] }
}
