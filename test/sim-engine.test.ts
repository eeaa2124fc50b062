// Engine: the event heap's total order, and the queue component against queueing theory (Erlang C, Little).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng, erlangC, erlangCWait, EventHeap, Pools, Scheduler } from '../sim/api.ts'
import { EventQueue } from '../sim/engine/event-queue.ts'
import { addWorkingMinutes, dayOfYear, dutyShift, heatingFactor, HOURLY_WEIGHTS, inHeatingSeason, isWorkingMinute, minuteOfDay, OFFICE_SHIFT } from '../sim/engine/calendar.ts'

describe('event heap', () => {
  it('pops in (time, priority, insertion) order, whatever the pushes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })), { maxLength: 300 }), (xs) => {
        const h = new EventHeap(4)
        xs.forEach(([t, p], k) => h.push(t, p, 0, k))
        const expected = xs.map(([t, p], k) => ({ t, p, k })).sort((a, b) => a.t - b.t || a.p - b.p || a.k - b.k)
        const ev = { time: 0, kind: 0, arg: 0 }
        const got: number[] = []
        while (h.pop(ev)) got.push(ev.arg)
        expect(got).toEqual(expected.map((e) => e.k))
      }),
      { numRuns: 200 },
    )
  })
})

describe('event queue (time buckets in front of the heap)', () => {
  it('pops in exactly the heap\'s order, with events scheduled while popping, for any bucket width', () => {
    // each op: pop one event, then schedule `k` new ones at now + dt (dt may be 0, far ahead or, clamped, in the past)
    const op = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.tuple(fc.double({ min: -5, max: 400, noNaN: true }), fc.integer({ min: 0, max: 2 })), { maxLength: 3 }))
    fc.assert(
      fc.property(fc.constantFrom(0.5, 7, 60, 1440), fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 2 })), { maxLength: 50 }), fc.array(op, { maxLength: 200 }), (width, init, ops) => {
        const q = new EventQueue(width, 2)
        const h = new EventHeap(2)
        let id = 0
        const both = (t: number, p: number) => {
          q.push(t, p, id % 7, id)
          h.push(t, p, id % 7, id)
          id++
        }
        for (const [t, p] of init) both(t, p)
        const a = { time: 0, kind: 0, arg: 0 }
        const b = { time: 0, kind: 0, arg: 0 }
        for (const [, adds] of ops) {
          expect(q.size).toBe(h.size)
          expect(q.peekTime()).toBe(h.peekTime())
          const got = q.pop(a)
          expect(got).toBe(h.pop(b))
          if (!got) break
          expect([a.time, a.kind, a.arg]).toEqual([b.time, b.kind, b.arg])
          for (const [dt, p] of adds) both(Math.max(a.time, a.time + dt), p)
        }
        while (h.pop(b)) {
          expect(q.pop(a)).toBe(true)
          expect([a.time, a.arg]).toEqual([b.time, b.arg])
        }
        expect(q.pop(a)).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('refuses a NaN time and keeps Infinity last', () => {
    const q = new EventQueue(60)
    expect(() => q.push(NaN, 0, 0, 0)).toThrow(/NaN/)
    q.push(Infinity, 0, 0, 1)
    q.push(5, 0, 0, 2)
    const ev = { time: 0, kind: 0, arg: 0 }
    expect(q.pop(ev) && ev.arg).toBe(2)
    expect(q.pop(ev) && ev.arg).toBe(1)
    expect(q.pop(ev)).toBe(false)
  })
})

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

/** an isolated M/M/c resolver driven by the scheduler */
function mmc(c: number, lambda: number, mu: number, n: number, seed: number) {
  const rng = createRng(seed, 'mmc')
  const pools = new Pools([c])
  const enter = new Float64Array(n)
  const sched = new Scheduler<0 | 1>()
  let made = 0
  const exp = (rate: number) => -Math.log(1 - rng.next()) / rate
  const start = (j: number, t: number) => {
    const service = exp(mu)
    pools.started(0, t - enter[j], service)
    sched.at(t + service, 1, j)
  }
  const handlers = {
    0: (j: number, t: number) => {
      enter[j] = t
      if (pools.offer(0, j, t, false)) start(j, t)
      if (++made < n) sched.at(t + exp(lambda), 0, made)
    },
    1: (j: number, t: number) => {
      const next = pools.finish(0, t, t - enter[j])
      if (next >= 0) start(next, t)
    },
  }
  sched.at(0, 0, 0)
  sched.runUntil(Infinity, handlers)
  pools.close(sched.now)
  return { pools, T: sched.now }
}

describe('M/M/c resolver', () => {
  it('matches the Erlang C mean wait within sampling error (c = 3, ρ = 0.8)', () => {
    const c = 3
    const lambda = 2.4
    const mu = 1
    const waits: number[] = []
    for (let s = 0; s < 8; s++) {
      const { pools } = mmc(c, lambda, mu, 40_000, s)
      waits.push(pools.wait[0] / pools.starts[0])
    }
    const mean = waits.reduce((a, b) => a + b, 0) / waits.length
    const sd = Math.sqrt(waits.reduce((a, b) => a + (b - mean) ** 2, 0) / (waits.length - 1))
    const theory = erlangCWait(c, lambda, 1 / mu)
    expect(theory).toBeCloseTo(1.0787, 3)
    expect(Math.abs(mean - theory)).toBeLessThan(Math.max(3 * (sd / Math.sqrt(waits.length)), 0.03 * theory))
  })

  it('obeys Little’s law: L = λW', () => {
    const { pools, T } = mmc(2, 1.5, 1, 50_000, 9)
    const L = pools.area[0] / T
    const lambdaW = (pools.arrivals[0] / T) * (pools.sojourn[0] / pools.departures[0])
    expect(Math.abs(L - lambdaW) / L).toBeLessThan(0.01)
    expect(pools.busyArea[0] / (2 * T)).toBeCloseTo(0.75, 1)
  })

  it('Erlang C edge cases', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10)
    expect(erlangC(2, 2)).toBe(1)
    expect(erlangCWait(1, 1, 1)).toBe(Infinity)
  })
})
