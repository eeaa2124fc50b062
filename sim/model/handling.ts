// Handling in the staffed pools (docs/domain.md § Lifecycle, steps 4–5): queueing, shift or stretched service times, on-the-spot
// jobs, fix probabilities, bounces between departments and the whistle, rework after verification.
import type { Model } from './model.ts'
import { WALK_M_PER_MIN, DETOUR, SPEC, EV, ROLE, ST, F_FIXED, F_WHISTLED, S, hash32 } from './ids.ts'
import { addWorkingMinutes } from '../engine/calendar.ts'
import { IS_PUBLIC_SPACE, RESOLVER } from './categories.ts'
import { afterResolve, close } from './closing.ts'
import { route, to, urgent } from './dispatch.ts'

export function enter(m: Model, i: number, t: number): void {
  const p = m.pool[i]
  if (m.tResp[i] === Infinity) m.tResp[i] = t
  m.tEnter[i] = t
  m.onEvent?.({ kind: 'enter', t, issue: i, role: m.poolRole[p] })
  if (m.pools.offer(p, i, t, urgent(m, i))) start(m, i, t)
}

export function start(m: Model, i: number, t: number): void {
  const p = m.pool[i]
  m.tStart[i] = t
  const service = serviceMinutes(m, i, p)
  m.pools.started(p, t - m.tEnter[i], service)
  m.sched.at(m.poolShift[p] ? addWorkingMinutes(t, service, m.sc.startDay, m.shift) : t + service, EV.DONE, i)
}

/** a patrol-found simple issue: the grid worker who found it does the job there and then (no pool queue) */
export function onSpot(m: Model, i: number, t: number, g: number): void {
  m.pool[i] = g
  m.stage[i] = ST.ON_SPOT
  m.tResp[i] = t
  m.tEnter[i] = t
  m.tStart[i] = t
  m.onEvent?.({ kind: 'enter', t, issue: i, role: ROLE.GRID })
  m.sched.at(addWorkingMinutes(t, serviceMinutes(m, i, g), m.sc.startDay, m.shift), EV.DONE, i)
}

/** work content plus travel, stretched by the share of the clock (or, on shifts, of the shift) the pool's people
 * give to handling */
export function serviceMinutes(m: Model, i: number, p: number): number {
  const role = m.poolRole[p]
  const spec = SPEC[m.cat[i]]
  const st = m.stage[i]
  let work: number
  if (st === ST.TRIAGE || st === ST.DEPT_TRIAGE) work = 20
  else if (st === ST.WHISTLE || st === ST.OFFICE_TRY) work = 30
  else if (st === ST.VERIFY) work = 15
  else work = spec.workMinutes
  work *= -Math.log(m.u(i, S.WORK, m.jobs[i]))
  m.jobs[i]++
  let travel = 0
  const b = m.bldg[i]
  if (role === ROLE.GRID || role === ROLE.COMM) {
    const g = m.w.buildings.grid[b]
    if (g >= 0) {
      const dx = m.w.buildings.x[b] - m.w.grids.baseX[g]
      const dy = m.w.buildings.y[b] - m.w.grids.baseY[g]
      travel = ((2 * Math.sqrt(dx * dx + dy * dy) * DETOUR) / WALK_M_PER_MIN) * (role === ROLE.COMM ? 1.5 : 1)
    }
  } else if (role === ROLE.ENF || role === ROLE.DEPT) travel = st === ST.RESOLVE || st === ST.DEPT2 ? 40 : 0
  if (st === ST.ON_SPOT) travel = 0
  return (work + travel) / m.poolAvail[p]
}

export function fixProbability(m: Model, i: number, p: number): number {
  const sc = m.sc
  switch (m.poolRole[p]) {
    case ROLE.GRID:
      return 0.95
    case ROLE.COMM:
      return m.cat[i] === 6 || m.cat[i] === 7 ? 0.9 : 0.75
    case ROLE.PROP: {
      const cp = m.w.buildings.compound[m.bldg[i]]
      const model = cp >= 0 ? m.w.compounds.property[cp] : 0
      const red = sc.property.redShare > 0 && hash32(cp, 77, 0) / 4294967296 < sc.property.redShare
      if (model === 3 || red) return sc.property.fixRed
      return model === 1 ? sc.property.fixSelf : sc.property.fixProfessional
    }
    case ROLE.ENF:
      return m.flags[i] & F_WHISTLED ? Math.max(sc.departments.fix, 0.95) : 0.9
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

export function done(m: Model, i: number, t: number): void {
  const p = m.pool[i]
  if (m.stage[i] !== ST.ON_SPOT) {
    const next = m.pools.finish(p, t, t - m.tEnter[i])
    if (next >= 0) start(m, next, t)
  }
  m.onEvent?.({ kind: 'done', t, issue: i, role: m.poolRole[p] })
  const sc = m.sc
  switch (m.stage[i]) {
    case ST.TRIAGE:
      return route(m, i, t)
    case ST.DEPT_TRIAGE:
      if (m.bounces[i] < 4 && m.u(i, S.BOUNCE, m.bounces[i]) < sc.departments.bounceProbability) {
        m.bounces[i]++
        m.bounceCount++
        return to(m, i, t + m.exp(i, S.BOUNCE_DELAY, sc.departments.bounceDelayHours * 60, m.bounces[i]), m.deptPool, ST.DEPT_TRIAGE)
      }
      return route(m, i, t + sc.departments.pickupHours * 60)
    case ST.WHISTLE: {
      if (m.u(i, S.ALONE) < sc.policy.streetAlone) {
        m.level[i] = ROLE.OFFICE
        setFixed(m, i, m.u(i, S.FIX, m.reworks[i]) < 0.9)
        return afterResolve(m, i, t)
      }
      m.whistles++
      m.flags[i] |= F_WHISTLED
      const arrive = sc.whistle.reportLimitMinutes * (0.3 + 0.7 * m.u(i, S.WHISTLE))
      return to(m, i, t + arrive, m.enfPool0 + Math.max(0, m.w.buildings.street[m.bldg[i]]), ST.RESOLVE)
    }
    case ST.OFFICE_TRY:
      // the street cannot solve it alone: it goes to the departments, who may bounce it
      if (m.bounces[i] < 4 && m.u(i, S.BOUNCE, 10 + m.bounces[i]) < sc.departments.bounceProbability) {
        m.bounces[i]++
        m.bounceCount++
        return to(m, i, t + m.exp(i, S.BOUNCE_DELAY, sc.departments.bounceDelayHours * 60, 10 + m.bounces[i]), m.deptPool, ST.RESOLVE)
      }
      return to(m, i, t + sc.departments.pickupHours * 60, m.deptPool, ST.RESOLVE)
    case ST.ON_SPOT:
    case ST.RESOLVE: {
      m.level[i] = m.poolRole[p]
      setFixed(m, i, m.u(i, S.FIX, m.reworks[i]) < fixProbability(m, i, p))
      // without the whistle a multi-department issue needs a second department after the first
      if (m.poolRole[p] === ROLE.DEPT && SPEC[m.cat[i]].resolver === RESOLVER.MULTI && !(m.flags[i] & F_WHISTLED) && !sc.grids.commandCentre) {
        if (m.bounces[i] < 4 && m.u(i, S.BOUNCE, 20 + m.bounces[i]) < sc.departments.bounceProbability) {
          m.bounces[i]++
          m.bounceCount++
          return to(m, i, t + m.exp(i, S.BOUNCE_DELAY, sc.departments.bounceDelayHours * 60, 20 + m.bounces[i]), m.deptPool, ST.DEPT2)
        }
        return to(m, i, t + sc.departments.pickupHours * 60, m.deptPool, ST.DEPT2)
      }
      return afterResolve(m, i, t)
    }
    case ST.DEPT2:
      if (!(m.u(i, S.FIX, 30 + m.reworks[i]) < departmentFix(m, i))) m.flags[i] &= ~F_FIXED
      return afterResolve(m, i, t)
    case ST.VERIFY:
      if (!(m.flags[i] & F_FIXED) && m.reworks[i] < 3 && m.u(i, S.VERIFY, m.reworks[i]) < 0.85) {
        m.reworks[i]++
        m.reworkCount++
        return route(m, i, t)
      }
      return close(m, i, t)
  }
}

/** a job's outcome; a hard issue (decided once per issue) is solved only if it was taken on successfully */
export function setFixed(m: Model, i: number, fixed: boolean): void {
  const pol = m.sc.policy
  if (m.u(i, S.HARD) < pol.hardShare && !(m.u(i, S.HARD_FIX) < (cityManagementFix(m, i) ?? pol.hardFix))) fixed = false
  if (fixed) m.flags[i] |= F_FIXED
  else m.flags[i] &= ~F_FIXED
}
