// Edit-then-simulate: what changed between the last run and this one — the headline figures, the grid layout
// the two runs used, the scenario levers, and the grids whose P90 time to close moved most. Pure.
import { diffScenarios, metricAt, RESULT_METRICS, type DiffRow, type ResultMetric, type SimResult } from '../../sim/api.ts'
import type { RunOutcome } from '../sim-client.ts'

export interface HeadlineDef {
  /** suffix of the `diff-<id>` test id */
  id: string
  path: ResultMetric
  unit: 'share' | 'hours' | 'count'
  /** which way is better: colours the change */
  better: 'up' | 'down'
}

/** a headline with the unit and direction the metric registry gives it */
function headline(id: string, path: ResultMetric): HeadlineDef {
  const m = RESULT_METRICS[path]
  return { id, path, unit: m.unit === 'share' || m.unit === 'hours' ? m.unit : 'count', better: m.direction === 'higher-worse' ? 'down' : 'up' }
}

export const HEADLINES: HeadlineDef[] = [
  headline('response', 'rates.response'),
  headline('resolution', 'rates.resolution'),
  headline('satisfaction', 'rates.satisfaction'),
  headline('ontime', 'rates.onTime'),
  headline('discovery', 'rates.discovery'),
  headline('proactive', 'rates.proactive'),
  headline('p50', 'hoursToClose.p50'),
  headline('p90', 'hoursToClose.p90'),
  // known and not closed at the end: the backlog left over
  headline('backlog', 'issues.open'),
  headline('util-grid', 'utilization.gridWorker.utilization'),
]

/** a run's figure: the replicate summary's mean where there is one (what the cards show), else the mean over runs */
export function headlineValue(o: RunOutcome, path: string): number | null {
  const s = o.summary?.metrics[path]
  if (s && Number.isFinite(s.mean)) return s.mean
  const xs = o.results.map((r) => metricAt(r, path)).filter(Number.isFinite)
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null
}

export interface HeadlineRow extends HeadlineDef {
  previous: number | null
  current: number | null
  /** current − previous, null when either is missing */
  change: number | null
}

export function headlineDiff(previous: RunOutcome, current: RunOutcome): HeadlineRow[] {
  return HEADLINES.map((d) => {
    const p = headlineValue(previous, d.path)
    const c = headlineValue(current, d.path)
    return { ...d, previous: p, current: c, change: p === null || c === null ? null : c - p }
  })
}

interface GridLike {
  geometry: unknown
  properties: { id: string; layer?: string; workersFullTime?: number; workersPartTime?: number; partyBranch?: boolean }
}

export interface LayoutDiff {
  added: string[]
  removed: string[]
  reshaped: string[]
  /** same shape, different workers or party-branch setting: changes what the simulation staffs */
  restaffed: string[]
  unchanged: number
}

const governance = (doc: unknown): GridLike[] => ((doc as { grids?: GridLike[] } | null)?.grids ?? []).filter((g) => (g.properties.layer ?? 'governance') !== 'party')

const staffOf = (g: GridLike) => `${g.properties.workersFullTime ?? 0}|${g.properties.workersPartTime ?? 0}|${g.properties.partyBranch !== false}`

/** the governance grids of two documents compared by id: added, removed, reshaped, restaffed */
export function layoutDiff(previousDoc: unknown, currentDoc: unknown): LayoutDiff {
  const prev = new Map(governance(previousDoc).map((g) => [g.properties.id, g]))
  const cur = new Map(governance(currentDoc).map((g) => [g.properties.id, g]))
  const out: LayoutDiff = { added: [], removed: [], reshaped: [], restaffed: [], unchanged: 0 }
  for (const id of cur.keys()) if (!prev.has(id)) out.added.push(id)
  for (const [id, p] of prev) {
    const c = cur.get(id)
    if (!c) out.removed.push(id)
    // features are immutable in the store: the same object means the same grid, no need to serialise
    else if (c !== p && c.geometry !== p.geometry && JSON.stringify(c.geometry) !== JSON.stringify(p.geometry)) out.reshaped.push(id)
    else if (c !== p && staffOf(c) !== staffOf(p)) out.restaffed.push(id)
    else out.unchanged++
  }
  return out
}

export const layoutChanged = (d: LayoutDiff): boolean => d.added.length + d.removed.length + d.reshaped.length + d.restaffed.length > 0

/** the levers that differ between the two runs' scenarios */
export function leverChanges(previous: RunOutcome, current: RunOutcome): DiffRow[] {
  const a = previous.results[0]
  const b = current.results[0]
  return a && b ? diffScenarios(a.params, b.params) : []
}

export interface GridChange {
  id: string
  previous: number
  current: number
  change: number
}

/** grids in both runs with a P90 time to close in both that changed, by the size of the change, largest first */
export function gridP90Changes(previous: SimResult, current: SimResult, top = 10): GridChange[] {
  const a = previous.byGrid
  const b = current.byGrid
  if (!a || !b) return []
  const prev = new Map(a.ids.map((id, k) => [id, a.p90HoursToClose[k]]))
  const out: GridChange[] = []
  b.ids.forEach((id, k) => {
    const p = prev.get(id)
    const c = b.p90HoursToClose[k]
    if (typeof p === 'number' && typeof c === 'number' && c !== p) out.push({ id, previous: p, current: c, change: c - p })
  })
  return out.sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.id.localeCompare(y.id)).slice(0, top)
}
