// Import (file picker or drag-and-drop, with the CRS question when the importer is unsure; parsed and checked in
// the import worker) and export.
import * as Comlink from 'comlink'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { ImportStage, ImportWorker, PackedImport } from '../import.worker.ts'
import { csvText } from '../../sim/api.ts'
import { getLang, t } from '../i18n/i18n.ts'
import { Unpacker } from '../store/packed-layer.ts'
import { deleteLayer, newLayerId, pendingLayers } from '../store/persist.ts'
import { clear, h } from './dom.ts'
import type { ImportMode } from '../editor/import-merge.ts'
import { askMapping } from './import-mapping.ts'

export type Crs = 'wgs84' | 'gcj02' | 'bd09'
export const MAX_BYTES = 64 * 2 ** 20

/** Ask which CRS the file uses; null when cancelled. */
export function askCrs(dialog: HTMLDialogElement, file: string, detected: Crs, reason: string): Promise<Crs | null> {
  return new Promise((resolve) => {
    clear(dialog)
    const form = h('form', { method: 'dialog' })
    form.append(h('h3', { text: t('io.crsTitle') }), h('p', { text: t('io.crsAsk', { file }) }), h('p', { class: 'caveat', text: getLang() === 'en' ? reason : t('io.crsGuess', { crs: t(`io.crs.${detected}`) }) }))
    for (const c of ['wgs84', 'gcj02', 'bd09'] as const)
      form.append(h('label', {}, h('input', { type: 'radio', name: 'crs', value: c, checked: c === detected, 'data-testid': `crs-${c}` }), ` ${t(`io.crs.${c}`)}`))
    const done = (v: Crs | null) => {
      dialog.close()
      resolve(v)
    }
    form.append(
      h('button', { type: 'button', testid: 'crs-ok', text: t('io.ok'), onclick: () => done(((form.querySelector('input[name=crs]:checked') as HTMLInputElement | null)?.value as Crs) ?? 'wgs84') }),
      h('button', { type: 'button', testid: 'crs-cancel', text: t('io.cancel'), onclick: () => done(null) }),
    )
    dialog.append(form)
    dialog.showModal()
  })
}

/** A finished import: the layer as the worker packed it, and for grids (which join the editable layer) its
 * features decoded; any other layer joins the document packed, never decoded on the page. */
export type Imported = Exclude<PackedImport, { ok: true }> | (Extract<PackedImport, { ok: true }> & { features: Feature[]; mode: ImportMode })

/** Import in the import worker with a progress line and a cancel button; null when cancelled. Grids are decoded
 * slice by slice, yielding between slices, so no long task runs on the page. */
export async function runImport(file: File, reference: Polygon | MultiPolygon, dialog: HTMLDialogElement, pid?: string): Promise<Imported | null> {
  if (file.size > MAX_BYTES) {
    return { ok: false, file: file.name, issues: [{ file: file.name, code: 'TOO_LARGE', severity: 'error', message: `${file.name}: ${(file.size / 2 ** 20).toFixed(1)} MiB > ${MAX_BYTES / 2 ** 20} MiB` }] }
  }
  const ui = new ImportProgress(file.name)
  const worker = new Worker(new URL('../import.worker.ts', import.meta.url), { type: 'module' })
  const remote = Comlink.wrap<ImportWorker>(worker)
  const cancelled = new Promise<null>((resolve) => (ui.onCancel = () => resolve(null)))
  const progress = Comlink.proxy((stage: ImportStage) => ui.stage(stage))
  // layers the worker may have written to IndexedDB; all but the one handed back are deleted again
  const written: string[] = []
  let kept: string | undefined
  const race = (p: Promise<PackedImport>): Promise<PackedImport | null> => Promise.race([p, cancelled])
  /** the id the worker writes the layer under, made here so no snapshot drops it before the edit lists it */
  const layerId = () => {
    if (!pid) return undefined
    const id = newLayerId(pid)
    pendingLayers.add(id)
    written.push(id)
    return id
  }
  try {
    // the File itself goes to the worker (a reference to its data, not a copy), which reads it
    let r: PackedImport | null = await race(remote.run(file.name, file, { reference, maxBytes: MAX_BYTES }, progress, layerId()))
    if (!r) return null
    // Anything short of certain is confirmed by the user, with the importer's guess preselected.
    if (r.ok && r.crs.confidence !== 'certain') {
      ui.hide()
      const crs = await askCrs(dialog, file.name, r.crs.applied, r.crs.reason)
      if (!crs) return null
      ui.show()
      r = await race(remote.run(file.name, null, { reference, crs, maxBytes: MAX_BYTES }, progress, layerId()))
      if (!r) return null
    }
    if (!r.ok) return r
    // the mapping step: the user sees and may change what each column becomes; a changed table is imported again
    ui.hide()
    const answer = await askMapping(file.name, r.packed.n, r.layer, r.crs, r.table)
    if (!answer) return null
    ui.show()
    if (answer.changed) {
      r = await race(remote.run(file.name, null, { reference, crs: r.crs.applied, maxBytes: MAX_BYTES, columns: answer.columns }, progress, layerId()))
      if (!r || !r.ok) return r
    }
    const u = new Unpacker(r.packed)
    const features: Feature[] = []
    ui.stage('decode')
    while (r.layer === 'grids' && !u.done) {
      for (const f of await u.next(2_000)) features.push(f)
      ui.fraction(u.decoded / r.packed.n)
      if (ui.cancelled) return null
      await new Promise((res) => setTimeout(res, 0))
    }
    await new Promise((res) => setTimeout(res, 0)) // the document update that follows gets a task of its own
    kept = r.stored
    return { ...r, features, mode: answer.mode }
  } finally {
    worker.terminate() // a put still running there is aborted with it
    for (const id of written) if (id !== kept) void deleteLayer(id).catch(() => undefined).finally(() => pendingLayers.delete(id))
    ui.remove()
  }
}

/** The import's progress line: stage, time so far, cancel. */
class ImportProgress {
  onCancel: (() => void) | null = null
  cancelled = false
  private el: HTMLElement
  private text: HTMLElement
  private t0 = performance.now()
  private timer: ReturnType<typeof setInterval>
  private what: ImportStage = 'read'
  private frac = -1
  constructor(private file: string) {
    this.text = h('span')
    this.el = h('div', { class: 'import-progress', testid: 'import-progress' }, this.text, h('button', { testid: 'import-cancel', text: t('io.cancel'), onclick: () => {
      this.cancelled = true
      this.onCancel?.()
    } }))
    document.body.append(this.el)
    this.timer = setInterval(() => this.render(), 500)
    this.render()
  }
  stage(s: ImportStage): void {
    this.what = s
    this.render()
  }
  fraction(f: number): void {
    this.frac = f
    this.render()
  }
  private render(): void {
    const secs = Math.round((performance.now() - this.t0) / 1000)
    const pct = this.what === 'decode' && this.frac >= 0 ? ` ${Math.round(this.frac * 100)}%` : ''
    this.text.textContent = `${t('io.progress', { file: this.file, stage: t(`io.stage.${this.what}`) })}${pct} · ${secs} s `
  }
  hide(): void {
    this.el.hidden = true
  }
  show(): void {
    this.el.hidden = false
  }
  remove(): void {
    clearInterval(this.timer)
    this.el.remove()
  }
}

/** records (the first one's keys are the columns) as a CSV, through the sweep's one writer: BOM, RFC 4180 quoting,
 *  no spreadsheet formulas */
export function csvOf(rows: Record<string, string | number | boolean>[]): string {
  if (!rows.length) return ''
  const cols = Object.keys(rows[0])
  return csvText(cols, rows.map((r) => cols.map((c) => r[c])))
}
