// Edit-then-simulate: what changed between the last run and this one — the headline figures, the grid layout
// the two runs used, the scenario levers, and the grids whose P90 time to close moved most. Pure.
import { diffScenarios, metricAt, type DiffRow, type SimResult } from '../../sim/api.ts'
import type { RunOutcome } from '../sim-client.ts'

export interface HeadlineDef {
  /** suffix of the `diff-<id>` test id */
  id: string
  path: string
  unit: 'share' | 'hours' | 'count'
  /** which way is better: colours the change */
  better: 'up' | 'down'
}

export const HEADLINES: HeadlineDef[] = [
  { id: 'response', path: 'rates.response', unit: 'share', better: 'up' },
  { id: 'resolution', path: 'rates.resolution', unit: 'share', better: 'up' },
  { id: 'satisfaction', path: 'rates.satisfaction', unit: 'share', better: 'up' },
  { id: 'ontime', path: 'rates.onTime', unit: 'share', better: 'up' },
  { id: 'discovery', path: 'rates.discovery', unit: 'share', better: 'up' },
  { id: 'proactive', path: 'rates.proactive', unit: 'share', better: 'up' },
  { id: 'p50', path: 'hoursToClose.p50', unit: 'hours', better: 'down' },
  { id: 'p90', path: 'hoursToClose.p90', unit: 'hours', better: 'down' },
  // known and not closed at the end: the backlog left over
  { id: 'backlog', path: 'issues.open', unit: 'count', better: 'down' },
  { id: 'util-grid', path: 'utilization.gridWorker.utilization', unit: 'share', better: 'down' },
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
