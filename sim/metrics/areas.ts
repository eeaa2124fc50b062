// Where: per-grid and per-community values for the result map, and coverage (staffing ratios, home visits, the
// 15-minute community life circle 15分钟社区生活圈).
import { DETOUR, Model, PHASE, PROACTIVE_FROM, WALK_M_PER_MIN } from '../model/model.ts'
import { SERVICE_KINDS } from '../world/schema.ts'
import { MIN_PER_DAY, MIN_PER_HOUR } from '../engine/calendar.ts'
import { expo } from '../engine/det-math.ts'
import { DEFAULT_BAND } from '../geometry/generate-grids.ts'
import { r4, ratio, share } from './dist.ts'
import { groupedCloseTimes } from './rates.ts'

const F = Model.FLAGS
/** the 15-minute community life circle (15分钟社区生活圈): walking minutes to the grid base and a service centre */
const WALK_MINUTES = 15
const DAYS_PER_YEAR = 365
/** service kinds residents walk to: party-mass service centres (党群服务中心) and community service stations */
const SERVICE_CENTRE = new Set([SERVICE_KINDS.indexOf('party_mass_center'), SERVICE_KINDS.indexOf('service_station')])

/** per-grid or per-community values for maps: columns aligned with the world's ids; `areaOf` is each building's area
 * (−1: none); `households` and `workers` (effective grid workers) of each area give the staffing ratio */
export function byArea(m: Model, areaOf: ArrayLike<number>, n: number, ids: string[], households: ArrayLike<number>, workers: ArrayLike<number>) {
  const arisen = new Float64Array(n)
  const known = new Float64Array(n)
  const proactive = new Float64Array(n)
  const closed = new Float64Array(n)
  const hours = new Float64Array(n)
  const callbacks = new Float64Array(n)
  const solved = new Float64Array(n)
  const satisfied = new Float64Array(n)
  const { bldg, phase, channel, flags, tClose, tKnown } = m
  for (let i = 0; i < m.n; i++) {
    const a = areaOf[bldg[i]]
    if (a < 0) continue
    arisen[a]++
    if (phase[i] === PHASE.LATENT) continue
    known[a]++
    if (channel[i] >= PROACTIVE_FROM) proactive[a]++
    if (phase[i] === PHASE.CLOSED) {
      closed[a]++
      hours[a] += (tClose[i] - tKnown[i]) / MIN_PER_HOUR
    }
    const f = flags[i]
    if (f & F.CALLBACK) {
      callbacks[a]++
      if (f & F.SOLVED) solved[a]++
      if (f & F.SATISFIED) satisfied[a]++
    }
  }
  const p90 = groupedCloseTimes(m, { key: areaOf, via: bldg, n }, false).map((d) => d.p90)
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
    if (w.grids.households[g] >= DEFAULT_BAND.min && w.grids.households[g] <= DEFAULT_BAND.max) balanced++
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
