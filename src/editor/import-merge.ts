// An imported layer joins the document. Grids join the editable layer: a missing or unknown community comes from
// where the grid lies and a clashing id gets a suffix; a grid in no community, and every other layer, stays an
// overlay tagged with its layer and file.
import type { Feature } from 'geojson'
import { roundPolys, type ImportResult, type World } from '../../sim/api.ts'
import { areaOf, centroid, polysOf } from '../store/geo.ts'
import type { Doc } from '../store/store.ts'
import { communityAt } from './grid-ops.ts'

type Imported = Extract<ImportResult, { ok: true }>

/** A reference layer whose features the import worker already tagged with _layer and _file. concat, not a
 * spread: a layer can have a million features. */
export function appendLayer(doc: Doc, features: Feature[]): Doc {
  return { ...doc, imported: doc.imported.concat(features) }
}

export function mergeImport(doc: Doc, world: World, r: Imported): Doc {
  if (r.layer !== 'grids') return { ...doc, imported: [...doc.imported, ...r.features.map((f) => ({ ...f, properties: { ...f.properties, _layer: r.layer, _file: r.file } }))] }
  const communities = new Set(world.communities.features.map((f) => f.properties.id))
  const ids = new Set(doc.grids.map((g) => g.properties.id))
  const add: Doc['grids'] = []
  const overlay: Feature[] = []
  for (const f of r.features as Doc['grids']) {
    const p = f.properties ?? ({} as Doc['grids'][number]['properties'])
    const community = communities.has(String(p.community)) ? String(p.community) : communityAt(world, centroid(polysOf(f.geometry)))
    if (!community) {
      overlay.push({ ...f, properties: { ...p, _layer: r.layer, _file: r.file } })
      continue
    }
    let id = String(p.id ?? `${community}-I`)
    for (let k = 2; ids.has(id); k++) id = `${String(p.id)}-${k}`
    ids.add(id)
    // stored at the documented precision, or the vertex editor refuses the grid (sim/geometry/precision.ts)
    add.push({ ...f, geometry: areaOf(roundPolys(polysOf(f.geometry))), properties: { ...p, id, name: String(p.name ?? id), community, layer: p.layer === 'party' ? 'party' : 'governance', base: undefined } })
  }
  return { ...doc, grids: [...doc.grids, ...add], imported: [...doc.imported, ...overlay] }
}
