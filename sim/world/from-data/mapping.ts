// Which of the file's columns feeds which field: the importer's automatic plan, changed where the user says so,
// then the importer's own coercion and checks (sim/import/props.ts), so "56户", "是" or "1,234" read the same here.
import { Issues } from '../../import/issues.ts'
import { FEATURE_ID, mapProperties, type Plan } from '../../import/props.ts'
import { MISSING_FIELD } from '../../import/reasons.ts'
import { normalizeKey } from '../../import/synonyms.ts'
import type { ImportIssue } from '../../import/types.ts'
import type { DataLayer, DataLayerRead } from './read.ts'

/** The fields a user may fill from a column, per layer. `streetName` is ours only: the street's name when `street` holds its code. */
export const DATA_FIELDS: Record<DataLayer, readonly string[]> = {
  communities: ['id', 'name', 'street', 'streetName', 'households', 'residents'],
  streets: ['id', 'name', 'kind', 'households', 'residents'],
  buildings: ['id', 'community', 'compound', 'households', 'residents', 'floors', 'elderlyShare', 'partyMembers', 'renters'],
  grids: ['id', 'name', 'community', 'type', 'layer', 'partyBranch', 'workersFullTime', 'workersPartTime'],
}

/** One layer's choices: our field → the file's column; columns to drop. Every other column is kept as a property (`extra`). */
export interface LayerMapping {
  fields: Record<string, string>
  ignore: string[]
}

const STREET_CODE = ['街道代码', '街道编码', '街乡代码', '街乡编码', '所属街道代码', '所属街道编码', 'streetcode', 'streetid', 'jddm', 'jdbm'].map(normalizeKey)
const STREET_NAME = ['街道名称', '街道', '所属街道', '街乡', '所属街乡', '街道办事处', 'streetname', 'jdmc', 'jd'].map(normalizeKey)

/** The starting point shown to the user: the importer's plan, plus a street code and a street name told apart. */
export function autoMapping(read: DataLayerRead): LayerMapping {
  const allowed = new Set(DATA_FIELDS[read.layer])
  const fields: Record<string, string> = {}
  for (const [ours, theirs] of Object.entries(read.auto)) if (allowed.has(ours) && read.columns.includes(theirs)) fields[ours] = theirs
  if (read.layer === 'communities') {
    const used = new Set(Object.values(fields))
    const find = (words: string[]) => read.columns.find((c) => words.includes(normalizeKey(c)) && (!used.has(c) || c === fields.street))
    const code = find(STREET_CODE)
    const name = find(STREET_NAME)
    if (code) fields.street = code
    if (name && name !== fields.street) fields.streetName = name
  }
  return { fields, ignore: [] }
}

/** Apply `layer.field=column` choices (column "" or "-" unmaps the field). Returns an error line or null. */
export function applyChoice(m: LayerMapping, read: DataLayerRead, field: string, column: string): string | null {
  if (!DATA_FIELDS[read.layer].includes(field)) return `${read.file}: ${read.layer} have no field "${field}" (fields: ${DATA_FIELDS[read.layer].join(', ')})`
  if (column === '' || column === '-') {
    delete m.fields[field]
    return null
  }
  if (!read.columns.includes(column)) return `${read.file}: no column "${column}" (columns: ${read.columns.join(', ')})`
  for (const [f, c] of Object.entries(m.fields)) if (c === column && f !== field) delete m.fields[f]
  m.fields[field] = column
  m.ignore = m.ignore.filter((c) => c !== column)
  return null
}

export interface MappedLayer {
  read: DataLayerRead
  mapping: LayerMapping
  /** our properties per feature (validated by the layer schema; required fields not mapped are absent) */
  props: Record<string, unknown>[]
  /** which of our fields came from a column */
  fromFile: Set<string>
}

export type MapOutcome = { ok: true; layer: MappedLayer; issues: ImportIssue[] } | { ok: false; issues: ImportIssue[] }

/** Our properties for every feature under the chosen mapping, checked by the importer's rules. */
export function mapLayer(read: DataLayerRead, mapping: LayerMapping): MapOutcome {
  const issues = new Issues(read.file)
  const from = new Map(Object.entries(mapping.fields).filter(([f]) => f !== 'streetName'))
  const used = new Set(Object.values(mapping.fields))
  const unmapped = read.columns.filter((c) => !used.has(c) && !mapping.ignore.includes(c))
  const layer = read.layer
  // every field without a column is left to derivation or generation, so none is "missing" to the importer
  const plan: Plan = { layer, from, mapped: Object.fromEntries(from), unmapped, missing: requiredWithout(layer, from) }
  const props = mapProperties(plan, read.rows.map((row, i) => ({ index: i, props: row, id: row[FEATURE_ID], label: labelOf(row, mapping) })), issues)
  const list = issues.list().filter((i) => i.code !== MISSING_FIELD)
  if (!props) return { ok: false, issues: list }
  const nameCol = mapping.fields.streetName
  if (nameCol) props.forEach((p, i) => {
    const v = read.rows[i][nameCol]
    if (v !== undefined && v !== null && String(v).trim()) p.streetName = String(v).trim()
  })
  return { ok: true, layer: { read, mapping, props, fromFile: new Set(Object.keys(mapping.fields)) }, issues: list }
}

function requiredWithout(layer: DataLayer, from: Map<string, string>): string[] {
  const required: Record<DataLayer, string[]> = { communities: ['name', 'street'], streets: ['name'], buildings: ['households'], grids: ['community'] }
  return required[layer].filter((f) => !from.has(f))
}

function labelOf(row: Record<string, unknown>, m: LayerMapping): string | undefined {
  for (const f of ['name', 'id']) {
    const v = m.fields[f] ? row[m.fields[f]] : undefined
    if (typeof v === 'string' || typeof v === 'number') return String(v)
  }
  return undefined
}
