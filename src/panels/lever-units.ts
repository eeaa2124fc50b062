// A lever's unit in the page's language, from the lever's own definition (LeverMeta carries the unit in English and
// Chinese: sim/scenario/units.ts).
import { LEVERS, type LeverMeta } from '../../sim/api.ts'
import { getLang } from '../i18n/i18n.ts'

const BY_PATH = new Map(LEVERS.map((l) => [l.path, l]))

export const leverUnit = (l: Pick<LeverMeta, 'unit' | 'unitZh'>): string => (getLang() === 'zh-CN' ? l.unitZh : l.unit)

/** " unit" after a lever's value; a choice lever's "unit" is its option list (a|b|c) and a switch's is on/off, and
 *  neither belongs after a value */
export const unitAfter = (v: unknown, path: string): string => {
  const l = BY_PATH.get(path)
  return typeof v === 'number' && l?.unit ? ` ${leverUnit(l)}` : ''
}
