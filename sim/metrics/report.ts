// Named pure reporters: each reads the final model state (never mutates it) and returns one part of the
// result. Handlers only keep timestamps and raw tallies; every rate, percentile and baseline is computed here.
import { CATEGORIES, CATEGORY, IS_PUBLIC_SPACE, NCAT } from '../model/categories.ts'
import { CHANNELS, CH, DETOUR, Model, PHASE, PROACTIVE_FROM, ROLES, WALK_M_PER_MIN } from '../model/model.ts'
import { SERVICE_KINDS } from '../world/schema.ts'
import { dutyMinutes, MIN_PER_DAY } from '../engine/calendar.ts'
import { erlangCWait } from './erlang.ts'
import { expo } from '../engine/det-math.ts'

const F = Model.FLAGS
/** 响应率: a known issue counts as responded to when its first job starts within its time limit, at most a day */
const RESPONSE_LIMIT_HOURS = 24
export const responseLimits = (): number[] => CATEGORIES.map((c) => Math.min(CATEGORY[c].limitHours, RESPONSE_LIMIT_HOURS) * 60)
/** the 15-minute community life circle (15分钟社区生活圈): walking minutes to the grid base and a service centre */
const WALK_MINUTES = 15
const DAYS_PER_YEAR = 365
/** service kinds residents walk to: party-mass service centres (党群服务中心) and community service stations */
const SERVICE_CENTRE = new Set([SERVICE_KINDS.indexOf('party_mass_center'), SERVICE_KINDS.indexOf('service_station')])
const r4 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null)
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0)
/** a / b, NaN (null in JSON) when b is 0 */
const share = (a: number, b: number) => (b > 0 ? a / b : NaN)

export interface Dist {
  n: number
  mean: number | null
  p50: number | null
  p90: number | null
}

export function distribution(values: Float64Array | number[]): Dist {
  return sortedDistribution(Float64Array.from(values))
}

/** distribution of values the caller hands over: sorted in place, not copied (a fengtai year has 1.6 M) */
function sortedDistribution(v: Float64Array): Dist {
  v.sort()
  const n = v.length
  if (n === 0) return { n: 0, mean: null, p50: null, p90: null }
  let s = 0
  for (let k = 0; k < n; k++) s += v[k]
  const q = (p: number) => v[Math.min(n - 1, Math.floor(p * n))]
  return { n, mean: r4(s / n), p50: r4(q(0.5)), p90: r4(q(0.9)) }
}

export interface Rates {
  response: number
  resolution: number
  satisfaction: number
  onTime: number
  overdue: number
}

interface Select {
  (i: number): boolean
}

/** the three rates plus on-time closure over the issues `sel` picks (callbacks are the base of 解决率/满意率) */
export function threeRates(m: Model, sel: Select): Rates & { known: number; callbacks: number } {
  return groupedRates(m, (i) => (sel(i) ? 0 : -1), 1)[0]
}

/** threeRates for every group at once (one pass); group −1 skips the issue */
export function groupedRates(m: Model, groupOf: (i: number) => number, n: number) {
  const known = new Float64Array(n)
  const responded = new Float64Array(n)
  const callbacks = new Float64Array(n)
  const solved = new Float64Array(n)
  const satisfied = new Float64Array(n)
  const onTime = new Float64Array(n)
  const limits = responseLimits()
  for (let i = 0; i < m.n; i++) {
    if (m.phase[i] === PHASE.LATENT) continue
    const g = groupOf(i)
    if (g < 0) continue
    known[g]++
    if (m.tResp[i] - m.tKnown[i] <= limits[m.cat[i]]) responded[g]++
    const f = m.flags[i]
    if (f & F.CALLBACK) {
      callbacks[g]++
      if (f & F.SOLVED) solved[g]++
      if (f & F.SATISFIED) satisfied[g]++
      if (f & F.ONTIME) onTime[g]++
    }
  }
  return Array.from({ length: n }, (_, g) => ({
    known: known[g],
    callbacks: callbacks[g],
    response: r4(ratio(responded[g], known[g]))!,
    resolution: r4(ratio(solved[g], callbacks[g]))!,
    satisfaction: r4(ratio(satisfied[g], callbacks[g]))!,
    onTime: r4(ratio(onTime[g], callbacks[g]))!,
    overdue: r4(1 - ratio(onTime[g], callbacks[g]))!,
  }))
}

/** close-time distributions (hours) for every group at once */
export function groupedCloseTimes(m: Model, groupOf: (i: number) => number, n: number): Dist[] {
  const counts = new Int32Array(n)
  for (let i = 0; i < m.n; i++) if (m.phase[i] === PHASE.CLOSED) {
    const g = groupOf(i)
    if (g >= 0) counts[g]++
  }
  const vals = Array.from({ length: n }, (_, g) => new Float64Array(counts[g]))
  const fill = new Int32Array(n)
  for (let i = 0; i < m.n; i++) if (m.phase[i] === PHASE.CLOSED) {
    const g = groupOf(i)
    if (g >= 0) vals[g][fill[g]++] = (m.tClose[i] - m.tKnown[i]) / 60
  }
  return vals.map((v) => sortedDistribution(v))
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

export function closeTimes(m: Model, sel: Select = () => true): Dist {
  let n = 0
  for (let i = 0; i < m.n; i++) if (m.phase[i] === PHASE.CLOSED && sel(i)) n++
  const v = new Float64Array(n)
  n = 0
  for (let i = 0; i < m.n; i++) if (m.phase[i] === PHASE.CLOSED && sel(i)) v[n++] = (m.tClose[i] - m.tKnown[i]) / 60
  return sortedDistribution(v)
}

export function respondTimes(m: Model): Dist {
  let n = 0
  for (let i = 0; i < m.n; i++) if (m.phase[i] !== PHASE.LATENT && m.tResp[i] < Infinity) n++
  const v = new Float64Array(n)
  n = 0
  for (let i = 0; i < m.n; i++) if (m.phase[i] !== PHASE.LATENT && m.tResp[i] < Infinity) v[n++] = (m.tResp[i] - m.tKnown[i]) / 60
  return sortedDistribution(v)
}

export type GroupRates = ReturnType<typeof groupedRates>[number]
export type CategoryResult = GroupRates & { zh: string; arisen: number; discovery: number; hoursToClose: Dist }
export type LevelResult = GroupRates & { closed: number; hoursToClose: Dist }
export interface RoleUtilization {
  /** headcount behind the role's pools */
  people: number
  /** servers on duty at a time (fewer than people when crews rotate over a long duty calendar) */
  onDuty: number
  utilization: number
  jobs: number
  meanWaitHours: number
  erlangWaitHours: number
  unstablePools: number
  little: { L: number; lambdaW: number }
}

export function byCategory(m: Model) {
  const out: Record<string, CategoryResult> = {}
  const arisen = new Float64Array(NCAT)
  for (let i = 0; i < m.n; i++) arisen[m.cat[i]]++
  const cat = (i: number) => m.cat[i]
  const rates = groupedRates(m, cat, NCAT)
  const times = groupedCloseTimes(m, cat, NCAT)
  for (let c = 0; c < NCAT; c++) {
    out[CATEGORIES[c]] = { zh: CATEGORY[CATEGORIES[c]].zh, arisen: arisen[c], ...rates[c], discovery: r4(ratio(rates[c].known, arisen[c]))!, hoursToClose: times[c] }
  }
  return out
}

export function byLevel(m: Model) {
  const out: Record<string, LevelResult> = {}
  const lvl = (i: number) => (m.phase[i] === PHASE.CLOSED ? m.level[i] : -1)
  const rates = groupedRates(m, lvl, ROLES.length)
  const times = groupedCloseTimes(m, lvl, ROLES.length)
  ROLES.forEach((role, k) => {
    out[role] = { closed: times[k].n, hoursToClose: times[k], ...rates[k] }
  })
  return out
}

/** utilisation, waits and Little's law per role, with the Erlang C wait of each pool as the analytic baseline.
 * Utilisation is the busy share of the hours the role is available: for staff on a duty calendar (grid workers,
 * enforcement, departments) the service minutes of their jobs over the servers' duty minutes in the run, so a job
 * left overnight does not count as busy through the night; for the others the busy share of the clock. */
export function utilization(m: Model, endMin: number) {
  const P = m.pools
  P.close(endMin)
  const dutyMin = dutyMinutes(endMin, m.sc.startDay, m.shift)
  const out: Record<string, RoleUtilization> = {}
  ROLES.forEach((role, k) => {
    let people = 0
    let servers = 0
    let busy = 0
    let available = 0
    let area = 0
    let arrivals = 0
    let departures = 0
    let sojourn = 0
    let wait = 0
    let starts = 0
    let erlangWaitSum = 0
    let erlangN = 0
    let unstable = 0
    for (let p = 0; p < P.n; p++) {
      if (m.poolRole[p] !== k) continue
      people += m.poolPeople[p]
      servers += P.servers[p]
      busy += m.poolShift[p] ? P.workArea[p] : P.busyArea[p]
      available += P.servers[p] * (m.poolShift[p] ? dutyMin : endMin)
      area += P.area[p]
      arrivals += P.arrivals[p]
      departures += P.departures[p]
      sojourn += P.sojourn[p]
      wait += P.wait[p]
      starts += P.starts[p]
      if (P.departures[p] > 0 && P.servers[p] > 0) {
        const lambda = P.arrivals[p] / endMin
        const s = P.busyArea[p] / Math.max(1, P.starts[p])
        const wq = erlangCWait(P.servers[p], lambda, s)
        if (Number.isFinite(wq)) {
          erlangWaitSum += wq * P.arrivals[p]
          erlangN += P.arrivals[p]
        } else unstable++
      }
    }
    const W = ratio(sojourn, departures)
    out[role] = {
      people: r4(people)!,
      onDuty: servers,
      utilization: r4(ratio(busy, available))!,
      jobs: arrivals,
      meanWaitHours: r4(ratio(wait, starts) / 60)!,
      erlangWaitHours: r4(ratio(erlangWaitSum, erlangN) / 60)!,
      unstablePools: unstable,
      little: { L: r4(area / endMin)!, lambdaW: r4((arrivals / endMin) * W)! },
    }
  })
  return out
}

export function daily(m: Model, days: number) {
  const zeros = () => new Array<number>(days).fill(0)
  const arisen = zeros()
  const known = zeros()
  const responded = zeros()
  const proactive = zeros()
  const hotline = zeros()
  const whistles = zeros()
  const closed = zeros()
  const solved = zeros()
  const callbacks = zeros()
  const callbacksSolved = zeros()
  const callbacksSatisfied = zeros()
  const limits = responseLimits()
  const bin = (t: number) => Math.floor(t / MIN_PER_DAY)
  for (let i = 0; i < m.n; i++) {
    const a = bin(m.tArise[i])
    if (a < days) arisen[a]++
    if (m.phase[i] === PHASE.LATENT) continue
    const k = bin(m.tKnown[i])
    const f = m.flags[i]
    if (k < days) {
      known[k]++
      if (m.tResp[i] - m.tKnown[i] <= limits[m.cat[i]]) responded[k]++
      if (m.channel[i] >= PROACTIVE_FROM) proactive[k]++
      if (m.channel[i] === CH.HOTLINE) hotline[k]++
      if (f & F.WHISTLED) whistles[k]++
    }
    if (m.phase[i] === PHASE.CLOSED) {
      const c = bin(m.tClose[i])
      if (c < days) {
        closed[c]++
        if (f & F.FIXED) solved[c]++
        if (f & F.CALLBACK) {
          callbacks[c]++
          if (f & F.SOLVED) callbacksSolved[c]++
          if (f & F.SATISFIED) callbacksSatisfied[c]++
        }
      }
    }
  }
  const backlog: number[] = []
  let b = 0
  for (let d = 0; d < days; d++) {
    b += known[d] - closed[d]
    backlog.push(b)
  }
  return { arisen, known, responded, proactive, hotline, whistles, closed, solved, callbacks, callbacksSolved, callbacksSatisfied, backlog }
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
    const h = (m.tClose[i] - m.tKnown[i]) / 60
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

/** per-grid or per-community values for maps: columns aligned with the world's ids; `households` and `workers`
 * (effective grid workers) of each area give the staffing ratio */
export function byArea(m: Model, areaOf: (b: number) => number, n: number, ids: string[], households: ArrayLike<number>, workers: ArrayLike<number>) {
  const arisen = new Float64Array(n)
  const known = new Float64Array(n)
  const proactive = new Float64Array(n)
  const closed = new Float64Array(n)
  const hours = new Float64Array(n)
  const callbacks = new Float64Array(n)
  const solved = new Float64Array(n)
  const satisfied = new Float64Array(n)
  for (let i = 0; i < m.n; i++) {
    const a = areaOf(m.bldg[i])
    if (a < 0) continue
    arisen[a]++
    if (m.phase[i] === PHASE.LATENT) continue
    known[a]++
    if (m.channel[i] >= PROACTIVE_FROM) proactive[a]++
    if (m.phase[i] === PHASE.CLOSED) {
      closed[a]++
      hours[a] += (m.tClose[i] - m.tKnown[i]) / 60
    }
    const f = m.flags[i]
    if (f & F.CALLBACK) {
      callbacks[a]++
      if (f & F.SOLVED) solved[a]++
      if (f & F.SATISFIED) satisfied[a]++
    }
  }
  const p90 = groupedCloseTimes(m, (i) => areaOf(m.bldg[i]), n).map((d) => d.p90)
  const col = (f: (k: number) => number) => Array.from({ length: n }, (_, k) => r4(f(k)))
  return {
    ids,
    households: Array.from(households),
    workers: col((k) => workers[k]),
    householdsPerWorker: col((k) => (workers[k] > 0 ? households[k] / workers[k] : NaN)),
    arisen: Array.from(arisen),
    known: Array.from(known),
    closed: Array.from(closed),
    // null, not 0, where there is nothing to measure: a map must not paint an area with no callbacks as the worst
    discovery: col((k) => share(known[k], arisen[k])),
    proactive: col((k) => share(proactive[k], known[k])),
    resolution: col((k) => share(solved[k], callbacks[k])),
    satisfaction: col((k) => share(satisfied[k], callbacks[k])),
    meanHoursToClose: col((k) => (closed[k] > 0 ? hours[k] / closed[k] : NaN)),
    p90HoursToClose: p90,
  }
}

/** effective grid workers summed per community */
export function workersByCommunity(w: Model['w'], gridWorkers: ArrayLike<number>): Float64Array {
  const out = new Float64Array(w.communities.n)
  for (let g = 0; g < w.grids.n; g++) if (w.grids.community[g] >= 0) out[w.grids.community[g]] += gridWorkers[g]
  return out
}

/** coverage: staffing ratios, home-visit rate, 15-minute walks to the grid base and to a service centre */
export function coverage(m: Model) {
  const w = m.w
  const B = w.buildings.n
  let hhTotal = 0
  let nearBase = 0
  let nearService = 0
  const walkMin = (dx: number, dy: number) => (Math.sqrt(dx * dx + dy * dy) * DETOUR) / WALK_M_PER_MIN
  // service centres (party-mass centres and service stations) by community
  const svcByComm = new Map<number, number[]>()
  for (let s = 0; s < w.services.n; s++) {
    if (!SERVICE_CENTRE.has(w.services.kind[s])) continue
    const c = w.services.community[s]
    if (!svcByComm.has(c)) svcByComm.set(c, [])
    svcByComm.get(c)!.push(s)
  }
  const allSvc = Array.from({ length: w.services.n }, (_, s) => s).filter((s) => SERVICE_CENTRE.has(w.services.kind[s]))
  for (let b = 0; b < B; b++) {
    const h = w.buildings.households[b]
    hhTotal += h
    const g = w.buildings.grid[b]
    if (g >= 0 && walkMin(w.buildings.x[b] - w.grids.baseX[g], w.buildings.y[b] - w.grids.baseY[g]) <= WALK_MINUTES) nearBase += h
    const cand = svcByComm.get(w.buildings.community[b]) ?? allSvc
    let best = Infinity
    for (const s of cand) best = Math.min(best, walkMin(w.buildings.x[b] - w.services.x[s], w.buildings.y[b] - w.services.y[s]))
    if (best <= WALK_MINUTES) nearService += h
  }
  let workers = 0
  let balanced = 0
  for (let g = 0; g < w.grids.n; g++) {
    workers += m.gridWorkers[g]
    if (w.grids.households[g] >= 300 && w.grids.households[g] <= 500) balanced++
  }
  let visited = 0
  let patrolDays = 0
  let patrolled = 0
  for (let c = 0; c < w.communities.n; c++) visited += w.communities.households[c] * (1 - expo(-m.visitRate[c] * DAYS_PER_YEAR * MIN_PER_DAY))
  for (let g = 0; g < w.grids.n; g++)
    if (m.patrolRate[g] > 0) {
      patrolDays += 1 / (m.patrolRate[g] * MIN_PER_DAY)
      patrolled++
    }
  return {
    households: hhTotal,
    gridWorkers: r4(workers),
    householdsPerGridWorker: r4(ratio(hhTotal, workers)),
    communityWorkers: m.commWorkers.reduce((s, x) => s + x, 0),
    householdVisitRate: r4(ratio(visited, w.communities.households.reduce((s, x) => s + x, 0))),
    within15MinOfGridBase: r4(ratio(nearBase, hhTotal)),
    within15MinOfServiceCentre: r4(ratio(nearService, hhTotal)),
    gridsIn300to500: r4(ratio(balanced, w.grids.n)),
    meanPatrolDaysToSpot: r4(ratio(patrolDays, patrolled)),
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
