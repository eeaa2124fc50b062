// The people's-conditions map (民情图, book ch. 4.3.2: 西罗园, door to door since 2012): households marked as elderly
// living alone, with a disabled member or low-income (generated: shares are levers, docs/book-systems.md), and home
// visits that, with needs.priorityShare > 0, go to them first. Reports the share of high-need households visited
// within a year (入户率) against the norm of at least 90 % (book ch. 4.2.2).
import type { CompiledWorld } from '../world/compile.ts'
import type { Scenario } from '../scenario/schema.ts'
import { hash32, UINT32_RANGE } from '../engine/rng.ts'
import { expo } from '../engine/det-math.ts'
import { MIN_PER_DAY } from '../engine/calendar.ts'
import { NEEDS_SALT } from './ids.ts'

export const NEED = { ELDERLY_ALONE: 1, DISABLED: 2, LOW_INCOME: 4 } as const
/** 入户率 norm: at least 90 % of households visited a year (book ch. 4.2.2) */
export const VISIT_NORM = 0.9
const DAYS_PER_YEAR = 365

export interface Needs {
  /** per household: NEED bits */
  flags: Uint8Array
  /** per community: high-need households, and the visit-rate multipliers of high-need and other households */
  high: Float64Array
  fHigh: Float64Array
  fLow: Float64Array
}

const draw = (h: number, k: number) => (hash32(h, NEEDS_SALT, k) + 0.5) / UINT32_RANGE

/** the NEED bits of household h (numbered across buildings in the world's order) in a building of the given
 *  elderly share: the same in every run, the page's map and the model */
export function householdNeeds(h: number, elderlyShare: number, nd: Scenario['needs']): number {
  let f = 0
  if (draw(h, 0) < Math.min(1, nd.elderlyAloneFactor * elderlyShare)) f |= NEED.ELDERLY_ALONE
  if (draw(h, 1) < nd.disabledShare) f |= NEED.DISABLED
  if (draw(h, 2) < nd.lowIncomeShare) f |= NEED.LOW_INCOME
  return f
}

/** high-need households per building, for the map's 民情图 layer (buildings in the world's order) */
export function highNeedByBuilding(households: ArrayLike<number>, elderlyShare: ArrayLike<number>, nd: Scenario['needs']): Int32Array {
  const out = new Int32Array(households.length)
  let h = 0
  for (let b = 0; b < households.length; b++)
    for (let k = 0; k < households[b]; k++, h++) if (householdNeeds(h, elderlyShare[b], nd)) out[b]++
  return out
}

export function initNeeds(w: CompiledWorld, sc: Scenario, hhStart: Int32Array): Needs {
  const nd = sc.needs
  const flags = new Uint8Array(hhStart[w.buildings.n])
  const C = w.communities.n
  const high = new Float64Array(C)
  const hh = new Float64Array(C)
  for (let b = 0; b < w.buildings.n; b++) {
    const c = w.buildings.community[b]
    for (let h = hhStart[b]; h < hhStart[b + 1]; h++) {
      const f = householdNeeds(h, w.buildings.elderlyShare[b], nd)
      flags[h] = f
      if (c >= 0) {
        hh[c]++
        if (f) high[c]++
      }
    }
  }
  // a share π of the visits goes to the high-need households: their rate is π·H/N of the even rate, the others'
  // (1 − π)·H/(H − N); π = 0 keeps visits even
  const fHigh = new Float64Array(C).fill(1)
  const fLow = new Float64Array(C).fill(1)
  const pi = nd.priorityShare
  if (pi > 0)
    for (let c = 0; c < C; c++) {
      if (high[c] <= 0 || high[c] >= hh[c]) continue
      fHigh[c] = (pi * hh[c]) / high[c]
      fLow[c] = ((1 - pi) * hh[c]) / (hh[c] - high[c])
    }
  return { flags, high, fHigh, fLow }
}

/** the household's visit rate as a multiple of its community's even rate */
export const visitFactor = (n: Needs, c: number, h: number): number => (n.flags[h] ? n.fHigh[c] : n.fLow[c])

/** households by need, and the share visited within a year (入户率): high-need ones and all, beside the norm */
export function needsReport(n: Needs, w: CompiledWorld, hhStart: Int32Array, visitRate: Float64Array) {
  let alone = 0
  let disabled = 0
  let low = 0
  let highN = 0
  let highVisited = 0
  let all = 0
  let allVisited = 0
  const yr = DAYS_PER_YEAR * MIN_PER_DAY
  for (let b = 0; b < w.buildings.n; b++) {
    const c = w.buildings.community[b]
    if (c < 0) continue
    const pHigh = 1 - expo(-visitRate[c] * n.fHigh[c] * yr)
    const pLow = 1 - expo(-visitRate[c] * n.fLow[c] * yr)
    for (let h = hhStart[b]; h < hhStart[b + 1]; h++) {
      const f = n.flags[h]
      all++
      if (f & NEED.ELDERLY_ALONE) alone++
      if (f & NEED.DISABLED) disabled++
      if (f & NEED.LOW_INCOME) low++
      if (f) {
        highN++
        highVisited += pHigh
        allVisited += pHigh
      } else allVisited += pLow
    }
  }
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4
  return {
    households: { elderlyAlone: alone, disabled, lowIncome: low, highNeed: highN },
    visitedHighNeed: highN ? r4(highVisited / highN) : 0,
    visitedAll: all ? r4(allVisited / all) : 0,
    norm: VISIT_NORM,
  }
}
