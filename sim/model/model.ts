// The agent-based model of the issue lifecycle (model.md §3): arise → discover → accept/dispatch → handle →
// escalate/whistle → verify → close → callback, with per-household trust feeding back into reporting.
//
// Randomness and common random numbers: arrivals (day, category, building, household, time of day) come from the
// 'arrivals' stream, extra surge arrivals from 'surge'; every later draw for an issue is a hash of (seed, the
// issue's arrival key, a salt), so it does not depend on levers or on the order events happen in. Two scenarios
// that differ in one lever therefore see the same issues, the same resident choices and the same work contents.
import type { CompiledWorld } from '../world/compile.ts'
import { createRng, type Rng } from '../engine/rng.ts'
import { Scheduler, type Handlers } from '../engine/scheduler.ts'
import { Pools } from '../engine/pool.ts'
import { dayOfYear, heatingFactor, MIN_PER_DAY, minuteOfDay, weekday, WEEKDAY_FACTOR } from '../engine/calendar.ts'
import { CATEGORIES, CATEGORY, NCAT, RESOLVER, type ResolverKind } from './categories.ts'
import type { Scenario } from '../scenario/schema.ts'

export const WALK_M_PER_MIN = 4500 / 60
export const DETOUR = 1.3
/** an issue nobody finds within this many days stays latent (assumption) */
export const LATENT_DAYS = 14

/** category specs as an array indexed by category number (hot-loop lookups) */
const SPEC = CATEGORIES.map((c) => CATEGORY[c])

/** event kinds; the handler table is a Record over them, so a missing case fails to compile */
export const EV = { ARISE: 0, KNOWN: 1, ENTER: 2, DONE: 3, DEADLINE: 4, CALLBACK: 5 } as const
export type EventKind = (typeof EV)[keyof typeof EV]

/** events as a discriminated union, for playback streams */
export type SimEvent =
  | { kind: 'arise'; t: number; issue: number; category: number; building: number }
  | { kind: 'known'; t: number; issue: number; channel: number }
  | { kind: 'enter'; t: number; issue: number; role: number }
  | { kind: 'done'; t: number; issue: number; role: number }
  | { kind: 'deadline'; t: number; issue: number }
  | { kind: 'callback'; t: number; issue: number; solved: boolean; satisfied: boolean }

/** how an issue became known */
export const CHANNELS = ['rc', 'property', 'party', 'neighbours', 'hotline', 'owners', 'patrol', 'visit', 'volunteer'] as const
export const CH = { RC: 0, PROPERTY: 1, PARTY: 2, NEIGHBOURS: 3, HOTLINE: 4, OWNERS: 5, PATROL: 6, VISIT: 7, VOLUNTEER: 8 } as const
export const PROACTIVE_FROM = CH.PATROL

/** resolver roles (pool kinds) */
export const ROLES = ['gridWorker', 'communityWorker', 'property', 'streetOffice', 'enforcement', 'departments'] as const
export const ROLE = { GRID: 0, COMM: 1, PROP: 2, OFFICE: 3, ENF: 4, DEPT: 5 } as const

/** what the issue's next pool job is */
const ST = { RESOLVE: 0, TRIAGE: 1, DEPT_TRIAGE: 2, WHISTLE: 3, OFFICE_TRY: 4, DEPT2: 5, VERIFY: 6 } as const

/** issue phase: arisen and not (yet) known, known and being handled, closed */
export const PHASE = { LATENT: 0, OPEN: 1, CLOSED: 2 } as const

const F_FIXED = 1
const F_CLOSED = 2
const F_CALLBACK = 4
const F_SOLVED = 8
const F_SATISFIED = 16
const F_ONTIME = 32
const F_CALLBACK_PENDING = 64
const F_WHISTLED = 128

// salts for per-issue draws
const S = { REPORT: 1, REPORT_DELAY: 2, CHANNEL: 3, PATROL: 4, VISIT: 5, VOLUNTEER: 6, WORK: 7, FIX: 8, BOUNCE: 9, VERIFY: 10, SAT: 11, EXPLAIN: 12, WHISTLE: 13, BOUNCE_DELAY: 14, HARD: 15, HARD_FIX: 16, ALONE: 17, VISIBLE: 18, INDOOR: 19 } as const

function hash32(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x165667b1, 0x27d4eb2f)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  h = Math.imul(h, 0x297a2d39)
  h ^= h >>> 15
  return h >>> 0
}

function seedHash(seed: number | string): number {
  const s = String(seed)
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 40) return Math.max(0, Math.round(rng.normal(mean, Math.sqrt(mean))))
  const l = Math.exp(-mean)
  let k = 0
  let p = 1
  do {
    k++
    p *= rng.next()
  } while (p > l)
  return k - 1
}

export interface ModelOptions {
  seed: number | string
  days: number
  /** receives playback events when set (slow; for the browser's playback) */
  onEvent?: (e: SimEvent) => void
}

/** The whole mutable state of a run: world-derived constants, pools and per-issue columns. */
export class Model {
  readonly w: CompiledWorld
  readonly sc: Scenario
  readonly seed: number | string
  readonly days: number
  readonly sched = new Scheduler<EventKind>()
  readonly pools: Pools
  readonly poolRole: Uint8Array
  /** availability: share of the clock a pool's people give to handling (service time = work / availability) */
  readonly poolAvail: Float64Array
  readonly gridPool0 = 0
  readonly commPool0: number
  readonly propPool0: number
  readonly officePool0: number
  readonly enfPool0: number
  readonly deptPool: number
  readonly compoundPool: Int32Array
  /** per grid: workers (effective people), patrol discovery rate per minute for detectability 1 */
  readonly gridWorkers: Float64Array
  readonly patrolRate: Float64Array
  /** per community: visit and volunteer discovery rates per minute for detectability 1 */
  readonly visitRate: Float64Array
  readonly volunteerRate: Float64Array
  readonly commWorkers: Int32Array
  readonly commArea: Float64Array
  readonly hhStart: Int32Array
  readonly trust: Float32Array
  readonly catWeights: Float64Array[]
  readonly catCum: Float64Array[]
  readonly heatNorm: number
  readonly channelCum: Float64Array
  private readonly salt: number
  private readonly arrivals: Rng
  private readonly surgeRng: Rng
  readonly onEvent?: (e: SimEvent) => void

  // per-issue columns
  n = 0
  private cap = 0
  cat = new Uint8Array(0)
  bldg = new Int32Array(0)
  hh = new Int32Array(0)
  key = new Uint32Array(0)
  tArise = new Float64Array(0)
  tKnown = new Float64Array(0)
  tResp = new Float64Array(0)
  tClose = new Float64Array(0)
  tEnter = new Float64Array(0)
  tStart = new Float64Array(0)
  channel = new Uint8Array(0)
  phase = new Uint8Array(0)
  stage = new Uint8Array(0)
  pool = new Int32Array(0)
  level = new Uint8Array(0)
  flags = new Uint8Array(0)
  bounces = new Uint8Array(0)
  reworks = new Uint8Array(0)
  jobs = new Uint8Array(0)

  // counters the handlers keep (raw tallies, not metrics)
  whistles = 0
  bounceCount = 0
  reworkCount = 0
  visitsDone = 0

  constructor(w: CompiledWorld, sc: Scenario, opts: ModelOptions) {
    this.w = w
    this.sc = sc
    this.seed = opts.seed
    this.days = opts.days
    this.onEvent = opts.onEvent
    this.salt = seedHash(opts.seed)
    const root = createRng(opts.seed, 'sim')
    this.arrivals = root.stream('arrivals')
    this.surgeRng = root.stream('surge')
    const G = w.grids.n
    const C = w.communities.n
    const K = w.compounds.n
    const NS = Math.max(1, w.streets.n)
    const B = w.buildings.n

    // households: building b owns households hhStart[b] .. hhStart[b+1]
    this.hhStart = new Int32Array(B + 1)
    for (let b = 0; b < B; b++) this.hhStart[b + 1] = this.hhStart[b] + w.buildings.households[b]
    this.trust = new Float32Array(this.hhStart[B]).fill(1)

    // grid workers per the allocation rule and scale
    const gw = sc.gridWorkers
    const hoursShare = gw.hoursPerWeek / 168
    this.gridWorkers = new Float64Array(G)
    const gridPeople = new Int32Array(G)
    const totalWorld = w.grids.workersFullTime.reduce((s, x) => s + x, 0) + w.grids.workersPartTime.reduce((s, x) => s + x, 0)
    const totalHh = w.grids.households.reduce((s, x) => s + x, 0) || 1
    // expected workload of a grid: households weighted by the resident mix that raises issues (elderly, renters)
    const workload = new Float64Array(G)
    for (let b = 0; b < B; b++) {
      const g = w.buildings.grid[b]
      const h = w.buildings.households[b]
      if (g >= 0) workload[g] += h * (1 + w.buildings.elderlyShare[b] + (h > 0 ? Math.min(1, w.buildings.renters[b] / h) : 0))
    }
    const totalWorkload = workload.reduce((s, x) => s + x, 0) || 1
    for (let g = 0; g < G; g++) {
      let ft = w.grids.workersFullTime[g]
      let pt = w.grids.workersPartTime[g]
      if (gw.perGrid !== null) {
        ft = gw.perGrid
        pt = 0
      } else if (gw.allocation === 'one-per-grid') {
        ft = 1
        pt = 0
      } else if (gw.allocation === 'households') {
        ft = Math.max(0, Math.round((totalWorld * w.grids.households[g]) / totalHh))
        pt = 0
      } else if (gw.allocation === 'workload') {
        ft = Math.max(0, Math.round((totalWorld * workload[g]) / totalWorkload))
        pt = 0
      }
      const people = Math.round((ft + pt) * gw.scale)
      const eff = (ft + pt * gw.partTimeFactor) * gw.scale
      gridPeople[g] = people
      this.gridWorkers[g] = people > 0 ? eff : 0
    }
    const comm = sc.communityWorkers
    this.commWorkers = Int32Array.from(w.communities.households, (h) => Math.max(comm.minPerCommunity, Math.round(h / comm.householdsPerWorker)))

    // compounds with a property company get a pool
    const compoundHh = new Float64Array(K)
    for (let b = 0; b < B; b++) if (w.buildings.compound[b] >= 0) compoundHh[w.buildings.compound[b]] += w.buildings.households[b]
    this.compoundPool = new Int32Array(K).fill(-1)
    let np = 0
    for (let k = 0; k < K; k++) if (w.compounds.property[k] > 0) this.compoundPool[k] = np++
    this.commPool0 = G
    this.propPool0 = G + C
    this.officePool0 = G + C + np
    this.enfPool0 = this.officePool0 + NS
    this.deptPool = this.enfPool0 + NS
    const nPools = this.deptPool + 1
    const servers = new Int32Array(nPools)
    this.poolRole = new Uint8Array(nPools)
    this.poolAvail = new Float64Array(nPools)
    for (let g = 0; g < G; g++) {
      servers[g] = gridPeople[g]
      this.poolRole[g] = ROLE.GRID
      this.poolAvail[g] = gridPeople[g] > 0 ? (hoursShare * (1 - gw.patrolShare) * this.gridWorkers[g]) / gridPeople[g] : 1
    }
    for (let c = 0; c < C; c++) {
      const p = this.commPool0 + c
      servers[p] = this.commWorkers[c]
      this.poolRole[p] = ROLE.COMM
      this.poolAvail[p] = Math.max(0.005, (comm.hoursPerWeek / 168) * (1 - comm.adminBurden) * (1 - comm.visitShare))
    }
    for (let k = 0; k < K; k++) {
      const q = this.compoundPool[k]
      if (q < 0) continue
      const p = this.propPool0 + q
      servers[p] = Math.max(1, Math.round((compoundHh[k] * sc.property.staffPer1000Households) / 1000))
      this.poolRole[p] = ROLE.PROP
      this.poolAvail[p] = 0.3
    }
    for (let s = 0; s < NS; s++) {
      servers[this.officePool0 + s] = sc.street.officeStaff
      this.poolRole[this.officePool0 + s] = ROLE.OFFICE
      this.poolAvail[this.officePool0 + s] = 40 / 168
      servers[this.enfPool0 + s] = sc.street.enforcementOfficers
      this.poolRole[this.enfPool0 + s] = ROLE.ENF
      this.poolAvail[this.enfPool0 + s] = 40 / 168
    }
    // district departments scale with the world (a street-only world gets its share of them)
    servers[this.deptPool] = Math.max(1, Math.round((sc.departments.staff * w.streets.n) / 26))
    this.poolRole[this.deptPool] = ROLE.DEPT
    this.poolAvail[this.deptPool] = 40 / 168
    this.pools = new Pools(servers)

    // spatial discovery rates
    const speed = WALK_M_PER_MIN
    this.patrolRate = new Float64Array(G)
    this.commArea = new Float64Array(C)
    for (let g = 0; g < G; g++) {
      const area = Math.max(1000, w.grids.areaM2[g])
      const c = w.grids.community[g]
      if (c >= 0) this.commArea[c] += area
      this.patrolRate[g] = (this.gridWorkers[g] * hoursShare * gw.patrolShare * speed * gw.sweepWidthM * gw.detectPerPass) / (area * DETOUR)
    }
    this.visitRate = new Float64Array(C)
    this.volunteerRate = new Float64Array(C)
    const vol = sc.volunteers
    for (let c = 0; c < C; c++) {
      const hh = Math.max(1, w.communities.households[c])
      const visitsPerMin = (this.commWorkers[c] * (comm.hoursPerWeek / 168) * (1 - comm.adminBurden) * comm.visitShare) / comm.minutesPerVisit
      this.visitRate[c] = visitsPerMin / hh
      const volMinPerMin = (vol.perCommunity * vol.hoursPerMonth * 60) / (30 * MIN_PER_DAY)
      this.volunteerRate[c] = (volMinPerMin * speed * gw.sweepWidthM * gw.detectPerPass * vol.detect) / (Math.max(10_000, this.commArea[c]) * DETOUR)
    }

    // arrival weights per category over buildings
    this.catWeights = CATEGORIES.map((c) => {
      const wts = new Float64Array(B)
      for (let b = 0; b < B; b++) {
        const h = w.buildings.households[b]
        const renterShare = h > 0 ? Math.min(1, w.buildings.renters[b] / h) : 0
        let m = 1
        if (c === 'welfare') m = 1 + sc.demand.elderlyWelfareFactor * w.buildings.elderlyShare[b]
        if (c === 'dispute' || c === 'property') m = 1 + sc.demand.renterFactor * renterShare
        if (c === 'property' && w.buildings.compound[b] >= 0 && w.compounds.property[w.buildings.compound[b]] === 0) m *= 1.3
        wts[b] = h * m
      }
      return wts
    })
    this.catCum = this.catWeights.map((wts) => {
      const cum = new Float64Array(wts.length + 1)
      for (let i = 0; i < wts.length; i++) cum[i + 1] = cum[i] + wts[i]
      return cum
    })
    let hs = 0
    for (let d = 0; d < 365; d++) hs += heatingFactor(d)
    this.heatNorm = hs / 365
    const ch = sc.residents.channels
    const cw = [ch.rc, ch.property, ch.party, ch.neighbours, ch.hotline, ch.owners]
    this.channelCum = new Float64Array(cw.length + 1)
    const tot = cw.reduce((s, x) => s + x, 0) || 1
    for (let i = 0; i < cw.length; i++) this.channelCum[i + 1] = this.channelCum[i] + cw[i] / tot
    this.ensure(1024)
  }

  // ---------------------------------------------------------------- per-issue storage
  private ensure(need: number): void {
    if (need <= this.cap) return
    const cap = Math.max(need, this.cap * 2, 1024)
    const grow = <T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap)
      b.set(a)
      return b
    }
    this.cat = grow(this.cat)
    this.bldg = grow(this.bldg)
    this.hh = grow(this.hh)
    this.key = grow(this.key)
    this.tArise = grow(this.tArise)
    this.tKnown = grow(this.tKnown)
    this.tResp = grow(this.tResp)
    this.tClose = grow(this.tClose)
    this.tEnter = grow(this.tEnter)
    this.tStart = grow(this.tStart)
    this.channel = grow(this.channel)
    this.phase = grow(this.phase)
    this.stage = grow(this.stage)
    this.pool = grow(this.pool)
    this.level = grow(this.level)
    this.flags = grow(this.flags)
    this.bounces = grow(this.bounces)
    this.reworks = grow(this.reworks)
    this.jobs = grow(this.jobs)
    this.cap = cap
  }

  /** a per-issue uniform in (0,1), independent of levers and of event order */
  u(i: number, salt: number, k = 0): number {
    return (hash32(this.key[i], this.salt, salt * 64 + k) + 0.5) / 4294967296
  }

  // ---------------------------------------------------------------- arrivals
  /** draws the issues arising on day d and schedules them */
  scheduleDay(d: number): void {
    const doy = dayOfYear(d, this.sc.startDay)
    const wd = WEEKDAY_FACTOR[weekday(doy)]
    const perHh = this.sc.demand.issuesPerHouseholdYear / 365
    for (let c = 0; c < NCAT; c++) {
      const spec = SPEC[c]
      const season = c === 3 && this.sc.demand.heatingSeason ? heatingFactor(doy) / this.heatNorm : 1
      const cum = this.catCum[c]
      const mean = perHh * spec.share * cum[cum.length - 1] * season * wd
      const base = poisson(this.arrivals, mean)
      const extra = this.sc.demand.surge > 1 ? poisson(this.surgeRng, mean * (this.sc.demand.surge - 1)) : 0
      const keep = this.sc.demand.surge < 1 ? this.sc.demand.surge : 1
      for (let k = 0; k < base + extra; k++) {
        const rng = k < base ? this.arrivals : this.surgeRng
        const ub = rng.next()
        const uh = rng.next()
        const ut = rng.next()
        const uk = rng.next()
        if (k < base && keep < 1 && uk >= keep) continue
        this.addIssue(d, c, k < base ? k : 1_000_000 + k, ub, uh, ut)
      }
    }
  }

  private addIssue(d: number, c: number, k: number, ub: number, uh: number, ut: number): void {
    const cum = this.catCum[c]
    const target = ub * cum[cum.length - 1]
    let lo = 0
    let hi = cum.length - 2
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid + 1] <= target) lo = mid + 1
      else hi = mid
    }
    const b = lo
    const i = this.n++
    this.ensure(this.n)
    this.cat[i] = c
    this.bldg[i] = b
    const nh = this.w.buildings.households[b]
    this.hh[i] = this.hhStart[b] + Math.min(nh - 1, Math.floor(uh * nh))
    this.key[i] = hash32(d, c, k)
    this.tArise[i] = d * MIN_PER_DAY + minuteOfDay(ut)
    this.tKnown[i] = Infinity
    this.tResp[i] = Infinity
    this.tClose[i] = Infinity
    this.phase[i] = PHASE.LATENT
    this.sched.at(this.tArise[i], EV.ARISE, i)
  }

  private exp(i: number, salt: number, mean: number, k = 0): number {
    return -Math.log(this.u(i, salt, k)) * mean
  }

  // ---------------------------------------------------------------- handlers
  readonly handlers: Handlers<EventKind> = {
    [EV.ARISE]: (i, t) => this.arise(i, t),
    [EV.KNOWN]: (i, t) => this.known(i, t),
    [EV.ENTER]: (i, t) => this.enter(i, t),
    [EV.DONE]: (i, t) => this.done(i, t),
    [EV.DEADLINE]: (i, t) => this.deadline(i, t),
    [EV.CALLBACK]: (i, t) => this.callback(i, t),
  }

  private arise(i: number, t: number): void {
    const c = this.cat[i]
    const spec = SPEC[c]
    const b = this.bldg[i]
    const g = this.w.buildings.grid[b]
    const cm = this.w.buildings.community[b]
    const res = this.sc.residents
    const trust = res.trust ? this.trust[this.hh[i]] : 1
    const pRep = Math.min(0.98, res.reportProbability * spec.reportFactor * trust)
    let best = Infinity
    let ch: number = CH.RC
    if (this.u(i, S.REPORT) < pRep) {
      best = t + this.exp(i, S.REPORT_DELAY, res.reportDelayHours * 60 * (c === 3 || c === 8 ? 0.05 : 1))
      const uc = this.u(i, S.CHANNEL)
      let k = 0
      while (k < 5 && this.channelCum[k + 1] <= uc) k++
      ch = k
      // a compound without a property company or owners' committee: those residents go to the RC instead
      const cp = this.w.buildings.compound[b]
      if ((ch === CH.PROPERTY && (cp < 0 || this.compoundPool[cp] < 0)) || (ch === CH.OWNERS && (cp < 0 || !this.w.compounds.ownersCommittee[cp]))) ch = CH.RC
    }
    // visible issues (public space) can be seen by a patrol; indoor ones only on a home visit
    const visible = this.u(i, S.VISIBLE) < spec.patrolDetect
    const indoor = this.u(i, S.INDOOR) < spec.visitDetect
    if (visible && g >= 0 && this.patrolRate[g] > 0) {
      const tp = t + this.exp(i, S.PATROL, 1 / this.patrolRate[g])
      if (tp < best) {
        best = tp
        ch = CH.PATROL
      }
    }
    if (cm >= 0) {
      if (indoor && this.visitRate[cm] > 0) {
        const tv = t + this.exp(i, S.VISIT, 1 / this.visitRate[cm])
        if (tv < best) {
          best = tv
          ch = CH.VISIT
        }
      }
      if (visible && this.volunteerRate[cm] > 0) {
        const tv = t + this.exp(i, S.VOLUNTEER, 1 / this.volunteerRate[cm])
        if (tv < best) {
          best = tv
          ch = CH.VOLUNTEER
        }
      }
    }
    this.onEvent?.({ kind: 'arise', t, issue: i, category: c, building: b })
    if (best - t > LATENT_DAYS * MIN_PER_DAY) return
    this.channel[i] = ch
    this.sched.at(best, EV.KNOWN, i)
  }

  private known(i: number, t: number): void {
    this.tKnown[i] = t
    this.phase[i] = PHASE.OPEN
    const ch = this.channel[i]
    const spec = SPEC[this.cat[i]]
    this.onEvent?.({ kind: 'known', t, issue: i, channel: ch })
    const sc = this.sc
    this.sched.at(t + Math.max(spec.limitHours * 60, sc.callback.waitDays * MIN_PER_DAY), EV.DEADLINE, i)
    if (ch === CH.HOTLINE) {
      if (sc.hotline.directDispatch) this.to(i, t + sc.hotline.dispatchMinutes, this.officePool(i), ST.TRIAGE)
      else this.to(i, t + sc.hotline.dispatchMinutes + sc.hotline.routedDelayHours * 60, this.deptPool, ST.DEPT_TRIAGE)
      return
    }
    const coord = sc.grids.merged ? 0 : sc.grids.coordinationDelayHours * 60
    if (ch === CH.PATROL || ch === CH.VOLUNTEER) {
      const g = this.w.buildings.grid[this.bldg[i]]
      // a grid worker fixes visible small issues on the spot; everything else goes into the platform
      if (ch === CH.PATROL && spec.resolver === RESOLVER.GRID && g >= 0) return this.to(i, t, g, ST.RESOLVE)
      return this.route(i, t + 30 + (ch === CH.VOLUNTEER ? coord : 0))
    }
    if (ch === CH.PARTY) return this.route(i, t + 60 + coord)
    if (ch === CH.PROPERTY || ch === CH.OWNERS) {
      const cp = this.w.buildings.compound[this.bldg[i]]
      if (spec.resolver === RESOLVER.PROPERTY && cp >= 0 && this.compoundPool[cp] >= 0) return this.to(i, t + 30, this.propPool0 + this.compoundPool[cp], ST.RESOLVE)
      return this.route(i, t + 24 * 60)
    }
    return this.route(i, t + 60)
  }

  private officePool(i: number): number {
    const s = this.w.buildings.street[this.bldg[i]]
    return this.officePool0 + Math.max(0, s)
  }

  /** dispatch to the lowest level able to solve it */
  private route(i: number, t: number): void {
    const b = this.bldg[i]
    const kind: ResolverKind = SPEC[this.cat[i]].resolver
    const g = this.w.buildings.grid[b]
    const cm = Math.max(0, this.w.buildings.community[b])
    switch (kind) {
      case RESOLVER.GRID:
        if (g >= 0 && this.pools.servers[g] > 0) return this.to(i, t, g, ST.RESOLVE)
        // without grid workers public-space issues fall to the district departments (城管, 环卫), far from the ground
        return this.to(i, t + this.sc.departments.pickupHours * 60, this.deptPool, ST.RESOLVE)
      case RESOLVER.PROPERTY: {
        const cp = this.w.buildings.compound[b]
        if (cp >= 0 && this.compoundPool[cp] >= 0) return this.to(i, t, this.propPool0 + this.compoundPool[cp], ST.RESOLVE)
        return this.to(i, t, this.commPool0 + cm, ST.RESOLVE)
      }
      case RESOLVER.COMMUNITY:
        return this.to(i, t, this.commPool0 + cm, ST.RESOLVE)
      case RESOLVER.ENFORCEMENT:
        return this.to(i, t, this.enfPool0 + Math.max(0, this.w.buildings.street[b]), ST.RESOLVE)
      case RESOLVER.DEPARTMENT:
        return this.to(i, t + this.sc.departments.pickupHours * 60, this.deptPool, ST.RESOLVE)
      case RESOLVER.MULTI:
        return this.to(i, t, this.officePool(i), this.sc.whistle.enabled ? ST.WHISTLE : ST.OFFICE_TRY)
    }
  }

  private to(i: number, t: number, pool: number, stage: number): void {
    this.pool[i] = pool
    this.stage[i] = stage
    this.sched.at(t, EV.ENTER, i)
  }

  private urgent(i: number): boolean {
    return this.cat[i] === 8 || this.stage[i] === ST.VERIFY || this.stage[i] === ST.WHISTLE || (this.channel[i] === CH.HOTLINE && this.sc.hotline.rankingPressure >= 0.5)
  }

  private enter(i: number, t: number): void {
    const p = this.pool[i]
    if (this.tResp[i] === Infinity) this.tResp[i] = t
    this.tEnter[i] = t
    this.onEvent?.({ kind: 'enter', t, issue: i, role: this.poolRole[p] })
    if (this.pools.offer(p, i, t, this.urgent(i))) this.start(i, t)
  }

  private start(i: number, t: number): void {
    const p = this.pool[i]
    this.tStart[i] = t
    this.pools.started(p, t - this.tEnter[i])
    this.sched.at(t + this.serviceMinutes(i, p), EV.DONE, i)
  }

  /** work content plus travel, stretched by the share of the clock the pool's people give to handling */
  serviceMinutes(i: number, p: number): number {
    const role = this.poolRole[p]
    const spec = SPEC[this.cat[i]]
    const st = this.stage[i]
    let work: number
    if (st === ST.TRIAGE || st === ST.DEPT_TRIAGE) work = 20
    else if (st === ST.WHISTLE || st === ST.OFFICE_TRY) work = 30
    else if (st === ST.VERIFY) work = 15
    else work = spec.workMinutes
    work *= -Math.log(this.u(i, S.WORK, this.jobs[i]))
    this.jobs[i]++
    let travel = 0
    const b = this.bldg[i]
    if (role === ROLE.GRID || role === ROLE.COMM) {
      const g = this.w.buildings.grid[b]
      if (g >= 0) {
        const dx = this.w.buildings.x[b] - this.w.grids.baseX[g]
        const dy = this.w.buildings.y[b] - this.w.grids.baseY[g]
        travel = ((2 * Math.sqrt(dx * dx + dy * dy) * DETOUR) / WALK_M_PER_MIN) * (role === ROLE.COMM ? 1.5 : 1)
      }
    } else if (role === ROLE.ENF || role === ROLE.DEPT) travel = st === ST.RESOLVE || st === ST.DEPT2 ? 40 : 0
    if (this.channel[i] === CH.PATROL && role === ROLE.GRID && st === ST.RESOLVE && this.jobs[i] === 1) travel = 0
    return (work + travel) / this.poolAvail[p]
  }

  private fixProbability(i: number, p: number): number {
    const sc = this.sc
    switch (this.poolRole[p]) {
      case ROLE.GRID:
        return 0.95
      case ROLE.COMM:
        return this.cat[i] === 6 || this.cat[i] === 7 ? 0.9 : 0.75
      case ROLE.PROP: {
        const cp = this.w.buildings.compound[this.bldg[i]]
        const model = cp >= 0 ? this.w.compounds.property[cp] : 0
        const red = sc.property.redShare > 0 && hash32(cp, 77, 0) / 4294967296 < sc.property.redShare
        if (model === 3 || red) return sc.property.fixRed
        return model === 1 ? sc.property.fixSelf : sc.property.fixProfessional
      }
      case ROLE.ENF:
        return this.flags[i] & F_WHISTLED ? Math.max(sc.departments.fix, 0.95) : 0.9
      default:
        return sc.departments.fix
    }
  }

  private done(i: number, t: number): void {
    const p = this.pool[i]
    const next = this.pools.finish(p, t, t - this.tEnter[i])
    if (next >= 0) this.start(next, t)
    this.onEvent?.({ kind: 'done', t, issue: i, role: this.poolRole[p] })
    const sc = this.sc
    switch (this.stage[i]) {
      case ST.TRIAGE:
        return this.route(i, t)
      case ST.DEPT_TRIAGE:
        if (this.bounces[i] < 4 && this.u(i, S.BOUNCE, this.bounces[i]) < sc.departments.bounceProbability) {
          this.bounces[i]++
          this.bounceCount++
          return this.to(i, t + this.exp(i, S.BOUNCE_DELAY, sc.departments.bounceDelayHours * 60, this.bounces[i]), this.deptPool, ST.DEPT_TRIAGE)
        }
        return this.route(i, t + sc.departments.pickupHours * 60)
      case ST.WHISTLE: {
        if (this.u(i, S.ALONE) < sc.policy.streetAlone) {
          this.level[i] = ROLE.OFFICE
          this.setFixed(i, this.u(i, S.FIX, this.reworks[i]) < 0.9)
          return this.afterResolve(i, t)
        }
        this.whistles++
        this.flags[i] |= F_WHISTLED
        const arrive = sc.whistle.reportLimitMinutes * (0.3 + 0.7 * this.u(i, S.WHISTLE))
        return this.to(i, t + arrive, this.enfPool0 + Math.max(0, this.w.buildings.street[this.bldg[i]]), ST.RESOLVE)
      }
      case ST.OFFICE_TRY:
        // the street cannot solve it alone: it goes to the departments, who may bounce it
        if (this.bounces[i] < 4 && this.u(i, S.BOUNCE, 10 + this.bounces[i]) < sc.departments.bounceProbability) {
          this.bounces[i]++
          this.bounceCount++
          return this.to(i, t + this.exp(i, S.BOUNCE_DELAY, sc.departments.bounceDelayHours * 60, 10 + this.bounces[i]), this.deptPool, ST.RESOLVE)
        }
        return this.to(i, t + sc.departments.pickupHours * 60, this.deptPool, ST.RESOLVE)
      case ST.RESOLVE: {
        this.level[i] = this.poolRole[p]
        this.setFixed(i, this.u(i, S.FIX, this.reworks[i]) < this.fixProbability(i, p))
        // without the whistle a multi-department issue needs a second department after the first
        if (this.poolRole[p] === ROLE.DEPT && SPEC[this.cat[i]].resolver === RESOLVER.MULTI && !(this.flags[i] & F_WHISTLED)) {
          if (this.bounces[i] < 4 && this.u(i, S.BOUNCE, 20 + this.bounces[i]) < sc.departments.bounceProbability) {
            this.bounces[i]++
            this.bounceCount++
            return this.to(i, t + this.exp(i, S.BOUNCE_DELAY, sc.departments.bounceDelayHours * 60, 20 + this.bounces[i]), this.deptPool, ST.DEPT2)
          }
          return this.to(i, t + sc.departments.pickupHours * 60, this.deptPool, ST.DEPT2)
        }
        return this.afterResolve(i, t)
      }
      case ST.DEPT2:
        if (!(this.u(i, S.FIX, 30 + this.reworks[i]) < sc.departments.fix)) this.flags[i] &= ~F_FIXED
        return this.afterResolve(i, t)
      case ST.VERIFY:
        if (!(this.flags[i] & F_FIXED) && this.reworks[i] < 3 && this.u(i, S.VERIFY, this.reworks[i]) < 0.85) {
          this.reworks[i]++
          this.reworkCount++
          return this.route(i, t)
        }
        return this.close(i, t)
    }
  }

  /** a job's outcome; a hard issue (decided once per issue) is solved only if it was taken on successfully */
  private setFixed(i: number, fixed: boolean): void {
    const pol = this.sc.policy
    if (this.u(i, S.HARD) < pol.hardShare && !(this.u(i, S.HARD_FIX) < pol.hardFix)) fixed = false
    if (fixed) this.flags[i] |= F_FIXED
    else this.flags[i] &= ~F_FIXED
  }

  private afterResolve(i: number, t: number): void {
    const g = this.w.buildings.grid[this.bldg[i]]
    if (this.sc.gridWorkers.verify && g >= 0 && this.pools.servers[g] > 0) return this.to(i, t, g, ST.VERIFY)
    this.close(i, t)
  }

  private close(i: number, t: number): void {
    this.tClose[i] = t
    this.phase[i] = PHASE.CLOSED
    this.flags[i] |= F_CLOSED
    const lim = SPEC[this.cat[i]].limitHours * 60
    if (t - this.tKnown[i] <= lim) this.flags[i] |= F_ONTIME
    if (!(this.flags[i] & (F_CALLBACK | F_CALLBACK_PENDING))) {
      this.flags[i] |= F_CALLBACK_PENDING
      this.sched.at(t + this.sc.callback.delayHours * 60, EV.CALLBACK, i)
    }
  }

  private deadline(i: number, t: number): void {
    this.onEvent?.({ kind: 'deadline', t, issue: i })
    if (!(this.flags[i] & (F_CALLBACK | F_CALLBACK_PENDING))) this.callback(i, t)
  }

  private callback(i: number, t: number): void {
    const f = this.flags[i]
    this.flags[i] = (f & ~F_CALLBACK_PENDING) | F_CALLBACK
    const solved = (f & F_CLOSED) !== 0 && (f & F_FIXED) !== 0
    const cb = this.sc.callback
    let pSat: number
    if (solved) pSat = f & F_ONTIME ? cb.satSolvedOnTime : cb.satSolvedLate
    else pSat = this.u(i, S.EXPLAIN) < this.sc.hotline.rankingPressure ? cb.satUnsolvedExplained : cb.satUnsolved
    const sat = this.u(i, S.SAT) < pSat
    if (solved) this.flags[i] |= F_SOLVED
    if (sat) this.flags[i] |= F_SATISFIED
    this.onEvent?.({ kind: 'callback', t, issue: i, solved, satisfied: sat })
    if (this.sc.residents.trust) {
      const h = this.hh[i]
      const r = this.sc.residents
      this.trust[h] = sat ? Math.min(1.5, this.trust[h] + r.trustGain) : Math.max(0.1, this.trust[h] - r.trustLoss)
    }
  }

  /** runs one day: draws its arrivals and processes every event before midnight */
  runDay(d: number): void {
    this.scheduleDay(d)
    this.sched.runUntil((d + 1) * MIN_PER_DAY, this.handlers)
  }

  // flag accessors for reporters
  static readonly FLAGS = { FIXED: F_FIXED, CLOSED: F_CLOSED, CALLBACK: F_CALLBACK, SOLVED: F_SOLVED, SATISFIED: F_SATISFIED, ONTIME: F_ONTIME, WHISTLED: F_WHISTLED }
}
