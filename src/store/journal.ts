// The edit journal's pure parts (no IndexedDB here; persist.ts and session.ts write what these compute).
// Each edit becomes one small record — the grids it put and deleted, the list of imported layers when that
// changed, project fields (name, analysis) when they changed — written at once under the next revision of the
// project. Opening a project replays the records that follow its snapshot; compaction folds them into it.
import type { Analysis, LayerRef } from './persist.ts'
import type { GridFeature } from './store.ts'

export interface GridDelta {
  put: GridFeature[]
  del: string[]
  /** every grid id in document order, only when putting and deleting alone would not restore the order */
  order?: string[]
}

export interface JournalRecord {
  pid: string
  /** the project's revision this record creates; it follows rev − 1 */
  rev: number
  /** the session (tab) that wrote it, and the one it believed wrote rev − 1 */
  writer: string
  after: string
  at: number
  grids?: GridDelta
  /** the imported layers, in order, when they changed */
  layers?: LayerRef[]
  name?: string
  analysis?: Analysis
}

/** What the snapshot and the records describe, before the layers' features are read. */
export interface ProjectState {
  rev: number
  /** the session that wrote this revision ('' before writers were recorded: anyone may follow) */
  writer: string
  grids: GridFeature[]
  layers: LayerRef[]
  name: string
  analysis?: Analysis
}

const idOf = (g: GridFeature) => g.properties.id

/** Replace in place, drop deleted, append new ones (in put order); then impose order when given. */
export function applyGridDelta(grids: readonly GridFeature[], d: GridDelta): GridFeature[] {
  const put = new Map(d.put.map((g) => [idOf(g), g]))
  const del = new Set(d.del)
  const out: GridFeature[] = []
  const seen = new Set<string>()
  for (const g of grids) {
    const id = idOf(g)
    if (del.has(id) && !put.has(id)) continue
    seen.add(id)
    out.push(put.get(id) ?? g)
  }
  for (const g of d.put) if (!seen.has(idOf(g))) out.push(g)
  if (!d.order) return out
  const byId = new Map(out.map((g) => [idOf(g), g]))
  return d.order.flatMap((id) => byId.get(id) ?? [])
}

/** The smallest delta turning prev into next (features are immutable: a changed grid is a new object); null if
 * nothing changed. */
export function gridDelta(prev: readonly GridFeature[], next: readonly GridFeature[]): GridDelta | null {
  if (prev === next) return null
  const before = new Map(prev.map((g) => [idOf(g), g]))
  const after = new Set<string>()
  const put: GridFeature[] = []
  for (const g of next) {
    after.add(idOf(g))
    if (before.get(idOf(g)) !== g) put.push(g)
  }
  const del = prev.filter((g) => !after.has(idOf(g))).map(idOf)
  if (!put.length && !del.length && prev.length === next.length && prev.every((g, i) => g === next[i])) return null
  const d: GridDelta = { put, del }
  const replayed = applyGridDelta(prev, d)
  if (replayed.length !== next.length || replayed.some((g, i) => g !== next[i])) d.order = next.map(idOf)
  return d
}

/** Apply the records that follow the snapshot, in revision order. A record at or below the snapshot's
 * revision, after a gap, or following a revision its tab did not write or read (its `after` is not the writer
 * of the revision before it) was written by a tab that had lost track of the project: it is not applied and is
 * returned as stale, never allowed to overwrite newer work. */
export function replay(snapshot: ProjectState, records: readonly JournalRecord[]): { state: ProjectState; applied: number; stale: JournalRecord[] } {
  const sorted = [...records].sort((a, b) => a.rev - b.rev)
  let s = snapshot
  let applied = 0
  const stale: JournalRecord[] = []
  for (const r of sorted) {
    if (r.rev !== s.rev + 1 || (s.writer !== '' && r.after !== s.writer)) {
      stale.push(r)
      continue
    }
    s = {
      rev: r.rev,
      writer: r.writer,
      grids: r.grids ? applyGridDelta(s.grids, r.grids) : s.grids,
      layers: r.layers ?? s.layers,
      name: r.name ?? s.name,
      analysis: r.analysis ?? s.analysis,
    }
    applied++
  }
  return { state: s, applied, stale }
}

/** Layers no longer referenced by the snapshot: their stored records can go. */
export function unreferenced(stored: readonly string[], kept: readonly string[]): string[] {
  const keep = new Set(kept)
  return stored.filter((id) => !keep.has(id))
}
