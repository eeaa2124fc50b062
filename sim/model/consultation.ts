// Consultation (议事协商, book ch. 4.2.2, 4.3.2, 5.2.2, 9.2.3): disputes and public matters that need residents'
// agreement wait for the community's next meeting, convened by the party organisation every
// consultation.intervalDays (Heyi: monthly) at CONSULT_MINUTE; after it they are dispatched as usual. Agreement lets
// hard cases be solved (agreeFix instead of policy.hardFix), consulted residents are more often satisfied, and the
// household that brought the matter takes part (participation.gainConsultation). The hotline's callback waits for
// the meeting: the time before it is called back runs from the meeting (as 接诉即办 extends the limit of matters that
// need coordination), while on-time closure still counts from when it became known.
import type { Model } from './model.ts'
import { CATEGORIES, CONSULTATION_CATEGORIES } from './categories.ts'
import { EV, F2_CONSULTED, F2_DEADLINE_MOVED, MEETING_SALT, S, SPEC } from './ids.ts'
import { hash32 } from '../engine/rng.ts'
import { MIN_PER_DAY, MIN_PER_HOUR } from '../engine/calendar.ts'
import { moveParticipation } from './participation.ts'

/** meetings start at 19:00, after work (assumption) */
export const CONSULT_MINUTE = 19 * 60

/** the categories the scenario's scope covers, indexed by category number */
export const consultationScope = (scope: keyof typeof CONSULTATION_CATEGORIES): boolean[] => CATEGORIES.map((c) => CONSULTATION_CATEGORIES[scope].includes(c))

/** the first meeting of community c after minute t: every `interval` days from a day of its own */
export function nextMeeting(c: number, t: number, interval: number): number {
  const off = hash32(Math.max(0, c), MEETING_SALT, 0) % interval
  let d = Math.floor(t / MIN_PER_DAY)
  d += (((off - d) % interval) + interval) % interval
  while (d * MIN_PER_DAY + CONSULT_MINUTE <= t) d += interval
  return d * MIN_PER_DAY + CONSULT_MINUTE
}

/** true when the issue goes to a consultation first (it is then scheduled for the meeting); each issue once */
export function toConsultation(m: Model, i: number, t: number): boolean {
  const co = m.sc.consultation
  if (co.intervalDays <= 0 || m.flags2[i] & F2_CONSULTED || !m.consultScope[m.cat[i]] || !(m.u(i, S.CONSULT) < co.needShare)) return false
  m.flags2[i] |= F2_CONSULTED
  // the party organisation takes it onto the agenda: the resident has been answered
  if (m.tResp[i] === Infinity) m.tResp[i] = t
  const b = m.bldg[i]
  moveParticipation(m.participation, m.hh[i], m.w.buildings.community[b], m.sc.participation.gainConsultation)
  m.consulted++
  const meet = nextMeeting(m.w.buildings.community[b], t, co.intervalDays)
  m.sched.at(meet, EV.CONSULTED, i)
  m.flags2[i] |= F2_DEADLINE_MOVED
  m.sched.at(meet + Math.max(SPEC[m.cat[i]].limitHours * MIN_PER_HOUR, m.sc.callback.waitDays * MIN_PER_DAY), EV.DEADLINE, i)
  return true
}
