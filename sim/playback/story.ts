// One issue's story, step by step, from a recorded run: what happened, when, through whom. Language-neutral (the
// page words it in zh-CN or English); one step per recorded event of the issue, so its times are exactly the
// exported event log's. Also the log itself (CSV) and the clock text both use.
import { decodeAt, K, KINDS, UNKNOWN } from './codec.ts'
import type { Recording } from './recording.ts'

const MIN_PER_DAY = 1440

/** "D3 08:05" (day 1 is the run's first day); minutes are rounded down so the story and the log agree */
export function clockText(t: number): string {
  const m = Math.floor(t)
  const d = Math.floor(m / MIN_PER_DAY)
  const r = m - d * MIN_PER_DAY
  return `D${d + 1} ${String(Math.floor(r / 60)).padStart(2, '0')}:${String(r % 60).padStart(2, '0')}`
}

export type StepKind = 'arise' | 'known' | 'enter' | 'start' | 'done' | 'whistle' | 'report' | 'verify' | 'verified' | 'close' | 'deadline' | 'callback' | 'trust'

export interface Step {
  t: number
  kind: StepKind
  /** the job's role (ROLE) for enter/start/done/report/verified; the channel (CHANNELS) for known */
  role?: number
  channel?: number
  category?: number
  building?: number
  household?: number
  /** minutes waited in the queue before a start; the departments' report time after a whistle */
  minutes?: number
  /** report within the whistle's limit; a close within the category's limit */
  inLimit?: boolean
  solved?: boolean
  satisfied?: boolean
  trust?: number
  trustBefore?: number
}

/** the recorded events of one issue, by index */
export function eventsOf(rec: Recording, issue: number): number[] {
  const out: number[] = []
  for (let j = 0; j < rec.n; j++) if (rec.issue[j] === issue && rec.kind[j] !== UNKNOWN && rec.kind[j] < KINDS.length) out.push(j)
  return out
}

/** the household's trust just before event j (1 at the start of a run) */
function trustBefore(rec: Recording, household: number, j: number): number {
  let v = 1
  for (let k = 0; k < j; k++) if (rec.kind[k] === K.trust && rec.a[k] === household) v = rec.v[k]
  return v
}

/** `reportLimit`: the whistle's report limit in minutes (scenario whistle.reportLimitMinutes) */
export function storyOf(rec: Recording, issue: number, reportLimit = 30): Step[] {
  const steps: Step[] = []
  let enterT = -1
  let whistleT = -1
  let verifying = false
  for (const j of eventsOf(rec, issue)) {
    const e = decodeAt(rec, j)!
    const t = e.t
    switch (e.kind) {
      case 'arise':
        steps.push({ t, kind: 'arise', category: e.category, building: e.building, household: e.household })
        break
      case 'known':
        steps.push({ t, kind: 'known', channel: e.channel })
        break
      case 'enter':
        enterT = t
        if (whistleT >= 0) {
          // 报到: the departments (the street's 1+5+N centre) arrive after the whistle
          steps.push({ t, kind: 'report', role: e.role, minutes: t - whistleT, inLimit: t - whistleT <= reportLimit })
          whistleT = -1
        } else steps.push({ t, kind: 'enter', role: e.role })
        break
      case 'start':
        steps.push({ t, kind: 'start', role: e.role, minutes: enterT >= 0 ? t - enterT : 0 })
        break
      case 'done':
        steps.push({ t, kind: verifying ? 'verified' : 'done', role: e.role })
        verifying = false
        break
      case 'whistle':
        whistleT = t
        steps.push({ t, kind: 'whistle' })
        break
      case 'verify':
        verifying = true
        steps.push({ t, kind: 'verify' })
        break
      case 'close':
        steps.push({ t, kind: 'close', inLimit: e.onTime })
        break
      case 'deadline':
        steps.push({ t, kind: 'deadline' })
        break
      case 'callback':
        steps.push({ t, kind: 'callback', solved: e.solved, satisfied: e.satisfied })
        break
      case 'trust':
        steps.push({ t, kind: 'trust', household: e.household, trust: e.trust, trustBefore: trustBefore(rec, e.household, j) })
        break
    }
  }
  return steps
}

/** the recorded events as CSV (one issue's, or all): seq, minute, clock, kind, issue, a, b, v */
export function eventLogCsv(rec: Recording, issue?: number): string {
  const rows = ['seq,t_min,clock,kind,issue,a,b,v']
  const idx = issue === undefined ? Array.from({ length: rec.n }, (_, j) => j) : eventsOf(rec, issue)
  for (const j of idx) rows.push([j, rec.t[j], clockText(rec.t[j]), KINDS[rec.kind[j]] ?? 'unknown', rec.issue[j], rec.a[j], rec.b[j], rec.v[j]].join(','))
  return rows.join('\n') + '\n'
}

/** an issue's outcome by the end of the run, for filtering the list of issues */
export const OUTCOMES = ['unfound', 'open', 'closed', 'satisfied', 'unsatisfied'] as const

/** per issue: how it became known (channel, −1 if never) and its outcome (index into OUTCOMES) */
export function issueFacts(rec: Recording): { channel: Int8Array; outcome: Uint8Array } {
  const channel = new Int8Array(rec.issues).fill(-1)
  const outcome = new Uint8Array(rec.issues)
  for (let j = 0; j < rec.n; j++) {
    const i = rec.issue[j]
    const k = rec.kind[j]
    if (k === K.known) {
      channel[i] = rec.a[j]
      outcome[i] = Math.max(outcome[i], 1)
    } else if (k === K.close) outcome[i] = Math.max(outcome[i], 2)
    else if (k === K.callback) outcome[i] = rec.b[j] & 2 ? 3 : 4
  }
  return { channel, outcome }
}
