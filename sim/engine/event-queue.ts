// The scheduler's pending events: a calendar of time buckets in front of the event heap. Most events of the model
// are scheduled hours or days ahead (deadlines, callbacks, shift work), so one heap of everything pending holds
// ≈100,000 events in a `fengtai` run and every push and pop walks a deep heap through cold memory. Here only the
// current bucket (`width` minutes) is in the heap; later events are appended to their bucket in O(1) and move into
// the heap when the clock reaches it.
//
// The pop order is exactly the heap's (time, priority, sequence) order: every event earlier than `horizon` is in the
// heap and every bucketed one is at or after it, and a bucket moves into the heap only when the heap is empty, in
// the order its events were scheduled, so the sequence numbers the heap gives them keep their scheduling order.
import { EventHeap } from './heap.ts'
import { grown } from './typed-array.ts'

class Bucket {
  time = new Float64Array(64)
  prio = new Int32Array(64)
  kind = new Uint8Array(64)
  arg = new Int32Array(64)
  n = 0

  add(time: number, prio: number, kind: number, arg: number): void {
    if (this.n === this.time.length) {
      const cap = this.n * 2
      this.time = grown(this.time, cap)
      this.prio = grown(this.prio, cap)
      this.kind = grown(this.kind, cap)
      this.arg = grown(this.arg, cap)
    }
    const k = this.n++
    this.time[k] = time
    this.prio[k] = prio
    this.kind[k] = kind
    this.arg[k] = arg
  }
}

export class EventQueue {
  readonly width: number
  private readonly heap: EventHeap
  /** every event with time < horizon is in the heap; the others are in buckets */
  private horizon = -Infinity
  /** the bucket key of `horizon` */
  private horizonKey = -Infinity
  private readonly buckets = new Map<number, Bucket>()
  /** the keys of the non-empty buckets, as a small binary min-heap */
  private keys: number[] = []
  private spare: Bucket[] = []
  private bucketed = 0

  /** `width`: minutes of simulated time per bucket */
  constructor(width = 60, capacity = 1024) {
    if (!(width > 0)) throw new Error(`event queue: bucket width must be positive, got ${width}`)
    this.width = width
    this.heap = new EventHeap(capacity)
  }

  get size(): number {
    return this.heap.size + this.bucketed
  }

  push(time: number, prio: number, kind: number, arg: number): void {
    if (time < this.horizon) return this.heap.push(time, prio, kind, arg)
    if (Number.isNaN(time)) throw new Error('event queue: an event was scheduled at time NaN')
    const key = Math.max(this.horizonKey, Math.floor(time / this.width))
    let b = this.buckets.get(key)
    if (b === undefined) {
      b = this.spare.pop() ?? new Bucket()
      this.buckets.set(key, b)
      this.pushKey(key)
    }
    b.add(time, prio, kind, arg)
    this.bucketed++
  }

  /** time of the first event (Infinity when none) */
  peekTime(): number {
    if (this.heap.size === 0 && !this.advance()) return Infinity
    return this.heap.peekTime()
  }

  /** pops the first event into `out`; false when none is left */
  pop(out: { time: number; kind: number; arg: number }): boolean {
    if (this.heap.size === 0 && !this.advance()) return false
    return this.heap.pop(out)
  }

  /** moves the earliest bucket into the (empty) heap; false when no bucket is left */
  private advance(): boolean {
    if (this.keys.length === 0) return false
    const key = this.popKey()
    const b = this.buckets.get(key)!
    this.buckets.delete(key)
    // every event of this bucket and any earlier time now belongs in the heap; Infinity stays in an endless bucket
    this.horizonKey = key + 1
    this.horizon = Number.isFinite(key) ? (key + 1) * this.width : Infinity
    this.heap.load(b.n, b.time, b.prio, b.kind, b.arg)
    this.bucketed -= b.n
    b.n = 0
    this.spare.push(b)
    return true
  }

  private pushKey(key: number): void {
    const h = this.keys
    let i = h.length
    h.push(key)
    while (i > 0) {
      const p = (i - 1) >> 1
      if (h[p] <= key) break
      h[i] = h[p]
      i = p
    }
    h[i] = key
  }

  private popKey(): number {
    const h = this.keys
    const top = h[0]
    const last = h.pop()!
    const n = h.length
    if (n === 0) return top
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const c = l + 1 < n && h[l + 1] < h[l] ? l + 1 : l
      if (h[c] >= last) break
      h[i] = h[c]
      i = c
    }
    h[i] = last
    return top
  }
}
