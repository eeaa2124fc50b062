// The scheduler's pending events: a calendar of time buckets in front of the event heap. Most events of the model
// are scheduled hours or days ahead (deadlines, callbacks, shift work), so one heap of everything pending holds
// ≈100,000 events in a `fengtai` run and every push and pop walks a deep heap through cold memory. Here only the
// current bucket (`width` minutes) is in the heap; later events wait in their bucket and move into the heap when the
// clock reaches it.
//
// The next `slots` buckets after the clock sit in a ring indexed by bucket number (their storage: bucket-store.ts),
// so scheduling into one allocates nothing and finding the next non-empty one is a short forward scan; a bucket
// further out (a rare long deadline, an event at Infinity) is a list of (time, tie key, payload) triples in a map
// with a small key heap, until the clock reaches it.
//
// The pop order is exactly the heap's (time, priority, sequence) order: every event earlier than `horizon` is in the
// heap, every bucketed one is at or after it, the sequence number is given when the event is scheduled, and a
// bucket moves into the heap (and is heap-ordered there, whatever order its chain had) only when the heap is empty.
import { ARG_OFFSET, checkOrder, EventHeap, RADIX } from './heap.ts'
import { BucketStore } from './bucket-store.ts'

export class EventQueue {
  readonly width: number
  private readonly heap: EventHeap
  /** every event with time < horizon is in the heap; the others are in buckets */
  private horizon = -Infinity
  /** the bucket number of `horizon`: no bucket before it holds an event */
  private horizonKey = -Infinity
  // the ring: bucket k (horizonKey ≤ k < horizonKey + slots) is ring bucket k & mask
  private readonly slots: number
  private readonly mask: number
  private readonly ring: BucketStore
  private ringEvents = 0
  // buckets beyond the ring: bucket number → its events as (time, tie key, payload) triples, and the bucket numbers
  // as a small binary min-heap
  private readonly far = new Map<number, number[]>()
  private farKeys: number[] = []
  private bucketed = 0

  /** `width`: minutes of simulated time per bucket; `slots`: buckets in the ring (a power of two) */
  constructor(width = 60, capacity = 1024, slots = 1024) {
    if (!(width > 0)) throw new Error(`event queue: bucket width must be positive, got ${width}`)
    if (!(slots >= 1 && (slots & (slots - 1)) === 0)) throw new Error(`event queue: ring slots must be a power of two, got ${slots}`)
    this.width = width
    this.heap = new EventHeap(capacity)
    this.slots = slots
    this.mask = slots - 1
    this.ring = new BucketStore(slots)
  }

  get size(): number {
    return this.heap.size + this.bucketed
  }

  push(time: number, prio: number, kind: number, arg: number): void {
    const heap = this.heap
    if (time < this.horizon) return heap.push(time, prio, kind, arg)
    if (Number.isNaN(time)) throw new Error('event queue: an event was scheduled at time NaN')
    const seq = heap.nextSeq++
    checkOrder(prio, seq)
    const key = Math.max(this.horizonKey, Math.floor(time / this.width))
    this.bucketed++
    if (key < this.horizonKey + this.slots) {
      this.ring.add(key & this.mask, time, prio, seq, kind, arg)
      this.ringEvents++
      return
    }
    let list = this.far.get(key)
    if (list === undefined) {
      this.far.set(key, (list = []))
      this.pushKey(key)
    }
    list.push(time, prio * RADIX + seq, (kind & 255) * RADIX + (arg | 0) + ARG_OFFSET)
  }

  /** the next sequence number, taken by an event the scheduler runs without queueing it (see Scheduler.at) */
  takeSeq(): number {
    const seq = this.heap.nextSeq++
    checkOrder(0, seq)
    return seq
  }

  /** true when no pending event has a time ≤ t: every bucketed one is at or after the horizon, and the heap holds
   *  the earlier ones */
  allAfter(t: number): boolean {
    return t < this.horizon && this.heap.peekTime() > t
  }

  /** schedules an event with a sequence number taken before (takeSeq) */
  pushTaken(time: number, seq: number, kind: number, arg: number): void {
    if (!(time < this.horizon)) throw new Error('event queue: a taken event must fall before the horizon')
    this.heap.pushSeq(time, 0, seq, kind, arg)
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

  /** pops the first event into `out` if it is earlier than `until`; false otherwise */
  popBefore(until: number, out: { time: number; kind: number; arg: number }): boolean {
    const heap = this.heap
    if (heap.size === 0 && !this.advance()) return false
    if (!(heap.peekTime() < until)) return false
    return heap.pop(out)
  }

  /** moves the earliest bucket into the (empty) heap; false when no bucket is left */
  private advance(): boolean {
    const farKey = this.farKeys.length > 0 ? this.farKeys[0] : Infinity
    let key = Infinity
    if (this.ringEvents > 0) {
      // the ring holds events only once the horizon is finite; its first non-empty bucket is within `slots`; a far
      // bucket of the same number (scheduled when it was still beyond the ring) moves with it
      const end = Math.min(farKey + 1, this.horizonKey + this.slots)
      for (let k = this.horizonKey; k < end; k++) {
        if (!this.ring.isEmpty(k & this.mask)) {
          key = k
          break
        }
      }
    }
    if (key === Infinity && this.farKeys.length === 0) return false
    const heap = this.heap
    if (key !== Infinity) this.ringEvents -= this.ring.drainInto(key & this.mask, heap)
    if (farKey <= key) {
      key = this.popKey()
      heap.appendTriples(this.far.get(key)!)
      this.far.delete(key)
    }
    this.bucketed -= heap.size
    heap.heapify()
    // every event of this bucket and any earlier time is now in the heap; Infinity stays in an endless bucket
    this.horizonKey = key + 1
    this.horizon = Number.isFinite(key) ? (key + 1) * this.width : Infinity
    return true
  }

  private pushKey(key: number): void {
    const h = this.farKeys
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
    const h = this.farKeys
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
