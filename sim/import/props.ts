// Foreign attribute tables -> our layer's properties. The plan (which column feeds which field) is made
// once per file, so every feature maps the same way and the user sees one table of decisions.
import type { z } from 'zod'
import { implausible, LAYER_PROPS, type LayerKind } from '../world/schema.ts'
import type { Issues } from './issues.ts'
import { importEnglish, msg, type Msg } from './messages.ts'
import { DUPLICATE_ID, GENERATED_ID, INVALID_PROPERTY, MISSING_FIELD, VALUE_CONVERTED, VALUE_KEPT } from './reasons.ts'
import { ENUM_WORDS, FALSE_WORDS, normalizeKey, synonymsFor, TRUE_WORDS } from './synonyms.ts'
import type { ColumnChoice, ColumnTable, PropertyMapping } from './types.ts'

type Kind = 'string' | 'int' | 'share' | 'bool' | 'enum' | 'raw' | 'names'
const KIND: Record<string, Kind> = {
  roster: 'names', households: 'int', residents: 'int', partyMembers: 'int', renters: 'int', floors: 'int', workersFullTime: 'int', workersPartTime: 'int',
  elderlyShare: 'share', synthetic: 'bool', ownersCommittee: 'bool', partyBranch: 'bool',
  kind: 'enum', property: 'enum', type: 'enum', layer: 'enum', class: 'enum', base: 'raw',
}
export const FEATURE_ID = '(feature id)'

export interface Plan extends PropertyMapping {
  layer: LayerKind
  /** ours -> their key, FEATURE_ID for the GeoJSON feature's own id */
  from: Map<string, string>
  /** columns a name matched to a field whose values they do not fit, kept as properties: one line each */
  notes?: Msg[]
}

/** Our fields of a layer, in the order the mapping table lists them. */
export function fieldsOf(layer: LayerKind): string[] {
  const shape = schemaOf(layer).shape
  return ['id', 'name', ...Object.keys(shape).filter((f) => f !== 'id' && f !== 'name' && f !== 'origin')].filter((f) => f in shape)
}

const FIT_SAMPLE = 200

/** A column fits a field when most of its first non-empty values convert: a 网格员 column of names
 *  is no worker count, and a 户数 column of remarks is no household count. */
function fits(field: string, column: string, props: Record<string, unknown>[]): { ok: boolean; bad: number; seen: number; example?: unknown } {
  let seen = 0
  let bad = 0
  let example: unknown
  for (const p of props) {
    const v = p[column]
    if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) continue
    seen++
    if (!coerce(field, v).ok) { bad++; example ??= v }
    if (seen >= FIT_SAMPLE) break
  }
  return { ok: bad * 2 <= seen, bad, seen, example }
}

const schemaOf = (layer: LayerKind) => LAYER_PROPS[layer] as unknown as z.ZodObject<Record<string, z.ZodType>>

export function planMapping(layer: LayerKind, props: Record<string, unknown>[], featureIds: boolean, chosen?: ColumnChoice): Plan {
  const keys: string[] = []
  const seen = new Set<string>()
  for (const p of props) for (const k of Object.keys(p)) if (!seen.has(k)) { seen.add(k); keys.push(k) }
  const byNorm = new Map<string, string>()
  for (const k of keys) if (!byNorm.has(normalizeKey(k))) byNorm.set(normalizeKey(k), k)

  const shape = schemaOf(layer).shape
  const fields = ['id', 'name', ...Object.keys(shape).filter((f) => f !== 'id' && f !== 'name')].filter((f) => f in shape)
  const from = new Map<string, string>()
  const taken = new Set<string>()
  const notes: Msg[] = []
  if (chosen) {
    // the user's table: taken as given (a column that does not fit still ends up kept, value by value)
    for (const [field, theirs] of Object.entries(chosen.fields)) if (fields.includes(field) && (keys.includes(theirs) || theirs === FEATURE_ID)) { from.set(field, theirs); taken.add(theirs) }
  } else {
    const misfit = new Map<string, Msg>()
    for (const field of fields) {
      for (const syn of synonymsFor(field, layer)) {
        const theirs = byNorm.get(syn)
        if (theirs === undefined || taken.has(theirs)) continue
        const f = fits(field, theirs, props)
        if (!f.ok) { misfit.set(theirs, msg('valueMisfit', { column: theirs, field, bad: f.bad, seen: f.seen, value: show(f.example) })); continue }
        from.set(field, theirs); taken.add(theirs); misfit.delete(theirs); break
      }
    }
    for (const [col, note] of misfit) if (!taken.has(col)) notes.push(note)
  }
  if (!from.has('id') && featureIds && !chosen?.ignore.includes(FEATURE_ID)) from.set('id', FEATURE_ID)
  const ignored = chosen ? keys.filter((k) => chosen.ignore.includes(k) && !taken.has(k)) : []
  const required = (f: string) => !shape[f].safeParse(undefined).success
  const mapped = Object.fromEntries(from)
  return {
    layer, from, mapped, notes, ignored,
    unmapped: keys.filter((k) => !taken.has(k) && !ignored.includes(k)),
    missing: fields.filter((f) => f !== 'id' && required(f) && !from.has(f)),
  }
}

type Coerced = { ok: true; value: unknown; converted?: boolean } | { ok: false; why: string }

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'a list' : 'an object'
  return String(v)
}

function coerce(field: string, v: unknown): Coerced {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { ok: true, value: undefined }
  const kind = KIND[field] ?? 'string'
  if (kind === 'raw') return { ok: true, value: v }
  if (kind === 'names') {
    const list = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[,，、;；/\n]+/) : null
    const names = list?.map((x) => x.trim()).filter(Boolean)
    if (!names || names.some((x) => /^[\d.\s]+$/.test(x))) return { ok: false, why: 'is not a list of names' }
    return { ok: true, value: names, converted: !Array.isArray(v) }
  }
  if (kind === 'string') {
    if (typeof v === 'string') return { ok: true, value: v.trim() }
    if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: String(v), converted: true }
    return { ok: false, why: 'is not text' }
  }
  if (kind === 'bool') {
    if (typeof v === 'boolean') return { ok: true, value: v }
    const w = normalizeKey(String(v))
    if (TRUE_WORDS.has(w)) return { ok: true, value: true, converted: true }
    if (FALSE_WORDS.has(w)) return { ok: true, value: false, converted: true }
    return { ok: false, why: 'is not yes/no (use true/false, 1/0 or 是/否)' }
  }
  if (kind === 'enum') {
    if (typeof v !== 'string') return { ok: false, why: 'is not one of the allowed words' }
    const w = normalizeKey(v)
    const mapped = ENUM_WORDS[field]?.[w]
    return mapped ? { ok: true, value: mapped, converted: mapped !== v } : { ok: true, value: v.trim() }
  }
  // numbers: strings like "1,234", "56户", "23%" are common in hand-kept tables
  let n: number
  let percent = false
  if (typeof v === 'number') n = v
  else if (typeof v === 'string') {
    const m = /^\s*([-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+)\s*(%|户|人|层|名|个)?\s*$/.exec(v)
    if (!m) return { ok: false, why: 'is not a number' }
    n = Number(m[1].replace(/,/g, ''))
    percent = m[2] === '%'
  } else return { ok: false, why: 'is not a number' }
  if (!Number.isFinite(n)) return { ok: false, why: 'is not a finite number' }
  if (kind === 'share') {
    if (percent || (n > 1 && n <= 100)) return { ok: true, value: n / 100, converted: true }
    return { ok: true, value: n, converted: typeof v !== 'number' }
  }
  if (percent) return { ok: false, why: 'is a percentage where a count belongs' }
  return { ok: true, value: n, converted: typeof v !== 'number' }
}

export interface PropSource {
  index: number
  label?: string
  props: Record<string, unknown>
  id?: unknown
}

/** Our properties for every feature (with `extra`), or null after reporting errors. */
export function mapProperties(plan: Plan, features: PropSource[], issues: Issues): Record<string, unknown>[] | null {
  const { layer, from, missing } = plan
  const base = schemaOf(layer)
  const schema = missing.length ? base.partial(Object.fromEntries(missing.map((f) => [f, true])) as Record<string, true>) : base
  for (const f of missing) {
    issues.warn(MISSING_FIELD, msg('missingField', { field: f, layer }))
  }
  const converted = new Map<string, number>()
  const generated: number[] = []
  const ids = new Map<string, number>()
  const out: Record<string, unknown>[] = []
  // a value that does not fit an optional field stays with the feature as a property, under its column
  const kept = new Map<string, { field: string; n: number; value: string; why: string }>()
  const optional = (field: string) => field !== 'id' && field in schema.shape && schema.shape[field].safeParse(undefined).success
  let failed = false
  for (const f of features) {
    const where = { feature: f.index, featureName: f.label }
    const obj: Record<string, unknown> = {}
    const aside: Record<string, unknown> = {}
    const reported = new Set<string>()
    let bad = false
    const keepAside = (field: string, why: string) => {
      const theirs = from.get(field)!
      const raw = theirs === FEATURE_ID ? f.id : f.props[theirs]
      put(aside, theirs === FEATURE_ID ? 'id' : theirs, raw)
      delete obj[field]
      const k = kept.get(theirs) ?? { field, n: 0, value: show(raw), why }
      k.n++
      kept.set(theirs, k)
    }
    for (const [field, theirs] of from) {
      const raw = theirs === FEATURE_ID ? f.id : f.props[theirs]
      const c = coerce(field, raw)
      if (!c.ok) {
        if (optional(field)) { keepAside(field, c.why); continue }
        issues.error(INVALID_PROPERTY, msg('invalidValue', { field, column: theirs, value: show(raw), why: c.why }), where)
        reported.add(field)
        bad = true
        continue
      }
      if (c.value !== undefined) obj[field] = c.value
      if (c.converted) converted.set(theirs, (converted.get(theirs) ?? 0) + 1)
    }
    if (obj.id === undefined) {
      obj.id = `${layer}-${f.index}`
      generated.push(f.index)
    }
    let parsed = schema.safeParse(obj)
    if (!parsed.success) {
      const fixable = parsed.error.issues.map((zi) => String(zi.path[0] ?? '')).filter((field) => optional(field) && from.has(field) && field in obj)
      for (const field of new Set(fixable)) keepAside(field, 'is out of range')
      if (fixable.length) parsed = schema.safeParse(obj)
    }
    if (!parsed.success) {
      bad = true
      for (const zi of parsed.error.issues) {
        const field = String(zi.path[0] ?? '')
        if (reported.has(field)) continue
        const theirs = from.get(field)
        issues.error(INVALID_PROPERTY, msg('invalidField', { field, column: theirs ?? '', value: field in obj ? show(obj[field]) : '', why: zi.message }), where)
      }
    }
    let odd = parsed.success ? implausible(layer, parsed.data as Record<string, unknown>) : null
    if (odd && optional(odd.field) && from.has(odd.field)) {
      keepAside(odd.field, `(${odd.message})`)
      parsed = schema.safeParse(obj)
      odd = parsed.success ? implausible(layer, parsed.data as Record<string, unknown>) : null
    }
    if (odd) {
      const theirs = from.get(odd.field)
      issues.error(INVALID_PROPERTY, msg('invalidField', { field: odd.field, column: theirs ?? '', value: show(parsed.success ? (parsed.data as Record<string, unknown>)[odd.field] : undefined), why: odd.message }), where)
      bad = true
    }
    if (bad) { failed = true; continue }
    const props = parsed.data as Record<string, unknown>
    const id = String(props.id)
    const twin = ids.get(id)
    if (twin !== undefined) {
      issues.error(DUPLICATE_ID, msg('duplicateId', { id, twin }), where)
      failed = true
    } else ids.set(id, f.index)
    const extra = extraOf(f.props, plan, aside)
    if (extra) props.extra = extra
    out.push(props)
  }
  if (failed) return null
  for (const [theirs, k] of kept) {
    issues.warn(VALUE_KEPT, msg('valueKept', { column: theirs, n: k.n, field: k.field, value: k.value, why: k.why }))
  }
  for (const [theirs, n] of converted) {
    issues.info(VALUE_CONVERTED, msg('valueConverted', { column: theirs, n }))
  }
  if (generated.length) {
    const first = generated.slice(0, 3).map((i) => `${layer}-${i}`).join(', ')
    issues.info(GENERATED_ID, msg('generatedId', { n: generated.length, first }), generated.length === 1 ? { feature: generated[0] } : {})
  }
  return out
}

/** Unmapped columns, kept as plain data; a previous export's own `extra` object is merged back, not nested. */
function extraOf(props: Record<string, unknown>, plan: Plan, aside: Record<string, unknown>): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined = Object.keys(aside).length ? aside : undefined
  for (const k of plan.unmapped) {
    if (!(k in props)) continue
    const v = props[k]
    extra ??= {}
    if (k === 'extra' && typeof v === 'object' && v !== null && !Array.isArray(v)) for (const [ek, ev] of Object.entries(v)) put(extra, ek, ev)
    else put(extra, k, v)
  }
  return extra
}

// A column literally named "__proto__" must stay a column, not rewire the object.
function put(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
}

const LABEL_KEYS = ['name', '名称', 'mc', 'title', 'label', 'id', 'code', '编码', '编号', 'bm'].map(normalizeKey)

/** A short human name for messages: a name-like column, else an id-like one, else the feature id. */
export function featureLabel(props: Record<string, unknown>, id: unknown): string | undefined {
  let best: { rank: number; value: string } | undefined
  for (const [k, v] of Object.entries(props)) {
    if (typeof v !== 'string' && typeof v !== 'number') continue
    const nk = normalizeKey(k)
    let rank = LABEL_KEYS.indexOf(nk)
    if (rank < 0 && nk.endsWith('名称')) rank = 1.5
    if (rank < 0 && /(编码|编号)$/.test(nk)) rank = 7.5
    if (rank >= 0 && String(v).trim() && (!best || rank < best.rank)) best = { rank, value: String(v).trim() }
  }
  if (best) return best.value
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}

/** A roster of names with no worker count: as many full-time grid workers as names. */
export function rosterCounts(props: Record<string, unknown>[], plan: Plan): void {
  if (!plan.from.has('roster') || plan.from.has('workersFullTime')) return
  for (const p of props) if (Array.isArray(p.roster) && p.roster.length) p.workersFullTime = Math.min(100, p.roster.length)
}

const PREVIEW_ROWS = 5

/** The mapping step's table: columns, first rows as short text, our fields and the plan as a choice. */
export function columnTable(layer: LayerKind, props: Record<string, unknown>[], plan: Plan): ColumnTable {
  const columns: string[] = []
  const seen = new Set<string>()
  for (const p of props) for (const k of Object.keys(p)) if (!seen.has(k)) { seen.add(k); columns.push(k) }
  const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)).slice(0, 40)
  const rows = props.slice(0, PREVIEW_ROWS).map((p) => Object.fromEntries(columns.map((c) => [c, text(p[c])])))
  const fields = Object.fromEntries([...plan.from].filter(([, theirs]) => theirs !== FEATURE_ID))
  return { columns, rows, fields: fieldsOf(layer), choice: { fields, ignore: plan.ignored ?? [] }, notes: (plan.notes ?? []).map(importEnglish) }
}
