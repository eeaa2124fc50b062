// Handling in the staffed pools (docs/domain.md § Lifecycle, steps 4–5; 处置): queueing, shift or stretched service
// times, fix probabilities, bounces between departments (踢皮球) and the whistle (吹哨报到), rework after
// verification (核查). Hands the issue on through schedule.ts (a pool's queue), dispatch.ts (routing) and
// closing.ts (closure).
import type { Model } from './model.ts'
import { SPEC, EV, ROLE, ST, CAT, F_FIXED, F_WHISTLED, S, K, RED_PROPERTY_SALT, RESOLVER, PROPERTY_MODEL, F2_CONSULTED, F2_PARKED, F2_REOPENED, type Stage } from './ids.ts'
import { ownersFix } from './owners.ts'
import { addWorkingMinutes, MIN_PER_HOUR } from '../engine/calendar.ts'
import { hash32, UINT32_RANGE } from '../engine/rng.ts'
import { IS_PUBLIC_SPACE } from './categories.ts'
import { afterResolve, close } from './closing.ts'
import { route } from './dispatch.ts'
import { to, urgent } from './schedule.ts'
import { serviceMinutes } from './work.ts'

/** a ticket is passed on at most this many times; a fix is reworked at most this many times */
const MAX_BOUNCES = 4
const MAX_REWORKS = 3
/** chance that verification (核查) catches a job that did not fix the issue (assumption) */
const VERIFY_CATCH = 0.85
/** fix probabilities by role where no lever sets them (assumptions) */
const FIX = { GRID: 0.95, COMMUNITY_OWN: 0.9, COMMUNITY_OTHER: 0.75, ENFORCEMENT: 0.9, WHISTLED_ENFORCEMENT_MIN: 0.95, STREET_ALONE: 0.9 } as const
/** categories the community workers are there for: mediation (dispute) and the elderly (welfare) */
const COMMUNITY_OWN = (c: number) => c === CAT.dispute || c === CAT.welfare

/** the issue reaches a pool's queue; it starts at once if a server is free */
export function enter(m: Model, i: number, t: number = m.sched.now): void {
  const p = m.pool[i]
  if (m.tResp[i] === Infinity) m.tResp[i] = t
  m.tEnter[i] = t
  m.onEvent?.({ kind: 'enter', t, issue: i, role: m.poolRole[p] })
  if (m.pools.offer(p, i, t, urgent(m, i))) start(m, i, t)
}

/** a server takes the job: it is done after its service time (on the duty calendar for pools on shifts) */
export function start(m: Model, i: number, t: number): void {
  const p = m.pool[i]
  m.onEvent?.({ kind: 'start', t, issue: i, role: m.poolRole[p] })
  const service = serviceMinutes(m, i, p)
  m.pools.started(p, t - m.tEnter[i], service)
  m.sched.at(m.poolShift[p] ? addWorkingMinutes(t, service, m.sc.startDay, m.shift) : t + service, EV.DONE, i)
}

/** the chance the job at pool p solves issue i at minute t (t matters where owners' committees form or replace a company) */
export function fixProbability(m: Model, i: number, p: number, t = 0): number {
  const sc = m.sc
  switch (m.poolRole[p]) {
    case ROLE.GRID:
      return FIX.GRID
    case ROLE.COMMUNITY:
      return COMMUNITY_OWN(m.cat[i]) ? FIX.COMMUNITY_OWN : FIX.COMMUNITY_OTHER
    case ROLE.PROPERTY: {
      const cp = m.w.buildings.compound[m.bldg[i]]
      const model = cp >= 0 ? m.w.compounds.property[cp] : PROPERTY_MODEL.none
      // 红色物业: a share of the compounds' companies, the same ones in every run
      const red = sc.property.redShare > 0 && hash32(cp, RED_PROPERTY_SALT, 0) / UINT32_RANGE < sc.property.redShare
      const base = model === PROPERTY_MODEL.red || red ? sc.property.fixRed : model === PROPERTY_MODEL.self ? sc.property.fixSelf : sc.property.fixProfessional
      return ownersFix(m.owners, sc, cp, t, base)
    }
    case ROLE.SOCIAL:
      return sc.socialOrgs.fix
    case ROLE.ENFORCEMENT:
      return m.flags[i] & F_WHISTLED ? Math.max(sc.departments.fix, FIX.WHISTLED_ENFORCEMENT_MIN) : FIX.ENFORCEMENT
    default:
      return departmentFix(m, i)
  }
}

/** Dongcheng's command centre supervised city-management (public-space) cases to closure; other issues, and
 * every issue without a command centre, take the departments' usual fix rate */
function cityManagementFix(m: Model, i: number): number | null {
  const f = m.sc.grids.cityManagementFix
  return f !== null && f !== undefined && m.sc.grids.commandCentre && IS_PUBLIC_SPACE[m.cat[i]] ? f : null
}

const departmentFix = (m: Model, i: number): number => cityManagementFix(m, i) ?? m.sc.departments.fix

/** 踢皮球: the departments may pass the ticket on (at most MAX_BOUNCES times), after a delay, to `next` at the
 *  departments; `k0` keeps each stage's bounce draws apart. False when it was not passed on. */
function bounced(m: Model, i: number, t: number, k0: number, next: Stage): boolean {
  const dep = m.sc.departments
  if (!(m.bounces[i] < MAX_BOUNCES && m.u(i, S.BOUNCE, k0 + m.bounces[i]) < dep.bounceProbability)) return false
  m.bounces[i]++
  m.bounceCount++
  to(m, i, t + m.exp(i, S.BOUNCE_DELAY, dep.bounceDelayHours * MIN_PER_HOUR, k0 + m.bounces[i]), m.deptPool, next)
  return true
}

/** a pool job is done: the next queued job starts, and the issue goes on by the stage it was in */
export function done(m: Model, i: number, t: number = m.sched.now): void {
  const p = m.pool[i]
  const stage = m.stage[i] as Stage
  if (stage !== ST.ON_SPOT) {
    const next = m.pools.finish(p, t, t - m.tEnter[i])
    if (next >= 0) start(m, next, t)
  }
  m.onEvent?.({ kind: 'done', t, issue: i, role: m.poolRole[p] })
  const sc = m.sc
  const pickup = sc.departments.pickupHours * MIN_PER_HOUR
  switch (stage) {
    case ST.TRIAGE:
      return route(m, i, t)
    case ST.DEPT_TRIAGE:
      if (bounced(m, i, t, K.DEPT_TRIAGE_BOUNCE, ST.DEPT_TRIAGE)) return
      return route(m, i, t + pickup)
    case ST.WHISTLE: {
      if (m.u(i, S.ALONE) < sc.policy.streetAlone) {
        m.level[i] = ROLE.OFFICE
        setFixed(m, i, m.u(i, S.FIX, m.reworks[i]) < FIX.STREET_ALONE)
        return afterResolve(m, i, t)
      }
      m.whistles++
      m.flags[i] |= F_WHISTLED
      m.onEvent?.({ kind: 'whistle', t, issue: i })
      // 报到: the enforcement centre arrives between 30 % and all of the report limit
      const arrive = sc.whistle.reportLimitMinutes * (0.3 + 0.7 * m.u(i, S.WHISTLE))
      return to(m, i, t + arrive, m.enfPool0 + Math.max(0, m.w.buildings.street[m.bldg[i]]), ST.RESOLVE)
    }
    case ST.OFFICE_TRY:
      // the street cannot solve it alone: it goes to the departments, who may bounce it
      if (bounced(m, i, t, K.OFFICE_TRY_BOUNCE, ST.RESOLVE)) return
      return to(m, i, t + pickup, m.deptPool, ST.RESOLVE)
    case ST.ON_SPOT:
    case ST.RESOLVE: {
      m.level[i] = m.poolRole[p]
      setFixed(m, i, m.u(i, S.FIX, m.reworks[i]) < fixProbability(m, i, p, t))
      // without the whistle a multi-department issue needs a second department after the first
      if (m.poolRole[p] === ROLE.DEPARTMENT && SPEC[m.cat[i]].resolver === RESOLVER.MULTI && !(m.flags[i] & F_WHISTLED) && !sc.grids.commandCentre) {
        if (bounced(m, i, t, K.SECOND_DEPT_BOUNCE, ST.DEPT2)) return
        return to(m, i, t + pickup, m.deptPool, ST.DEPT2)
      }
      return afterResolve(m, i, t)
    }
    case ST.DEPT2:
      if (!(m.u(i, S.FIX, K.SECOND_DEPT_FIX + m.reworks[i]) < departmentFix(m, i))) m.flags[i] &= ~F_FIXED
      return afterResolve(m, i, t)
    case ST.VERIFY:
      // a parked case (挂账) has been explained: verification closes it as it stands
      if (!(m.flags[i] & F_FIXED) && !(m.flags2[i] & F2_PARKED) && m.reworks[i] < MAX_REWORKS && m.u(i, S.VERIFY, m.reworks[i]) < VERIFY_CATCH) {
        m.reworks[i]++
        m.reworkCount++
        return route(m, i, t)
      }
      return close(m, i, t)
    default: {
      const never: never = stage
      throw new Error(`issue ${i}: unknown stage ${String(never)}`)
    }
  }
}

/** the chance a hard issue is solved once taken on: after a policy change reopened it (parked.reopenFix), after
 *  residents agreed in a consultation (consultation.agreeFix, if higher), under the command centre's supervision,
 *  or as policy.hardFix says */
function hardFix(m: Model, i: number): number {
  if (m.flags2[i] & F2_REOPENED) return m.sc.parked.reopenFix
  const base = cityManagementFix(m, i) ?? m.sc.policy.hardFix
  return m.flags2[i] & F2_CONSULTED ? Math.max(base, m.sc.consultation.agreeFix) : base
}

/** a job's outcome; a hard issue (挂账, decided once per issue) is solved only if it was taken on successfully */
export function setFixed(m: Model, i: number, fixed: boolean): void {
  const pol = m.sc.policy
  // a reopened case is taken on afresh under the new policy: a draw of its own
  const u = m.u(i, m.flags2[i] & F2_REOPENED ? S.REOPEN_FIX : S.HARD_FIX)
  if (m.u(i, S.HARD) < pol.hardShare && !(u < hardFix(m, i))) {
    fixed = false
    // 挂账: it cannot be solved now; it is explained and counted apart until a policy change reopens it
    if (m.sc.parked.enabled && !(m.flags2[i] & F2_REOPENED)) m.flags2[i] |= F2_PARKED
  }
  if (fixed) m.flags[i] |= F_FIXED
  else m.flags[i] &= ~F_FIXED
}
