// Acceptance and dispatch (docs/domain.md § Lifecycle, step 3): first-contact channel → the lowest level able to solve it; the
// command centre, the street office try and the whistle decide where multi-department issues go.
import type { Model } from './model.ts'
import { SPEC, EV, CH, ST, PHASE } from './ids.ts'
import { MIN_PER_DAY } from '../engine/calendar.ts'
import { RESOLVER , type ResolverKind } from './categories.ts'
import { onSpot } from './handling.ts'

export function known(m: Model, i: number, t: number): void {
  m.tKnown[i] = t
  m.phase[i] = PHASE.OPEN
  const ch = m.channel[i]
  const spec = SPEC[m.cat[i]]
  m.onEvent?.({ kind: 'known', t, issue: i, channel: ch })
  const sc = m.sc
  m.sched.at(t + Math.max(spec.limitHours * 60, sc.callback.waitDays * MIN_PER_DAY), EV.DEADLINE, i)
  if (ch === CH.HOTLINE) {
    if (sc.hotline.directDispatch) to(m, i, t + sc.hotline.dispatchMinutes, officePool(m, i), ST.TRIAGE)
    else to(m, i, t + sc.hotline.dispatchMinutes + sc.hotline.routedDelayHours * 60, m.deptPool, ST.DEPT_TRIAGE)
    return
  }
  const coord = sc.grids.merged ? 0 : sc.grids.coordinationDelayHours * 60
  if (ch === CH.PATROL || ch === CH.VOLUNTEER) {
    const g = m.w.buildings.grid[m.bldg[i]]
    // 未诉先办: the patrolling grid worker handles a simple issue on the spot, during the patrol, without queueing
    // behind dispatched jobs; everything else goes into the platform
    if (ch === CH.PATROL && spec.resolver === RESOLVER.GRID && g >= 0) return onSpot(m, i, t, g)
    return route(m, i, t + 30 + (ch === CH.VOLUNTEER ? coord : 0))
  }
  if (ch === CH.PARTY) return route(m, i, t + 60 + coord)
  if (ch === CH.PROPERTY || ch === CH.OWNERS) {
    const cp = m.w.buildings.compound[m.bldg[i]]
    if (spec.resolver === RESOLVER.PROPERTY && cp >= 0 && m.compoundPool[cp] >= 0) return to(m, i, t + 30, m.propPool0 + m.compoundPool[cp], ST.RESOLVE)
    return route(m, i, t + 24 * 60)
  }
  return route(m, i, t + 60)
}

export function officePool(m: Model, i: number): number {
  const s = m.w.buildings.street[m.bldg[i]]
  return m.officePool0 + Math.max(0, s)
}

/** dispatch to the lowest level able to solve it */
export function route(m: Model, i: number, t: number): void {
  const b = m.bldg[i]
  const kind: ResolverKind = SPEC[m.cat[i]].resolver
  const g = m.w.buildings.grid[b]
  const cm = Math.max(0, m.w.buildings.community[b])
  switch (kind) {
    case RESOLVER.GRID:
      if (g >= 0 && m.pools.servers[g] > 0) return to(m, i, t, g, ST.RESOLVE)
      // without grid workers public-space issues fall to the district departments (城管, 环卫), far from the ground
      return to(m, i, t + m.sc.departments.pickupHours * 60, m.deptPool, ST.RESOLVE)
    case RESOLVER.PROPERTY: {
      const cp = m.w.buildings.compound[b]
      if (cp >= 0 && m.compoundPool[cp] >= 0) return to(m, i, t, m.propPool0 + m.compoundPool[cp], ST.RESOLVE)
      return to(m, i, t, m.commPool0 + cm, ST.RESOLVE)
    }
    case RESOLVER.COMMUNITY:
      return to(m, i, t, m.commPool0 + cm, ST.RESOLVE)
    case RESOLVER.ENFORCEMENT:
      return to(m, i, t, m.enfPool0 + Math.max(0, m.w.buildings.street[b]), ST.RESOLVE)
    case RESOLVER.DEPARTMENT:
      return to(m, i, t + m.sc.departments.pickupHours * 60, m.deptPool, ST.RESOLVE)
    case RESOLVER.MULTI:
      // Dongcheng's command centre (监督指挥中心) files the case and dispatches it to the department its
      // component/event standard makes accountable: no street try, no bouncing, no second department
      if (m.sc.grids.commandCentre && !m.sc.whistle.enabled) return to(m, i, t + m.sc.departments.pickupHours * 60, m.deptPool, ST.RESOLVE)
      return to(m, i, t, officePool(m, i), m.sc.whistle.enabled ? ST.WHISTLE : ST.OFFICE_TRY)
  }
}

export function to(m: Model, i: number, t: number, pool: number, stage: number): void {
  m.pool[i] = pool
  m.stage[i] = stage
  m.sched.at(t, EV.ENTER, i)
}

export function urgent(m: Model, i: number): boolean {
  return m.cat[i] === 8 || m.stage[i] === ST.VERIFY || m.stage[i] === ST.WHISTLE || (m.channel[i] === CH.HOTLINE && m.sc.hotline.rankingPressure >= 0.5)
}
