// The import's mapping step: before anything joins the project the user sees each column of the file, the field it
// will fill (or kept as a property, or ignored), the first values, the coordinate system read, and for grids
// whether they are added or replace the grids of the communities they cover. Then the message says what went where.
import type { ColumnTable, CrsReport, LayerKind } from '../../sim/api.ts'
import type { MergeSummary, ImportMode } from '../editor/import-merge.ts'
import { t, tAny } from '../i18n/i18n.ts'
import { h } from './dom.ts'
import { mappingTable, type ColumnMapping } from './mapping-table.ts'

export interface MappingAnswer {
  columns: ColumnMapping
  mode: ImportMode
  /** the user changed the table: import again under it */
  changed: boolean
}

export const fieldLabel = (f: string) => tAny(`fd.f.${f}`, {}, f)
const layerLabel = (l: string) => tAny(`layer.${l}`, {}, l)
const crsText = (c: CrsReport) => `${t(`io.crs.${c.applied}`)}${c.projection ? ` · ${t('io.projected', { proj: c.projection })}` : ''}`

/** Shows the step in a dialog of its own; null when cancelled. */
export function askMapping(file: string, n: number, layer: LayerKind, crs: CrsReport, table: ColumnTable): Promise<MappingAnswer | null> {
  const columns: ColumnMapping = { fields: { ...table.choice.fields }, ignore: [...table.choice.ignore] }
  const start = JSON.stringify(columns)
  const dialog = h('dialog', { class: 'import-mapping', testid: 'import-mapping' }) as HTMLDialogElement
  let mode: ImportMode = 'add'
  return new Promise((resolve) => {
    const done = (v: MappingAnswer | null) => {
      dialog.close()
      dialog.remove()
      resolve(v)
    }
    const radio = (m: ImportMode) => h('label', {}, h('input', { type: 'radio', name: 'import-mode', value: m, checked: m === mode, testid: `import-mode-${m}`, onchange: () => (mode = m) }), ` ${t(`io.mode.${m}`)}`)
    dialog.append(
      h('h3', { text: t('io.mapTitle', { file }) }),
      h('p', { text: t('io.mapWhat', { n, layer: layerLabel(layer) }) }),
      h('p', { testid: 'import-crs', text: `${t('io.mapCrs')}: ${crsText(crs)}` }),
      table.columns.length
        ? mappingTable({
            columns: table.columns, rows: table.rows, fields: table.fields, mapping: columns, label: fieldLabel,
            keepLabel: t('fd.keep'), ignoreLabel: t('fd.ignore'), head: [t('fd.column'), t('fd.field'), t('fd.preview')],
            testid: 'import-mapping-table', colTestid: (col) => `import-col-${col}`,
          }, () => {})
        : h('p', { class: 'hint', text: t('io.noColumns') }),
      ...(layer === 'grids' ? [h('div', { class: 'import-modes' }, radio('add'), radio('replace'))] : []),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', testid: 'import-mapping-cancel', text: t('io.cancel'), onclick: () => done(null) }),
        h('button', { type: 'button', testid: 'import-confirm', text: t('io.mapConfirm'), onclick: () => done({ columns, mode, changed: JSON.stringify(columns) !== start }) }),
      ),
    )
    dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape') done(null) })
    document.body.append(dialog)
    dialog.show()
    ;(dialog.querySelector('[data-testid=import-confirm]') as HTMLElement).focus()
  })
}

export interface ImportReport {
  file: string
  layer: LayerKind
  n: number
  crs: CrsReport
  mapping: { mapped: Record<string, string>; unmapped: string[]; ignored?: string[] }
}

/** What went where, line by line, in the user's language. */
export function importMessage(r: ImportReport, s: MergeSummary, communityName: (id: string) => string): string[] {
  const lines = [t('io.done', { n: r.n, layer: layerLabel(r.layer), crs: crsText(r.crs) })]
  const list = [...s.added].map(([c, k]) => t('io.inCommunity', { name: communityName(c), n: k }))
  const total = [...s.added.values()].reduce((a, b) => a + b, 0)
  if (r.layer === 'grids') {
    lines.push(total ? t('io.added', { n: total, list: list.join(t('io.sep')) }) : t('io.addedNone'))
    if (s.removed) lines.push(t('io.replaced', { n: s.removed }))
    if (s.dropped) lines.push(t('io.dropped', { n: s.dropped }))
    if (s.reference) lines.push(t('io.reference', { n: s.reference }))
  } else lines.push(t('io.asReference', { n: s.reference }))
  const mapped = Object.entries(r.mapping.mapped).map(([ours, theirs]) => `${theirs === 'feature.id' ? t('io.featureId') : theirs} → ${fieldLabel(ours)}`)
  lines.push(t('io.mapped', { list: mapped.length ? mapped.join(t('io.sep')) : '–' }))
  if (r.mapping.unmapped.length) lines.push(t('io.unmapped', { list: r.mapping.unmapped.join(t('io.sep')) }))
  if (r.mapping.ignored?.length) lines.push(t('io.ignored', { list: r.mapping.ignored.join(t('io.sep')) }))
  return lines
}
