// Staff load per role (ROLES order): utilisation, waits and Little's law, with each pool's Erlang C wait as the
// analytic baseline (erlang.ts).
import { Model, ROLES } from '../model/model.ts'
import { dutyMinutes, MIN_PER_HOUR } from '../engine/calendar.ts'
import { erlangCWait } from './erlang.ts'
import { r4, ratio } from './dist.ts'

export interface RoleUtilization {
  /** headcount behind the role's pools */
  people: number
  /** servers on duty at a time (fewer than people when crews rotate over a long duty calendar) */
  onDuty: number
  utilization: number
  jobs: number
  meanWaitHours: number
  erlangWaitHours: number
  unstablePools: number
  little: { L: number; lambdaW: number }
}

/** utilisation, waits and Little's law per role, with the Erlang C wait of each pool as the analytic baseline.
 * Utilisation is the busy share of the hours the role is available: for staff on a duty calendar (grid workers,
 * enforcement, departments) the service minutes of their jobs over the servers' duty minutes in the run, so a job
 * left overnight does not count as busy through the night; for the others the busy share of the clock. */
export function utilization(m: Model, endMin: number) {
  const P = m.pools
  P.close(endMin)
  const dutyMin = dutyMinutes(endMin, m.sc.startDay, m.shift)
  const out: Record<string, RoleUtilization> = {}
  ROLES.forEach((role, k) => {
    let people = 0
    let servers = 0
    let busy = 0
    let available = 0
    let area = 0
    let arrivals = 0
    let departures = 0
    let sojourn = 0
    let wait = 0
    let starts = 0
    let erlangWaitSum = 0
    let erlangN = 0
    let unstable = 0
    for (let p = 0; p < P.n; p++) {
      if (m.poolRole[p] !== k) continue
      people += m.poolPeople[p]
      servers += P.servers[p]
      busy += m.poolShift[p] ? P.workArea[p] : P.busyArea[p]
      available += P.servers[p] * (m.poolShift[p] ? dutyMin : endMin)
      area += P.area[p]
      arrivals += P.arrivals[p]
      departures += P.departures[p]
      sojourn += P.sojourn[p]
      wait += P.wait[p]
      starts += P.starts[p]
      if (P.departures[p] > 0 && P.servers[p] > 0) {
        const lambda = P.arrivals[p] / endMin
        const s = P.busyArea[p] / Math.max(1, P.starts[p])
        const wq = erlangCWait(P.servers[p], lambda, s)
        if (Number.isFinite(wq)) {
          erlangWaitSum += wq * P.arrivals[p]
          erlangN += P.arrivals[p]
        } else unstable++
      }
    }
    const W = ratio(sojourn, departures)
    out[role] = {
      people: r4(people)!,
      onDuty: servers,
      utilization: r4(ratio(busy, available))!,
      jobs: arrivals,
      meanWaitHours: r4(ratio(wait, starts) / MIN_PER_HOUR)!,
      erlangWaitHours: r4(ratio(erlangWaitSum, erlangN) / MIN_PER_HOUR)!,
      unstablePools: unstable,
      little: { L: r4(area / endMin)!, lambdaW: r4((arrivals / endMin) * W)! },
    }
  })
  return out
}
