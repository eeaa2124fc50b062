// Compact binary playback events: the worker encodes the model's SimEvent objects into typed-array columns and
// posts them as transferable batches, so recording a Fengtai day costs a few copies instead of a million objects
// cloned across threads. Kinds the encoder does not know (a newer model) are kept as UNKNOWN with their time and
// issue, so a decoder never fails on them and the story simply leaves them out.
import type { SimEvent } from '../model/model.ts'

/** event kinds by code; the code is the index. New model kinds go at the end (codes never change). */
export const KINDS = ['arise', 'known', 'enter', 'start', 'done', 'whistle', 'verify', 'close', 'deadline', 'callback', 'trust'] as const
export type KindName = (typeof KINDS)[number]
export const K = Object.fromEntries(KINDS.map((k, i) => [k, i])) as { readonly [N in KindName]: number }
/** a kind this build does not know */
export const UNKNOWN = 255

/** one batch of events, column-wise: kind code, time (minutes from the run's start), issue, and per kind:
 *  a = category | channel | role | household, b = building | callback bits (1 solved, 2 satisfied) | on time,
 *  v = trust | household (arise; exact in float32 below 2^24) */
export interface EventBatch {
  n: number
  kind: Uint8Array
  t: Float64Array
  issue: Int32Array
  a: Int32Array
  b: Int32Array
  v: Float32Array
}

export const emptyBatch = (cap: number): EventBatch => ({
  n: 0,
  kind: new Uint8Array(cap),
  t: new Float64Array(cap),
  issue: new Int32Array(cap),
  a: new Int32Array(cap),
  b: new Int32Array(cap),
  v: new Float32Array(cap),
})

/** the buffers to transfer with a batch (postMessage / Comlink.transfer) */
export const transferables = (b: EventBatch): ArrayBuffer[] => [b.kind.buffer, b.t.buffer, b.issue.buffer, b.a.buffer, b.b.buffer, b.v.buffer] as ArrayBuffer[]

/** Collects events into columns; take() hands over a tight batch and starts a new one. */
export class BatchEncoder {
  private cur: EventBatch
  constructor(private readonly cap = 1 << 14) {
    this.cur = emptyBatch(cap)
  }
  get size(): number {
    return this.cur.n
  }
  get full(): boolean {
    return this.cur.n >= this.cap
  }
  push(e: SimEvent): void {
    const c = this.cur
    const j = c.n++
    c.t[j] = e.t
    c.issue[j] = e.issue
    let a = 0
    let b = 0
    let v = 0
    let code: number
    switch (e.kind) {
      case 'arise':
        code = K.arise
        a = e.category
        b = e.building
        v = e.household ?? -1
        break
      case 'known':
        code = K.known
        a = e.channel
        break
      case 'enter':
      case 'start':
      case 'done':
        code = K[e.kind]
        a = e.role
        break
      case 'close':
        code = K.close
        b = e.onTime ? 1 : 0
        break
      case 'callback':
        code = K.callback
        b = (e.solved ? 1 : 0) | (e.satisfied ? 2 : 0)
        break
      case 'trust':
        code = K.trust
        a = e.household
        v = e.trust
        break
      case 'whistle':
      case 'verify':
      case 'deadline':
        code = K[e.kind]
        break
      default:
        code = UNKNOWN
    }
    c.kind[j] = code
    c.a[j] = a
    c.b[j] = b
    c.v[j] = v
  }
  /** the events so far as a batch of exactly their length (null when there are none) */
  take(): EventBatch | null {
    const c = this.cur
    if (!c.n) return null
    const n = c.n
    const out: EventBatch = { n, kind: c.kind.slice(0, n), t: c.t.slice(0, n), issue: c.issue.slice(0, n), a: c.a.slice(0, n), b: c.b.slice(0, n), v: c.v.slice(0, n) }
    c.n = 0
    return out
  }
}

/** back to SimEvent objects (tests, the exported log); UNKNOWN and codes past KINDS come back as null */
export function decodeAt(r: EventBatch, j: number): SimEvent | null {
  const t = r.t[j]
  const issue = r.issue[j]
  switch (KINDS[r.kind[j]] as KindName | undefined) {
    case 'arise':
      return { kind: 'arise', t, issue, category: r.a[j], building: r.b[j], household: r.v[j] }
    case 'known':
      return { kind: 'known', t, issue, channel: r.a[j] }
    case 'enter':
      return { kind: 'enter', t, issue, role: r.a[j] }
    case 'start':
      return { kind: 'start', t, issue, role: r.a[j] }
    case 'done':
      return { kind: 'done', t, issue, role: r.a[j] }
    case 'whistle':
      return { kind: 'whistle', t, issue }
    case 'verify':
      return { kind: 'verify', t, issue }
    case 'close':
      return { kind: 'close', t, issue, onTime: r.b[j] === 1 }
    case 'deadline':
      return { kind: 'deadline', t, issue }
    case 'callback':
      return { kind: 'callback', t, issue, solved: (r.b[j] & 1) !== 0, satisfied: (r.b[j] & 2) !== 0 }
    case 'trust':
      return { kind: 'trust', t, issue, household: r.a[j], trust: r.v[j] }
    default:
      return null
  }
}
