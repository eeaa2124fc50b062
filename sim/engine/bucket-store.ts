// The ring buckets of the event queue: each bucket is a chain of fixed-size chunks of events (time, tie key, payload:
// see heap.ts), the
// chunks drawn from one shared pool and given back when the bucket moves into the heap. Scheduling into a bucket is
// two stores into contiguous memory and allocates nothing while the pool has room (it starts with a chunk per bucket:
// a `street` or `fengtai` year peaks at 512–1,023 for 1,024 buckets); moving a bucket into the heap copies whole
// chunks. Two earlier layouts each cost ≈2–5 % of a `fengtai` year: an array per bucket (grown afresh as the first
// weeks of a run filled the ring: allocation and the collector's work on their external memory), and a chain through
// the records themselves (a cache miss per event when the bucket moved, records being recycled in no order).
import { ARG_OFFSET, RADIX, type EventHeap } from './heap.ts'
import { grown } from './typed-array.ts'

/** entries per chunk (a power of two) */
const CHUNK_BITS = 8
const CHUNK = 1 << CHUNK_BITS
const NIL = -1

export class BucketStore {
  // chunk c holds entries [c·CHUNK, c·CHUNK + fill[c]) of the event columns; next[c] chains a bucket's chunks (and
  // the free chunks)
  private times: Float64Array
  private ties: Float64Array
  private pays: Float64Array
  private fill: Int32Array
  private next: Int32Array
  private chunks = 0
  private free = NIL
  private readonly head: Int32Array
  private readonly tail: Int32Array

  /** `chunks`: room before the pool grows; one per bucket by default, as a run of the model keeps most of the ring's
   *  buckets part-filled (a `street` and a `fengtai` year both peak at 512–1,023 chunks for 1,024 buckets), so it never
   *  grows: growing from a few dozen, doubling and copying, was ≈3 % of a `street` year */
  constructor(buckets: number, chunks = Math.max(64, buckets)) {
    this.times = new Float64Array(chunks * CHUNK)
    this.ties = new Float64Array(chunks * CHUNK)
    this.pays = new Float64Array(chunks * CHUNK)
    this.fill = new Int32Array(chunks)
    this.next = new Int32Array(chunks)
    this.head = new Int32Array(buckets).fill(NIL)
    this.tail = new Int32Array(buckets).fill(NIL)
  }

  isEmpty(b: number): boolean {
    return this.head[b] === NIL
  }

  /** adds an event to bucket b; the caller has checked `prio` and `seq` (heap.ts checkOrder) */
  add(b: number, time: number, prio: number, seq: number, kind: number, arg: number): void {
    let c = this.tail[b]
    if (c === NIL || this.fill[c] === CHUNK) {
      const d = this.take()
      if (c === NIL) this.head[b] = d
      else this.next[c] = d
      this.tail[b] = c = d
    }
    const k = (c << CHUNK_BITS) + this.fill[c]++
    this.times[k] = time
    this.ties[k] = prio * RADIX + seq
    this.pays[k] = (kind & 255) * RADIX + (arg | 0) + ARG_OFFSET
  }

  /** appends bucket b's entries to the heap (unordered) and empties it; returns how many there were */
  drainInto(b: number, heap: EventHeap): number {
    let n = 0
    for (let c = this.head[b]; c !== NIL; ) {
      const f = this.fill[c]
      heap.appendAll(this.times, this.ties, this.pays, c << CHUNK_BITS, f)
      n += f
      const after = this.next[c]
      this.next[c] = this.free
      this.free = c
      c = after
    }
    this.head[b] = this.tail[b] = NIL
    return n
  }

  private take(): number {
    let c = this.free
    if (c !== NIL) this.free = this.next[c]
    else {
      if (this.chunks === this.fill.length) {
        const cap = 2 * this.chunks
        this.times = grown(this.times, cap * CHUNK)
        this.ties = grown(this.ties, cap * CHUNK)
        this.pays = grown(this.pays, cap * CHUNK)
        this.fill = grown(this.fill, cap)
        this.next = grown(this.next, cap)
      }
      c = this.chunks++
    }
    this.fill[c] = 0
    this.next[c] = NIL
    return c
  }
}
