// Resident participation (book ch. 8.2.3, table 8-2): each household's community activities a year, started from the
// survey's answers, rising with good experiences and consultation, falling with ignored issues; with
// participation.feedback > 0 it moves the household's reporting and its community's volunteer hours.
import type { CompiledWorld } from '../world/compile.ts'
import type { Scenario } from '../scenario/schema.ts'
import { hash32, UINT32_RANGE } from '../engine/rng.ts'
import { PARTICIPATION_SALT } from './ids.ts'

/** table 8-2 (n = 667): never, 1–2, 3–4, 5–6, more than 6, 12 or more a year; each band as [from, to) activities */
export const SURVEY_BANDS = [
  { key: 'never', share: 0.3523, from: 0, to: 0 },
  { key: '1-2', share: 0.2534, from: 1, to: 3 },
  { key: '3-4', share: 0.1589, from: 3, to: 5 },
  { key: '5-6', share: 0.0705, from: 5, to: 7 },
  { key: '7-11', share: 0.063, from: 7, to: 12 },
  { key: '12+', share: 0.1019, from: 12, to: 24 },
] as const
/** activities a year a household can reach */
export const MAX_ACTIVITIES = 24
/** the reporting and volunteer multipliers stay within these bounds */
const MIN_FACTOR = 0
const MAX_FACTOR = 3

export interface Participation {
  /** per household: activities a year */
  level: Float32Array
  /** per community: initial mean and the running sum over its households */
  mean0: Float64Array
  sum: Float64Array
  hh: Float64Array
  /** the initial mean over all households */
  overall0: number
}

/** a household's activities drawn from the survey's bands (the same in every run and scenario) */
export function initParticipation(w: CompiledWorld, hhStart: Int32Array): Participation {
  const H = hhStart[w.buildings.n]
  const level = new Float32Array(H)
  const C = w.communities.n
  const sum = new Float64Array(C)
  const hh = new Float64Array(C)
  let total = 0
  for (let b = 0; b < w.buildings.n; b++) {
    const c = w.buildings.community[b]
    for (let h = hhStart[b]; h < hhStart[b + 1]; h++) {
      const u = (hash32(h, PARTICIPATION_SALT, 0) + 0.5) / UINT32_RANGE
      const v = (hash32(h, PARTICIPATION_SALT, 1) + 0.5) / UINT32_RANGE
      let acc = 0
      let band: (typeof SURVEY_BANDS)[number] = SURVEY_BANDS[SURVEY_BANDS.length - 1]
      for (const s of SURVEY_BANDS) {
        acc += s.share
        if (u < acc) {
          band = s
          break
        }
      }
      level[h] = band.from + v * (band.to - band.from)
      total += level[h]
      if (c >= 0) {
        sum[c] += level[h]
        hh[c]++
      }
    }
  }
  const mean0 = Float64Array.from(sum, (s, c) => (hh[c] > 0 ? s / hh[c] : 0))
  return { level, mean0, sum, hh, overall0: H > 0 ? total / H : 0 }
}

/** a household's participation moves by `delta` activities a year (within 0 … MAX_ACTIVITIES) */
export function moveParticipation(p: Participation, h: number, c: number, delta: number): void {
  if (delta === 0) return
  const before = p.level[h]
  const after = Math.min(MAX_ACTIVITIES, Math.max(0, before + delta))
  p.level[h] = after
  if (c >= 0) p.sum[c] += after - before
}

const clampFactor = (x: number) => Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, x))

/** multiplier on a household's reporting: 1 unless participation.feedback is set */
export function reportFactor(p: Participation, sc: Scenario, h: number): number {
  const fb = sc.participation.feedback
  if (fb === 0 || p.overall0 <= 0) return 1
  return clampFactor(1 + fb * (p.level[h] / p.overall0 - 1))
}

/** multiplier on a community's volunteer hours: 1 unless participation.feedback is set */
export function volunteerFactor(p: Participation, sc: Scenario, c: number): number {
  const fb = sc.participation.feedback
  if (fb === 0 || p.mean0[c] <= 0 || p.hh[c] === 0) return 1
  return clampFactor(1 + fb * (p.sum[c] / p.hh[c] / p.mean0[c] - 1))
}

/** the share of households in each survey band, beside the survey's own */
export function participationReport(p: Participation) {
  const counts = new Float64Array(SURVEY_BANDS.length)
  let total = 0
  for (let h = 0; h < p.level.length; h++) {
    const x = p.level[h]
    let k = 0
    // 'never' is below one activity a year
    if (x >= 1) {
      k = SURVEY_BANDS.length - 1
      while (k > 1 && x < SURVEY_BANDS[k].from) k--
    }
    counts[k]++
    total += x
  }
  const n = p.level.length
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4
  return {
    mean: n ? r4(total / n) : 0,
    meanStart: r4(p.overall0),
    distribution: Object.fromEntries(SURVEY_BANDS.map((s, k) => [s.key, n ? r4(counts[k] / n) : 0])),
    survey: Object.fromEntries(SURVEY_BANDS.map((s) => [s.key, s.share])),
  }
}
