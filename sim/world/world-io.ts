// A world as files: one GeoJSON FeatureCollection per layer plus world.json. Pure (strings in, strings out)
// so that the CLI, the browser and tests share it; the caller does the file system.
import type { FeatureCollection } from 'geojson'
import { implausible, LAYER_PROPS } from './schema.ts'
import { WORLD_LAYERS, type World, type WorldLayerName, type WorldMeta } from './types.ts'

export const LAYER_FILES: Record<WorldLayerName, string> = {
  district: 'district.geojson',
  streets: 'streets.geojson',
  communities: 'communities.geojson',
  compounds: 'compounds.geojson',
  buildings: 'buildings.geojson',
  grids: 'grids.geojson',
  services: 'services.geojson',
  roads: 'roads.geojson',
}

export class WorldFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`)
  }
}

/** One feature per line: diffs of an edited layer stay readable and large files stream. */
function stringifyLayer(fc: FeatureCollection): string {
  if (fc.features.length === 0) return '{"type":"FeatureCollection","features":[]}\n'
  return `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
}

export function worldToFiles(w: World): Record<string, string> {
  const files: Record<string, string> = {}
  for (const k of WORLD_LAYERS) files[LAYER_FILES[k]] = stringifyLayer(w[k] as FeatureCollection)
  files['world.json'] = JSON.stringify({ ...w.meta, layers: LAYER_FILES }, null, 2) + '\n'
  return files
}

export function parseLayer<K extends WorldLayerName>(layer: K, file: string, text: string): World[K] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new WorldFileError(file, `not valid JSON (${(e as Error).message})`)
  }
  const fc = data as FeatureCollection
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new WorldFileError(file, 'expected a GeoJSON FeatureCollection')
  const schema = LAYER_PROPS[layer]
  fc.features.forEach((f, i) => {
    if (!f || f.type !== 'Feature' || !f.geometry) throw new WorldFileError(file, `feature ${i} is not a GeoJSON Feature with a geometry`)
    const r = schema.safeParse(f.properties ?? {})
    if (!r.success) {
      const name = (f.properties as { id?: unknown; name?: unknown } | null)?.id ?? ''
      const why = r.error.issues.map((x) => `${x.path.join('.') || '(properties)'}: ${x.message}`).join('; ')
      throw new WorldFileError(file, `feature ${i}${name ? ` ("${String(name)}")` : ''}: ${why}`)
    }
    const odd = implausible(layer, r.data as Record<string, unknown>)
    if (odd) throw new WorldFileError(file, `feature ${i}${f.properties?.id ? ` ("${String(f.properties.id)}")` : ''}: ${odd.field}: ${odd.message}`)
    f.properties = r.data as typeof f.properties
  })
  return fc as World[K]
}

const EMPTY = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] })

/** Read a world from its files. Layers that are missing are empty; `communities` and `grids` are required. */
export function worldFromFiles(files: Record<string, string | undefined>): World {
  const metaText = files['world.json']
  const meta: WorldMeta = metaText
    ? (JSON.parse(metaText) as WorldMeta)
    : { generator: 'unknown', version: '', preset: 'imported', seed: 0, crs: 'WGS84', notice: '', counts: {}, totals: { households: 0, residents: 0 } }
  const w = { meta } as World
  for (const k of WORLD_LAYERS) {
    const text = files[LAYER_FILES[k]]
    ;(w as unknown as Record<string, FeatureCollection>)[k] = text === undefined ? EMPTY() : parseLayer(k, LAYER_FILES[k], text)
  }
  for (const k of ['communities', 'grids'] as const) if (files[LAYER_FILES[k]] === undefined) throw new WorldFileError(LAYER_FILES[k], 'missing: a grid check needs communities and grids')
  return w
}
