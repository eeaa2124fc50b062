// A recorded run: every batch the worker streamed, joined into one set of columns, plus per-issue facts the
// playback needs at any moment (category, building, household, arrival time).
import { emptyBatch, K, type EventBatch } from './codec.ts'
import { grown } from '../engine/typed-array.ts'

export interface Recording extends EventBatch {
  /** issues seen (ids 0 .. issues-1) */
  issues: number
  category: Uint8Array
  building: Int32Array
  household: Int32Array
  tArise: Float64Array
  /** the simulated minutes the run covers */
  minutes: number
}

export class RecordingBuilder {
  private r = emptyBatch(1 << 16)
  add(b: EventBatch): void {
    const need = this.r.n + b.n
    if (need > this.r.t.length) {
      const cap = Math.max(need, this.r.t.length * 2)
      this.r = { n: this.r.n, kind: grown(this.r.kind, cap), t: grown(this.r.t, cap), issue: grown(this.r.issue, cap), a: grown(this.r.a, cap), b: grown(this.r.b, cap), v: grown(this.r.v, cap) }
    }
    const o = this.r.n
    this.r.kind.set(b.kind.subarray(0, b.n), o)
    this.r.t.set(b.t.subarray(0, b.n), o)
    this.r.issue.set(b.issue.subarray(0, b.n), o)
    this.r.a.set(b.a.subarray(0, b.n), o)
    this.r.b.set(b.b.subarray(0, b.n), o)
    this.r.v.set(b.v.subarray(0, b.n), o)
    this.r.n = need
  }
  finish(minutes: number): Recording {
    const r = this.r
    const n = r.n
    let issues = 0
    for (let j = 0; j < n; j++) if (r.issue[j] >= issues) issues = r.issue[j] + 1
    const category = new Uint8Array(issues)
    const building = new Int32Array(issues).fill(-1)
    const household = new Int32Array(issues).fill(-1)
    const tArise = new Float64Array(issues).fill(Infinity)
    for (let j = 0; j < n; j++) {
      const i = r.issue[j]
      if (r.kind[j] === K.arise) {
        category[i] = r.a[j]
        building[i] = r.b[j]
        tArise[i] = r.t[j]
        household[i] = r.v[j]
      }
    }
    return { n, kind: r.kind.slice(0, n), t: r.t.slice(0, n), issue: r.issue.slice(0, n), a: r.a.slice(0, n), b: r.b.slice(0, n), v: r.v.slice(0, n), issues, category, building, household, tArise, minutes }
  }
}

/** the number of events at or before minute t (events are in time order) */
export function eventsUpTo(r: Recording, t: number): number {
  let lo = 0
  let hi = r.n
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (r.t[mid] <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}
