// The playback state at any moment of a recorded run: each issue's state and since when, the job role it is with,
// and the live counters behind the three rates. Moving forward applies events; moving back restores the nearest
// keyframe (a snapshot taken every `every` events) and applies forward from there, so scrubbing back never replays
// from the start.
import { K } from './codec.ts'
import { eventsUpTo, type Recording } from './recording.ts'
import { CATEGORIES, CATEGORY } from '../model/categories.ts'

/** what the map colours an issue by */
export const STATE = { NONE: 0, LATENT: 1, REPORTED: 2, DISPATCHED: 3, IN_HAND: 4, ESCALATED: 5, CLOSED: 6, RATED: 7 } as const
export const STATE_NAMES = ['none', 'latent', 'reported', 'dispatched', 'inHand', 'escalated', 'closed', 'rated'] as const

/** the response rate's limit, as the results compute it (sim/metrics/report.ts): the category's limit, at most 24 h */
const RESPONSE_LIMIT_MIN = CATEGORIES.map((c) => Math.min(CATEGORY[c].limitHours, 24) * 60)

/** counter slots */
export const C = { ARISEN: 0, KNOWN: 1, RESPONDED: 2, CLOSED: 3, CALLBACKS: 4, SOLVED: 5, SATISFIED: 6, WHISTLES: 7, ON_TIME: 8 } as const
const NC = 9

interface Snapshot {
  at: number
  state: Uint8Array
  since: Float64Array
  role: Uint8Array
  tKnown: Float64Array
  responded: Uint8Array
  counters: Float64Array
}

export interface Rates {
  response: number
  resolution: number
  satisfaction: number
}

/** at most this many bytes of keyframes: long runs get sparser keyframes rather than running out of memory */
const KEYFRAME_BUDGET = 64 << 20

export class Replay {
  readonly state: Uint8Array
  readonly since: Float64Array
  /** the role of the issue's current job (ROLE), 255 for none */
  readonly role: Uint8Array
  readonly tKnown: Float64Array
  readonly responded: Uint8Array
  readonly counters = new Float64Array(NC)
  /** events applied: [0, cursor) */
  cursor = 0
  readonly every: number
  private keys: Snapshot[] = []

  constructor(readonly rec: Recording, every = 2000) {
    const n = rec.issues
    this.state = new Uint8Array(n)
    this.since = new Float64Array(n)
    this.role = new Uint8Array(n).fill(255)
    this.tKnown = new Float64Array(n).fill(Infinity)
    this.responded = new Uint8Array(n)
    const perKey = n * 19 + NC * 8
    this.every = Math.max(every, Math.ceil((rec.n * perKey) / KEYFRAME_BUDGET))
    this.snapshot()
  }

  private snapshot(): void {
    this.keys.push({ at: this.cursor, state: this.state.slice(), since: this.since.slice(), role: this.role.slice(), tKnown: this.tKnown.slice(), responded: this.responded.slice(), counters: this.counters.slice() })
  }

  private restore(s: Snapshot): void {
    this.state.set(s.state)
    this.since.set(s.since)
    this.role.set(s.role)
    this.tKnown.set(s.tKnown)
    this.responded.set(s.responded)
    this.counters.set(s.counters)
    this.cursor = s.at
  }

  get keyframes(): number {
    return this.keys.length
  }

  /** the state after the first k events */
  seekIndex(k: number): void {
    k = Math.max(0, Math.min(this.rec.n, k))
    if (k < this.cursor || k - this.cursor > this.every) {
      // the last keyframe at or before k (keyframes are taken in order, at multiples of `every`)
      let lo = 0
      let hi = this.keys.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (this.keys[mid].at <= k) lo = mid
        else hi = mid - 1
      }
      if (this.keys[lo].at > this.cursor || k < this.cursor) this.restore(this.keys[lo])
    }
    while (this.cursor < k) {
      this.apply(this.cursor++)
      if (this.cursor % this.every === 0 && this.keys[this.keys.length - 1].at < this.cursor) this.snapshot()
    }
  }

  /** the state at minute t (every event at or before t applied) */
  seekTime(t: number): void {
    this.seekIndex(eventsUpTo(this.rec, t))
  }

  private set(i: number, s: number, t: number): void {
    this.state[i] = s
    this.since[i] = t
  }

  private apply(j: number): void {
    const r = this.rec
    const i = r.issue[j]
    const t = r.t[j]
    const c = this.counters
    switch (r.kind[j]) {
      case K.arise:
        c[C.ARISEN]++
        this.set(i, STATE.LATENT, t)
        break
      case K.known:
        c[C.KNOWN]++
        this.tKnown[i] = t
        this.set(i, STATE.REPORTED, t)
        break
      case K.enter:
        if (!this.responded[i] && t - this.tKnown[i] <= RESPONSE_LIMIT_MIN[r.category[i]]) {
          this.responded[i] = 1
          c[C.RESPONDED]++
        } else this.responded[i] ||= 2
        this.role[i] = r.a[j]
        if (this.state[i] !== STATE.ESCALATED) this.set(i, STATE.DISPATCHED, t)
        break
      case K.start:
        this.role[i] = r.a[j]
        if (this.state[i] !== STATE.ESCALATED) this.set(i, STATE.IN_HAND, t)
        break
      case K.whistle:
        c[C.WHISTLES]++
        this.set(i, STATE.ESCALATED, t)
        break
      case K.close:
        c[C.CLOSED]++
        if (r.b[j]) c[C.ON_TIME]++
        this.role[i] = 255
        this.set(i, STATE.CLOSED, t)
        break
      case K.callback:
        c[C.CALLBACKS]++
        if (r.b[j] & 1) c[C.SOLVED]++
        if (r.b[j] & 2) c[C.SATISFIED]++
        if (this.state[i] === STATE.CLOSED) this.set(i, STATE.RATED, t)
        break
      default:
      // done, verify, deadline, trust and kinds this build does not know leave the picture as it is
    }
  }

  /** the three rates so far, as the results define them (response over known issues, resolution and satisfaction
   *  over callbacks); NaN before there is anything to divide by */
  rates(): Rates {
    const c = this.counters
    return { response: c[C.RESPONDED] / c[C.KNOWN], resolution: c[C.SOLVED] / c[C.CALLBACKS], satisfaction: c[C.SATISFIED] / c[C.CALLBACKS] }
  }
}

/** known and not yet closed issues at the end of each bin of `binMin` minutes: the backlog the scrubber is drawn over */
export function backlog(rec: Recording, binMin = 60): Float64Array {
  const bins = Math.max(1, Math.ceil(rec.minutes / binMin))
  const delta = new Float64Array(bins + 1)
  for (let j = 0; j < rec.n; j++) {
    const k = rec.kind[j]
    if (k !== K.known && k !== K.close) continue
    const b = Math.min(bins, Math.floor(rec.t[j] / binMin))
    delta[b] += k === K.known ? 1 : -1
  }
  const out = new Float64Array(bins)
  let open = 0
  for (let b = 0; b < bins; b++) out[b] = open += delta[b]
  return out
}
