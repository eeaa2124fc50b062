// Event queue: a binary min-heap over typed arrays. Order is the total order (time, priority, sequence), so
// simultaneous events always pop in the same order whatever the heap's internal layout: the sequence number is
// assigned when the event is scheduled and breaks every remaining tie.
//
// Layout, for speed (a `fengtai` year pops ≈11 M events): a 4-ary heap (half the depth of a binary one; the four
// children's times sit in one cache line), whose slots hold the event time inline beside the record number, so the
// common comparison (different times) reads neighbouring doubles and never touches the record; priority and
// sequence are looked up only on equal times. Records (time, priority, sequence, kind, argument) stay put in slots
// recycled through a free list, so scheduling an event allocates nothing once the columns have grown to the run's
// peak.
import { grown, type Column } from './typed-array.ts'

export class EventHeap {
  // records, by record slot (read by the event queue, which keeps records waiting in its buckets)
  rTime: Float64Array
  /** a free link per record: the event queue chains the records waiting in a bucket beyond its ring through it */
  rNext: Int32Array
  private prio: Int32Array
  private seq: Float64Array
  private kind: Uint8Array
  private arg: Int32Array
  private free: Int32Array
  private nFree = 0
  private nextSeq = 0
  // the heap, by heap slot: time and record slot
  private hTime: Float64Array
  private hRec: Int32Array
  size = 0

  constructor(capacity = 1024) {
    capacity = Math.max(2, capacity)
    this.rTime = new Float64Array(capacity)
    this.rNext = new Int32Array(capacity)
    this.prio = new Int32Array(capacity)
    this.seq = new Float64Array(capacity)
    this.kind = new Uint8Array(capacity)
    this.arg = new Int32Array(capacity)
    this.free = new Int32Array(capacity)
    this.hTime = new Float64Array(capacity)
    this.hRec = new Int32Array(capacity)
    for (let i = capacity - 1; i >= 0; i--) this.free[this.nFree++] = i
  }

  private grow(): void {
    const old = this.hTime.length
    const cap = old * 2
    const g = <T extends Column>(a: T): T => grown(a, cap)
    this.rTime = g(this.rTime)
    this.rNext = g(this.rNext)
    this.prio = g(this.prio)
    this.seq = g(this.seq)
    this.kind = g(this.kind)
    this.arg = g(this.arg)
    this.free = g(this.free)
    this.hTime = g(this.hTime)
    this.hRec = g(this.hRec)
    for (let i = cap - 1; i >= old; i--) this.free[this.nFree++] = i
  }

  /** record a before record b at equal times */
  private tieLess(a: number, b: number): boolean {
    const pa = this.prio[a]
    const pb = this.prio[b]
    return pa !== pb ? pa < pb : this.seq[a] < this.seq[b]
  }

  /** stores an event in a free record, numbered after every event before it; returns the record (not yet in the heap) */
  record(time: number, prio: number, kind: number, arg: number): number {
    if (this.nFree === 0) this.grow()
    const r = this.free[--this.nFree]
    this.rTime[r] = time
    this.prio[r] = prio
    this.seq[r] = this.nextSeq++
    this.kind[r] = kind
    this.arg[r] = arg
    return r
  }

  push(time: number, prio: number, kind: number, arg: number): void {
    this.insert(this.record(time, prio, kind, arg))
  }

  /** puts record r into the heap */
  insert(r: number): void {
    const time = this.rTime[r]
    const hTime = this.hTime
    const hRec = this.hRec
    let i = this.size++
    while (i > 0) {
      const p = (i - 1) >> 2
      const tp = hTime[p]
      if (tp < time || (tp === time && !this.tieLess(r, hRec[p]))) break
      hTime[i] = tp
      hRec[i] = hRec[p]
      i = p
    }
    hTime[i] = time
    hRec[i] = r
  }

  /** appends record r to the heap's slots without ordering it: call `heapify` after the last one */
  append(r: number): void {
    this.hTime[this.size] = this.rTime[r]
    this.hRec[this.size++] = r
  }

  /** appends the records ids[from … from + n) with their times beside them, without ordering them */
  appendAll(ids: Int32Array, times: Float64Array, from: number, n: number): void {
    const hTime = this.hTime
    const hRec = this.hRec
    let at = this.size
    for (let k = from; k < from + n; k++, at++) {
      hRec[at] = ids[k]
      hTime[at] = times[k]
    }
    this.size = at
  }

  /** restores the heap order after appends (Floyd's O(n) heap construction) */
  heapify(): void {
    for (let i = ((this.size - 2) >> 2); i >= 0; i--) this.siftDown(i, i)
  }

  /** places the entry of heap slot `from` (the slot past the end after a pop) at or below heap slot i; it reads the
   *  time itself rather than taking it as an argument, which V8 would box into a heap number when not inlining */
  private siftDown(i: number, from: number): void {
    const hTime = this.hTime
    const hRec = this.hRec
    const t = hTime[from]
    const r = hRec[from]
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
        if (tk < tc || (tk === tc && this.tieLess(hRec[k], hRec[c]))) {
          c = k
          tc = tk
        }
      }
      if (tc > t || (tc === t && !this.tieLess(hRec[c], r))) break
      hTime[i] = tc
      hRec[i] = hRec[c]
      i = c
    }
    hTime[i] = t
    hRec[i] = r
  }

  /** pops the first event into `out` ([time, kind, arg]); false when empty */
  pop(out: { time: number; kind: number; arg: number }): boolean {
    if (this.size === 0) return false
    const hTime = this.hTime
    const hRec = this.hRec
    const r = hRec[0]
    out.time = hTime[0]
    out.kind = this.kind[r]
    out.arg = this.arg[r]
    this.free[this.nFree++] = r
    const n = --this.size
    if (n > 0) this.siftDown(0, n)
    return true
  }

  peekTime(): number {
    return this.size === 0 ? Infinity : this.hTime[0]
  }
}
