// Parked cases (挂账): a hard case that cannot be solved now is explained to the resident and counted apart from the
// three rates; a policy change (parked.reopenDay) reopens the parked cases whose callback is done, and they are
// handled again with parked.reopenFix as their chance once taken on.
import type { Model } from './model.ts'
import { F_CALLBACK, F_CALLBACK_PENDING, F_CLOSED, F_FIXED, F_ONTIME, F_SATISFIED, F_SOLVED, F2_PARKED, F2_REOPENED, PHASE } from './ids.ts'
import { MIN_PER_DAY, SHIFT_START } from '../engine/calendar.ts'
import { route } from './dispatch.ts'

/** on the day of the change, at the start of the office day */
export function reopenParked(m: Model, d: number): void {
  const t = d * MIN_PER_DAY + SHIFT_START
  for (let i = 0; i < m.n; i++) {
    const f = m.flags[i]
    if (!(m.flags2[i] & F2_PARKED) || !(f & F_CALLBACK) || f & F_CALLBACK_PENDING) continue
    m.flags2[i] = (m.flags2[i] & ~F2_PARKED) | F2_REOPENED
    m.flags[i] = f & ~(F_CLOSED | F_ONTIME | F_CALLBACK | F_SOLVED | F_SATISFIED | F_FIXED)
    m.phase[i] = PHASE.OPEN
    m.reworks[i] = 0
    m.reopened++
    route(m, i, t)
  }
}

export function parkedReport(m: Model) {
  let parked = 0
  let solved = 0
  for (let i = 0; i < m.n; i++) {
    if (m.flags2[i] & F2_PARKED) parked++
    if (m.flags2[i] & F2_REOPENED && m.flags[i] & F_SOLVED) solved++
  }
  return { parked, reopened: m.reopened, solvedAfterReopening: solved }
}
