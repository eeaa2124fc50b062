// Import (file picker or drag-and-drop, with the CRS question when the importer is unsure) and export.
import { importFile, type ImportResult } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { clear, h } from './dom.ts'

export type Crs = 'wgs84' | 'gcj02' | 'bd09'
export const MAX_BYTES = 64 * 2 ** 20

/** Ask which CRS the file uses; null when cancelled. */
export function askCrs(dialog: HTMLDialogElement, file: string, detected: Crs, reason: string): Promise<Crs | null> {
  return new Promise((resolve) => {
    clear(dialog)
    const form = h('form', { method: 'dialog' })
    form.append(h('h3', { text: t('io.crsTitle') }), h('p', { text: t('io.crsAsk', { file }) }), h('p', { class: 'caveat', text: reason }))
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

export async function runImport(file: File, reference: import('geojson').Polygon | import('geojson').MultiPolygon, dialog: HTMLDialogElement): Promise<ImportResult | null> {
  if (file.size > MAX_BYTES) {
    return { ok: false, file: file.name, issues: [{ file: file.name, code: 'TOO_LARGE', severity: 'error', message: `${file.name}: ${(file.size / 2 ** 20).toFixed(1)} MiB > ${MAX_BYTES / 2 ** 20} MiB` }] }
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  let r = await importFile(file.name, bytes, { reference, maxBytes: MAX_BYTES })
  // Anything short of certain is confirmed by the user, with the importer's guess preselected.
  if (r.ok && r.crs.confidence !== 'certain') {
    const crs = await askCrs(dialog, file.name, r.crs.applied, r.crs.reason)
    if (!crs) return null
    r = await importFile(file.name, bytes, { reference, crs, maxBytes: MAX_BYTES })
  }
  return r
}

export function csvOf(rows: Record<string, string | number | boolean>[]): string {
  if (!rows.length) return ''
  const cols = Object.keys(rows[0])
  const cell = (v: unknown) => {
    let s = String(v ?? '')
    if (/^[=+\-@]/.test(s)) s = `'${s}` // no formula injection in spreadsheets
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return '\ufeff' + [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n'
}
