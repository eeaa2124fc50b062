// The column table of a mapping step: each column of the user's file, the field it fills (or kept as a property, or
// ignored) and its first values. Used by "new project from my data" and by the page's import.
import { clear, h } from './dom.ts'

export const KEEP = '__keep'
export const IGNORE = '__ignore'

export interface ColumnMapping {
  fields: Record<string, string>
  ignore: string[]
}

export interface MappingTableSpec {
  columns: string[]
  rows: Record<string, unknown>[]
  fields: readonly string[]
  mapping: ColumnMapping
  label(field: string): string
  keepLabel: string
  ignoreLabel: string
  head: [string, string, string]
  testid: string
  colTestid(column: string): string
}

/** The table; `mapping` is edited in place and `changed` called after each choice. */
export function mappingTable(s: MappingTableSpec, changed: () => void): HTMLTableElement {
  const m = s.mapping
  const fieldOf = (col: string) => Object.entries(m.fields).find(([, c]) => c === col)?.[0] ?? (m.ignore.includes(col) ? IGNORE : KEEP)
  const table = h('table', { class: 'fd-map', testid: s.testid }) as HTMLTableElement
  const render = () => {
    clear(table)
    table.append(h('tr', {}, ...s.head.map((text) => h('th', { text }))))
    for (const col of s.columns) {
      const sel = h('select', { testid: s.colTestid(col), onchange: (e: Event) => {
        const v = (e.target as HTMLSelectElement).value
        for (const [f, c] of Object.entries(m.fields)) if (c === col || f === v) delete m.fields[f]
        m.ignore = m.ignore.filter((c) => c !== col)
        if (v === IGNORE) m.ignore.push(col)
        else if (v !== KEEP) m.fields[v] = col
        render()
        changed()
      } })
      const now = fieldOf(col)
      sel.append(h('option', { value: KEEP, text: s.keepLabel, selected: now === KEEP }), h('option', { value: IGNORE, text: s.ignoreLabel, selected: now === IGNORE }))
      for (const f of s.fields) sel.append(h('option', { value: f, text: `→ ${s.label(f)}`, selected: now === f }))
      const values = s.rows.slice(0, 3).map((r) => (r[col] === undefined || r[col] === null ? '' : typeof r[col] === 'object' ? JSON.stringify(r[col]) : String(r[col])))
      table.append(h('tr', {}, h('td', { text: col }), h('td', {}, sel), h('td', { class: 'fd-values', text: values.join(' · ') })))
    }
  }
  render()
  return table
}
