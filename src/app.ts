// Wires the store, the map, the editor and the panels together. Holds no geometry rules of its own.
import { SYNTHETIC_NOTICE, SYNTHETIC_NOTICE_EN, SYNTHETIC_NOTICE_ZH, type World } from '../sim/api.ts'
import { Editing } from './editing.ts'
import type { Tool } from './editor/editor.ts'
import * as ops from './editor/grid-ops.ts'
import { applyI18n, getLang, onLangChange, setLang, t } from './i18n/i18n.ts'
import type { MapView } from './map/map.ts'
import { MapWiring } from './map/wiring.ts'
import { rememberView, restoreView } from './map/view-memory.ts'
import { h, $ } from './panels/dom.ts'
import { renderFindings } from './panels/findings-panel.ts'
import { runImport } from './panels/io.ts'
import { importMessage } from './panels/import-mapping.ts'
import { importIssueText } from './i18n/import-text.ts'
import { exportAs, renderExportMenu } from './panels/export-menu.ts'
import { appendLayer, mergeImport } from './editor/import-merge.ts'
import { LayerPanel, renderLegend } from './panels/layer-panel.ts'
import { Layout, Toast } from './panels/layout.ts'
import { SearchBox, searchItems } from './panels/search.ts'
import { renderInspect, renderStats } from './panels/stats-panel.ts'
import { bboxOf } from './store/geo.ts'
import { newId, pendingLayers, storedAs, type Analysis, type Loaded, type Project } from './store/persist.ts'
import { ProjectControl, sampleNoteFor } from './project-control.ts'
import { showError } from './panels/notices.ts'
import { renderBasemap } from './panels/basemap-panel.ts'
import { renderProjects } from './panels/projects-panel.ts'
import { renderWorldPicker } from './panels/world-picker.ts'
import { DEFAULT_ANALYSIS } from './panels/scenario-panel.ts'
import { AnalystWorkspace } from './analyst-workspace.ts'
import { Store, type Change } from './store/store.ts'
import { originNotice } from './data-world/wire.ts'
import type { Prepared } from './world-load/page-world.ts'
import { trainerButton } from './trainer/entry.ts'

export interface AppOptions {
  world: World
  /** created before the world arrives, so the style loads while the worker builds */
  view: MapView
  preset: string
  seed: number
  /** the project as stored (snapshot + journal); its imported layers are read after the map is up */
  loaded: Loaded
  /** safe start: leave the imported layers unread */
  skipLayers?: boolean
  /** the checks, building places and draw buffers the world's worker made (src/world-load/) */
  prepared?: Prepared
  /** the user moved the map while the world was built (src/world-load/preview.ts): their view stays */
  keepView?: boolean
}

export class App {
  readonly store: Store
  readonly view: MapView
  readonly projects: ProjectControl
  readonly layout: Layout
  readonly editing: Editing
  readonly mapWiring: MapWiring
  private communityNames: Map<string, string>
  private inspect: { title: string; props: Record<string, unknown> } | null = null
  private layerPanel: LayerPanel
  private search: SearchBox
  private toast: Toast
  readonly workspace: AnalystWorkspace

  constructor(private opts: AppOptions) {
    const w = opts.world
    this.store = new Store(w, opts.loaded.project.doc, opts.prepared)
    this.store.onError = (where, e) => {
      const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
      showError(t(where === 'check' ? 'err.check' : where === 'save' ? 'err.save' : 'err.view', { error }))
    }
    mark('store')
    this.communityNames = new Map(w.communities.features.map((f) => [f.properties.id, f.properties.name]))
    this.view = opts.view
    if (!opts.keepView && !restoreView(this.view, opts.preset, opts.loaded.project.analysis?.view)) this.view.fit(bboxOf(w.district))
    // the view is kept with the project (and per world, for a project that has none yet)
    rememberView(this.view, opts.preset, (v) => this.projects && this.saveAnalysis({ ...this.analysis(), view: v }))
    this.layout = new Layout()
    this.toast = new Toast($('#message'))
    this.layerPanel = new LayerPanel($('#layer-panel'), this.view)
    this.editing = new Editing({
      world: w,
      view: this.view,
      store: this.store,
      communityName: (id) => this.communityNames.get(id) ?? '',
      changed: () => this.renderPanels(),
      showDiff: () => this.layerPanel.setVisible('diff', true),
    })
    this.mapWiring = new MapWiring({
      world: w,
      arrays: opts.prepared?.arrays,
      view: this.view,
      store: this.store,
      tool: () => this.tool,
      quiet: () => this.editing.quiet(),
      toggleSelect: (id, add) => this.editing.toggleSelect(id, add),
      inspect: (v) => {
        // a community is named, not numbered
        const c = v?.props.community
        this.inspect = v && typeof c === 'string' && this.communityNames.has(c) ? { ...v, props: { ...v.props, community: this.communityNames.get(c) } } : v
        this.renderPanels()
      },
      pickResult: (p) => this.workspace.pick(p),
      importFile: (f) => void this.importFile(f),
    })
    this.search = new SearchBox($('#search'), () => searchItems(w, this.store.state.doc.grids), (it) => {
      this.view.fit(bboxOf(it.feature))
      this.view.setSearched(it.kind === 'grids' ? null : it.feature)
      if (it.kind === 'grids') this.store.select([it.id])
      else if (it.kind === 'communities') this.store.setCommunity(it.id)
    })
    void this.view.loaded.then(() => this.onMapLoad())
    this.store.subscribe((_s, change) => this.onChange(change))
    this.projects = new ProjectControl({ store: this.store, view: this.view, preset: opts.preset, projectChanged: () => this.projectChanged() }, opts.loaded, opts.skipLayers)
    // every edit is already in the journal; folding it into the snapshot on the way out is a bonus
    window.addEventListener('pagehide', () => {
      void this.projects.flush()
      this.projects.release()
    })
    this.workspace = new AnalystWorkspace({
      world: w,
      view: this.view,
      doc: () => this.store.state.doc,
      analysis: () => this.analysis(),
      saveAnalysis: (a) => this.saveAnalysis(a),
      projectId: () => this.project.id,
    })
    this.wireChrome()
    trainerButton(opts.preset)
    onLangChange(() => this.renderAll())
    this.renderAll()
  }

  /** the open project's persistence (journal, compaction); savedAt and flush() as the autosaver had */
  get autosaver(): ProjectControl['session'] {
    return this.projects.session
  }
  get project(): Project {
    return this.projects.project
  }
  get editor(): Editing['editor'] {
    return this.editing.editor
  }
  get tool(): Tool {
    return this.editing.tool
  }
  setTool(tool: Tool): void {
    this.editing.setTool(tool)
  }
  toggleSelect(id: string, add: boolean): void {
    this.editing.toggleSelect(id, add)
  }
  diffFeatures(): ReturnType<MapWiring['diffFeatures']> {
    return this.mapWiring.diffFeatures()
  }

  private projectChanged(): void {
    void this.renderProjects()
    this.workspace.render()
    this.workspace.restoreKept()
  }

  private onMapLoad(): void {
    mark('mapLoad')
    this.editing.attach()
    this.mapWiring.start()
    // the loading card stays until the world is drawn, not merely until the style is up
    this.view.map.once('idle', () => {
      document.getElementById('loading')?.remove()
      mark('ready')
      document.body.dataset.ready = '1'
      if (window.__gongzhi) window.__gongzhi.ready = true
      void this.projects.loadLayers()
      // the index the first edit's check needs, built between frames rather than in that edit's task
      void this.store.warmIndex()
    })
  }

  // ---------- state → views ----------
  private onChange(change: Change): void {
    if (change.doc) {
      this.mapWiring.refresh()
      this.search.refresh()
    }
    if (change.history && this.tool === 'edit') this.setTool('browse')
    this.renderPanels()
  }

  private renderAll(): void {
    applyI18n()
    $('#lang').textContent = t('lang.switch')
    const notice = this.opts.world.meta.notice === SYNTHETIC_NOTICE ? (getLang() === 'en' ? SYNTHETIC_NOTICE_EN : SYNTHETIC_NOTICE_ZH) : this.opts.world.meta.notice
    const text = `${t('app.notice')}: ${originNotice(this.opts.world) ?? notice}`
    $('#notice').textContent = text
    $('#notice').title = text
    renderWorldPicker($('#world-picker') as HTMLSelectElement, this.opts.preset)
    $('#map').dataset.drop = t('io.drop')
    this.layout.render()
    this.layerPanel.render()
    renderLegend($('#legend'))
    this.search.relabel()
    renderExportMenu($('#export') as HTMLSelectElement)
    renderBasemap($('#basemap'), this.view, (m) => this.store.say(m))
    void this.renderProjects()
    this.workspace.render()
    this.renderPanels()
  }

  // ---------- the analyst's workspace: scenario and run settings live in the project ----------
  analysis(): Analysis {
    return { ...DEFAULT_ANALYSIS, ...this.project.analysis }
  }

  private saveAnalysis(a: Analysis): void {
    this.projects.saveAnalysis(a)
  }

  private renderPanels(): void {
    const s = this.store.state
    this.editing.renderToolbar($('#toolbar'))
    renderFindings($('#findings'), s.findings, this.editing.names, (f) => this.editing.pickFinding(f), () => this.view.highlight(null))
    const c = s.community
    renderStats($('#grid-stats'), {
      communityName: c ? (this.communityNames.get(c) ?? c) : null,
      grids: c ? s.doc.grids.filter((g) => g.properties.community === c && g.properties.layer !== 'party').map((f) => ({ f, s: s.stats.get(f.properties.id) })) : [],
      selected: s.selected,
      onPick: (id, add) => this.toggleSelect(id, add),
      onProps: (id, p) => this.store.commit(ops.setGridProps(s.doc, id, p)),
    })
    this.renderInspect()
    this.toast.show(s.message, () => this.store.say(''))
  }

  /** the inspector floats over the map while something is picked; its close button forgets the pick */
  private renderInspect(): void {
    const el = $('#inspect')
    renderInspect(el, this.inspect?.title ?? '', this.inspect?.props ?? null)
    this.workspace.renderInspect(el)
    el.hidden = el.children.length <= 1
    if (!el.hidden)
      el.prepend(h('button', { class: 'card-close', testid: 'inspect-close', text: '×', title: t('io.close'), onclick: () => {
        this.inspect = null
        this.workspace.pick(null)
        this.renderInspect()
      } }))
  }

  // ---------- import / export ----------
  async importFile(file: File): Promise<void> {
    const r = await runImport(file, this.opts.world.district.features[0].geometry, $('#crs-dialog') as HTMLDialogElement, this.project.id)
    if (!r) return
    const msg = $('#message')
    if (!r.ok) {
      msg.classList.remove('ok')
      this.store.say(`${t('io.failed', { file: r.file })}\n${r.issues.filter((i) => i.severity === 'error').slice(0, 10).map(importIssueText).join('\n')}`)
      return
    }
    // a layer the import worker wrote is listed by the edit, not written again from the page's thread
    if (r.layer !== 'grids' && r.stored) storedAs(r.packed, r.stored)
    const merged = r.layer === 'grids' ? mergeImport(this.store.state.doc, this.opts.world, r, r.mode) : { doc: appendLayer(this.store.state.doc, r.packed), summary: { added: new Map(), removed: 0, reference: r.packed.n, dropped: 0 } }
    this.store.commit(merged.doc)
    if (r.stored) pendingLayers.delete(r.stored) // listed by the edit now
    msg.classList.add('ok')
    const warnings = r.issues.filter((i) => i.severity === 'warning').slice(0, 5).map(importIssueText)
    const lines = importMessage({ ...r, n: r.packed.n }, merged.summary, (id) => this.communityNames.get(id) ?? id)
    this.store.say([...lines, sampleNoteFor(this.mapWiring.importedPoints + (r.layer === 'grids' ? 0 : r.packed.points)), ...warnings].filter(Boolean).join('\n'))
    const [x0, y0, x1, y1] = r.bbox
    if (Number.isFinite(x0)) this.view.fit([x0, y0, x1, y1], 16)
  }

  /** An export that fails says so: the whole city's world is larger than the longest string a browser makes
   * (RangeError), a packed layer may not be readable, the browser may refuse the download. */
  async exportFile(kind: string): Promise<void> {
    try {
      await exportAs(kind, this.opts.world, this.store.state, this.communityNames)
    } catch (e) {
      showError(t('err.export', { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }))
    }
  }

  // ---------- chrome: language, import button, export menu, projects, basemap ----------
  private wireChrome(): void {
    $('#lang').onclick = () => setLang(getLang() === 'zh-CN' ? 'en' : 'zh-CN')
    const input = $('#file-input') as HTMLInputElement
    $('#btn-import').onclick = () => input.click()
    input.onchange = () => {
      const f = input.files?.[0]
      if (f) void this.importFile(f)
      input.value = ''
    }
    ;($('#export') as HTMLSelectElement).onchange = (e) => {
      const sel = e.target as HTMLSelectElement
      if (sel.value) void this.exportFile(sel.value)
      sel.value = ''
    }
    document.addEventListener('keydown', (e) => {
      if ((e.target as HTMLElement).tagName === 'INPUT') return
      if ((e.ctrlKey || e.metaKey) && e.key === 'z') (e.shiftKey ? this.store.redo() : this.store.undo())
      else if ((e.ctrlKey || e.metaKey) && e.key === 'y') this.store.redo()
      else if (e.key === 'Delete' && this.tool === 'browse') this.editing.deleteSelected()
    })
  }

  private renderProjects(): Promise<void> {
    const app = this
    return renderProjects($('#projects'), {
      preset: this.opts.preset,
      get project() {
        return app.project
      },
      doc: () => this.store.state.doc,
      fresh: (name?: string) => freshProject(this.opts.world, this.opts.preset, this.opts.seed, name),
      openProject: (p) => this.openProject(p),
      openById: (id) => this.projects.openById(id),
      rename: (name) => this.projects.rename(name),
      flush: () => this.projects.flush(),
    })
  }

  /** Save a whole project (new, save as, or one made elsewhere) and open it. */
  async openProject(p: Project): Promise<void> {
    await this.projects.openProject(p)
  }
}

/** boot timings for the benchmark, ms since navigation start */
function mark(name: string): void {
  const hook = window.__gongzhi
  if (hook) hook.timings[name] = performance.now()
}

/** a new project; one nobody named gets an empty name, shown as the default in the page's language (projectName) */
export function freshProject(w: World, preset: string, seed: number, asked?: string): Project {
  const name = asked?.trim() ? asked.trim().slice(0, 100) : w.meta.origins ? (w.district.features[0]?.properties.name ?? preset) : ''
  return { id: newId(), name, preset, seed, doc: { grids: w.grids.features.slice(), imported: [] }, updated: Date.now() }
}
