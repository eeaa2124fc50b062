// Verification (核查), closure (结案), callback (回访) and trust (docs/domain.md § Lifecycle, steps 6–7).
import type { Model } from './model.ts'
import { SPEC, EV, ST, PHASE, F_FIXED, F_CLOSED, F_CALLBACK, F_SOLVED, F_SATISFIED, F_ONTIME, F_CALLBACK_PENDING, S, F2_CONSULTED, F2_DEADLINE_MOVED, F2_PARKED, F2_REOPENED, ROLE, CAT } from './ids.ts'
import { propertyFailed } from './owners.ts'
import { moveParticipation } from './participation.ts'
import { MIN_PER_HOUR } from '../engine/calendar.ts'
import { to } from './schedule.ts'

/** a household's trust in reporting stays within these bounds (1 at the start) */
const MIN_TRUST = 0.1
const MAX_TRUST = 1.5

/** a job is done: the grid worker verifies it (核查) where grids verify, else the issue is closed */
export function afterResolve(m: Model, i: number, t: number): void {
  const g = m.w.buildings.grid[m.bldg[i]]
  if (m.sc.gridWorkers.verify && g >= 0 && m.pools.servers[g] > 0) {
    m.onEvent?.({ kind: 'verify', t, issue: i })
    return to(m, i, t, g, ST.VERIFY)
  }
  close(m, i, t)
}

/** 结案: the case is closed, on time or not, and the resident will be called back */
export function close(m: Model, i: number, t: number): void {
  m.tClose[i] = t
  m.phase[i] = PHASE.CLOSED
  m.flags[i] |= F_CLOSED
  const lim = SPEC[m.cat[i]].limitHours * MIN_PER_HOUR
  if (t - m.tKnown[i] <= lim) m.flags[i] |= F_ONTIME
  m.onEvent?.({ kind: 'close', t, issue: i, onTime: (m.flags[i] & F_ONTIME) !== 0 })
  if (!(m.flags[i] & (F_CALLBACK | F_CALLBACK_PENDING))) {
    m.flags[i] |= F_CALLBACK_PENDING
    m.sched.at(t + m.sc.callback.delayHours * MIN_PER_HOUR, EV.CALLBACK, i)
  }
}

/** the time limit is up: an unfound issue costs trust; an open one is called back now (回访) */
export function deadline(m: Model, i: number, t: number = m.sched.now): void {
  // an issue nobody found: the problem was ignored, and the household trusts reporting less (docs/domain.md § Lifecycle, step 2)
  // a reopened parked case has had its callback; its old deadline is past
  if (m.flags2[i] & F2_REOPENED) return
  // the deadline set before a consultation: the one after the meeting counts
  if (m.flags2[i] & F2_DEADLINE_MOVED) {
    m.flags2[i] &= ~F2_DEADLINE_MOVED
    return
  }
  if (m.phase[i] === PHASE.LATENT) {
    const h = m.hh[i]
    m.trust[h] = Math.max(MIN_TRUST, m.trust[h] - m.sc.residents.latentTrustLoss)
    m.onEvent?.({ kind: 'trust', t, issue: i, household: h, trust: m.trust[h] })
    return
  }
  m.onEvent?.({ kind: 'deadline', t, issue: i })
  if (!(m.flags[i] & (F_CALLBACK | F_CALLBACK_PENDING))) callback(m, i, t)
}

/** 回访: the hotline asks whether it was solved and whether the resident is satisfied; trust follows the answer */
export function callback(m: Model, i: number, t: number = m.sched.now): void {
  const f = m.flags[i]
  m.flags[i] = (f & ~F_CALLBACK_PENDING) | F_CALLBACK
  const solved = (f & F_CLOSED) !== 0 && (f & F_FIXED) !== 0
  const cb = m.sc.callback
  let pSat: number
  // a parked case (挂账) is always explained to the resident
  const explained = !solved && ((m.flags2[i] & F2_PARKED) !== 0 || m.u(i, S.EXPLAIN) < m.sc.hotline.rankingPressure)
  if (solved) pSat = f & F_ONTIME ? cb.satSolvedOnTime : cb.satSolvedLate
  else pSat = explained ? cb.satUnsolvedExplained : cb.satUnsolved
  // residents who agreed the solution in a consultation are more often satisfied with it
  if (m.flags2[i] & F2_CONSULTED) pSat += m.sc.consultation.satGain * (1 - pSat)
  const sat = m.u(i, S.SAT) < pSat
  if (solved) m.flags[i] |= F_SOLVED
  if (sat) m.flags[i] |= F_SATISFIED
  m.onEvent?.({ kind: 'callback', t, issue: i, solved, satisfied: sat })
  const cm = m.w.buildings.community[m.bldg[i]]
  // participation: a good experience draws the household in, an unsolved issue nobody explained pushes it away
  if (sat) moveParticipation(m.participation, m.hh[i], cm, m.sc.participation.gainGood)
  else if (!solved && !explained) moveParticipation(m.participation, m.hh[i], cm, -m.sc.participation.lossIgnored)
  if (!solved && m.cat[i] === CAT.property && m.level[i] === ROLE.PROPERTY) propertyFailed(m.owners, m.sc, m.w.buildings.compound[m.bldg[i]], t)
  if (m.sc.residents.trust) {
    const h = m.hh[i]
    const r = m.sc.residents
    m.trust[h] = sat ? Math.min(MAX_TRUST, m.trust[h] + r.trustGain) : Math.max(MIN_TRUST, m.trust[h] - r.trustLoss)
    m.onEvent?.({ kind: 'trust', t, issue: i, household: h, trust: m.trust[h] })
  }
}
