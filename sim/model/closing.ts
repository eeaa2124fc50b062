// Verification (核查), closure (结案), callback (回访) and trust (docs/domain.md § Lifecycle, steps 6–7).
import type { Model } from './model.ts'
import { SPEC, EV, ST, PHASE, F_FIXED, F_CLOSED, F_CALLBACK, F_SOLVED, F_SATISFIED, F_ONTIME, F_CALLBACK_PENDING, S } from './ids.ts'
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
export function deadline(m: Model, i: number, t: number): void {
  // an issue nobody found: the problem was ignored, and the household trusts reporting less (docs/domain.md § Lifecycle, step 2)
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
export function callback(m: Model, i: number, t: number): void {
  const f = m.flags[i]
  m.flags[i] = (f & ~F_CALLBACK_PENDING) | F_CALLBACK
  const solved = (f & F_CLOSED) !== 0 && (f & F_FIXED) !== 0
  const cb = m.sc.callback
  let pSat: number
  if (solved) pSat = f & F_ONTIME ? cb.satSolvedOnTime : cb.satSolvedLate
  else pSat = m.u(i, S.EXPLAIN) < m.sc.hotline.rankingPressure ? cb.satUnsolvedExplained : cb.satUnsolved
  const sat = m.u(i, S.SAT) < pSat
  if (solved) m.flags[i] |= F_SOLVED
  if (sat) m.flags[i] |= F_SATISFIED
  m.onEvent?.({ kind: 'callback', t, issue: i, solved, satisfied: sat })
  if (m.sc.residents.trust) {
    const h = m.hh[i]
    const r = m.sc.residents
    m.trust[h] = sat ? Math.min(MAX_TRUST, m.trust[h] + r.trustGain) : Math.max(MIN_TRUST, m.trust[h] - r.trustLoss)
    m.onEvent?.({ kind: 'trust', t, issue: i, household: h, trust: m.trust[h] })
  }
}
