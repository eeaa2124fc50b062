// An imported layer joins the document. Grids join the editable layer: the community comes from the file (by id or
// by name) or from where the grid lies, and a clashing id gets a suffix; a grid in no community, and every other
// layer, stays an overlay tagged with its layer and file. The user adds the grids to those there, or replaces the
// grids of the communities the file covers; a replacement is clipped to its community and to the grids before it,
// so it leaves no overlaps even when the file's own grids overlap a little.
import type { Feature } from 'geojson'
import { difference, intersect, roundPolys, type ImportResult, type World } from '../../sim/api.ts'
import { areaOf, centroid, polysOf, type Polys } from '../store/geo.ts'
import { packFeatures, type PackedLayer } from '../store/packed-layer.ts'
import type { Doc } from '../store/store.ts'
import { communityAt } from './grid-ops.ts'

type Imported = Extract<ImportResult, { ok: true }>
export type ImportMode = 'add' | 'replace'

/** What went where, for the message. */
export interface MergeSummary {
  /** community id -> grids added to it */
  added: Map<string, number>
  /** grids of those communities taken out (replace) */
  removed: number
  /** features kept as a reference overlay because they lie in no community */
  reference: number
  /** imported grids that nothing was left of after clipping (replace) */
  dropped: number
}

/** A reference layer, packed, whose features the import worker already tagged with _layer and _file. */
export function appendLayer(doc: Doc, layer: PackedLayer): Doc {
  return { ...doc, imported: [...doc.imported, layer] }
}


export function mergeImport(doc: Doc, world: World, r: Imported, mode: ImportMode = 'add'): { doc: Doc; summary: MergeSummary } {
  const summary: MergeSummary = { added: new Map(), removed: 0, reference: 0, dropped: 0 }
  if (r.layer !== 'grids') {
    summary.reference = r.features.length
    return { doc: appendLayer(doc, packFeatures(r.features.map((f) => ({ ...f, properties: { ...f.properties, _layer: r.layer, _file: r.file } })))), summary }
  }
  const byId = new Map(world.communities.features.map((f) => [f.properties.id, f]))
  const byName = new Map(world.communities.features.map((f) => [String(f.properties.name ?? '').trim(), f]))
  const placed: { f: Doc['grids'][number]; community: string }[] = []
  const overlay: Feature[] = []
  for (const f of r.features as Doc['grids']) {
    const p = f.properties ?? ({} as Doc['grids'][number]['properties'])
    const named = byId.get(String(p.community)) ?? byName.get(String(p.community ?? '').trim())
    const community = named?.properties.id ?? communityAt(world, centroid(polysOf(f.geometry)))
    if (community) placed.push({ f, community })
    else overlay.push({ ...f, properties: { ...p, _layer: r.layer, _file: r.file } })
  }
  summary.reference = overlay.length
  // replace takes out the grids of the same layer (governance or party) in the communities the file covers
  const layerOf = (p: { layer?: string }) => (p.layer === 'party' ? 'party' : 'governance')
  const covered = new Set(placed.map((x) => `${x.community}|${layerOf(x.f.properties)}`))
  const kept = mode === 'replace' ? doc.grids.filter((g) => !covered.has(`${g.properties.community}|${layerOf(g.properties)}`)) : doc.grids
  summary.removed = doc.grids.length - kept.length
  const ids = new Set(kept.map((g) => g.properties.id))
  const taken = new Map<string, Polys[]>()
  const add: Doc['grids'] = []
  for (const { f, community } of placed) {
    const p = f.properties
    // stored at the documented precision, or the vertex editor refuses the grid (sim/geometry/precision.ts)
    let geometry = areaOf(roundPolys(polysOf(f.geometry)))
    if (mode === 'replace') {
      const before = taken.get(community) ?? []
      const shape = roundPolys(difference(intersect(polysOf(f.geometry), polysOf(byId.get(community)!.geometry)), ...before))
      if (!shape.length) { summary.dropped++; continue }
      before.push(shape)
      taken.set(community, before)
      geometry = areaOf(shape)
    }
    let id = String(p.id ?? `${community}-I`)
    for (let k = 2; ids.has(id); k++) id = `${String(p.id)}-${k}`
    ids.add(id)
    add.push({ ...f, geometry, properties: { ...p, id, name: String(p.name ?? id), community, layer: layerOf(p), base: undefined } })
    summary.added.set(community, (summary.added.get(community) ?? 0) + 1)
  }
  return { doc: { ...doc, grids: [...kept, ...add], imported: overlay.length ? [...doc.imported, packFeatures(overlay)] : doc.imported }, summary }
}
