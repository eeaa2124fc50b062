// Reads the user's files and builds a world from them off the main thread: a district of buildings and grids
// takes seconds. The reads stay here; the page gets their columns and first rows, then sends its mapping back.
import * as Comlink from 'comlink'
import {
  autoMapping,
  buildFromData,
  mapLayer,
  planFromData,
  readDataLayer,
  type DataLayer,
  type DataLayerRead,
  type FromDataInput,
  type FromDataSummary,
  type ImportIssue,
  type LayerMapping,
  type MappedLayer,
  type World,
} from '../../sim/api.ts'

export interface LayerPreview {
  file: string
  layer: DataLayer
  count: number
  crs: DataLayerRead['crs']
  columns: string[]
  /** the first rows under the file's own columns, for the mapping table */
  rows: Record<string, unknown>[]
  auto: LayerMapping
  issues: ImportIssue[]
}

export type ReadAnswer = { ok: true; preview: LayerPreview } | { ok: false; issues: ImportIssue[] }
export type Mappings = Partial<Record<DataLayer, LayerMapping>>
/** a failure: the English text, and the importer's issue when there is one (the page says it in its language) */
type Failed = { ok: false; error: string; issue?: ImportIssue }
export type PlanAnswer = { ok: true; summary: FromDataSummary } | Failed
export type BuildAnswer = { ok: true; world: World; summary: FromDataSummary } | Failed

const reads = new Map<DataLayer, DataLayerRead>()

function mapped(m: Mappings): { input: Omit<FromDataInput, 'hhPerHa' | 'name'> } | { error: string; issue?: ImportIssue } {
  const layers: Partial<Record<DataLayer, MappedLayer>> = {}
  for (const [layer, read] of reads) {
    const r = mapLayer(read, m[layer] ?? autoMapping(read))
    if (!r.ok) {
      const issue = r.issues.find((i) => i.severity === 'error')
      return { error: issue?.message ?? `${read.file}: cannot be mapped`, issue }
    }
    layers[layer] = r.layer
  }
  if (!layers.communities) return { error: 'no communities file' }
  return { input: { communities: layers.communities, streets: layers.streets, buildings: layers.buildings, grids: layers.grids } }
}

const api = {
  async read(file: string, bytes: Uint8Array, layer: DataLayer, crs: 'auto' | 'wgs84' | 'gcj02' | 'bd09'): Promise<ReadAnswer> {
    reads.delete(layer)
    const r = await readDataLayer(file, bytes, layer, crs)
    if (!r.ok) return { ok: false, issues: r.issues }
    reads.set(layer, r.read)
    const { columns, rows, crs: report, issues } = r.read
    return { ok: true, preview: { file, layer, count: rows.length, crs: report, columns, rows: rows.slice(0, 5), auto: autoMapping(r.read), issues } }
  },
  forget(layer: DataLayer): void {
    reads.delete(layer)
  },
  /** a new dialog starts with no files: reads kept from a cancelled one must not slip into its world */
  reset(): void {
    reads.clear()
  },
  plan(m: Mappings, hhPerHa?: number): PlanAnswer {
    const x = mapped(m)
    if ('error' in x) return { ok: false, error: x.error, issue: x.issue }
    const s = planFromData({ ...x.input, hhPerHa })
    return 'error' in s ? { ok: false, error: s.error } : { ok: true, summary: s }
  },
  build(m: Mappings, hhPerHa: number | undefined, name: string, seed: number): BuildAnswer {
    const x = mapped(m)
    if ('error' in x) return { ok: false, error: x.error, issue: x.issue }
    const r = buildFromData({ ...x.input, hhPerHa, name, seed })
    return r.ok ? { ok: true, world: r.world, summary: r.summary } : { ok: false, error: r.error }
  },
}
export type FromDataWorker = typeof api
Comlink.expose(api)
