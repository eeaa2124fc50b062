// Lever metadata (path, units, range, default, source, Chinese label) and the zod builders that record it as the
// schema is built: sim/scenario/schema.ts and book-levers.ts declare every lever through them.
import { z } from 'zod'
import { LEVER_UNITS, type LeverUnit } from './units.ts'

export interface LeverMeta {
  path: string
  label: string
  unit: string
  /** the unit in Chinese (a choice lever's option list is the same in both) */
  unitZh: string
  default: number | boolean | string | null
  min?: number
  max?: number
  /** the book by chapter and section ("book ch. 9.2.4"), a published figure, or "assumption" / "calibrated": docs/domain.md § Citations */
  source: string
  /** the label in Chinese, for the zh-CN interface */
  zh: string
  /** whole numbers only */
  integer?: boolean
}

export const LEVERS: LeverMeta[] = []

/** Chinese labels by lever path; each schema module adds its own before declaring its levers */
const ZH: Record<string, string> = {}
export const addZh = (labels: Record<string, string>): void => void Object.assign(ZH, labels)
const zhOf = (path: string): string => ZH[path] ?? ''

export function num(path: string, def: number, min: number, max: number, unit: LeverUnit, source: string, label: string) {
  LEVERS.push({ path, label, unit, unitZh: LEVER_UNITS[unit], default: def, min, max, source, zh: zhOf(path) })
  return z.number().min(min).max(max).default(def)
}
export function int(path: string, def: number, min: number, max: number, unit: LeverUnit, source: string, label: string) {
  LEVERS.push({ path, label, unit, unitZh: LEVER_UNITS[unit], default: def, min, max, source, zh: zhOf(path), integer: true })
  return z.number().int().min(min).max(max).default(def)
}
export function optNum(path: string, min: number, max: number, unit: LeverUnit, source: string, label: string) {
  LEVERS.push({ path, label, unit, unitZh: LEVER_UNITS[unit], default: null, min, max, source, zh: zhOf(path) })
  return z.number().min(min).max(max).nullable().default(null)
}
export function bool(path: string, def: boolean, source: string, label: string) {
  LEVERS.push({ path, label, unit: 'on/off', unitZh: LEVER_UNITS['on/off'], default: def, source, zh: zhOf(path) })
  return z.boolean().default(def)
}
export function pick<const T extends readonly [string, ...string[]]>(path: string, values: T, def: T[number], source: string, label: string) {
  LEVERS.push({ path, label, unit: values.join('|'), unitZh: values.join('|'), default: def, source, zh: zhOf(path) })
  return z.enum(values).default(def as never)
}

