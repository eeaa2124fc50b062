// Day-by-day series of a run (arrivals, discovery, closure, callbacks, backlog) for the charts.
import { CH, Model, PHASE, PROACTIVE_FROM } from '../model/model.ts'
import { MIN_PER_DAY } from '../engine/calendar.ts'
import { responseLimits } from './rates.ts'

const F = Model.FLAGS

export function daily(m: Model, days: number) {
  const zeros = () => new Array<number>(days).fill(0)
  const arisen = zeros()
  const known = zeros()
  const responded = zeros()
  const proactive = zeros()
  const hotline = zeros()
  const whistles = zeros()
  const closed = zeros()
  const solved = zeros()
  const callbacks = zeros()
  const callbacksSolved = zeros()
  const callbacksSatisfied = zeros()
  const limits = responseLimits()
  const bin = (t: number) => Math.floor(t / MIN_PER_DAY)
  for (let i = 0; i < m.n; i++) {
    const a = bin(m.tArise[i])
    if (a < days) arisen[a]++
    if (m.phase[i] === PHASE.LATENT) continue
    const k = bin(m.tKnown[i])
    const f = m.flags[i]
    if (k < days) {
      known[k]++
      if (m.tResp[i] - m.tKnown[i] <= limits[m.cat[i]]) responded[k]++
      if (m.channel[i] >= PROACTIVE_FROM) proactive[k]++
      if (m.channel[i] === CH.HOTLINE) hotline[k]++
      if (f & F.WHISTLED) whistles[k]++
    }
    if (m.phase[i] === PHASE.CLOSED) {
      const c = bin(m.tClose[i])
      if (c < days) {
        closed[c]++
        if (f & F.FIXED) solved[c]++
        if (f & F.CALLBACK) {
          callbacks[c]++
          if (f & F.SOLVED) callbacksSolved[c]++
          if (f & F.SATISFIED) callbacksSatisfied[c]++
        }
      }
    }
  }
  const backlog: number[] = []
  let b = 0
  for (let d = 0; d < days; d++) {
    b += known[d] - closed[d]
    backlog.push(b)
  }
  return { arisen, known, responded, proactive, hotline, whistles, closed, solved, callbacks, callbacksSolved, callbacksSatisfied, backlog }
}
