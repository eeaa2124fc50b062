// Projects in IndexedDB. A project stores the world's recipe (preset, seed) and the document; the base world is
// regenerated deterministically from the recipe. Four stores: `projects` (one small snapshot per project: grids,
// settings, the list of its imported layers), `journal` (one record per edit since the snapshot, keyed by
// project and revision), `layers` (each imported layer packed into typed arrays, read only when drawn) and
// `meta`. Edits are journaled at once by session.ts; compaction writes the snapshot.
import type { Feature } from 'geojson'
import { openDB, type IDBPDatabase } from 'idb'
import { applyGridDelta, gridDelta, replay, unreferenced, type GridDelta, type JournalRecord, type ProjectState } from './journal.ts'
import { packFeatures, type PackedLayer } from './packed-layer.ts'
import type { Doc, GridFeature } from './store.ts'
import { t } from '../i18n/i18n.ts'

export interface Project {
  id: string
  name: string
  preset: string
  seed: number
  doc: Doc
  updated: number
  /** the analyst's workspace: the scenario chosen and edited, and the run settings */
  analysis?: Analysis
}

export interface Analysis {
  /** preset scenario name */
  base: string
  /** lever path → value, where it differs from the preset */
  edits: Record<string, unknown>
  days: number
  replicates: number
  seed: number
  /** scenarios compared against the current one, pinned variants of it, and the last comparison's summary */
  compare?: CompareSettings
  /** the sweep tab's levers, ranges, target and worker count */
  sweep?: import('../sweep/plan.ts').SweepSettings
  /** the last finished sweep's summaries (no runs), so its table, curve and answer survive a reload */
  sweepResult?: import('../sweep/plan.ts').SavedSweep
  /** the last run's headline figures (no runs), so the rate cards survive a reload */
  lastRun?: { scenario: string; days: number; seeds: number[]; summary: import('../../sim/api.ts').ReplicateSummary | null; rates: Record<string, number> }
  /** the map view and the result layer shown: centre, zoom, level, metric, on or off */
  view?: { center: [number, number]; zoom: number }
  /** the result map's choice: level, metric, shown or not (its figures are kept beside, putResultAreas) */
  resultLayer?: { level: 'grid' | 'community'; metric: string; shown: boolean }
}

export interface CompareSettings {
  /** preset or variant names, in column order (B, C, …) */
  with: string[]
  /** the current scenario pinned under a name: its preset and lever edits */
  variants: Record<string, { base: string; edits: Record<string, unknown> }>
  /** the last comparison without its runs, so the table survives a reload */
  saved?: unknown
}

/** An imported layer as the snapshot lists it: enough to decide whether and how to draw it without reading it. */
export interface LayerRef {
  id: string
  /** features and positions */
  n: number
  points: number
  file: string
}

export interface StoredLayer {
  id: string
  pid: string
  packed: PackedLayer
}

/** The record in `projects`: the project without its imported features, its revision and layer list. */
export interface StoredProject extends Omit<Project, 'doc'> {
  /** imported layers live in the `layers` store; only a project saved before that has its features here */
  doc: { grids: GridFeature[]; imported: readonly Feature[] }
  rev?: number
  /** the session that wrote revision rev */
  writer?: string
  /** absent in projects saved before layers had their own store (their features are still in doc.imported) */
  layers?: LayerRef[]
  /** set when the grids are stored as their difference from the grids of the world the recipe (preset, seed)
   * rebuilds; doc.grids is then empty */
  baseDelta?: GridDelta
  /** the fingerprint of the grids baseDelta is relative to */
  basePrint?: string
}

/** The grids of the worlds this page rebuilds from their recipe. A project of such a world with at least
 * DELTA_MIN_GRIDS grids stores only its difference from them (issue 14: the first save of the whole city wrote
 * 22,822 grids in one long task, and every compaction after an edit wrote them again). Smaller worlds keep their
 * grids whole: the saving is small, and a whole copy does not depend on this version's generator. */
const DELTA_MIN_GRIDS = 5000
interface Base {
  grids: readonly GridFeature[]
  /** a fingerprint of the grids, so a delta is never applied to a base that changed (another app version) */
  print: string
}
const baseGrids = new Map<string, Base>()
const recipeKey = (preset: string, seed: number) => `${preset}\u0000${seed}`
export function setBaseGrids(preset: string, seed: number, grids: readonly GridFeature[]): void {
  if (grids.length >= DELTA_MIN_GRIDS) baseGrids.set(recipeKey(preset, seed), { grids, print: printOf(grids) })
}

/** the fingerprint a project of this recipe stores beside its changes (undefined: stored whole) */
export const basePrintOf = (preset: string, seed: number): string | undefined => baseGrids.get(recipeKey(preset, seed))?.print

/** FNV-1a over each grid's id and first vertex: cheap at city size, and changes when the generator does */
function printOf(grids: readonly GridFeature[]): string {
  let h = 0x811c9dc5
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  }
  for (const g of grids) {
    mix(g.properties.id)
    mix(JSON.stringify(g.geometry.coordinates[0]?.[0] ?? null))
  }
  return `${grids.length}:${(h >>> 0).toString(16)}`
}

/** A project stored as changes to a world this page has not rebuilt (another seed of the preset). */
export class BaseMissingError extends Error {
  constructor(readonly project: string, preset: string, seed: number) {
    super(`project ${project} is stored as changes to the world ${preset} (seed ${seed}), which this page has not built`)
  }
}

export function storedGrids(snap: StoredProject): GridFeature[] {
  if (!snap.baseDelta) return snap.doc.grids
  const base = baseGrids.get(recipeKey(snap.preset, snap.seed))
  if (!base) throw new BaseMissingError(snap.id, snap.preset, snap.seed)
  // the changes belong to other grids: applied here they would silently mix two worlds; the safe start shows this
  if (snap.basePrint !== base.print) throw new Error(t('proj.baseChanged', { name: snap.name || snap.id }))
  return applyGridDelta(base.grids, snap.baseDelta)
}

let dbp: Promise<IDBPDatabase> | null = null
/** the open database, for writes that must be issued in the same task as the edit */
let dbNow: IDBPDatabase | null = null
export function db(): Promise<IDBPDatabase> {
  dbp ??= openDB('gongzhi', 2, {
    upgrade(d, old) {
      if (old < 1) {
        d.createObjectStore('projects', { keyPath: 'id' })
        d.createObjectStore('meta')
      }
      if (old < 2) {
        d.createObjectStore('journal', { keyPath: ['pid', 'rev'] })
        d.createObjectStore('layers', { keyPath: 'id' }).createIndex('pid', 'pid')
      }
    },
  }).then((d) => (dbNow = d))
  return dbp
}
export function openedDb(): IDBPDatabase | null {
  return dbNow
}

const journalRange = (pid: string) => IDBKeyRange.bound([pid, -Infinity], [pid, Infinity])

/** Projects for the picker: the small snapshots only (no layer is read). */
export async function listProjects(): Promise<Project[]> {
  const all = (await (await db()).getAll('projects')) as Project[]
  return all.sort((a, b) => b.updated - a.updated)
}

/** A project as its snapshot and journal describe it, with its layers listed but not read. */
export interface Loaded {
  project: Project
  rev: number
  /** who wrote that revision: the next record follows it */
  writer: string
  layers: LayerRef[]
  /** records that were written by a tab that had lost track of the project, not applied */
  stale: number
}

export async function loadProject(id: string): Promise<Loaded | undefined> {
  const d = await db()
  const tx = d.transaction(['projects', 'journal'], 'readonly')
  const snap = (await tx.objectStore('projects').get(id)) as StoredProject | undefined
  const records = (await tx.objectStore('journal').getAll(journalRange(id))) as JournalRecord[]
  if (!snap) return undefined
  const base: ProjectState = { rev: snap.rev ?? 0, writer: snap.writer ?? '', grids: storedGrids(snap), layers: snap.layers ?? [], name: snap.name, analysis: snap.analysis }
  const { state, stale } = replay(base, records)
  if (stale.length) {
    // never applied and never will be; out of the way of the next revision numbers
    const w = d.transaction('journal', 'readwrite')
    for (const r of stale) void w.store.delete([r.pid, r.rev])
    await w.done
  }
  for (const l of state.layers) storedIds.add(l.id)
  const { rev: _r, layers: _l, writer: _w, baseDelta: _b, ...rest } = snap
  // saved before layers had their own store: the features are in the snapshot, packed here and stored by the next save
  const old = snap.layers ? [] : snap.doc.imported
  const inline = old.length ? [packFeatures(old)] : []
  return {
    project: { ...rest, name: state.name, analysis: state.analysis, doc: { grids: state.grids, imported: inline } },
    rev: state.rev,
    writer: state.writer,
    layers: state.layers,
    stale: stale.length,
  }
}

const refOf = (l: StoredLayer): LayerRef => ({ id: l.id, n: l.packed.n, points: l.packed.points, file: l.packed.file })
export async function readLayer(id: string): Promise<PackedLayer | undefined> {
  const p = ((await (await db()).get('layers', id)) as StoredLayer | undefined)?.packed
  if (p) storedAs(p, id)
  return p
}

/** The id each packed layer of a document is stored under (or will be, once an edit lists it), and the ids known
 * to be in the `layers` store: a later save lists a stored layer by its id instead of writing it again. */
const layerIds = new WeakMap<PackedLayer, string>()
const storedIds = new Set<string>()
export function storedAs(p: PackedLayer, id: string): void {
  layerIds.set(p, id)
  storedIds.add(id)
}
/** Layers put in a transaction count as stored from the moment they are queued, so a save issued meanwhile does not
 * write them twice; if the transaction fails they stop counting, and the next save writes them again. */
export function markStored(ids: readonly string[], done: Promise<unknown>): void {
  for (const id of ids) storedIds.add(id)
  done.catch(() => {
    for (const id of ids) storedIds.delete(id)
  })
}
/** ids handed to the import worker and not yet listed by an edit: a snapshot in between must not drop them */
export const pendingLayers = new Set<string>()

/** Write one layer on its own (the import worker, before the edit that lists it). */
export async function putLayer(l: StoredLayer): Promise<void> {
  await (await db()).put('layers', l)
}
export async function deleteLayer(id: string): Promise<void> {
  await (await db()).delete('layers', id)
}

export const newLayerId = (pid: string): string => `${pid}:L${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`

/** The document's layers as layer refs; the ones not stored yet (or stored under another project) come back
 * to be written. */
export function layersOf(pid: string, imported: readonly PackedLayer[]): { refs: LayerRef[]; fresh: StoredLayer[] } {
  const refs: LayerRef[] = []
  const fresh: StoredLayer[] = []
  for (const packed of imported) {
    let id = layerIds.get(packed)
    if (!id?.startsWith(`${pid}:`)) layerIds.set(packed, (id = newLayerId(pid)))
    if (!storedIds.has(id)) fresh.push({ id, pid, packed })
    refs.push(refOf({ id, pid, packed }))
  }
  return { refs, fresh }
}

/** Highest revision written for a project (snapshot or journal). */
async function currentRev(tx: ReturnType<IDBPDatabase['transaction']>, id: string): Promise<number> {
  const snap = (await tx.objectStore('projects').get(id)) as StoredProject | undefined
  const c = await tx.objectStore('journal').openCursor(journalRange(id), 'prev')
  return Math.max(snap?.rev ?? 0, (c?.value as JournalRecord | undefined)?.rev ?? 0)
}

export class StaleError extends Error {
  constructor(readonly stored: number, readonly mine: number) {
    super(`the project was saved by another tab (revision ${stored}, this tab has ${mine})`)
  }
}

/** Write a full snapshot: journal folded in, layers no longer listed dropped. With expectRev (the revision the
 * snapshot is at, written by `writer`), refuses (StaleError) unless that revision is this writer's and nobody
 * else has written since (ownRev: the writer's latest). Returns the snapshot's revision. */
export async function writeSnapshot(p: Project, opts: { expectRev?: number; writer?: string; ownRev?: () => number; refs?: LayerRef[]; fresh?: StoredLayer[] } = {}): Promise<number> {
  const writer = opts.writer ?? `put-${newId()}`
  const d = await db()
  const { refs, fresh } = opts.refs ? { refs: opts.refs, fresh: opts.fresh ?? [] } : layersOf(p.id, p.doc.imported)
  const tx = d.transaction(['projects', 'journal', 'layers'], 'readwrite')
  const now = await currentRev(tx, p.id)
  if (opts.expectRev !== undefined) {
    const snap = (await tx.objectStore('projects').get(p.id)) as StoredProject | undefined
    const mine = (await tx.objectStore('journal').get([p.id, opts.expectRev])) as JournalRecord | undefined
    const ours = snap?.rev === opts.expectRev ? snap.writer === writer : mine?.writer === writer && (snap?.rev ?? 0) < opts.expectRev
    if (!ours || now > (opts.ownRev?.() ?? opts.expectRev)) {
      tx.abort()
      throw new StaleError(now, opts.expectRev)
    }
  }
  const rev = opts.expectRev ?? now + 1
  const layers = tx.objectStore('layers')
  for (const l of fresh) void layers.put(l)
  markStored(fresh.map((l) => l.id), tx.done)
  const stored = (await layers.index('pid').getAllKeys(p.id)) as string[]
  const base = baseGrids.get(recipeKey(p.preset, p.seed))
  const grids = p.doc.grids as GridFeature[]
  const snap: StoredProject = base
    ? { ...p, doc: { grids: [], imported: [] }, baseDelta: gridDelta(base.grids, grids) ?? { put: [], del: [] }, basePrint: base.print, rev, writer, layers: refs }
    : { ...p, doc: { grids, imported: [] }, rev, writer, layers: refs }
  void tx.objectStore('projects').put(snap)
  void tx.objectStore('journal').delete(IDBKeyRange.bound([p.id, -Infinity], [p.id, rev]))
  const dropped = unreferenced(stored, refs.map((r) => r.id)).filter((id) => !pendingLayers.has(id))
  // an undo step may still hold a dropped layer: a redo writes it again
  for (const id of dropped) {
    void layers.delete(id)
    storedIds.delete(id)
  }
  await tx.done
  return rev
}

/** Save a whole project (new, save as, open). Keeps working for callers that create projects. */
export async function putProject(p: Project): Promise<void> {
  await writeSnapshot(p)
}

/** Append one journal record (and the layers it adds) in a transaction issued now, in this task, and committed
 * at once: a reload right after the edit finds it. Rejects with StaleError when the revision was taken. */
export function appendRecord(rec: JournalRecord, fresh: StoredLayer[]): Promise<void> {
  const d = dbNow
  if (!d) return db().then(() => appendRecord(rec, fresh))
  const tx = d.transaction(['journal', 'layers'], 'readwrite')
  for (const l of fresh) void tx.objectStore('layers').put(l)
  markStored(fresh.map((l) => l.id), tx.done)
  const add = tx.objectStore('journal').add(rec)
  add.catch(() => undefined)
  tx.commit()
  return tx.done.then(
    () => verifyRecord(d, rec),
    (e: unknown) => {
      if (e instanceof DOMException && e.name === 'ConstraintError') throw new StaleError(rec.rev, rec.rev - 1)
      throw e
    },
  )
}

/** The record was written; does it follow what is stored? (Another tab may have folded the journal past it.)
 * A record that does not is never replayed; the writer is told, so its tab stops writing. */
async function verifyRecord(d: IDBPDatabase, rec: JournalRecord): Promise<void> {
  const tx = d.transaction(['projects', 'journal'], 'readonly')
  const snap = (await tx.objectStore('projects').get(rec.pid)) as StoredProject | undefined
  const prev = (await tx.objectStore('journal').get([rec.pid, rec.rev - 1])) as JournalRecord | undefined
  const srev = snap?.rev ?? 0
  const before = rec.rev - 1 === srev ? (snap?.writer ?? '') : prev?.writer
  if (srev >= rec.rev || (before !== undefined && before !== '' && before !== rec.after) || (before === undefined && rec.rev - 1 > srev)) throw new StaleError(srev, rec.rev)
}

export async function deleteProject(id: string): Promise<void> {
  const d = await db()
  const tx = d.transaction(['projects', 'journal', 'layers'], 'readwrite')
  void tx.objectStore('projects').delete(id)
  void tx.objectStore('journal').delete(journalRange(id))
  for (const k of await tx.objectStore('layers').index('pid').getAllKeys(id)) void tx.objectStore('layers').delete(k)
  await tx.done
  await d.delete('meta', resultKey(id))
}
/** The last single run's per-area figures at the level the result map shows, kept beside the project rather than
 * in its journal (on a district they are hundreds of kilobytes, and the analysis is journaled with every edit). */
const resultKey = (pid: string) => `result:${pid}`
export async function putResultAreas(pid: string, v: unknown): Promise<void> {
  await (await db()).put('meta', v, resultKey(pid))
}
export async function getResultAreas(pid: string): Promise<unknown> {
  return (await db()).get('meta', resultKey(pid))
}

export async function getCurrent(preset: string): Promise<string | undefined> {
  return (await (await db()).get('meta', `current:${preset}`)) as string | undefined
}
export async function setCurrent(preset: string, id: string): Promise<void> {
  await (await db()).put('meta', id, `current:${preset}`)
}

export const newId = (): string => `p-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`
