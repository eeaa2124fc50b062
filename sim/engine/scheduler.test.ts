// The scheduler runs events in exactly the event heap's (time, priority, sequence) order, also the events a handler
// schedules at `now` that it dispatches directly, without queueing them.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EventHeap } from './heap.ts'
import { Scheduler } from './scheduler.ts'

type Plan = [number, number][][]

/** what each event schedules when it runs: event `id` follows plan[id % plan.length], (Δt, priority) pairs; Δt ≤ 0
 *  is `now` (clamped, as the scheduler does) */
const LIMIT = 3000

/** the reference: one plain heap, popped one event at a time */
function reference(init: [number, number][], plan: Plan, untils: number[]): [number, number][] {
  const h = new EventHeap(2)
  let now = 0
  let id = 0
  const at = (t: number, p: number) => h.push(Math.max(t, now), p, 0, id++)
  for (const [t, p] of init) at(t, p)
  const ev = { time: 0, kind: 0, arg: 0 }
  const out: [number, number][] = []
  for (const until of untils) {
    while (h.peekTime() < until && h.pop(ev)) {
      now = ev.time
      out.push([ev.time, ev.arg])
      for (const [dt, p] of plan[ev.arg % plan.length]) if (id < LIMIT) at(now + dt, p)
    }
    if (Number.isFinite(until)) now = Math.max(now, until)
  }
  return out
}

function scheduled(init: [number, number][], plan: Plan, untils: number[], width: number): { order: [number, number][]; processed: number } {
  const s = new Scheduler<0>(width, 2)
  let id = 0
  const at = (t: number, p: number) => s.at(t, 0, id++, p)
  for (const [t, p] of init) at(t, p)
  const order: [number, number][] = []
  const dispatch = (_kind: 0, arg: number) => {
    order.push([s.now, arg])
    for (const [dt, p] of plan[arg % plan.length]) if (id < LIMIT) at(s.now + dt, p)
  }
  for (const until of untils) s.run(until, dispatch)
  return { order, processed: s.processed }
}

describe('scheduler', () => {
  it('runs events in the heap\'s order, with events scheduled at `now` run directly, across runs of any length', () => {
    const step = fc.tuple(fc.constantFrom(-3, 0, 0, 0, 0.5, 7, 90, 2000), fc.integer({ min: -1, max: 1 }))
    fc.assert(
      fc.property(
        fc.constantFrom(1, 60, 1440),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: -1, max: 1 })), { minLength: 1, maxLength: 20 }),
        fc.array(fc.array(step, { maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 6 }),
        (width, init, plan, gaps) => {
          // the run boundaries: a few steps, then to the end
          const untils: number[] = []
          let t = 0
          for (const g of gaps) untils.push((t += g))
          untils.push(Infinity)
          const want = reference(init, plan, untils)
          const got = scheduled(init, plan, untils, width)
          expect(got.order).toEqual(want)
          expect(got.processed).toBe(want.length)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('queues, in its place, a direct event whose handler threw', () => {
    const s = new Scheduler<0>()
    const seen: number[] = []
    s.at(5, 0, 1)
    expect(() =>
      s.run(10, (_k, arg) => {
        seen.push(arg)
        if (arg === 1) {
          s.at(s.now, 0, 2)
          throw new Error('handler failed')
        }
      }),
    ).toThrow(/handler failed/)
    s.run(10, (_k, arg) => seen.push(arg))
    expect(seen).toEqual([1, 2])
  })
})
