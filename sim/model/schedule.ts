// Scheduling helpers every handler uses to hand an issue on: to a pool (an ENTER event), to the grid worker on the
// spot (a DONE event), and the queue priority. A leaf of sim/model's import graph (handlers import it, it imports no
// handler), so discovery → dispatch → handling → closing stays free of cycles.
import type { Model } from './model.ts'
import { EV, CH, ROLE, ST, CAT, type Stage } from './ids.ts'
import { addWorkingMinutes } from '../engine/calendar.ts'
import { serviceMinutes } from './work.ts'

/** 12345 tickets jump the queue when streets are ranked on them at least this hard (hotline.rankingPressure) */
const RANKED_HOTLINE_PRESSURE = 0.5

/** the issue's next job: `stage` at `pool`, entering its queue at t */
export function to(m: Model, i: number, t: number, pool: number, stage: Stage): void {
  m.pool[i] = pool
  m.stage[i] = stage
  m.sched.at(t, EV.ENTER, i)
}

/** the street office of the issue's building */
export function officePool(m: Model, i: number): number {
  const s = m.w.buildings.street[m.bldg[i]]
  return m.officePool0 + Math.max(0, s)
}

/** jobs served ahead of the queue: safety hazards, verification, the whistle, and ranked 12345 tickets */
export function urgent(m: Model, i: number): boolean {
  return m.cat[i] === CAT.safety || m.stage[i] === ST.VERIFY || m.stage[i] === ST.WHISTLE || (m.channel[i] === CH.HOTLINE && m.sc.hotline.rankingPressure >= RANKED_HOTLINE_PRESSURE)
}

/** a patrol-found simple issue (未诉先办): the grid worker who found it does the job there and then (no pool queue) */
export function onSpot(m: Model, i: number, t: number, g: number): void {
  m.pool[i] = g
  m.stage[i] = ST.ON_SPOT
  m.tResp[i] = t
  m.tEnter[i] = t
  m.onEvent?.({ kind: 'enter', t, issue: i, role: ROLE.GRID })
  m.onEvent?.({ kind: 'start', t, issue: i, role: ROLE.GRID })
  m.sched.at(addWorkingMinutes(t, serviceMinutes(m, i, g), m.sc.startDay, m.shift), EV.DONE, i)
}
