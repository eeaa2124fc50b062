// Event heap: a min-heap over typed arrays. Order is the total order (time, priority, sequence), so simultaneous
// events always pop in the same order whatever the heap's internal layout: the sequence number is assigned when the
// event is scheduled and breaks every remaining tie.
//
// Layout, for speed (a `fengtai` year pops ≈11 M events): a 4-ary heap (half the depth of a binary one; the four
// children's times sit in one cache line) whose slots carry the whole event in three columns: its time, its tie key
// (priority · 2^32 + sequence) and its payload (kind · 2^32 + argument + 2^31). The common comparison (different
// times) reads neighbouring doubles; equal times compare the tie keys beside them; a pop reads the payload from the
// slot it takes. An earlier layout kept each event in a record of its own (recycled through a free list) and the
// slots pointed at it: in a `fengtai` year, with ≈100,000 events pending, reading the popped event's kind and
// argument from its record was a cache miss per event (≈30 % of the event loop's own time).
import { grown } from './typed-array.ts'

/** 2^32: the tie key's and the payload's radix */
export const RADIX = 4294967296
/** 2^31: the payload stores argument + 2^31, so a negative int32 argument stays below the radix */
export const ARG_OFFSET = 2147483648
/** priorities must stay within ±2^20 so that priority · 2^32 + sequence is exact in a double */
const PRIO_LIMIT = 1 << 20

/** a popped event: a class, not an object literal, so that its map is its own (V8 shares the maps of every
 *  `{ time, … }` literal in the program through one transition tree, zod's among them) and its fields keep the
 *  representations the pop stores: an unboxed double time, a small-integer kind and argument */
export class PoppedEvent {
  time = 0
  kind = 0
  arg = 0
}

export class EventHeap {
  /** the next event's sequence number (the event queue numbers the events it keeps in its buckets from it too) */
  nextSeq = 0
  // by heap slot
  private hTime: Float64Array
  private hTie: Float64Array
  private hPay: Float64Array
  size = 0

  constructor(capacity = 1024) {
    capacity = Math.max(2, capacity)
    this.hTime = new Float64Array(capacity)
    this.hTie = new Float64Array(capacity)
    this.hPay = new Float64Array(capacity)
  }

  /** room for `extra` more events */
  reserve(extra: number): void {
    const need = this.size + extra
    if (need <= this.hTime.length) return
    let cap = this.hTime.length * 2
    while (cap < need) cap *= 2
    this.hTime = grown(this.hTime, cap)
    this.hTie = grown(this.hTie, cap)
    this.hPay = grown(this.hPay, cap)
  }

  push(time: number, prio: number, kind: number, arg: number): void {
    this.pushSeq(time, prio, this.nextSeq++, kind, arg)
  }

  /** pushes an event whose sequence number was given before */
  pushSeq(time: number, prio: number, seq: number, kind: number, arg: number): void {
    this.reserve(1)
    const i = this.size++
    this.hTime[i] = time
    checkOrder(prio, seq)
    // the tie key and payload written out here rather than returned by a function: a double returned from a call V8
    // does not inline is boxed
    this.hTie[i] = prio * RADIX + seq
    this.hPay[i] = (kind & 255) * RADIX + (arg | 0) + ARG_OFFSET
    this.up(i)
  }

  /** moves the entry at heap slot i up to its place (read from the slot: a time passed as an argument would be
   *  boxed into a heap number whenever V8 does not inline this) */
  private up(i: number): void {
    const hTime = this.hTime
    const hTie = this.hTie
    const hPay = this.hPay
    const time = hTime[i]
    const tie = hTie[i]
    const pay = hPay[i]
    while (i > 0) {
      const p = (i - 1) >> 2
      const tp = hTime[p]
      if (tp < time || (tp === time && hTie[p] < tie)) break
      hTime[i] = tp
      hTie[i] = hTie[p]
      hPay[i] = hPay[p]
      i = p
    }
    hTime[i] = time
    hTie[i] = tie
    hPay[i] = pay
  }

  /** appends events [from … from + n) of the columns without ordering them: call `heapify` after the last */
  appendAll(times: Float64Array, ties: Float64Array, pays: Float64Array, from: number, n: number): void {
    this.reserve(n)
    this.hTime.set(times.subarray(from, from + n), this.size)
    this.hTie.set(ties.subarray(from, from + n), this.size)
    this.hPay.set(pays.subarray(from, from + n), this.size)
    this.size += n
  }

  /** appends events given as (time, tie key, payload) triples without ordering them: call `heapify` after the last */
  appendTriples(xs: readonly number[]): void {
    this.reserve(xs.length / 3)
    for (let k = 0; k < xs.length; k += 3) {
      this.hTime[this.size] = xs[k]
      this.hTie[this.size] = xs[k + 1]
      this.hPay[this.size++] = xs[k + 2]
    }
  }

  /** restores the heap order after appends (Floyd's O(n) heap construction) */
  heapify(): void {
    for (let i = (this.size - 2) >> 2; i >= 0; i--) this.siftDown(i, i)
  }

  /** places the entry of heap slot `from` (the slot past the end after a pop) at or below heap slot i */
  private siftDown(i: number, from: number): void {
    const hTime = this.hTime
    const hTie = this.hTie
    const hPay = this.hPay
    const t = hTime[from]
    const tie = hTie[from]
    const pay = hPay[from]
    const n = this.size
    for (;;) {
      const first = 4 * i + 1
      if (first >= n) break
      // the earliest of up to four children
      let c = first
      let tc = hTime[first]
      const last = first + 3 < n ? first + 3 : n - 1
      for (let k = first + 1; k <= last; k++) {
        const tk = hTime[k]
        if (tk < tc || (tk === tc && hTie[k] < hTie[c])) {
          c = k
          tc = tk
        }
      }
      if (tc > t || (tc === t && hTie[c] > tie)) break
      hTime[i] = tc
      hTie[i] = hTie[c]
      hPay[i] = hPay[c]
      i = c
    }
    hTime[i] = t
    hTie[i] = tie
    hPay[i] = pay
  }

  /** pops the first event into `out` ([time, kind, arg]); false when empty */
  pop(out: { time: number; kind: number; arg: number }): boolean {
    if (this.size === 0) return false
    const pay = this.hPay[0]
    const kind = Math.floor(pay / RADIX)
    out.time = this.hTime[0]
    out.kind = kind
    // `| 0` (exact: the argument is an int32) keeps `arg` a small-integer field: computed as a double, it made the
    // field a double one, and V8 boxed it into a heap number whenever the scheduler passed it to a handler it did
    // not inline
    out.arg = (pay - kind * RADIX - ARG_OFFSET) | 0
    const n = --this.size
    if (n > 0) this.siftDown(0, n)
    return true
  }

  peekTime(): number {
    return this.size === 0 ? Infinity : this.hTime[0]
  }
}

/** the tie key priority · 2^32 + sequence is exact in a double for an integer priority within ±2^20 and fewer than
 *  2^32 events */
export function checkOrder(prio: number, seq: number): void {
  if (!(Number.isInteger(prio) && prio > -PRIO_LIMIT && prio < PRIO_LIMIT)) throw new Error(`event heap: priority must be an integer within ±${PRIO_LIMIT}, got ${prio}`)
  if (seq >= RADIX) throw new Error(`event heap: more than ${RADIX} events scheduled`)
}
