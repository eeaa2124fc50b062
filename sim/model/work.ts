// The time a pool job takes: its hands-on work plus travel, stretched by the share of time the pool's people give to
// handling. A leaf of sim/model: reads the model, schedules nothing.
import type { Model } from './model.ts'
import { WALK_M_PER_MIN, DETOUR, SPEC, ROLE, ST, S } from './ids.ts'
import { ln } from '../engine/det-math.ts'

/** mean hands-on minutes of the jobs that are not the solving job itself (assumptions) */
export const ROUTING_MINUTES = 20
export const STREET_MINUTES = 30
export const VERIFY_MINUTES = 15
/** a community worker's way to a home is longer than the straight walk from the grid base (assumption) */
const COMMUNITY_TRAVEL_FACTOR = 1.5
/** minutes a district or enforcement crew spends getting to the site and back (assumption) */
export const CREW_TRAVEL_MINUTES = 40

/** work content plus travel, stretched by the share of the clock (or, on shifts, of the shift) the pool's people
 * give to handling; counts the job (the next job draws its own work content) */
export function serviceMinutes(m: Model, i: number, p: number): number {
  const role = m.poolRole[p]
  const spec = SPEC[m.cat[i]]
  const st = m.stage[i]
  let work: number
  if (st === ST.TRIAGE || st === ST.DEPT_TRIAGE) work = ROUTING_MINUTES
  else if (st === ST.WHISTLE || st === ST.OFFICE_TRY) work = STREET_MINUTES
  else if (st === ST.VERIFY) work = VERIFY_MINUTES
  else work = spec.workMinutes
  work *= -ln(m.u(i, S.WORK, m.jobs[i]))
  m.jobs[i]++
  let travel = 0
  const b = m.bldg[i]
  if (role === ROLE.GRID || role === ROLE.COMMUNITY || role === ROLE.SOCIAL) {
    const g = m.w.buildings.grid[b]
    if (g >= 0) {
      const dx = m.w.buildings.x[b] - m.w.grids.baseX[g]
      const dy = m.w.buildings.y[b] - m.w.grids.baseY[g]
      travel = ((2 * Math.sqrt(dx * dx + dy * dy) * DETOUR) / WALK_M_PER_MIN) * (role === ROLE.GRID ? 1 : COMMUNITY_TRAVEL_FACTOR)
    }
  } else if (role === ROLE.ENFORCEMENT || role === ROLE.DEPARTMENT) travel = st === ST.RESOLVE || st === ST.DEPT2 ? CREW_TRAVEL_MINUTES : 0
  if (st === ST.ON_SPOT) travel = 0
  return (work + travel) / m.poolAvail[p]
}
