// The agent-based model of the issue lifecycle (docs/domain.md § Lifecycle): arise → discover → accept/dispatch → handle →
// escalate/whistle → verify → close → callback, with per-household trust feeding back into reporting.
//
// Randomness and common random numbers: arrivals (day, category, building, household, time of day) come from the
// 'arrivals' stream, extra surge arrivals from 'surge'; every later draw for an issue is a hash of (seed, the
// issue's arrival key, a salt), so it does not depend on levers or on the order events happen in. Two scenarios
// that differ in one lever therefore see the same issues, the same resident choices and the same work contents.
//
// This file holds the state (world-derived constants, pools, per-issue columns), the arrivals and the handler table;
// the pools' staff come from staffing.ts; the handlers live in discovery.ts (arise), dispatch.ts (known, route),
// handling.ts (pool jobs, whistle, bounces) and closing.ts (verification, closure, callback, trust), and hand issues
// on through the leaves schedule.ts and work.ts; shared identifiers in ids.ts and roles.ts (Chinese terms:
// docs/domain.md § Glossary). docs/life-of-an-issue.md follows one issue through them. Members the handlers use are
// public but internal to sim/model.
import type { CompiledWorld } from '../world/compile.ts'
import { createRng, hash32, poisson, seedHash, UINT32_RANGE, type Rng } from '../engine/rng.ts'
import { Scheduler } from '../engine/scheduler.ts'
import { Pools } from '../engine/pool.ts'
import { CumulativePick } from '../engine/cumulative-pick.ts'
import { dayOfYear, heatingFactor, MIN_PER_DAY, MIN_PER_HOUR, minuteOfDay, weekdayOfDay, WEEKDAY_FACTOR, type Shift } from '../engine/calendar.ts'
import { CAT, CATEGORIES, NCAT } from './categories.ts'
import type { Scenario } from '../scenario/schema.ts'
import { WALK_M_PER_MIN, DETOUR, SPEC, EV, type EventKind, type SimEvent, PHASE, PROPERTY_MODEL, F_FIXED, F_CLOSED, F_CALLBACK, F_SOLVED, F_SATISFIED, F_ONTIME, F_WHISTLED } from './ids.ts'
import { HOURS_PER_WEEK, staffPools } from './staffing.ts'
import { deadline, callback } from './closing.ts'
import { arise } from './discovery.ts'
import { known } from './dispatch.ts'
import { enter, done } from './handling.ts'
import { grown, type Column } from '../engine/typed-array.ts'
import { ln } from '../engine/det-math.ts'
import { route } from './dispatch.ts'
import { consultationScope } from './consultation.ts'
import { initNeeds, type Needs } from './needs.ts'
import { initOwners, type Owners } from './owners.ts'
import { reopenParked } from './parked.ts'
import { initParticipation, volunteerFactor, type Participation } from './participation.ts'
import { initStewards, type Stewards } from './stewards.ts'
export { WALK_M_PER_MIN, DETOUR, LATENT_DAYS, EV, type EventKind, type SimEvent, CHANNELS, CH, PROACTIVE_FROM, ROLES, ROLE, PHASE } from './ids.ts'

/** property issues are this much likelier in a compound with no property company (assumption) */
const NO_PROPERTY_COMPANY_FACTOR = 1.3
/** per-issue draws of one decision (Model.u's k) before they run into the next salt's */
const DRAWS_PER_SALT = 64
const DAYS_PER_YEAR = 365
const DAYS_PER_MONTH = 30
/** patrol and volunteer rates spread over at least this much ground, so a sliver of a grid is not swept instantly */
const MIN_GRID_AREA_M2 = 1000
const MIN_COMMUNITY_AREA_M2 = 10_000
/** surge arrivals get keys apart from the day's base arrivals (k < this), so both keep their own draws */
const SURGE_KEY_OFFSET = 1_000_000

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
  readonly sched: Scheduler<EventKind>
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
  /** first social-organisation pool (三社联动); servers only when the scenario buys their services */
  readonly socialPool0: number
  readonly socialActive: boolean
  readonly compoundPool: Int32Array
  /** per grid: workers (effective people), patrol discovery rate per minute for detectability 1 */
  readonly gridWorkers: Float64Array
  readonly patrolRate: Float64Array
  /** per community: visit and volunteer discovery rates per minute for detectability 1 */
  readonly visitRate: Float64Array
  readonly volunteerRate: Float64Array
  /** volunteer rates before participation moves them */
  readonly volunteerRate0: Float64Array
  readonly commWorkers: Int32Array
  readonly commArea: Float64Array
  readonly hhStart: Int32Array
  readonly trust: Float32Array
  readonly catWeights: Float64Array[]
  readonly catCum: Float64Array[]
  /** the building of a new issue of each category, picked over catCum */
  readonly catPick: CumulativePick[]
  readonly heatNorm: number
  readonly channelCum: Float64Array
  readonly salt: number
  readonly arrivals: Rng
  readonly surgeRng: Rng
  readonly onEvent?: (e: SimEvent) => void
  // the book's community-level systems (docs/book-systems.md)
  readonly participation: Participation
  readonly needs: Needs
  readonly owners: Owners
  readonly stewards: Stewards
  /** per category: taken to consultation under the scenario's scope */
  readonly consultScope: boolean[]

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
  channel = new Uint8Array(0)
  phase = new Uint8Array(0)
  stage = new Uint8Array(0)
  pool = new Int32Array(0)
  level = new Uint8Array(0)
  flags = new Uint8Array(0)
  flags2 = new Uint8Array(0)
  bounces = new Uint8Array(0)
  reworks = new Uint8Array(0)
  jobs = new Uint8Array(0)

  // counters the handlers keep (raw tallies, not metrics)
  whistles = 0
  bounceCount = 0
  reworkCount = 0
  visitsDone = 0
  consulted = 0
  reopened = 0

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
    const B = w.buildings.n

    // households: building b owns households hhStart[b] .. hhStart[b+1]
    this.hhStart = new Int32Array(B + 1)
    for (let b = 0; b < B; b++) this.hhStart[b + 1] = this.hhStart[b] + w.buildings.households[b]
    this.trust = new Float32Array(this.hhStart[B]).fill(1)

    // pools and their staff (staffing.ts)
    const staff = staffPools(w, sc)
    this.shift = staff.shift
    this.gridWorkers = staff.gridWorkers
    this.commWorkers = staff.commWorkers
    this.compoundPool = staff.compoundPool
    this.commPool0 = staff.commPool0
    this.propPool0 = staff.propPool0
    this.officePool0 = staff.officePool0
    this.enfPool0 = staff.enfPool0
    this.deptPool = staff.deptPool
    this.socialPool0 = staff.socialPool0
    this.socialActive = staff.servers[staff.socialPool0] > 0
    this.poolRole = staff.poolRole
    this.poolAvail = staff.poolAvail
    this.poolShift = staff.poolShift
    this.poolPeople = staff.poolPeople
    this.pools = new Pools(staff.servers)
    const gw = sc.gridWorkers
    const comm = sc.communityWorkers
    const hoursShare = gw.hoursPerWeek / HOURS_PER_WEEK

    // spatial discovery rates
    const speed = WALK_M_PER_MIN
    this.patrolRate = new Float64Array(G)
    this.commArea = new Float64Array(C)
    for (let g = 0; g < G; g++) {
      const area = Math.max(MIN_GRID_AREA_M2, w.grids.areaM2[g])
      const c = w.grids.community[g]
      if (c >= 0) this.commArea[c] += area
      this.patrolRate[g] = (this.gridWorkers[g] * hoursShare * gw.patrolShare * speed * gw.sweepWidthM * gw.detectPerPass) / (area * DETOUR)
    }
    this.visitRate = new Float64Array(C)
    this.volunteerRate = new Float64Array(C)
    const vol = sc.volunteers
    for (let c = 0; c < C; c++) {
      const hh = Math.max(1, w.communities.households[c])
      const visitsPerMin = (this.commWorkers[c] * (comm.hoursPerWeek / HOURS_PER_WEEK) * (1 - comm.adminBurden) * comm.visitShare) / comm.minutesPerVisit
      this.visitRate[c] = visitsPerMin / hh
      const volMinPerMin = (vol.perCommunity * vol.hoursPerMonth * MIN_PER_HOUR) / (DAYS_PER_MONTH * MIN_PER_DAY)
      this.volunteerRate[c] = (volMinPerMin * speed * gw.sweepWidthM * gw.detectPerPass * vol.detect) / (Math.max(MIN_COMMUNITY_AREA_M2, this.commArea[c]) * DETOUR)
    }

    this.volunteerRate0 = this.volunteerRate.slice()
    this.participation = initParticipation(w, this.hhStart)
    this.needs = initNeeds(w, sc, this.hhStart)
    this.owners = initOwners(w, sc)
    this.stewards = initStewards(w, sc)
    this.consultScope = consultationScope(sc.consultation.scope)

    // arrival weights per category over buildings
    this.catWeights = CATEGORIES.map((c) => {
      const wts = new Float64Array(B)
      for (let b = 0; b < B; b++) {
        const h = w.buildings.households[b]
        const renterShare = h > 0 ? Math.min(1, w.buildings.renters[b] / h) : 0
        let m = 1
        if (c === 'welfare') m = 1 + sc.demand.elderlyWelfareFactor * w.buildings.elderlyShare[b]
        if (c === 'dispute' || c === 'property') m = 1 + sc.demand.renterFactor * renterShare
        if (c === 'property' && w.buildings.compound[b] >= 0 && w.compounds.property[w.buildings.compound[b]] === PROPERTY_MODEL.none) m *= NO_PROPERTY_COMPANY_FACTOR
        wts[b] = h * m
      }
      return wts
    })
    this.catCum = this.catWeights.map((wts) => {
      const cum = new Float64Array(wts.length + 1)
      for (let i = 0; i < wts.length; i++) cum[i + 1] = cum[i] + wts[i]
      return cum
    })
    this.catPick = this.catCum.map((cum) => new CumulativePick(cum))
    let hs = 0
    for (let d = 0; d < DAYS_PER_YEAR; d++) hs += heatingFactor(d)
    this.heatNorm = hs / DAYS_PER_YEAR
    const ch = sc.residents.channels
    // in CH order (rc … owners)
    const cw = [ch.rc, ch.property, ch.party, ch.neighbours, ch.hotline, ch.owners]
    this.channelCum = new Float64Array(cw.length + 1)
    const tot = cw.reduce((s, x) => s + x, 0) || 1
    for (let i = 0; i < cw.length; i++) this.channelCum[i + 1] = this.channelCum[i] + cw[i] / tot
    // sized for the run's expected issues, so the columns are not copied as they fill (a fengtai year: 1.6 M)
    const expected = this.expectedIssues()
    this.ensure(expected)
    // the event heap holds the current hour's events (later ones wait in the queue's buckets): room for a day's
    // issues is ample, and it grows if it must
    this.sched = new Scheduler<EventKind>(60, Math.max(1 << 12, Math.ceil(expected / Math.max(1, this.days))))
  }

  /** the mean number of issues over the run (as scheduleDay draws them) plus a margin */
  private expectedIssues(): number {
    const dm = this.sc.demand
    let mean = 0
    for (let d = 0; d < this.days; d++) {
      const doy = dayOfYear(d, this.sc.startDay)
      const wd = WEEKDAY_FACTOR[weekdayOfDay(d, this.sc.startDay)]
      for (let c = 0; c < NCAT; c++) {
        const season = c === CAT.heating && dm.heatingSeason ? heatingFactor(doy) / this.heatNorm : 1
        const cum = this.catCum[c]
        mean += (dm.issuesPerHouseholdYear / DAYS_PER_YEAR) * SPEC[c].share * cum[cum.length - 1] * season * wd
      }
    }
    mean *= Math.max(1, dm.surge)
    return Math.max(1024, Math.ceil(mean * 1.02 + 5 * Math.sqrt(mean)))
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
    this.channel = grow(this.channel)
    this.phase = grow(this.phase)
    this.stage = grow(this.stage)
    this.pool = grow(this.pool)
    this.level = grow(this.level)
    this.flags = grow(this.flags)
    this.flags2 = grow(this.flags2)
    this.bounces = grow(this.bounces)
    this.reworks = grow(this.reworks)
    this.jobs = grow(this.jobs)
    this.cap = cap
  }

  /** a per-issue uniform in (0,1), independent of levers and of event order: the `k`th draw (k < DRAWS_PER_SALT) of the
   *  decision named by `salt` (ids.ts S) */
  u(i: number, salt: number, k = 0): number {
    return (hash32(this.key[i], this.salt, salt * DRAWS_PER_SALT + k) + 0.5) / UINT32_RANGE
  }

  // ---------------------------------------------------------------- arrivals
  /** draws the issues arising on day d and schedules them */
  scheduleDay(d: number): void {
    const doy = dayOfYear(d, this.sc.startDay)
    const wd = WEEKDAY_FACTOR[weekdayOfDay(d, this.sc.startDay)]
    const perHh = this.sc.demand.issuesPerHouseholdYear / DAYS_PER_YEAR
    for (let c = 0; c < NCAT; c++) {
      const spec = SPEC[c]
      const season = c === CAT.heating && this.sc.demand.heatingSeason ? heatingFactor(doy) / this.heatNorm : 1
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
        this.addIssue(d, c, k < base ? k : SURGE_KEY_OFFSET + k, ub, uh, ut)
      }
    }
  }

  addIssue(d: number, c: number, k: number, ub: number, uh: number, ut: number): void {
    const b = this.catPick[c].index(ub)
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
    return -ln(this.u(i, salt, k)) * mean
  }

  // ---------------------------------------------------------------- handlers
  /** one handler per event kind: a switch of direct calls (V8 inlines them; a table of closures is one megamorphic
   *  call site), exhaustive over EventKind so a missing case fails to compile */
  readonly dispatch = (kind: EventKind, i: number): void => {
    // each handler reads the event's time from sched.now (its default): a time passed here would be boxed
    switch (kind) {
      case EV.ARISE:
        return arise(this, i)
      case EV.KNOWN:
        return known(this, i)
      case EV.ENTER:
        return enter(this, i)
      case EV.DONE:
        return done(this, i)
      case EV.DEADLINE:
        return deadline(this, i)
      case EV.CALLBACK:
        return callback(this, i)
      case EV.CONSULTED:
        return route(this, i)
      default: {
        const never: never = kind
        throw new Error(`unknown event kind ${String(never)}`)
      }
    }
  }

  /** runs one day: draws its arrivals and processes every event before midnight */
  runDay(d: number): void {
    if (this.sc.participation.feedback > 0) for (let c = 0; c < this.w.communities.n; c++) this.volunteerRate[c] = this.volunteerRate0[c] * volunteerFactor(this.participation, this.sc, c)
    if (this.sc.parked.enabled && this.sc.parked.reopenDay === d) reopenParked(this, d)
    this.scheduleDay(d)
    this.sched.run((d + 1) * MIN_PER_DAY, this.dispatch)
  }

  // flag accessors for reporters
  static readonly FLAGS = { FIXED: F_FIXED, CLOSED: F_CLOSED, CALLBACK: F_CALLBACK, SOLVED: F_SOLVED, SATISFIED: F_SATISFIED, ONTIME: F_ONTIME, WHISTLED: F_WHISTLED }
}
