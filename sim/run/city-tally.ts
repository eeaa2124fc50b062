// What a district run hands back for a city run: raw tallies (counts and a histogram of hours to close), per street
// and for the district as a whole, never rates or percentiles. Tallies add: a district's streets sum to the
// district, the districts to the city, and every rate and percentile of a merged result is computed once, from the
// merged tallies. That is what makes a city result exact and the same for any number of workers.
import { IS_PUBLIC_SPACE } from '../model/categories.ts'
import { CH, Model, PHASE, PROACTIVE_FROM } from '../model/model.ts'
import { responseLimits } from '../metrics/rates.ts'

/** the counts a tally keeps, in this order (the column index of each is its position) */
export const TALLY_COUNTS = [
  'arisen',
  'known',
  'closed',
  'open',
  'latent',
  'hotline',
  'proactive',
  'responded',
  'callbacks',
  'solved',
  'satisfied',
  'onTime',
  'whistled',
  'publicArisen',
  'publicKnown',
  'households',
  'residents',
] as const
export type TallyCount = (typeof TALLY_COUNTS)[number]
const IX = Object.fromEntries(TALLY_COUNTS.map((k, i) => [k, i])) as Record<TallyCount, number>

/** upper edges (minutes) of the hours-to-close histogram: one-minute bins for the first hour, then each bin 2 %
 *  wider than the last (a percentile read from it is at most a minute, or 2 %, above the exact one) up to ten years; the last bin is
 *  open-ended. Built by repeated multiplication, so every engine gets the same edges. */
export const CLOSE_EDGES_MIN: Float64Array = (() => {
  const e: number[] = []
  for (let m = 1; m <= 60; m++) e.push(m)
  let x = 60
  while (x < 3650 * 1440) {
    x *= 1.02
    e.push(x)
  }
  return Float64Array.from(e)
})()
/** bins of the histogram: one per edge and the open-ended last */
export const CLOSE_BINS = CLOSE_EDGES_MIN.length + 1

/** the bin of a value in minutes: the first edge at or above it */
export function closeBin(minutes: number): number {
  let lo = 0
  let hi = CLOSE_EDGES_MIN.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (CLOSE_EDGES_MIN[mid] >= minutes) hi = mid
    else lo = mid + 1
  }
  return lo
}

export interface Tally {
  /** TALLY_COUNTS, in order */
  counts: number[]
  /** effective grid workers (fractional: part-timers count partly) */
  gridWorkers: number
  /** sum of hours to close over closed issues */
  closeHours: number
  /** closed issues per CLOSE_EDGES_MIN bin: a typed array, so a worker's message of 343 streets' histograms is
   *  copied as memory rather than rebuilt property by property on the page's main thread */
  closeHist: Float64Array
}

export function emptyTally(): Tally {
  return { counts: new Array(TALLY_COUNTS.length).fill(0), gridWorkers: 0, closeHours: 0, closeHist: new Float64Array(CLOSE_BINS) }
}

export const countOf = (t: Tally, k: TallyCount): number => t.counts[IX[k]]

/** adds `b` into `a`. Callers add in a fixed order (districts in plan order), so float sums do not depend on which
 *  worker finished first */
export function addTally(a: Tally, b: Tally): Tally {
  for (let k = 0; k < a.counts.length; k++) a.counts[k] += b.counts[k]
  a.gridWorkers += b.gridWorkers
  a.closeHours += b.closeHours
  for (let k = 0; k < CLOSE_BINS; k++) a.closeHist[k] += b.closeHist[k]
  return a
}

/** the value (hours) at quantile p of a histogram: the upper edge of the bin holding the issue of rank ⌊p·n⌋, the
 *  rank the exact distribution in report.ts reads */
export function histQuantile(hist: ArrayLike<number>, n: number, p: number): number | null {
  if (n <= 0) return null
  const rank = Math.min(n - 1, Math.floor(p * n))
  let seen = 0
  for (let b = 0; b < hist.length; b++) {
    seen += hist[b]
    if (seen > rank) return b < CLOSE_EDGES_MIN.length ? CLOSE_EDGES_MIN[b] / 60 : Infinity
  }
  return null
}

export interface DistrictTally {
  total: Tally
  /** per street of the district's world, aligned with its street ids */
  streets: Tally[]
  bounces: number
  reworks: number
  events: number
}

/** tallies of a finished (or cancelled) run, read from the model's final state */
export function tallyModel(m: Model): DistrictTally {
  const w = m.w
  const NS = w.streets.n
  const total = emptyTally()
  const streets = Array.from({ length: NS }, emptyTally)
  const limits = responseLimits()
  const F = Model.FLAGS
  const bump = (s: number, k: number) => {
    total.counts[k]++
    if (s >= 0) streets[s].counts[k]++
  }
  for (let i = 0; i < m.n; i++) {
    const s = w.buildings.street[m.bldg[i]]
    const pub = IS_PUBLIC_SPACE[m.cat[i]]
    bump(s, IX.arisen)
    if (pub) bump(s, IX.publicArisen)
    if (m.phase[i] === PHASE.LATENT) {
      bump(s, IX.latent)
      continue
    }
    bump(s, IX.known)
    if (pub) bump(s, IX.publicKnown)
    if (m.channel[i] === CH.HOTLINE) bump(s, IX.hotline)
    if (m.channel[i] >= PROACTIVE_FROM) bump(s, IX.proactive)
    if (m.tResp[i] - m.tKnown[i] <= limits[m.cat[i]]) bump(s, IX.responded)
    const f = m.flags[i]
    if (f & F.WHISTLED) bump(s, IX.whistled)
    if (f & F.CALLBACK) {
      bump(s, IX.callbacks)
      if (f & F.SOLVED) bump(s, IX.solved)
      if (f & F.SATISFIED) bump(s, IX.satisfied)
      if (f & F.ONTIME) bump(s, IX.onTime)
    }
    if (m.phase[i] === PHASE.CLOSED) {
      bump(s, IX.closed)
      const minutes = m.tClose[i] - m.tKnown[i]
      const bin = closeBin(minutes)
      total.closeHours += minutes / 60
      total.closeHist[bin]++
      if (s >= 0) {
        streets[s].closeHours += minutes / 60
        streets[s].closeHist[bin]++
      }
    } else bump(s, IX.open)
  }
  for (let b = 0; b < w.buildings.n; b++) {
    const s = w.buildings.street[b]
    total.counts[IX.households] += w.buildings.households[b]
    total.counts[IX.residents] += w.buildings.residents[b]
    if (s >= 0) {
      streets[s].counts[IX.households] += w.buildings.households[b]
      streets[s].counts[IX.residents] += w.buildings.residents[b]
    }
  }
  for (let g = 0; g < w.grids.n; g++) {
    total.gridWorkers += m.gridWorkers[g]
    const c = w.grids.community[g]
    const s = c >= 0 ? w.communities.street[c] : -1
    if (s >= 0) streets[s].gridWorkers += m.gridWorkers[g]
  }
  return { total, streets, bounces: m.bounceCount, reworks: m.reworkCount, events: m.sched.processed }
}
