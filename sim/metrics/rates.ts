// Issue outcomes (docs/domain.md § Lifecycle): the three rates (响应率, 解决率, 满意率), on-time closure, counts by
// channel, close and response times, overall and by category, level (who solved it), close-time histogram and the
// public-space scope. Pure: each reads the final model state and never mutates it.
import { CATEGORIES, CATEGORY, IS_PUBLIC_SPACE, NCAT } from '../model/categories.ts'
import { CHANNELS, CH, Model, PHASE, PROACTIVE_FROM, ROLES } from '../model/model.ts'
import { MIN_PER_HOUR } from '../engine/calendar.ts'
import { F2_PARKED } from '../model/ids.ts'
import { r4, ratio, selectedDistribution, type Dist, type Select } from './dist.ts'

const F = Model.FLAGS
/** 响应率: a known issue counts as responded to when its first job starts within its time limit, at most a day */
const RESPONSE_LIMIT_HOURS = 24
/** per category number: minutes from becoming known to the first job's start that count as a response */
export const responseLimits = () => CATEGORIES.map((c) => Math.min(CATEGORY[c].limitHours, RESPONSE_LIMIT_HOURS) * MIN_PER_HOUR)

export interface Rates {
  response: number
  resolution: number
  satisfaction: number
  onTime: number
  overdue: number
}

/** per-issue group keys for the grouped figures: issue i is in group `key[via[i]]` (say, the grid of its building), or
 *  `key[i]` without `via`; a negative key skips the issue. Typed arrays rather than a callback per figure: one
 *  callback site shared by every figure sees many closures and V8 calls each one out of line, per issue. */
export interface Groups {
  key: ArrayLike<number>
  via?: ArrayLike<number>
  n: number
}

/** the three rates plus on-time closure over the issues `sel` picks (callbacks are the base of 解决率/满意率) */
export function threeRates(m: Model, sel: Select): Rates & { known: number; callbacks: number } {
  const key = new Int8Array(m.n)
  for (let i = 0; i < m.n; i++) key[i] = sel(i) ? 0 : -1
  return groupedRates(m, { key, n: 1 })[0]
}

/** raw tallies of the three rates per group: known, responded in time, callbacks, solved, satisfied, on time */
export interface RateTallies {
  known: Float64Array
  responded: Float64Array
  callbacks: Float64Array
  solved: Float64Array
  satisfied: Float64Array
  onTime: Float64Array
}

/** one pass over the issues tallying the three rates per group */
export function rateTallies(m: Model, { key, via, n }: Groups): RateTallies {
  const t: RateTallies = {
    known: new Float64Array(n),
    responded: new Float64Array(n),
    callbacks: new Float64Array(n),
    solved: new Float64Array(n),
    satisfied: new Float64Array(n),
    onTime: new Float64Array(n),
  }
  const { known, responded, callbacks, solved, satisfied, onTime } = t
  const limits = Float64Array.from(responseLimits())
  const { phase, flags, flags2, tResp, tKnown, cat } = m
  for (let i = 0; i < m.n; i++) {
    // parked cases (挂账) are counted apart from the rates
    if (phase[i] === PHASE.LATENT || flags2[i] & F2_PARKED) continue
    const g = via === undefined ? key[i] : key[via[i]]
    if (g < 0) continue
    known[g]++
    if (tResp[i] - tKnown[i] <= limits[cat[i]]) responded[g]++
    const f = flags[i]
    if (f & F.CALLBACK) {
      callbacks[g]++
      if (f & F.SOLVED) solved[g]++
      if (f & F.SATISFIED) satisfied[g]++
      if (f & F.ONTIME) onTime[g]++
    }
  }
  return t
}

/** the rates of group g of `t` */
export function ratesOf(t: RateTallies, g: number) {
  return {
    known: t.known[g],
    callbacks: t.callbacks[g],
    response: r4(ratio(t.responded[g], t.known[g]))!,
    resolution: r4(ratio(t.solved[g], t.callbacks[g]))!,
    satisfaction: r4(ratio(t.satisfied[g], t.callbacks[g]))!,
    onTime: r4(ratio(t.onTime[g], t.callbacks[g]))!,
    overdue: r4(1 - ratio(t.onTime[g], t.callbacks[g]))!,
  }
}

/** the groups of `t` summed into one (counts are whole numbers: the sums are exact) */
export function totalTallies(t: RateTallies): RateTallies {
  const sum = (a: Float64Array) => Float64Array.of(a.reduce((s, x) => s + x, 0))
  return { known: sum(t.known), responded: sum(t.responded), callbacks: sum(t.callbacks), solved: sum(t.solved), satisfied: sum(t.satisfied), onTime: sum(t.onTime) }
}

/** threeRates for every group at once (one pass) */
export function groupedRates(m: Model, groups: Groups) {
  const t = rateTallies(m, groups)
  return Array.from({ length: groups.n }, (_, g) => ratesOf(t, g))
}

/** the closed issues (in issue order) and their hours from known to closed: gathered once per model state and shared
 *  by every close-time figure of a report (overall, per category, level, grid, community, public space), so each
 *  one walks the closed issues once instead of every issue twice */
interface Closed {
  idx: Int32Array
  hours: Float64Array
}
const closedCache = new WeakMap<Model, { n: number; events: number; closed: Closed }>()

function closedIssues(m: Model): Closed {
  const hit = closedCache.get(m)
  if (hit && hit.n === m.n && hit.events === m.sched.processed) return hit.closed
  const closed = gatherClosed(m)
  closedCache.set(m, { n: m.n, events: m.sched.processed, closed })
  return closed
}

/** one pass into room for every issue, then views of the filled part (a second counting pass over 1.6 M issues cost
 *  more than the spare room) */
function gatherClosed(m: Model): Closed {
  const idx = new Int32Array(m.n)
  const hours = new Float64Array(m.n)
  const { phase, tClose, tKnown } = m
  let n = 0
  for (let i = 0; i < m.n; i++)
    if (phase[i] === PHASE.CLOSED) {
      idx[n] = i
      hours[n++] = (tClose[i] - tKnown[i]) / MIN_PER_HOUR
    }
  return { idx: idx.subarray(0, n), hours: hours.subarray(0, n) }
}

/** close-time distributions (hours) for every group at once, the values laid out group after group in one array (a
 *  counting sort) */
export function groupedCloseTimes(m: Model, { key, via, n }: Groups, median = true): Dist[] {
  const { idx, hours } = closedIssues(m)
  const group = new Int32Array(idx.length)
  const start = new Int32Array(n + 1)
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]
    const g = via === undefined ? key[i] : key[via[i]]
    group[k] = g
    if (g >= 0) start[g + 1]++
  }
  for (let g = 0; g < n; g++) start[g + 1] += start[g]
  const vals = new Float64Array(start[n])
  const fill = start.slice(0, n)
  for (let k = 0; k < idx.length; k++) if (group[k] >= 0) vals[fill[group[k]]++] = hours[k]
  return Array.from({ length: n }, (_, g) => selectedDistribution(vals.subarray(start[g], start[g + 1]), median))
}

export function issueCounts(m: Model) {
  let known = 0
  let closed = 0
  let open = 0
  let latent = 0
  let hotline = 0
  let proactive = 0
  const byChannel = new Array(CHANNELS.length).fill(0)
  for (let i = 0; i < m.n; i++) {
    if (m.phase[i] === PHASE.LATENT) {
      latent++
      continue
    }
    known++
    byChannel[m.channel[i]]++
    if (m.channel[i] === CH.HOTLINE) hotline++
    if (m.channel[i] >= PROACTIVE_FROM) proactive++
    if (m.phase[i] === PHASE.CLOSED) closed++
    else open++
  }
  return {
    arisen: m.n,
    known,
    closed,
    open,
    latent,
    hotline,
    proactive,
    byChannel: Object.fromEntries(CHANNELS.map((c, k) => [c, byChannel[k]])),
  }
}

export function closeTimes(m: Model, sel?: Select): Dist {
  const { idx, hours } = closedIssues(m)
  if (!sel) return selectedDistribution(hours.slice())
  const v = new Float64Array(idx.length)
  let n = 0
  for (let k = 0; k < idx.length; k++) if (sel(idx[k])) v[n++] = hours[k]
  return selectedDistribution(v.subarray(0, n))
}

export function respondTimes(m: Model): Dist {
  const v = new Float64Array(m.n)
  const { phase, tResp, tKnown } = m
  let n = 0
  for (let i = 0; i < m.n; i++) if (phase[i] !== PHASE.LATENT && tResp[i] < Infinity) v[n++] = (tResp[i] - tKnown[i]) / MIN_PER_HOUR
  return selectedDistribution(v.subarray(0, n))
}

export type GroupRates = ReturnType<typeof ratesOf>
export type CategoryResult = GroupRates & { zh: string; arisen: number; discovery: number; hoursToClose: Dist }
export type LevelResult = GroupRates & { closed: number; hoursToClose: Dist }
export function byCategory(m: Model) {
  const out: Record<string, CategoryResult> = {}
  const arisen = new Float64Array(NCAT)
  for (let i = 0; i < m.n; i++) arisen[m.cat[i]]++
  const cat: Groups = { key: m.cat, n: NCAT }
  const rates = groupedRates(m, cat)
  const times = groupedCloseTimes(m, cat)
  for (let c = 0; c < NCAT; c++) {
    out[CATEGORIES[c]] = { zh: CATEGORY[CATEGORIES[c]].zh, arisen: arisen[c], ...rates[c], discovery: r4(ratio(rates[c].known, arisen[c]))!, hoursToClose: times[c] }
  }
  return out
}

export function byLevel(m: Model) {
  const out: Record<string, LevelResult> = {}
  // who solved it: closed issues only
  const key = new Int8Array(m.n)
  for (let i = 0; i < m.n; i++) key[i] = m.phase[i] === PHASE.CLOSED ? m.level[i] : -1
  const lvl: Groups = { key, n: ROLES.length }
  const rates = groupedRates(m, lvl)
  const times = groupedCloseTimes(m, lvl)
  ROLES.forEach((role, k) => {
    out[role] = { closed: times[k].n, hoursToClose: times[k], ...rates[k] }
  })
  return out
}

/** upper edges (hours) of the time-to-close histogram bins; the last bin is open-ended */
export const CLOSE_BIN_EDGES = [1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720]

/** time-to-close histograms (counts per CLOSE_BIN_EDGES bin, plus one overflow bin) overall, per category and per level */
export function closeHistogram(m: Model) {
  const nb = CLOSE_BIN_EDGES.length + 1
  const overall = new Array<number>(nb).fill(0)
  const cat = Array.from({ length: NCAT }, () => new Array<number>(nb).fill(0))
  const lvl = Array.from({ length: ROLES.length }, () => new Array<number>(nb).fill(0))
  for (let i = 0; i < m.n; i++) {
    if (m.phase[i] !== PHASE.CLOSED) continue
    const h = (m.tClose[i] - m.tKnown[i]) / MIN_PER_HOUR
    let k = 0
    while (k < CLOSE_BIN_EDGES.length && h > CLOSE_BIN_EDGES[k]) k++
    overall[k]++
    cat[m.cat[i]][k]++
    lvl[m.level[i]][k]++
  }
  return {
    edges: CLOSE_BIN_EDGES,
    overall,
    byCategory: Object.fromEntries(CATEGORIES.map((c, k) => [c, cat[k]])),
    byLevel: Object.fromEntries(ROLES.map((r, k) => [r, lvl[k]])),
  }
}

/** discovery and handling time over public-space categories, the scope of Dongcheng's 30 %→90 %, 7 d→7.5 h (book ch. 9.2.4) */
export function publicSpace(m: Model) {
  let arisen = 0
  let known = 0
  for (let i = 0; i < m.n; i++) {
    if (!IS_PUBLIC_SPACE[m.cat[i]]) continue
    arisen++
    if (m.phase[i] !== PHASE.LATENT) known++
  }
  return { discovery: r4(ratio(known, arisen))!, hoursToClose: closeTimes(m, (i) => IS_PUBLIC_SPACE[m.cat[i]]) }
}
