// The open project: its session (journal + compaction), the tab lock that makes a second tab read-only, the
// imported layers loaded after the map is up, and the safe-start marker cleared once everything has drawn.
import { fmtInt, t } from './i18n/i18n.ts'
import { MAX_DRAW_POINTS } from './layers/imported-sample.ts'
import type { MapView } from './map/map.ts'
import { showBanner, showError } from './panels/notices.ts'
import { clearLoading, markLoading } from './panels/safe-start.ts'
import { loadProject, putProject, readLayer, setCurrent, type LayerRef, type Loaded, type Project } from './store/persist.ts'
import { ProjectSession } from './store/session.ts'
import type { Store } from './store/store.ts'
import { lockName, TabLock } from './store/tab-lock.ts'

export interface ProjectHost {
  readonly store: Store
  readonly view: MapView
  readonly preset: string
  /** the project changed (opened, renamed): redraw what shows it */
  projectChanged(): void
}

export class ProjectControl {
  session: ProjectSession
  private lock: TabLock | null = null
  /** bumps on every open, so a slow layer load of an earlier project stops */
  private generation = 0
  layersLoading = false

  constructor(private host: ProjectHost, loaded: Loaded, private skipLayers = false) {
    this.session = this.start(loaded)
  }

  get project(): Project {
    return this.session.project
  }

  private start(l: Loaded, steal = false): ProjectSession {
    const s = new ProjectSession(l.project, l.rev, l.writer, l.project.doc, l.layers)
    s.onSaved = () => {
      const el = document.getElementById('autosave')
      if (el) el.textContent = `✓ ${t('proj.saved')}`
    }
    s.onError = (m) => showError(t('err.save', { error: m }))
    s.onStale = (e) => {
      showBanner(t('tab.stale', { stored: e.stored }), { label: t('tab.reload'), testid: 'tab-reload', run: () => location.reload() })
      this.lock?.unlock()
    }
    this.host.store.onDoc = (doc) => s.edit(doc)
    this.host.store.readOnly = () => (s.readOnly ? t('tab.refused') : null)
    s.readOnly = true // until the lock says otherwise
    void this.claim(s, l.project.id, steal)
    return s
  }

  /** Hold the project's lock, or open read-only with a banner offering to take over. */
  private async claim(s: ProjectSession, id: string, steal = false): Promise<void> {
    this.lock?.unlock()
    const lock = new TabLock(lockName(id))
    this.lock = lock
    lock.onLost = () => {
      if (this.session !== s) return
      s.readOnly = true
      showBanner(t('tab.lost'), { label: t('tab.takeOver'), testid: 'tab-take-over', run: () => void this.takeOver() })
    }
    let held = await lock.acquire(steal)
    // a reload: the page being replaced may not have let go yet
    for (let i = 0; !held && i < 3 && this.lock === lock; i++) {
      await new Promise((r) => setTimeout(r, 300))
      held = await lock.acquire()
    }
    if (this.lock !== lock) return lock.unlock()
    s.readOnly = !held
    document.body.dataset.readonly = held ? '' : '1'
    showBanner(held ? null : t('tab.readOnly'), held ? undefined : { label: t('tab.takeOver'), testid: 'tab-take-over', run: () => void this.takeOver() })
  }

  /** Edit here: take the lock from the other tab and reload the project as that tab left it. */
  async takeOver(): Promise<void> {
    const id = this.project.id
    this.lock?.unlock()
    this.lock = null
    const lock = new TabLock(lockName(id))
    if (!(await lock.acquire(true))) return
    lock.unlock() // openById claims it again, as any open does
    await this.openById(id, { steal: true })
  }

  /** Open a stored project: snapshot + journal now, layers after the map has drawn. */
  async openById(id: string, opts: { skipLayers?: boolean; steal?: boolean } = {}): Promise<void> {
    await this.session.flush()
    markLoading(id)
    const l = await loadProject(id)
    if (!l) return
    this.generation++
    this.lock?.unlock()
    this.lock = null
    this.skipLayers = !!opts.skipLayers
    this.session = this.start(l, opts.steal)
    this.host.store.reset(l.project.doc)
    await setCurrent(this.host.preset, id)
    this.host.projectChanged()
    void this.loadLayers()
  }

  /** Save a whole project (new, save as) and open it. */
  async openProject(p: Project): Promise<void> {
    await this.session.flush()
    await putProject({ ...p, updated: Date.now() })
    await this.openById(p.id)
  }

  rename(name: string): void {
    this.session.project = { ...this.session.project, name }
    this.session.edit(this.host.store.state.doc, { name })
  }

  saveAnalysis(a: Project['analysis']): void {
    this.session.project = { ...this.session.project, analysis: a }
    this.session.edit(this.host.store.state.doc, { analysis: a })
  }

  flush(): Promise<void> {
    return this.session.flush()
  }

  /** Leaving the page: let the next page (a reload) or another tab have the lock at once. */
  release(): void {
    this.lock?.unlock()
  }

  /** Read the project's layers (packed, as stored: nothing is decoded here), then draw; clears the safe-start
   * marker when the map is idle with everything on it. */
  async loadLayers(): Promise<void> {
    const gen = this.generation
    const s = this.session
    const todo: LayerRef[] = [...s.unloaded]
    if (this.skipLayers && todo.length) {
      showBanner(t('layers.off', { n: todo.length }), undefined, 'layers')
      todo.length = 0
    } else showBanner(null, undefined, 'layers') // another project opened after a safe start
    this.layersLoading = todo.length > 0
    try {
      for (const ref of todo) {
        const packed = await readLayer(ref.id)
        if (gen !== this.generation) return
        if (!packed) continue
        const before = this.host.store.state.doc.imported
        this.host.store.swapImported(before, [...before, packed])
        s.loaded(ref.id, this.host.store.state.doc)
      }
    } catch (e) {
      showError(t('safe.failed', { error: e instanceof Error ? e.message : String(e) }))
    } finally {
      this.layersLoading = false
    }
    this.host.view.map.once('idle', () => {
      if (gen === this.generation) clearLoading()
    })
    this.host.view.map.triggerRepaint()
  }
}

/** The sampling notice, once per drawn set. */
export function sampledNotice(points: number, step: number): string {
  return t('io.sampled', { points: fmtInt(points), max: fmtInt(MAX_DRAW_POINTS), step })
}

/** The notice for this many imported points, or '' when the map draws them all. (One message, written once:
 * the message line changing height resizes and redraws the whole map.) */
export function sampleNoteFor(points: number): string {
  return points > MAX_DRAW_POINTS ? sampledNotice(points, Math.ceil(points / MAX_DRAW_POINTS)) : ''
}
