// Event queue: a binary min-heap over typed arrays. Order is the total order (time, priority, sequence), so
// simultaneous events always pop in the same order whatever the heap's internal layout: the sequence number is
// assigned at push time and breaks every remaining tie.
import { grown, type Column } from './typed-array.ts'

export class EventHeap {
  private time: Float64Array
  private prio: Int32Array
  private seq: Float64Array
  private kind: Uint8Array
  private arg: Int32Array
  private idx: Int32Array // heap slot → record slot
  private free: Int32Array
  private nFree = 0
  private nextSeq = 0
  size = 0

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity)
    this.prio = new Int32Array(capacity)
    this.seq = new Float64Array(capacity)
    this.kind = new Uint8Array(capacity)
    this.arg = new Int32Array(capacity)
    this.idx = new Int32Array(capacity)
    this.free = new Int32Array(capacity)
    for (let i = capacity - 1; i >= 0; i--) this.free[this.nFree++] = i
  }

  private grow(): void {
    const old = this.time.length
    const cap = old * 2
    const g = <T extends Column>(a: T): T => grown(a, cap)
    this.time = g(this.time)
    this.prio = g(this.prio)
    this.seq = g(this.seq)
    this.kind = g(this.kind)
    this.arg = g(this.arg)
    this.idx = g(this.idx)
    this.free = g(this.free)
    for (let i = cap - 1; i >= old; i--) this.free[this.nFree++] = i
  }

  private less(a: number, b: number): boolean {
    const t = this.time
    if (t[a] !== t[b]) return t[a] < t[b]
    if (this.prio[a] !== this.prio[b]) return this.prio[a] < this.prio[b]
    return this.seq[a] < this.seq[b]
  }

  push(time: number, prio: number, kind: number, arg: number): void {
    if (this.nFree === 0) this.grow()
    const r = this.free[--this.nFree]
    this.time[r] = time
    this.prio[r] = prio
    this.seq[r] = this.nextSeq++
    this.kind[r] = kind
    this.arg[r] = arg
    const idx = this.idx
    let i = this.size++
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(r, idx[p])) break
      idx[i] = idx[p]
      i = p
    }
    idx[i] = r
  }

  /** pops the first event into `out` ([time, kind, arg]); false when empty */
  pop(out: { time: number; kind: number; arg: number }): boolean {
    if (this.size === 0) return false
    const idx = this.idx
    const r = idx[0]
    out.time = this.time[r]
    out.kind = this.kind[r]
    out.arg = this.arg[r]
    this.free[this.nFree++] = r
    const last = idx[--this.size]
    const n = this.size
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      let c = l
      if (l + 1 < n && this.less(idx[l + 1], idx[l])) c = l + 1
      if (!this.less(idx[c], last)) break
      idx[i] = idx[c]
      i = c
    }
    if (n > 0) idx[i] = last
    return true
  }

  peekTime(): number {
    return this.size === 0 ? Infinity : this.time[this.idx[0]]
  }
}
