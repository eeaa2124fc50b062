// Acceptance and dispatch (docs/domain.md § Lifecycle, step 3; 上报 → 立案 → 派遣): first-contact channel → the
// lowest level able to solve it; the command centre (监督指挥中心), the street office try and the whistle
// (吹哨报到) decide where multi-department issues go.
import type { Model } from './model.ts'
import { SPEC, EV, CH, ST, PHASE, RESOLVER, S, F2_SOCIAL, type ResolverKind } from './ids.ts'
import { MIN_PER_DAY, MIN_PER_HOUR } from '../engine/calendar.ts'
import { onSpot, officePool, to } from './schedule.ts'
import { IS_SOCIAL_ORG } from './categories.ts'
import { toConsultation } from './consultation.ts'

/** minutes from a report to its dispatch, by first contact (assumptions): staff who found it themselves file it in
 *  half an hour, the committee and the party organisation in an hour, a property company that cannot fix it passes
 *  it on the next day */
const FILE_MINUTES = 30
const REPORT_MINUTES = 60
const PROPERTY_PASS_ON_MINUTES = 24 * MIN_PER_HOUR
/** the book's target of community social organisations per urban community (book ch. 7.2.2) */
export const SOCIAL_ORG_TARGET = 10

/** the issue becomes known (上报): its deadline is set and it goes to its first job */
export function known(m: Model, i: number, t: number = m.sched.now): void {
  m.tKnown[i] = t
  m.phase[i] = PHASE.OPEN
  const ch = m.channel[i]
  const spec = SPEC[m.cat[i]]
  m.onEvent?.({ kind: 'known', t, issue: i, channel: ch })
  const sc = m.sc
  m.sched.at(t + Math.max(spec.limitHours * MIN_PER_HOUR, sc.callback.waitDays * MIN_PER_DAY), EV.DEADLINE, i)
  if (ch === CH.HOTLINE) {
    // 诉求直派: straight to the street office; before 2019 through the departments
    if (sc.hotline.directDispatch) to(m, i, t + sc.hotline.dispatchMinutes, officePool(m, i), ST.TRIAGE)
    else to(m, i, t + sc.hotline.dispatchMinutes + sc.hotline.routedDelayHours * MIN_PER_HOUR, m.deptPool, ST.DEPT_TRIAGE)
    return
  }
  const coord = sc.grids.merged ? 0 : sc.grids.coordinationDelayHours * MIN_PER_HOUR
  if (ch === CH.PATROL || ch === CH.VOLUNTEER || ch === CH.STEWARD) {
    const g = m.w.buildings.grid[m.bldg[i]]
    // 未诉先办: the patrolling grid worker handles a simple issue on the spot, during the patrol, without queueing
    // behind dispatched jobs; everything else goes into the platform
    if (ch === CH.PATROL && spec.resolver === RESOLVER.GRID && g >= 0) return onSpot(m, i, t, g)
    return route(m, i, t + FILE_MINUTES + (ch === CH.PATROL ? 0 : coord))
  }
  if (ch === CH.PARTY) return route(m, i, t + REPORT_MINUTES + coord)
  if (ch === CH.PROPERTY || ch === CH.OWNERS) {
    const cp = m.w.buildings.compound[m.bldg[i]]
    if (spec.resolver === RESOLVER.PROPERTY && cp >= 0 && m.compoundPool[cp] >= 0) return to(m, i, t + FILE_MINUTES, m.propPool0 + m.compoundPool[cp], ST.RESOLVE)
    return route(m, i, t + PROPERTY_PASS_ON_MINUTES)
  }
  return route(m, i, t + REPORT_MINUTES)
}

/** dispatch (派遣) to the lowest level able to solve it */
export function route(m: Model, i: number, t: number = m.sched.now): void {
  if (toConsultation(m, i, t)) return
  const b = m.bldg[i]
  const kind: ResolverKind = SPEC[m.cat[i]].resolver
  const g = m.w.buildings.grid[b]
  const cm = Math.max(0, m.w.buildings.community[b])
  const pickup = m.sc.departments.pickupHours * MIN_PER_HOUR
  switch (kind) {
    case RESOLVER.GRID:
      if (g >= 0 && m.pools.servers[g] > 0) return to(m, i, t, g, ST.RESOLVE)
      // without grid workers public-space issues fall to the district departments (城管, 环卫), far from the ground
      return to(m, i, t + pickup, m.deptPool, ST.RESOLVE)
    case RESOLVER.PROPERTY: {
      const cp = m.w.buildings.compound[b]
      if (cp >= 0 && m.compoundPool[cp] >= 0) return to(m, i, t, m.propPool0 + m.compoundPool[cp], ST.RESOLVE)
      // no property company: the residents' committee (居委会) takes it
      return to(m, i, t, m.commPool0 + cm, ST.RESOLVE)
    }
    case RESOLVER.COMMUNITY:
      // 三社联动: the community hands welfare and dispute cases to the social organisations it buys services from,
      // more of them the closer it is to the target number of organisations
      if (m.socialActive && IS_SOCIAL_ORG[m.cat[i]] && m.u(i, S.SOCIAL) < m.sc.socialOrgs.handOffShare * Math.min(1, m.sc.socialOrgs.perCommunity / SOCIAL_ORG_TARGET)) {
        m.flags2[i] |= F2_SOCIAL
        return to(m, i, t, m.socialPool0 + cm, ST.RESOLVE)
      }
      return to(m, i, t, m.commPool0 + cm, ST.RESOLVE)
    case RESOLVER.ENFORCEMENT:
      return to(m, i, t, m.enfPool0 + Math.max(0, m.w.buildings.street[b]), ST.RESOLVE)
    case RESOLVER.DEPARTMENT:
      return to(m, i, t + pickup, m.deptPool, ST.RESOLVE)
    case RESOLVER.MULTI:
      // Dongcheng's command centre (监督指挥中心) files the case and dispatches it to the department its
      // component/event standard makes accountable: no street try, no bouncing, no second department
      if (m.sc.grids.commandCentre && !m.sc.whistle.enabled) return to(m, i, t + pickup, m.deptPool, ST.RESOLVE)
      return to(m, i, t, officePool(m, i), m.sc.whistle.enabled ? ST.WHISTLE : ST.OFFICE_TRY)
    default: {
      const never: never = kind
      throw new Error(`unknown resolver ${String(never)}`)
    }
  }
}
