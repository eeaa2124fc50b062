// The event heap's total order, and the time buckets in front of it giving exactly the heap's order.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EventHeap } from './heap.ts'
import { EventQueue } from './event-queue.ts'

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
  it('keeps the heap\'s order when ring buckets fill many chunks and the chunk pool grows', () => {
    // 20,000 events over 4 hour buckets: ≈5,000 a bucket, ≈20 chunks each, past the pool's first 64 chunks
    const q = new EventQueue(60, 2, 16)
    const h = new EventHeap(2)
    let x = 12345
    const rnd = () => (x = (x * 16807) % 2147483647) / 2147483647
    for (let k = 0; k < 20_000; k++) {
      const t = Math.floor(rnd() * 240)
      q.push(t, k % 3, k % 7, k)
      h.push(t, k % 3, k % 7, k)
    }
    const a = { time: 0, kind: 0, arg: 0 }
    const b = { time: 0, kind: 0, arg: 0 }
    let n = 0
    for (;;) {
      const got = q.pop(a)
      expect(got).toBe(h.pop(b))
      if (!got) break
      if (a.arg !== b.arg || a.time !== b.time) expect([a.time, a.arg]).toEqual([b.time, b.arg])
      n++
    }
    expect(n).toBe(20_000)
  })

  it('pops in exactly the heap\'s order, with events scheduled while popping, for any bucket width and ring size', () => {
    // each op: pop one event, then schedule `k` new ones at now + dt (dt may be 0, far ahead or, clamped, in the past)
    const op = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.tuple(fc.double({ min: -5, max: 400, noNaN: true }), fc.integer({ min: 0, max: 2 })), { maxLength: 3 }))
    fc.assert(
      fc.property(fc.constantFrom(0.5, 7, 60, 1440), fc.constantFrom(1, 4, 1024), fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 2 })), { maxLength: 50 }), fc.array(op, { maxLength: 200 }), (width, slots, init, ops) => {
        // few ring slots send most buckets past the ring, to the far map
        const q = new EventQueue(width, 2, slots)
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

  it('carries every int32 argument and 8-bit kind through the heap and the buckets, and refuses a priority it cannot order exactly', () => {
    const q = new EventQueue(60, 2, 4)
    const args = [0, 1, -1, 2147483647, -2147483648, 1_606_305]
    // now, in a ring bucket, and far beyond the ring
    args.forEach((a, k) => [0, 120, 100_000].forEach((t) => q.push(t, 0, (k * 37) & 255, a)))
    const ev = { time: 0, kind: 0, arg: 0 }
    const got: [number, number, number][] = []
    while (q.pop(ev)) got.push([ev.time, ev.kind, ev.arg])
    expect(got).toEqual([0, 120, 100_000].flatMap((t) => args.map((a, k) => [t, (k * 37) & 255, a])))
    expect(() => q.push(5, 0.5, 0, 0)).toThrow(/priority/)
    expect(() => new EventHeap().push(5, 2 ** 21, 0, 0)).toThrow(/priority/)
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
