// Discovery (docs/domain.md § Lifecycle, step 2): the earliest of a resident report, a grid-worker patrol (on shift), a home
// visit or a volunteer pass; issues nobody finds within LATENT_DAYS stay latent.
import type { Model } from './model.ts'
import { LATENT_DAYS, SPEC, EV, CH, CAT, S, RESIDENT_CHANNELS, type Channel } from './ids.ts'
import { addWorkingMinutes, MIN_PER_DAY, MIN_PER_HOUR, MIN_PER_WEEK, shiftMinPerWeek } from '../engine/calendar.ts'
import { hasCommittee } from './owners.ts'
import { moveParticipation, reportFactor } from './participation.ts'
import { visitFactor } from './needs.ts'

/** residents report urgent categories (heating, safety) this much sooner than the usual delay (assumption) */
const URGENT_REPORT_DELAY_FACTOR = 0.05
const MAX_REPORT_PROBABILITY = 0.98

/** the issue arises: when and how it will become known (the earliest of the ways it can be found), or never */
export function arise(m: Model, i: number, t: number = m.sched.now): void {
  const c = m.cat[i]
  const spec = SPEC[c]
  const b = m.bldg[i]
  const g = m.w.buildings.grid[b]
  const cm = m.w.buildings.community[b]
  const res = m.sc.residents
  const trust = res.trust ? m.trust[m.hh[i]] : 1
  const pRep = Math.min(MAX_REPORT_PROBABILITY, res.reportProbability * spec.reportFactor * trust * reportFactor(m.participation, m.sc, m.hh[i]))
  let best = Infinity
  let ch: Channel = CH.RC
  if (m.u(i, S.REPORT) < pRep) {
    best = t + m.exp(i, S.REPORT_DELAY, res.reportDelayHours * MIN_PER_HOUR * (c === CAT.heating || c === CAT.safety ? URGENT_REPORT_DELAY_FACTOR : 1))
    const uc = m.u(i, S.CHANNEL)
    // the resident's first contact, by the survey's shares (channelCum over rc … owners)
    let k = 0
    while (k < RESIDENT_CHANNELS - 1 && m.channelCum[k + 1] <= uc) k++
    ch = k as Channel
    // a compound without a property company or owners' committee: those residents go to the RC instead
    const cp = m.w.buildings.compound[b]
    if ((ch === CH.PROPERTY && (cp < 0 || m.compoundPool[cp] < 0)) || (ch === CH.OWNERS && !hasCommittee(m.owners, cp, t))) ch = CH.RC
  }
  // visible issues (public space) can be seen by a patrol; indoor ones only on a home visit
  const visible = m.u(i, S.VISIBLE) < spec.patrolDetect
  const indoor = m.u(i, S.INDOOR) < spec.visitDetect
  if (visible && g >= 0 && m.patrolRate[g] > 0) {
    // patrols happen on duty: the exponential delay (clock minutes at the week-average patrol rate) is laid onto
    // the shift calendar, so the mean delay is kept and the issue is found during a shift
    const tp = addWorkingMinutes(t, m.exp(i, S.PATROL, 1 / m.patrolRate[g]) * (shiftMinPerWeek(m.shift) / MIN_PER_WEEK), m.sc.startDay, m.shift)
    if (tp < best) {
      best = tp
      ch = CH.PATROL
    }
  }
  if (cm >= 0) {
    if (indoor && m.visitRate[cm] > 0) {
      // the people's-conditions map (民情图) sends visits to high-need households first when it is used
      const tv = t + m.exp(i, S.VISIT, 1 / (m.sc.needs.priorityShare > 0 ? m.visitRate[cm] * visitFactor(m.needs, cm, m.hh[i]) : m.visitRate[cm]))
      if (tv < best) {
        best = tv
        ch = CH.VISIT
      }
    }
    if (visible && m.volunteerRate[cm] > 0) {
      const tv = t + m.exp(i, S.VOLUNTEER, 1 / m.volunteerRate[cm])
      if (tv < best) {
        best = tv
        ch = CH.VOLUNTEER
      }
    }
    // alley stewards and street chiefs see visible issues at buildings on their roads
    if (visible && m.stewards.rate[cm] > 0 && m.stewards.onRoad[b]) {
      const ts = t + m.exp(i, S.STEWARD, 1 / m.stewards.rate[cm])
      if (ts < best) {
        best = ts
        ch = CH.STEWARD
      }
    }
  }
  m.onEvent?.({ kind: 'arise', t, issue: i, category: c, building: b, household: m.hh[i] })
  if (best - t > LATENT_DAYS * MIN_PER_DAY) {
    // an ignored issue: the household takes part less (book ch. 8.2.3)
    moveParticipation(m.participation, m.hh[i], cm, -m.sc.participation.lossIgnored)
    // nobody will find it: once it has been left LATENT_DAYS the household counts it as ignored (closing.ts deadline)
    if (m.sc.residents.trust && m.sc.residents.latentTrustLoss > 0) m.sched.at(t + LATENT_DAYS * MIN_PER_DAY, EV.DEADLINE, i)
    return
  }
  m.channel[i] = ch
  m.sched.at(best, EV.KNOWN, i)
}
