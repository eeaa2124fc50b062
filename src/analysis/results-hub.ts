// The last finished run or comparison, published to every view that explains it (cards, charts, result maps,
// the diff against the previous run, the report). Views subscribe; the run panel publishes. Keeping the
// previous result lets edit-then-simulate show what changed.
import type { SimResult } from '../../sim/api.ts'
import { armsOf, type Comparison } from '../panels/compare.ts'
import type { RunOutcome } from '../sim-client.ts'

export type LastResult = { kind: 'run'; outcome: RunOutcome; scenario: string } | { kind: 'compare'; comparison: Comparison }

export interface Published {
  current: LastResult
  /** the result before this one, if any: what edit-then-simulate compares against */
  previous: LastResult | null
  /** the layout this result ran on: the grid document it was computed from */
  doc: unknown
  /** the layout `previous` ran on */
  previousDoc?: unknown
  /** the last single or replicate run before this result (a comparison in between does not hide it), with its
   * layout: what the diff against the last run compares a run with */
  previousRun?: { result: RunResult; doc: unknown } | null
}

export type RunResult = Extract<LastResult, { kind: 'run' }>

/** the runs behind a result: replicates of a run, or A's then B's runs of a comparison */
export function runsOf(r: LastResult): SimResult[] {
  return r.kind === 'run' ? r.outcome.results : armsOf(r.comparison).flatMap((arm) => arm.runs)
}

export class ResultsHub {
  private listeners = new Set<(p: Published) => void>()
  last: Published | null = null

  publish(current: LastResult, doc: unknown): void {
    const l = this.last
    const previousRun = l ? (l.current.kind === 'run' ? { result: l.current, doc: l.doc } : l.previousRun) : null
    this.last = { current, previous: l?.current ?? null, doc, previousDoc: l?.doc ?? null, previousRun }
    for (const f of this.listeners) f(this.last)
  }

  subscribe(f: (p: Published) => void): () => void {
    this.listeners.add(f)
    return () => this.listeners.delete(f)
  }
}
