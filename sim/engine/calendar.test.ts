// The calendar: intraday and seasonal profiles, and shift work laid onto the duty calendar.
import { describe, expect, it } from 'vitest'
import { addWorkingMinutes, dayOfYear, dutyShift, heatingFactor, HOURLY_WEIGHTS, inHeatingSeason, isWorkingMinute, minuteOfDay, OFFICE_SHIFT } from './calendar.ts'

describe('calendar', () => {
  it('has intraday peaks at 09–11 h and 14–16 h and a heating season mid-Nov → mid-Mar', () => {
    const top = HOURLY_WEIGHTS.map((w, h) => [w, h]).sort((a, b) => b[0] - a[0]).slice(0, 4).map((x) => x[1]).sort((a, b) => a - b)
    expect(top).toEqual([9, 10, 14, 15])
    expect(minuteOfDay(0)).toBeGreaterThanOrEqual(0)
    expect(minuteOfDay(0.999999)).toBeLessThan(1440)
    expect(inHeatingSeason(dayOfYear(0, 0))).toBe(true)
    expect(inHeatingSeason(180)).toBe(false)
    expect(heatingFactor(318)).toBeGreaterThan(heatingFactor(360))
  })

  it('places a uniform draw in the hour its cumulative weight falls in, the first such hour at a boundary', () => {
    // the reference: the hour found by walking the cumulative weights from midnight
    const cdf = [0]
    for (let h = 0; h < 24; h++) cdf.push(cdf[h] + HOURLY_WEIGHTS[h] / 24)
    cdf[24] = 1
    const walk = (u: number) => {
      let h = 0
      while (h < 23 && cdf[h + 1] <= u) h++
      return (h + Math.min(0.999999, Math.max(0, (u - cdf[h]) / (cdf[h + 1] - cdf[h])))) * 60
    }
    const us = [...cdf.slice(0, 24), ...cdf.slice(1, 24).map((c) => c - 1e-12), ...Array.from({ length: 2000 }, (_, k) => k / 2000)]
    for (const u of us) expect(minuteOfDay(u)).toBe(walk(u))
  })

  it('lays shift work onto 08:30–17:30 weekdays (day 0 of 2019 is a Tuesday)', () => {
    expect(addWorkingMinutes(600, 45, 0)).toBe(645) // 10:00 + 45 min
    expect(addWorkingMinutes(60, 30, 0)).toBe(540) // 01:00: waits for the 08:30 shift
    expect(addWorkingMinutes(1000, 100, 0)).toBe(1440 + 510 + 50) // 50 min today, the rest tomorrow morning
    expect(addWorkingMinutes(3 * 1440 + 1000, 100, 0)).toBe(6 * 1440 + 510 + 50) // Friday evening → Monday
    // a 12-hour day every day: 07:00–19:00, weekends included; round the clock has no gaps
    const long = dutyShift(12, 7)
    expect([long.start, long.end]).toEqual([420, 1140])
    expect(addWorkingMinutes(1100, 100, 0, long)).toBe(1440 + 420 + 60)
    expect(addWorkingMinutes(3 * 1440 + 1100, 100, 0, long)).toBe(4 * 1440 + 420 + 60) // Friday evening → Saturday
    expect(addWorkingMinutes(5000, 300, 0, dutyShift(24, 7))).toBe(5300)
    expect(dutyShift(9, 5)).toEqual(OFFICE_SHIFT)
    expect(isWorkingMinute(600, 0)).toBe(true)
    expect(isWorkingMinute(4 * 1440 + 600, 0)).toBe(false) // Saturday
  })
})
