// Owners' committees (业委会, book ch. 6.1): which compounds have one (the world's own, or a share), party-led
// formation over time, a committee pressing the property company on failed jobs, and replacing a company that keeps
// failing. Without levers set, the committees are the world's and change nothing but the residents' channel.
import type { CompiledWorld } from '../world/compile.ts'
import type { Scenario } from '../scenario/schema.ts'
import { hash32, UINT32_RANGE } from '../engine/rng.ts'
import { ln } from '../engine/det-math.ts'
import { MIN_PER_DAY } from '../engine/calendar.ts'
import { FORMATION_SALT, OWNERS_SALT } from './ids.ts'

const DAYS_PER_YEAR = 365
const DAYS_PER_MONTH = 30
/** a replacement company fails half as often as the one it replaced (assumption) */
export const REPLACEMENT_FAILURE_FACTOR = 0.5

export interface Owners {
  /** per compound: the minute its committee exists from (Infinity: none) */
  from: Float64Array
  /** per compound: unsolved property cases under its committee, and the minute a new company took over */
  failures: Int32Array
  replacedAt: Float64Array
  replaced: number
}

export function initOwners(w: CompiledWorld, sc: Scenario): Owners {
  const K = w.compounds.n
  const ow = sc.owners
  const from = new Float64Array(K)
  for (let k = 0; k < K; k++) {
    const has = ow.committeeShare === null ? w.compounds.ownersCommittee[k] === 1 : (hash32(k, OWNERS_SALT, 0) + 0.5) / UINT32_RANGE < ow.committeeShare
    if (has) continue
    // 党建引领: the community party organisation helps the rest form one, at formationPerYear
    from[k] = ow.formationPerYear > 0 ? (-ln((hash32(k, FORMATION_SALT, 0) + 0.5) / UINT32_RANGE) / ow.formationPerYear) * DAYS_PER_YEAR * MIN_PER_DAY : Infinity
  }
  return { from, failures: new Int32Array(K), replacedAt: new Float64Array(K).fill(Infinity), replaced: 0 }
}

export const hasCommittee = (o: Owners, k: number, t: number): boolean => k >= 0 && o.from[k] <= t

/** the property company's chance to solve a job at minute t, given its base chance: a replaced company fails less,
 *  and a committee presses a share of the failures into fixes */
export function ownersFix(o: Owners, sc: Scenario, k: number, t: number, base: number): number {
  if (k < 0) return base
  let p = base
  if (o.replacedAt[k] <= t) p = 1 - (1 - p) * REPLACEMENT_FAILURE_FACTOR
  if (sc.owners.supervisionGain > 0 && o.from[k] <= t) p += sc.owners.supervisionGain * (1 - p)
  return p
}

/** an unsolved property case at callback: a committee counts it, and after enough replaces the company */
export function propertyFailed(o: Owners, sc: Scenario, k: number, t: number): void {
  const n = sc.owners.replaceAfterFailures
  if (n <= 0 || !hasCommittee(o, k, t) || o.replacedAt[k] < Infinity) return
  if (++o.failures[k] >= n) {
    o.replacedAt[k] = t + sc.owners.replaceMonths * DAYS_PER_MONTH * MIN_PER_DAY
    o.replaced++
  }
}

export function ownersReport(o: Owners, endMin: number) {
  let start = 0
  let end = 0
  for (let k = 0; k < o.from.length; k++) {
    if (o.from[k] <= 0) start++
    if (o.from[k] <= endMin) end++
  }
  const K = o.from.length
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4
  return { compounds: K, withCommitteeStart: K ? r4(start / K) : 0, withCommitteeEnd: K ? r4(end / K) : 0, companiesReplaced: o.replaced }
}
