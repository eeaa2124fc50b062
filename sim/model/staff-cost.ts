// Who a scenario staffs on a world, and what they cost a year: the people behind every pool of staffing.ts plus
// the unpaid ones the model counts (volunteers, alley stewards). Deterministic (no draws), so a sweep's objective
// "the smallest total staff or cost that still meets a target" is the same number for every replicate of a setting
// and in the CLI and the page. The unit costs are ASSUMPTIONS (no published figure is in the model's sources);
// docs/staff-costs.md gives the reasoning and how to change them.
import type { CompiledWorld } from '../world/compile.ts'
import type { Scenario } from '../scenario/schema.ts'
import { staffPools, socialOrgStaff, WORK_HOURS_PER_WEEK } from './staffing.ts'

/** yuan per full-time person and year, employer's whole cost (pay, social insurance, housing fund) — assumptions */
export const UNIT_COST_YUAN = {
  grid: 100_000,
  community: 120_000,
  property: 70_000,
  office: 200_000,
  enforcement: 180_000,
  departments: 200_000,
} as const

export type StaffRole = keyof typeof UNIT_COST_YUAN | 'social' | 'volunteers'
export const STAFF_ROLES: readonly StaffRole[] = ['grid', 'community', 'property', 'office', 'enforcement', 'departments', 'social', 'volunteers']

export interface Staff {
  /** people per role (departments: this world's share of the district's, so fractional; social: purchased
   *  service hours as full-time equivalents) */
  people: Record<StaffRole, number>
  /** yuan a year per role */
  cost: Record<StaffRole, number>
  /** everyone the scenario staffs, volunteers included, rounded to one decimal */
  headcount: number
  /** yuan a year, whole */
  costYuan: number
}

const r1 = (x: number) => Math.round(x * 10) / 10

/** the scenario's staff on this world and their yearly cost */
export function staffOf(w: CompiledWorld, sc: Scenario): Staff {
  const s = staffPools(w, sc)
  const C = w.communities.n
  const NS = Math.max(1, w.streets.n)
  const sum = (a: ArrayLike<number>, from = 0, to = a.length) => {
    let t = 0
    for (let i = from; i < to; i++) t += a[i]
    return t
  }
  const G = w.grids.n
  const people: Record<StaffRole, number> = {
    grid: sum(s.gridPeople),
    community: sum(s.commWorkers),
    property: sum(s.poolPeople, s.propPool0, s.officePool0),
    office: sc.street.officeStaff * NS,
    enforcement: sc.street.enforcementOfficers * NS,
    departments: s.poolPeople[s.deptPool],
    social: socialOrgStaff(sc).people * C,
    volunteers: (sc.volunteers.perCommunity + sc.stewards.perCommunity) * C,
  }
  // paid hours follow the hours levers: a grid worker on 20 hours a week costs half a full-timer; part-timers are
  // paid as the share of a full-timer they count for (gridWorkers holds ft + pt × partTimeFactor, times scale)
  const gridFte = sum(s.gridWorkers, 0, G) * (sc.gridWorkers.hoursPerWeek / WORK_HOURS_PER_WEEK)
  const commFte = people.community * (sc.communityWorkers.hoursPerWeek / WORK_HOURS_PER_WEEK)
  const u = UNIT_COST_YUAN
  const cost: Record<StaffRole, number> = {
    grid: gridFte * u.grid,
    community: commFte * u.community,
    property: people.property * u.property,
    office: people.office * u.office,
    enforcement: people.enforcement * u.enforcement,
    departments: people.departments * u.departments,
    // what government buys from social organisations: the budget lever itself
    social: sc.socialOrgs.perCommunity > 0 ? sc.socialOrgs.budgetPerCommunity * 10_000 * C : 0,
    // unpaid (双报到 party members, 劝导队, alley stewards)
    volunteers: 0,
  }
  for (const k of STAFF_ROLES) {
    people[k] = r1(people[k])
    cost[k] = Math.round(cost[k])
  }
  return { people, cost, headcount: r1(STAFF_ROLES.reduce((t, k) => t + people[k], 0)), costYuan: STAFF_ROLES.reduce((t, k) => t + cost[k], 0) }
}
