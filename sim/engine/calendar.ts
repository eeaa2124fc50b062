// Calendar profiles. The clock counts minutes from 00:00 on day 0 of the run; `startDay` (0 = 1 January) places
// day 0 in the year. Intraday peaks 09–11 h and 14–16 h (Beijing 12345, 2019: docs/domain.md § Figures), quieter weekends (assumption),
// heating season 15 November → 15 March (docs/domain.md § Categories).
import { expo } from './det-math.ts'

export const MIN_PER_HOUR = 60
export const MIN_PER_DAY = 1440
export const MIN_PER_WEEK = 7 * MIN_PER_DAY

/** relative arrival weight per hour of day (sums to 24 × mean 1) */
export const HOURLY_WEIGHTS: readonly number[] = (() => {
  const w = [0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 0.9, 1.3, 1.9, 1.9, 1.5, 1.0, 1.2, 1.8, 1.8, 1.5, 1.3, 1.1, 1.0, 0.8, 0.6, 0.4, 0.25]
  const s = w.reduce((a, b) => a + b, 0)
  return w.map((x) => (x * 24) / s)
})()

/** cumulative distribution of HOURLY_WEIGHTS for inverse-transform sampling of a time of day */
const HOURLY_CDF: Float64Array = (() => {
  const c = new Float64Array(25)
  for (let h = 0; h < 24; h++) c[h + 1] = c[h] + HOURLY_WEIGHTS[h] / 24
  c[24] = 1
  return c
})()

/** minute of day for a uniform u in [0,1): piecewise-uniform inside the hour */
export function minuteOfDay(u: number): number {
  // the hour: the first h with HOURLY_CDF[h + 1] > u, 23 at most (a binary search: 5 steps, not ≈12, for each issue)
  let h = 0
  let hi = 23
  while (h < hi) {
    const mid = (h + hi) >> 1
    if (HOURLY_CDF[mid + 1] <= u) h = mid + 1
    else hi = mid
  }
  const within = (u - HOURLY_CDF[h]) / (HOURLY_CDF[h + 1] - HOURLY_CDF[h])
  return (h + Math.min(0.999999, Math.max(0, within))) * MIN_PER_HOUR
}

/** weekday factor (0 = Monday … 6 = Sunday); the mean over a week is 1 */
export const WEEKDAY_FACTOR: readonly number[] = [1.08, 1.06, 1.04, 1.04, 1.03, 0.88, 0.87]

export const dayOfYear = (day: number, startDay: number): number => (((day + startDay) % 365) + 365) % 365
/** 1 January 2019 was a Tuesday: weekday index of a day of the year (assumption: every year like 2019) */
export const weekday = (doy: number): number => (doy + 1) % 7
/** weekday of simulated day `day`: counted from the start, so weeks run on across the new year (a 365-day year
 * would otherwise repeat a weekday every 31 Dec → 1 Jan) */
export const weekdayOfDay = (day: number, startDay: number): number => (((day + startDay + 1) % 7) + 7) % 7

/** heating season 15 Nov (day 318) → 15 Mar (day 73) */
export const inHeatingSeason = (doy: number): boolean => doy >= 318 || doy <= 73
/** the first official heating days are the peak (Beijing 2020: 1,600 heating tickets a day falling to 413; docs/domain.md § Categories) */
export const heatingFactor = (doy: number): number => {
  if (!inHeatingSeason(doy)) return 0.15
  const since = doy >= 318 ? doy - 318 : doy + 365 - 318
  return 1 + 2.5 * expo(-since / 6)
}

/** a duty calendar: on duty from `start` to `end` (minutes of the day) on the first `days` days of the week
 * (0 = Monday); `days` 5 is Monday–Friday, 7 every day */
export interface Shift {
  start: number
  end: number
  days: number
}

/** duty shift 08:30–17:30 on weekdays (9 h × 5 = 45 h a week; assumption: weekends are off duty) */
export const SHIFT_START = 510
export const SHIFT_END = 1050
export const OFFICE_SHIFT: Shift = { start: SHIFT_START, end: SHIFT_END, days: 5 }
export const SHIFT_MIN_PER_WEEK = 5 * (SHIFT_END - SHIFT_START)

/** a duty day of `hours` centred on 13:00 (9 h → 08:30–17:30, 12 h → 07:00–19:00, 24 h → round the clock) */
export function dutyShift(hours: number, days: number): Shift {
  const len = Math.round(Math.min(24, Math.max(1, hours)) * 60)
  const start = Math.max(0, Math.min(MIN_PER_DAY - len, 780 - len / 2))
  return { start, end: start + len, days: Math.min(7, Math.max(1, Math.round(days))) }
}

export const shiftMinPerWeek = (s: Shift): number => s.days * (s.end - s.start)

/** true when minute t falls inside a duty shift */
export function isWorkingMinute(t: number, startDay: number, shift: Shift = OFFICE_SHIFT): boolean {
  const day = Math.floor(t / MIN_PER_DAY)
  const m = t - day * MIN_PER_DAY
  const wd = weekdayOfDay(day, startDay)
  return wd < shift.days && m >= shift.start && m < shift.end
}

/** the clock time at which `work` minutes of shift time have passed from t (work started off shift waits for the
 * next shift; work that does not fit in a shift resumes in the next one) */
/** duty minutes of one person on `shift` between minute 0 and `end` */
export function dutyMinutes(end: number, startDay: number, shift: Shift = OFFICE_SHIFT): number {
  let total = 0
  for (let day = 0; day * MIN_PER_DAY < end; day++) {
    if (weekdayOfDay(day, startDay) >= shift.days) continue
    const from = day * MIN_PER_DAY + shift.start
    total += Math.max(0, Math.min(end, day * MIN_PER_DAY + shift.end) - from)
  }
  return total
}

export function addWorkingMinutes(t: number, work: number, startDay: number, shift: Shift = OFFICE_SHIFT): number {
  let day = Math.floor(t / MIN_PER_DAY)
  let m = t - day * MIN_PER_DAY
  let left = work
  // a round-the-clock calendar every day has no gaps
  if (shift.days >= 7 && shift.start === 0 && shift.end === MIN_PER_DAY) return t + work
  for (;;) {
    if (weekdayOfDay(day, startDay) < shift.days) {
      const s = Math.max(m, shift.start)
      if (s < shift.end) {
        const avail = shift.end - s
        if (left <= avail) return day * MIN_PER_DAY + s + left
        left -= avail
      }
    }
    day++
    m = 0
  }
}
