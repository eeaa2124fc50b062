// Staffing: how many people each pool has and how much of their time goes to handling issues. Pure: a world and a
// scenario in, the pool table out; the model builds its queues from it (Model's constructor) and the reporters read
// the same columns. Pools are laid out by role, in ROLE order:
//   grids 0 … G-1 | communities | property companies (one per compound that has one) | street offices | street
//   enforcement | the district departments (one pool)
// Levers: docs/domain.md § Levers; figures behind the defaults: docs/domain.md § Staffing and sizes.
import type { CompiledWorld } from '../world/compile.ts'
import type { Scenario } from '../scenario/schema.ts'
import { dutyShift, MIN_PER_HOUR, SHIFT_MIN_PER_WEEK, shiftMinPerWeek, type Shift } from '../engine/calendar.ts'
import { ROLE } from './roles.ts'

export const HOURS_PER_WEEK = 168
/** contracted hours of office staff and of enforcement and department crews */
export const WORK_HOURS_PER_WEEK = 40
/** the office duty week (5 × 08:30–17:30) a crew's 40 hours are spread over */
export const OFFICE_SHIFT_HOURS_PER_WEEK = SHIFT_MIN_PER_WEEK / MIN_PER_HOUR
/** share of a property company's staff time given to residents' repair requests (assumption) */
export const PROPERTY_AVAILABILITY = 0.3
/** residents of the district the departments' staff lever describes (Fengtai, 2020 census) */
export const DISTRICT_RESIDENTS = 2_019_764
/** floors on availability, so a lever at its extreme slows a pool instead of stopping it */
const MIN_GRID_AVAILABILITY = 0.05
const MIN_COMMUNITY_AVAILABILITY = 0.005

export interface Staffing {
  /** the duty calendar of field staff on shifts (grid workers, enforcement, department crews) */
  shift: Shift
  /** per grid: effective workers (part-timers counted by partTimeFactor), and the people behind them */
  gridWorkers: Float64Array
  gridPeople: Int32Array
  /** per community: community workers */
  commWorkers: Int32Array
  /** per compound: its property company's index among property pools, -1 without one */
  compoundPool: Int32Array
  /** first pool of each role (grids start at 0) */
  commPool0: number
  propPool0: number
  officePool0: number
  enfPool0: number
  deptPool: number
  /** per pool: servers (people on duty at a time), role, availability, on shifts (1) or not, people behind it */
  servers: Int32Array
  poolRole: Uint8Array
  /** share of the clock (off shifts) or of the duty shift (on shifts) a pool's people give to handling: a job's
   *  service time is its work divided by it */
  poolAvail: Float64Array
  poolShift: Uint8Array
  poolPeople: Float64Array
}

/** grid workers per grid under the scenario's allocation rule and scale: [effective workers, people] */
function allocateGridWorkers(w: CompiledWorld, sc: Scenario): { gridWorkers: Float64Array; gridPeople: Int32Array } {
  const G = w.grids.n
  const B = w.buildings.n
  const gw = sc.gridWorkers
  const gridWorkers = new Float64Array(G)
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
    gridWorkers[g] = people > 0 ? eff : 0
  }
  return { gridWorkers, gridPeople }
}

/** the pool table of a run */
export function staffPools(w: CompiledWorld, sc: Scenario): Staffing {
  const G = w.grids.n
  const C = w.communities.n
  const K = w.compounds.n
  const NS = Math.max(1, w.streets.n)
  const B = w.buildings.n
  const gw = sc.gridWorkers
  const comm = sc.communityWorkers
  const { gridWorkers, gridPeople } = allocateGridWorkers(w, sc)
  const commWorkers = Int32Array.from(w.communities.households, (h) => Math.max(comm.minPerCommunity, Math.round(h / comm.householdsPerWorker)))

  // compounds with a property company get a pool
  const compoundHh = new Float64Array(K)
  for (let b = 0; b < B; b++) if (w.buildings.compound[b] >= 0) compoundHh[w.buildings.compound[b]] += w.buildings.households[b]
  const compoundPool = new Int32Array(K).fill(-1)
  let np = 0
  for (let k = 0; k < K; k++) if (w.compounds.property[k] > 0) compoundPool[k] = np++
  const commPool0 = G
  const propPool0 = G + C
  const officePool0 = G + C + np
  const enfPool0 = officePool0 + NS
  const deptPool = enfPool0 + NS
  const nPools = deptPool + 1
  const servers = new Int32Array(nPools)
  const poolRole = new Uint8Array(nPools)
  const poolAvail = new Float64Array(nPools)
  const poolShift = new Uint8Array(nPools)
  const poolPeople = new Float64Array(nPools)
  // grid workers are on duty in shifts (08:30–17:30 weekdays by default) in their grid: a dispatched job interrupts
  // the patrol and takes its hands-on minutes of shift time; a worker contracted for fewer hours than the duty
  // calendar (or part time) covers proportionally less of it, so a longer calendar spreads the same hours thinner
  const shift = dutyShift(sc.grids.dutyHours, sc.grids.dutyDays)
  const dutyMin = shiftMinPerWeek(shift)
  // crews of many (enforcement, departments) cover a calendar longer than the office week in rotation: fewer of
  // them are on duty at a time; rounding the crew on duty to whole people is evened out in the work pace, so the
  // crew's working hours are the same on any calendar
  const rota = Math.min(1, SHIFT_MIN_PER_WEEK / dutyMin)
  const gridDuty = Math.min(1, (gw.hoursPerWeek * MIN_PER_HOUR) / dutyMin)
  // a crew member works 40 of the office week's 45 duty hours
  const crewAvail = WORK_HOURS_PER_WEEK / OFFICE_SHIFT_HOURS_PER_WEEK
  for (let g = 0; g < G; g++) {
    servers[g] = gridPeople[g]
    poolRole[g] = ROLE.GRID
    poolShift[g] = 1
    poolAvail[g] = gridPeople[g] > 0 ? Math.max(MIN_GRID_AVAILABILITY, (gridDuty * gridWorkers[g]) / gridPeople[g]) : 1
    poolPeople[g] = gridPeople[g]
  }
  for (let c = 0; c < C; c++) {
    const p = commPool0 + c
    servers[p] = commWorkers[c]
    poolRole[p] = ROLE.COMMUNITY
    // their week, less administrative tasks handed down (行政化) and home visits
    poolAvail[p] = Math.max(MIN_COMMUNITY_AVAILABILITY, (comm.hoursPerWeek / HOURS_PER_WEEK) * (1 - comm.adminBurden) * (1 - comm.visitShare))
    poolPeople[p] = servers[p]
  }
  for (let k = 0; k < K; k++) {
    const q = compoundPool[k]
    if (q < 0) continue
    const p = propPool0 + q
    servers[p] = Math.max(1, Math.round((compoundHh[k] * sc.property.staffPer1000Households) / 1000))
    poolRole[p] = ROLE.PROPERTY
    poolAvail[p] = PROPERTY_AVAILABILITY
    poolPeople[p] = servers[p]
  }
  for (let s = 0; s < NS; s++) {
    servers[officePool0 + s] = sc.street.officeStaff
    poolRole[officePool0 + s] = ROLE.OFFICE
    poolAvail[officePool0 + s] = WORK_HOURS_PER_WEEK / HOURS_PER_WEEK
    poolPeople[officePool0 + s] = sc.street.officeStaff
    const enf = sc.street.enforcementOfficers * rota
    servers[enfPool0 + s] = enf > 0 ? Math.max(1, Math.round(enf)) : 0
    poolRole[enfPool0 + s] = ROLE.ENFORCEMENT
    poolAvail[enfPool0 + s] = enf > 0 ? (crewAvail * enf) / servers[enfPool0 + s] : crewAvail
    poolShift[enfPool0 + s] = 1
    poolPeople[enfPool0 + s] = sc.street.enforcementOfficers
  }
  // district departments scale with the world's residents: a street-only world gets its share of them, a bigger
  // district or the city more (by street count, the real 西罗园's 142 k residents would get a 72 k street's share)
  let worldResidents = 0
  for (let c = 0; c < w.communities.n; c++) worldResidents += w.communities.residents[c]
  const dept = (sc.departments.staff * worldResidents) / DISTRICT_RESIDENTS
  servers[deptPool] = Math.max(1, Math.round(dept * rota))
  poolRole[deptPool] = ROLE.DEPARTMENT
  poolAvail[deptPool] = (crewAvail * dept * rota) / servers[deptPool]
  poolShift[deptPool] = 1
  poolPeople[deptPool] = dept
  return { shift, gridWorkers, gridPeople, commWorkers, compoundPool, commPool0, propPool0, officePool0, enfPool0, deptPool, servers, poolRole, poolAvail, poolShift, poolPeople }
}
