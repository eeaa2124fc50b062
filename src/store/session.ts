// The open project's persistence: every edit is journaled at once (one small record under the next revision),
// and the journal is folded into the snapshot when the page is idle. A write under a revision another tab has
// taken is refused and reported, never applied over that tab's work.
import type { Doc } from './store.ts'
import { gridDelta, type JournalRecord } from './journal.ts'
import { appendRecord, layersOf, StaleError, writeSnapshot, type LayerRef, type Project, type StoredLayer } from './persist.ts'

const COMPACT_MS = 1500
/** fold the journal in after this many records even while edits keep coming */
const COMPACT_RECORDS = 100

export class ProjectSession {
  /** last revision this tab wrote or read, and who wrote it */
  rev: number
  private lastWriter: string
  /** this session, as journal records and snapshots name their writer */
  readonly writer = `w-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`
  savedAt = 0
  onSaved: (() => void) | null = null
  onError: ((message: string) => void) | null = null
  /** another tab wrote this project: this tab must stop writing */
  onStale: ((e: StaleError) => void) | null = null
  /** set when this tab may not write (another tab edits the project, or it went stale) */
  readOnly = false
  private saved: Doc
  private savedLayers: LayerRef[]
  /** layers listed but not stored yet (a project saved before layers had their own store, whose snapshot still
   * holds them): the next journaled edit stores them */
  private owed: StoredLayer[]
  /** layers of the project that are not in the document (not loaded yet, or left out by a safe start) */
  private pending: LayerRef[]
  private timer: ReturnType<typeof setTimeout> | null = null
  private records = 0
  private writing: Promise<unknown> = Promise.resolve()

  constructor(public project: Project, rev: number, writer: string, doc: Doc, pending: LayerRef[]) {
    this.rev = rev
    this.lastWriter = writer
    this.saved = doc
    this.pending = pending
    const l = layersOf(project.id, doc.imported)
    this.savedLayers = [...l.refs, ...pending]
    this.owed = l.fresh
  }

  /** the layers this session still owes the document (not loaded) */
  get unloaded(): readonly LayerRef[] {
    return this.pending
  }

  /** A layer finished loading into the document: nothing to write, it is already stored. */
  loaded(id: string, doc: Doc): void {
    this.pending = this.pending.filter((l) => l.id !== id)
    this.saved = doc
  }

  /** Journal the edit now. Project fields (name, analysis) come from this.project. */
  edit(doc: Doc, fields: { name?: string; analysis?: Project['analysis'] } = {}): void {
    if (this.readOnly) return
    const grids = gridDelta(this.saved.grids, doc.grids)
    let layers: LayerRef[] | undefined
    let fresh = this.owed
    if (doc.imported !== this.saved.imported) {
      const l = layersOf(this.project.id, doc.imported)
      fresh = [...new Map([...fresh, ...l.fresh].map((x) => [x.id, x])).values()]
      const next = [...l.refs, ...this.pending]
      if (next.length !== this.savedLayers.length || next.some((r, i) => r.id !== this.savedLayers[i].id)) layers = next
      this.savedLayers = next
    }
    this.saved = doc
    if (!grids && !layers && fields.name === undefined && fields.analysis === undefined) return
    const rec: JournalRecord = { pid: this.project.id, rev: this.rev + 1, writer: this.writer, after: this.lastWriter, at: Date.now(), ...(grids && { grids }), ...(layers && { layers }), ...fields }
    this.rev = rec.rev
    this.lastWriter = this.writer
    this.owed = []
    this.records++
    const w = appendRecord(rec, fresh).then(
      () => {
        this.savedAt = Date.now()
        this.onSaved?.()
      },
      (e: unknown) => this.failed(e),
    )
    this.writing = w
    this.schedule(this.records >= COMPACT_RECORDS ? 0 : COMPACT_MS)
  }

  private failed(e: unknown): void {
    if (e instanceof StaleError) {
      this.readOnly = true
      this.onStale?.(e)
    } else this.onError?.(e instanceof Error ? e.message : String(e))
  }

  /** Fold the journal into the snapshot soon. */
  schedule(ms = COMPACT_MS): void {
    if (this.readOnly) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), ms)
  }

  /** Compaction now (before switching project, on leaving the page, or when idle). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.writing.catch(() => undefined)
    if (this.readOnly || !this.records) return
    const at = this.rev
    try {
      await writeSnapshot({ ...this.project, doc: { grids: this.saved.grids, imported: [] }, updated: Date.now() }, { expectRev: at, writer: this.writer, ownRev: () => this.rev, refs: this.savedLayers })
      if (this.rev === at) this.records = 0
      this.savedAt = Date.now()
      this.onSaved?.()
    } catch (e) {
      this.failed(e)
    }
  }
}
