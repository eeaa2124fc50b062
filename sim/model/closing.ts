// Verification, closure, callback and trust (docs/domain.md § Lifecycle, steps 6–7).
import type { Model } from './model.ts'
import { SPEC, EV, ST, PHASE, F_FIXED, F_CLOSED, F_CALLBACK, F_SOLVED, F_SATISFIED, F_ONTIME, F_CALLBACK_PENDING, S } from './ids.ts'
import { to } from './dispatch.ts'

export function afterResolve(m: Model, i: number, t: number): void {
  const g = m.w.buildings.grid[m.bldg[i]]
  if (m.sc.gridWorkers.verify && g >= 0 && m.pools.servers[g] > 0) return to(m, i, t, g, ST.VERIFY)
  close(m, i, t)
}

export function close(m: Model, i: number, t: number): void {
  m.tClose[i] = t
  m.phase[i] = PHASE.CLOSED
  m.flags[i] |= F_CLOSED
  const lim = SPEC[m.cat[i]].limitHours * 60
  if (t - m.tKnown[i] <= lim) m.flags[i] |= F_ONTIME
  if (!(m.flags[i] & (F_CALLBACK | F_CALLBACK_PENDING))) {
    m.flags[i] |= F_CALLBACK_PENDING
    m.sched.at(t + m.sc.callback.delayHours * 60, EV.CALLBACK, i)
  }
}

export function deadline(m: Model, i: number, t: number): void {
  // an issue nobody found: the problem was ignored, and the household trusts reporting less (docs/domain.md § Lifecycle, step 2)
  if (m.phase[i] === PHASE.LATENT) {
    const h = m.hh[i]
    m.trust[h] = Math.max(0.1, m.trust[h] - m.sc.residents.latentTrustLoss)
    return
  }
  m.onEvent?.({ kind: 'deadline', t, issue: i })
  if (!(m.flags[i] & (F_CALLBACK | F_CALLBACK_PENDING))) callback(m, i, t)
}

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
    m.trust[h] = sat ? Math.min(1.5, m.trust[h] + r.trustGain) : Math.max(0.1, m.trust[h] - r.trustLoss)
  }
}
