// Imports off the main thread: the importer (sim/import, pure) parses and checks the file here, and the result's
// features come back packed in typed arrays that are transferred, not cloned, so even a 60 MB file never blocks
// the page. Layers other than grids are tagged with their layer and file before packing.
import * as Comlink from 'comlink'
import { importFile, type ImportOptions, type ImportResult } from '../sim/api.ts'
import { packFeatures, type PackedLayer } from './store/packed-layer.ts'
import { putLayer } from './store/persist.ts'

/** what the import is doing, shown as io.stage.* (a stage without words is a type error) */
export type ImportStage = 'read' | 'parse' | 'pack' | 'store' | 'decode'

export type PackedImport =
  | Exclude<ImportResult, { ok: true }>
  | (Omit<Extract<ImportResult, { ok: true }>, 'features'> & { packed: PackedLayer; bbox: [number, number, number, number]; stored?: string })

let kept: { name: string; bytes: Uint8Array } | null = null

function bboxOf(c: Float64Array): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (let i = 0; i < c.length; i += 2) {
    if (c[i] < b[0]) b[0] = c[i]
    if (c[i] > b[2]) b[2] = c[i]
    if (c[i + 1] < b[1]) b[1] = c[i + 1]
    if (c[i + 1] > b[3]) b[3] = c[i + 1]
  }
  return b
}

const api = {
  /** file omitted: the same file again (after the coordinate-system question). The file is read here: the page
   * reading a 60 MB File into an ArrayBuffer was a native task of 150–300 ms on its thread. */
  async run(name: string, file: Blob | null, opts: ImportOptions, progress: (stage: ImportStage) => void, layerId?: string): Promise<PackedImport> {
    if (file) kept = { name, bytes: new Uint8Array(await file.arrayBuffer()) }
    if (!kept) throw new Error('no file')
    progress('parse')
    const r = await importFile(kept.name, kept.bytes, opts)
    if (!r.ok) return r
    progress('pack')
    const { features, ...rest } = r
    const tagged = r.layer === 'grids' ? features : features.map((f) => ({ ...f, properties: { ...f.properties, _layer: r.layer, _file: r.file } }))
    const packed = packFeatures(tagged)
    // a reference layer is written to IndexedDB here, before its arrays move to the page: on the page's thread
    // that one put was its longest task; the edit that adds the layer then only lists it
    let stored: string | undefined
    if (layerId && r.layer !== 'grids') {
      progress('store')
      try {
        await putLayer({ id: layerId, pid: layerId.slice(0, layerId.lastIndexOf(':')), packed })
        stored = layerId
      } catch {
        // no IndexedDB here (or full): the page writes the layer with the edit, as before
      }
    }
    return Comlink.transfer({ ...rest, packed, bbox: bboxOf(packed.coords), stored }, [packed.coords.buffer, packed.shape.buffer, packed.propsAt.buffer])
  },

}
export type ImportWorker = typeof api
Comlink.expose(api)
