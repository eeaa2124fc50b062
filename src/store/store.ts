// App state: the base world, the editable grid layer (governance and party grids), imported features, the
// selection, undo/redo history and the live check results. Views subscribe and re-render on change.
import type { Feature, FeatureCollection } from 'geojson'
import { checkCommunity, indexGridLayer, indexSteps, putGrid, type BuildingPlaces, type CommunityCheck, type Finding, type GridLayerIndex, type GridP, type GridStats, type World } from '../../sim/api.ts'
import { polysOf, type Area } from './geo.ts'
import type { PackedLayer } from './packed-layer.ts'
import { yieldToLoop, type Yield } from '../yield.ts'

export type GridFeature = Feature<Area, GridP>

export interface Doc {
  /** every grid of both layers; features are treated as immutable */
  grids: GridFeature[]
  /** the imported layers, each kept packed (typed arrays and a Blob of properties, packed-layer.ts): a feature
   * is decoded only when something asks for it (a click, an export), so a 60 MB layer is never a few hundred
   * thousand objects on the page's heap */
  imported: readonly PackedLayer[]
}

/** features in the imported layers */
export const importedCount = (d: Doc): number => d.imported.reduce((s, l) => s + l.n, 0)

export interface AppState {
  world: World
  doc: Doc
  selected: string[]
  /** community the stats panel shows */
  community: string | null
  checks: Map<string, CommunityCheck>
  findings: Finding[]
  stats: Map<string, GridStats>
  message: string
}

/** What a change was, so a view decides without comparing strings: the document changed (redraw the map),
 * history moved under the user (leave the vertex editor), or only the selection or the message did. */
export type ChangeKind = 'edit' | 'undo' | 'redo' | 'reset' | 'layers' | 'select' | 'message'
export interface Change {
  kind: ChangeKind
  /** the grid document (or its imported layers) is another one */
  doc: boolean
  /** the document was replaced by undo, redo or a reset, not by the user's gesture */
  history: boolean
}
const CHANGES: Record<ChangeKind, Change> = {
  edit: { kind: 'edit', doc: true, history: false },
  undo: { kind: 'undo', doc: true, history: true },
  redo: { kind: 'redo', doc: true, history: true },
  reset: { kind: 'reset', doc: true, history: true },
  layers: { kind: 'layers', doc: true, history: false },
  select: { kind: 'select', doc: false, history: false },
  message: { kind: 'message', doc: false, history: false },
}

/** where the selection goes with a committed edit (the grid just drawn, the pieces of a split …) */
export interface Focus {
  selected?: string[]
  community?: string | null
}

type Listener = (s: AppState, change: Change) => void

/** Every finding of every community, errors first. A loop, not push(...spread): a community with a million
 * findings must not overflow the call stack (it did, and that stopped every later save). */
export function collectChecks(checks: Iterable<CommunityCheck>): { findings: Finding[]; stats: Map<string, GridStats> } {
  const findings: Finding[] = []
  const stats = new Map<string, GridStats>()
  for (const c of checks) {
    for (const f of c.findings) findings.push(f)
    for (const g of c.grids) stats.set(g.id, g)
  }
  const rank = { error: 0, warning: 1, info: 2 }
  findings.sort((a, b) => rank[a.severity] - rank[b.severity])
  return { findings, stats }
}

/** a community whose check threw: one error finding, so the user sees it and the rest carries on */
export function failedCheck(communityId: string, e: unknown): CommunityCheck {
  return {
    community: communityId,
    grids: [],
    findings: [{ code: 'geometry-operation-failed', severity: 'error', message: String(e), location: [0, 0], features: [{ layer: 'communities', id: communityId }] }],
  }
}

export class Store {
  state: AppState
  private undoStack: Doc[] = []
  private redoStack: Doc[] = []
  private listeners: Listener[] = []
  /** built when first needed: with checks from the world's worker, not before the first edit */
  private index: GridLayerIndex | null = null
  /** where the buildings lie, from the world's worker: the index is then built without geometry */
  private places: BuildingPlaces | undefined
  /** ms of the last re-validation */
  lastCheckMs = 0
  /** Called with every new document before it is checked or drawn, so persistence never waits on (or dies
   * with) the checks and the views. */
  onDoc: ((doc: Doc, kind: ChangeKind) => void) | null = null
  /** A check, a view or the persistence hook threw: the store carries on and reports it here. */
  onError: ((where: string, e: unknown) => void) | null = null
  /** When set, edits are refused with this message (read-only tab). */
  readOnly: (() => string | null) | null = null
  /** the community check; replaceable so a test can make it fail */
  check = checkCommunity

  /** `prepared`: the check of every community of the world's own grids and where its buildings lie, done in the
   * world's worker (issue 14: on the page, for the whole city, one task of minutes); only the communities whose
   * grids `doc` changed are checked here. */
  constructor(world: World, doc?: Doc, prepared?: { checks: readonly CommunityCheck[]; places: BuildingPlaces }) {
    const d = doc ?? { grids: world.grids.features.slice() as GridFeature[], imported: [] }
    this.state = { world, doc: d, selected: [], community: null, checks: new Map(), findings: [], stats: new Map(), message: '' }
    this.places = prepared?.places
    if (!prepared) {
      for (const id of this.ix.communities.keys()) this.recheck(id)
      this.collect()
      return
    }
    for (const c of prepared.checks) this.state.checks.set(c.community, c)
    const base: Doc = { grids: world.grids.features as GridFeature[], imported: [] }
    this.revalidate(base, d, false)
  }

  /** the index being built between frames (warmIndex), from the document it started on */
  private warming: Generator<void, GridLayerIndex> | null = null

  private get ix(): GridLayerIndex {
    if (!this.index) {
      // finished here when an edit needs it first: the grids it started from are those before that edit
      const steps = this.warming ?? this.indexSteps()
      this.warming = null
      for (let r = steps.next(); ; r = steps.next()) if (r.done) {
        this.index = r.value
        break
      }
    }
    return this.index
  }

  private indexSteps(): Generator<void, GridLayerIndex> {
    const w = this.state.world
    return indexSteps({ communities: w.communities, buildings: w.buildings, grids: this.governanceFc(this.state.doc) }, this.places)
  }

  /** Build the community index a slice at a time, yielding to frames and input, unless it exists already. */
  async warmIndex(yieldNow: Yield = yieldToLoop, sliceMs = 12): Promise<void> {
    if (this.index || this.warming) return
    const steps = (this.warming = this.indexSteps())
    for (;;) {
      const t0 = performance.now()
      // at least one step per slice
      do {
        // an edit finished it, or a full check replaced it, while this waited
        if (this.warming !== steps) return
        const r = steps.next()
        if (r.done) {
          this.index = r.value
          this.warming = null
          return
        }
      } while (performance.now() - t0 < sliceMs)
      await yieldNow()
    }
  }

  private governanceFc(d: Doc): World['grids'] {
    return { type: 'FeatureCollection', features: d.grids.filter((g) => g.properties.layer !== 'party') }
  }

  subscribe(f: Listener): void {
    this.listeners.push(f)
  }
  /** Each listener on its own: one that throws neither stops the others nor the caller. */
  emit(kind: ChangeKind): void {
    const change = CHANGES[kind]
    for (const f of this.listeners) {
      try {
        f(this.state, change)
      } catch (e) {
        this.fail('view', e)
      }
    }
  }

  private fail(where: string, e: unknown): void {
    console.error(where, e)
    try {
      this.onError?.(where, e)
    } catch (e2) {
      console.error(e2)
    }
  }

  private refused(): boolean {
    const why = this.readOnly?.()
    if (why) this.say(why)
    return !!why
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0
  }

  /** Replace the document (one undoable step) and re-validate the communities whose grids changed; `focus`
   * moves the selection to what the edit made. */
  commit(next: Doc, focus?: Focus): void {
    if (this.refused()) return
    this.undoStack.push(this.state.doc)
    if (this.undoStack.length > 200) this.undoStack.shift()
    this.redoStack = []
    if (focus?.selected) this.state.selected = focus.selected
    if (focus?.community !== undefined) this.state.community = focus.community
    this.apply(next, 'edit')
  }
  undo(): void {
    if (this.refused()) return
    const d = this.undoStack.pop()
    if (!d) return
    this.redoStack.push(this.state.doc)
    this.apply(d, 'undo')
  }
  redo(): void {
    if (this.refused()) return
    const d = this.redoStack.pop()
    if (!d) return
    this.undoStack.push(this.state.doc)
    this.apply(d, 'redo')
  }
  /** Load a document with no history (open project, restore). */
  reset(d: Doc): void {
    this.undoStack = []
    this.redoStack = []
    this.apply(d, 'reset', true)
  }

  /** Swap the imported layers of the current document and of every undo step that shares them (layers
   * loaded after the map came up): no undo step, nothing journaled. */
  swapImported(from: Doc['imported'], to: Doc['imported']): void {
    const sw = (d: Doc) => (d.imported === from ? { ...d, imported: to } : d)
    this.undoStack = this.undoStack.map(sw)
    this.redoStack = this.redoStack.map(sw)
    this.state.doc = sw(this.state.doc)
    this.emit('layers')
  }

  private apply(next: Doc, kind: 'edit' | 'undo' | 'redo' | 'reset', all = false): void {
    const prev = this.state.doc
    this.state.doc = next
    if (kind !== 'reset') {
      try {
        this.onDoc?.(next, kind)
      } catch (e) {
        this.fail('save', e)
      }
    }
    try {
      this.revalidate(prev, next, all)
    } catch (e) {
      this.fail('check', e)
    }
    this.emit(kind)
  }

  private revalidate(prev: Doc, next: Doc, all: boolean): void {
    const t0 = performance.now()
    const before = new Map(prev.grids.map((g) => [g.properties.id, g]))
    const after = new Map(next.grids.map((g) => [g.properties.id, g]))
    const touched = new Set<string>()
    const gov = (g: GridFeature | undefined) => g && g.properties.layer !== 'party'
    for (const [id, g] of after) if (before.get(id) !== g) {
      if (gov(before.get(id))) touched.add(before.get(id)!.properties.community)
      if (gov(g)) touched.add(g.properties.community)
    }
    for (const [id, g] of before) if (!after.has(id) && gov(g)) touched.add(g.properties.community)
    if (all || touched.size > 50) {
      this.warming = null
      this.index = indexGridLayer({ communities: this.state.world.communities, buildings: this.state.world.buildings, grids: this.governanceFc(next) }, this.places)
      for (const id of this.ix.communities.keys()) this.recheck(id)
    } else if (touched.size) {
      for (const c of touched) {
        const list = this.ix.gridsByCommunity.get(c)
        if (list) list.length = 0
      }
      this.ix.orphanGrids = this.ix.orphanGrids.filter((g) => after.has(g.id) && !touched.has(g.community))
      for (const g of next.grids) if (gov(g) && touched.has(g.properties.community))
        putGrid(this.ix, { id: g.properties.id, community: g.properties.community, geometry: polysOf(g.geometry), base: g.properties.base })
      for (const c of touched) if (this.ix.communities.has(c)) this.recheck(c)
    }
    this.collect()
    this.state.selected = this.state.selected.filter((id) => after.has(id))
    this.lastCheckMs = performance.now() - t0
  }

  private recheck(communityId: string): void {
    try {
      this.state.checks.set(communityId, this.check(this.ix, communityId))
    } catch (e) {
      this.fail('check', e)
      this.state.checks.set(communityId, failedCheck(communityId, e))
    }
  }

  private collect(): void {
    const { findings, stats } = collectChecks(this.state.checks.values())
    this.state.findings = findings
    this.state.stats = stats
  }

  select(ids: string[]): void {
    this.state.selected = ids
    const g = this.grid(ids[ids.length - 1])
    if (g) this.state.community = g.properties.community
    this.emit('select')
  }
  setCommunity(id: string | null): void {
    this.state.community = id
    this.emit('select')
  }
  say(message: string): void {
    this.state.message = message
    this.emit('message')
  }

  grid(id: string | undefined): GridFeature | undefined {
    return id === undefined ? undefined : this.state.doc.grids.find((g) => g.properties.id === id)
  }

  gridsFc(layer: 'governance' | 'party'): FeatureCollection {
    const stats = this.state.stats
    return {
      type: 'FeatureCollection',
      features: this.state.doc.grids
        .filter((g) => (g.properties.layer ?? 'governance') === layer)
        .map((g) => ({ ...g, id: undefined, properties: { ...g.properties, base: undefined, _hh: stats.get(g.properties.id)?.households ?? -1, _sel: this.state.selected.includes(g.properties.id) ? 1 : 0 } })),
    }
  }
}
