// The agent-based model of the issue lifecycle (docs/domain.md § Lifecycle): arise → discover → accept/dispatch → handle →
// escalate/whistle → verify → close → callback, with per-household trust feeding back into reporting.
//
// Randomness and common random numbers: arrivals (day, category, building, household, time of day) come from the
// 'arrivals' stream, extra surge arrivals from 'surge'; every later draw for an issue is a hash of (seed, the
// issue's arrival key, a salt), so it does not depend on levers or on the order events happen in. Two scenarios
// that differ in one lever therefore see the same issues, the same resident choices and the same work contents.
//
// This file holds the state (world-derived constants, pools, per-issue columns), the arrivals and the handler table;
// the handlers live in discovery.ts (arise), dispatch.ts (known, route), handling.ts (pool jobs, whistle, bounces)
// and closing.ts (verification, closure, callback, trust); shared identifiers in ids.ts. Members the handlers use
// are public but internal to sim/model.
import type { CompiledWorld } from '../world/compile.ts'
import { createRng, type Rng } from '../engine/rng.ts'
import { Scheduler, type Handlers } from '../engine/scheduler.ts'
import { Pools } from '../engine/pool.ts'
import { dayOfYear, dutyShift, heatingFactor, MIN_PER_DAY, minuteOfDay, SHIFT_MIN_PER_WEEK, shiftMinPerWeek, weekdayOfDay, WEEKDAY_FACTOR, type Shift } from '../engine/calendar.ts'
import { CATEGORIES, NCAT } from './categories.ts'
import type { Scenario } from '../scenario/schema.ts'
import { WALK_M_PER_MIN, DETOUR, SPEC, EV, type EventKind, type SimEvent, ROLE, PHASE, F_FIXED, F_CLOSED, F_CALLBACK, F_SOLVED, F_SATISFIED, F_ONTIME, F_WHISTLED, hash32, seedHash, poisson } from './ids.ts'
import { deadline, callback } from './closing.ts'
import { arise } from './discovery.ts'
import { known } from './dispatch.ts'
import { enter, done } from './handling.ts'
import { grown, type Column } from '../engine/typed-array.ts'
export { WALK_M_PER_MIN, DETOUR, LATENT_DAYS, EV, type EventKind, type SimEvent, CHANNELS, CH, PROACTIVE_FROM, ROLES, ROLE, PHASE } from './ids.ts'

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
  /** availability: share of the clock a pool's people give to handling (service time = work / availability); for a
   * pool on shifts (poolShift = 1), the share of the duty shift a person is on (service = work / it, in shift time) */
  readonly poolAvail: Float64Array
  readonly poolShift: Uint8Array
  /** the people behind each pool (crews in rotation have fewer servers on duty at a time than people) */
  readonly poolPeople: Float64Array
  /** the duty calendar of field staff on shifts (grid workers, enforcement, department crews): `grids.dutyHours` a
   * day on `grids.dutyDays` days a week */
  readonly shift: Shift
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
  readonly salt: number
  readonly arrivals: Rng
  readonly surgeRng: Rng
  readonly onEvent?: (e: SimEvent) => void

  // per-issue columns
  n = 0
  cap = 0
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
    this.poolShift = new Uint8Array(nPools)
    this.poolPeople = new Float64Array(nPools)
    // grid workers are on duty in shifts (08:30–17:30 weekdays by default) in their grid: a dispatched job interrupts
    // the patrol and takes its hands-on minutes of shift time; a worker contracted for fewer hours than the duty
    // calendar (or part time) covers proportionally less of it, so a longer calendar spreads the same hours thinner
    this.shift = dutyShift(sc.grids.dutyHours, sc.grids.dutyDays)
    const dutyMin = shiftMinPerWeek(this.shift)
    // crews of many (enforcement, departments) cover a calendar longer than the office week in rotation: fewer of
    // them are on duty at a time; rounding the crew on duty to whole people is evened out in the work pace, so the
    // crew's working hours are the same on any calendar
    const rota = Math.min(1, SHIFT_MIN_PER_WEEK / dutyMin)
    const gridDuty = Math.min(1, (gw.hoursPerWeek * 60) / dutyMin)
    for (let g = 0; g < G; g++) {
      servers[g] = gridPeople[g]
      this.poolRole[g] = ROLE.GRID
      this.poolShift[g] = 1
      this.poolAvail[g] = gridPeople[g] > 0 ? Math.max(0.05, (gridDuty * this.gridWorkers[g]) / gridPeople[g]) : 1
      this.poolPeople[g] = gridPeople[g]
    }
    for (let c = 0; c < C; c++) {
      const p = this.commPool0 + c
      servers[p] = this.commWorkers[c]
      this.poolRole[p] = ROLE.COMM
      this.poolAvail[p] = Math.max(0.005, (comm.hoursPerWeek / 168) * (1 - comm.adminBurden) * (1 - comm.visitShare))
      this.poolPeople[p] = servers[p]
    }
    for (let k = 0; k < K; k++) {
      const q = this.compoundPool[k]
      if (q < 0) continue
      const p = this.propPool0 + q
      servers[p] = Math.max(1, Math.round((compoundHh[k] * sc.property.staffPer1000Households) / 1000))
      this.poolRole[p] = ROLE.PROP
      this.poolAvail[p] = 0.3
      this.poolPeople[p] = servers[p]
    }
    for (let s = 0; s < NS; s++) {
      servers[this.officePool0 + s] = sc.street.officeStaff
      this.poolRole[this.officePool0 + s] = ROLE.OFFICE
      this.poolAvail[this.officePool0 + s] = 40 / 168
      this.poolPeople[this.officePool0 + s] = sc.street.officeStaff
      const enf = sc.street.enforcementOfficers * rota
      servers[this.enfPool0 + s] = enf > 0 ? Math.max(1, Math.round(enf)) : 0
      this.poolRole[this.enfPool0 + s] = ROLE.ENF
      this.poolAvail[this.enfPool0 + s] = enf > 0 ? ((40 / 45) * enf) / servers[this.enfPool0 + s] : 40 / 45
      this.poolShift[this.enfPool0 + s] = 1
      this.poolPeople[this.enfPool0 + s] = sc.street.enforcementOfficers
    }
    // district departments (the lever is Fengtai's, 2,019,764 residents in the 2020 census) scale with the world's
    // residents: a street-only world gets its share of them, a bigger district or the city more
    let worldResidents = 0
    for (let c = 0; c < w.communities.n; c++) worldResidents += w.communities.residents[c]
    const dept = (sc.departments.staff * worldResidents) / 2_019_764
    servers[this.deptPool] = Math.max(1, Math.round(dept * rota))
    this.poolRole[this.deptPool] = ROLE.DEPT
    this.poolAvail[this.deptPool] = ((40 / 45) * dept * rota) / servers[this.deptPool]
    this.poolShift[this.deptPool] = 1
    this.poolPeople[this.deptPool] = dept
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
  ensure(need: number): void {
    if (need <= this.cap) return
    const cap = Math.max(need, this.cap * 2, 1024)
    const grow = <T extends Column>(a: T): T => grown(a, cap)
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
    const wd = WEEKDAY_FACTOR[weekdayOfDay(d, this.sc.startDay)]
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

  addIssue(d: number, c: number, k: number, ub: number, uh: number, ut: number): void {
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

  exp(i: number, salt: number, mean: number, k = 0): number {
    return -Math.log(this.u(i, salt, k)) * mean
  }

  // ---------------------------------------------------------------- handlers
  readonly handlers: Handlers<EventKind> = {
    [EV.ARISE]: (i, t) => arise(this, i, t),
    [EV.KNOWN]: (i, t) => known(this, i, t),
    [EV.ENTER]: (i, t) => enter(this, i, t),
    [EV.DONE]: (i, t) => done(this, i, t),
    [EV.DEADLINE]: (i, t) => deadline(this, i, t),
    [EV.CALLBACK]: (i, t) => callback(this, i, t),
  }

  /** runs one day: draws its arrivals and processes every event before midnight */
  runDay(d: number): void {
    this.scheduleDay(d)
    this.sched.runUntil((d + 1) * MIN_PER_DAY, this.handlers)
  }

  // flag accessors for reporters
  static readonly FLAGS = { FIXED: F_FIXED, CLOSED: F_CLOSED, CALLBACK: F_CALLBACK, SOLVED: F_SOLVED, SATISFIED: F_SATISFIED, ONTIME: F_ONTIME, WHISTLED: F_WHISTLED }
}
