// The sweep's one CSV writer and reader, for the CLI, the queue's collector, shard merges and the page's download.
// RFC 4180 quoting; a UTF-8 byte-order mark before the header so that spreadsheets read the Chinese labels and
// scenario names as UTF-8; and text that a spreadsheet would take for a formula (= + - @ tab CR at the start) gets a
// leading apostrophe, so a scenario named "=HYPERLINK(…)" cannot run anything. Numbers are written as numbers (a
// negative lever value is not a formula); a number that is not finite is an empty cell.

export const BOM = '\ufeff'

const FORMULA_START = /^[=+\-@\t\r]/

/** what a cell holds, before quoting */
export function cellText(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (v === null || v === undefined) return ''
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return FORMULA_START.test(s) ? `'${s}` : s
}

/** quoted as RFC 4180 needs; for text already made by cellText (a field read back from a CSV) */
export const csvQuote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

export const csvCell = (v: unknown): string => csvQuote(cellText(v))

export const csvLine = (cells: readonly unknown[]): string => cells.map(csvCell).join(',') + '\n'

/** a line of fields read back from a CSV, written again as they were */
export const fieldsLine = (fields: readonly string[]): string => fields.map(csvQuote).join(',') + '\n'

/** a whole CSV: BOM, header, rows */
export const csvText = (header: readonly string[], rows: readonly (readonly unknown[])[]): string => BOM + csvLine(header) + rows.map(csvLine).join('')

export const stripBom = (s: string): string => (s.startsWith(BOM) ? s.slice(1) : s)

export interface CsvRecord {
  fields: string[]
  line: number
  /** offset just past this record's line break; -1 when the file ends inside it */
  end: number
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks); a leading BOM is not part of the first
 *  field, but offsets count it (they are offsets into `s`) */
export function csvRecords(s: string): CsvRecord[] {
  const out: CsvRecord[] = []
  let i = s.startsWith(BOM) ? 1 : 0
  let line = 1
  while (i < s.length) {
    const start = line
    const fields: string[] = []
    let field = ''
    let end = -1
    for (;;) {
      if (s[i] === '"') {
        i++
        for (;;) {
          if (i >= s.length) break
          if (s[i] === '"' && s[i + 1] === '"') (field += '"'), (i += 2)
          else if (s[i] === '"') {
            i++
            break
          } else {
            if (s[i] === '\n') line++
            field += s[i++]
          }
        }
      }
      while (i < s.length && s[i] !== ',' && s[i] !== '\n') field += s[i++]
      fields.push(field.replace(/\r$/, ''))
      field = ''
      if (s[i] === ',') i++
      else break
    }
    if (s[i] === '\n') {
      i++
      line++
      end = i
    } else i = s.length
    // a blank line carries no row (an editor may leave one at the end)
    if (!(fields.length === 1 && fields[0] === '' && end !== -1)) out.push({ fields, line: start, end })
  }
  return out
}
