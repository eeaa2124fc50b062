// Wires the store, the map, the editor and the panels together. Holds no geometry rules of its own.
import type { Feature, Position } from 'geojson'
import { layerDiff, SYNTHETIC_NOTICE, SYNTHETIC_NOTICE_EN, SYNTHETIC_NOTICE_ZH, type Finding, type World } from '../sim/api.ts'
import { GridEditor, type Tool } from './editor/editor.ts'
import * as ops from './editor/grid-ops.ts'
import { applyI18n, getLang, onLangChange, setLang, t, type Key } from './i18n/i18n.ts'
import { buildingsLayer, characterSetOf, labelsLayer, labelsOf } from './layers/deck-layers.ts'
import type { MapView } from './map/map.ts'
import { clear, h, $ } from './panels/dom.ts'
import { renderFindings } from './panels/findings-panel.ts'
import { runImport } from './panels/io.ts'
import { exportAs, renderExportMenu } from './panels/export-menu.ts'
import { appendLayer, mergeImport } from './editor/import-merge.ts'
import { LayerPanel, renderLegend } from './panels/layer-panel.ts'
import { SearchBox, type SearchItem } from './panels/search.ts'
import { renderInspect, renderStats } from './panels/stats-panel.ts'
import { areaOf, bboxOf, polysOf } from './store/geo.ts'
import { newId, prepacked, type Analysis, type Loaded, type Project } from './store/persist.ts'
import { ProjectControl, sampledNotice, sampleNoteFor } from './project-control.ts'
import { drawableAsync } from './layers/imported-sample.ts'
import { showError } from './panels/notices.ts'
import { renderBasemap } from './panels/basemap-panel.ts'
import { renderProjects } from './panels/projects-panel.ts'
import { presetLabel, renderWorldPicker } from './panels/world-picker.ts'
import { DEFAULT_ANALYSIS } from './panels/scenario-panel.ts'
import { AnalystWorkspace } from './analyst-workspace.ts'
import { Store, type Doc } from './store/store.ts'
import { originNotice } from './data-world/wire.ts'
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
}

export class App {
  readonly store: Store
  readonly view: MapView
  editor: GridEditor | null = null
  readonly projects: ProjectControl
  private communityNames: Map<string, string>
  private inspect: { title: string; props: Record<string, unknown> } | null = null
  private labels
  private chars
  private layerPanel: LayerPanel
  private search: SearchBox
  readonly workspace: AnalystWorkspace
  target = 400
  /** the click that finishes a Terra Draw gesture must not also select */
  private quietUntil = 0

  constructor(private opts: AppOptions) {
    const w = opts.world
    this.store = new Store(w, opts.loaded.project.doc)
    this.store.onError = (where, e) => {
      const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
      showError(t(where === 'check' ? 'err.check' : where === 'save' ? 'err.save' : 'err.view', { error }))
    }
    mark('store')
    this.communityNames = new Map(w.communities.features.map((f) => [f.properties.id, f.properties.name]))
    this.view = opts.view
    this.view.fit(bboxOf(w.district))
    this.labels = labelsOf(w)
    this.chars = characterSetOf(this.labels)
    this.layerPanel = new LayerPanel($('#layer-panel'), this.view)
    this.search = new SearchBox($('#search'), () => this.searchItems(), (it) => {
      this.view.fit(bboxOf(it.feature))
      if (it.kind === 'grids') this.store.select([it.id])
      else if (it.kind === 'communities') this.store.setCommunity(it.id)
    })
    void this.view.loaded.then(() => this.onMapLoad())
    this.store.subscribe((_s, why) => this.onChange(why))
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

  private projectChanged(): void {
    void this.renderProjects()
    this.workspace.render()
  }

  get tool(): Tool {
    return this.editor?.tool ?? 'browse'
  }

  private onMapLoad(): void {
    mark('mapLoad')
    this.view.setWorld(this.opts.world)
    this.editor = new GridEditor(this.view.map, {
      snapTargets: () => this.snapTargets(),
      onDrawn: (ring) => this.onDrawn(ring),
      onSplitLine: (a, b) => this.onSplit(a, b),
      onEdited: (ring) => this.onEdited(ring),
    })
    this.refreshMapData()
    this.view.setDeckLayers([buildingsLayer(this.opts.world), labelsLayer(this.labels, this.chars, this.view.map.getZoom())])
    let lastBig = this.view.map.getZoom() >= 13.5
    this.view.map.on('zoomend', () => {
      const big = this.view.map.getZoom() >= 13.5
      if (big === lastBig) return
      lastBig = big
      this.view.setDeckLayers([buildingsLayer(this.opts.world), labelsLayer(this.labels, this.chars, this.view.map.getZoom())])
    })
    this.wireMapEvents()
    document.getElementById('loading')?.remove()
    this.view.map.once('idle', () => {
      mark('ready')
      document.body.dataset.ready = '1'
      if (window.__gongzhi) window.__gongzhi.ready = true
      void this.projects.loadLayers()
    })
  }

  // ---------- state → views ----------
  private onChange(why: string): void {
    if (why !== 'message') this.refreshMapData()
    if (['undo', 'redo', 'reset'].includes(why) && this.tool === 'edit') this.setTool('browse')
    this.renderPanels()
  }

  private refreshMapData(): void {
    if (!this.view.map.isStyleLoaded() && !this.view.map.getSource('grids')) return
    this.view.setData('grids', this.store.gridsFc('governance'))
    this.view.setData('party', this.store.gridsFc('party'))
    const imported = this.store.state.doc.imported
    if (this.drawnImported !== imported) {
      // only when the layers change: a large layer must not be re-sent to the map on every edit
      this.drawnImported = imported
      void drawableAsync(imported).then((d) => {
        if (this.store.state.doc.imported !== imported) return
        this.view.setData('imported', { type: 'FeatureCollection', features: d.features })
        this.importedPoints = d.points
        const note = d.step > 1 ? sampledNotice(d.points, d.step) : ''
        const msg = this.store.state.message
        if (note && !msg.includes(note)) this.store.say(msg ? `${msg}\n${note}` : note)
      })
    }
    if (this.diffOf !== this.store.state.doc) {
      this.diffOf = this.store.state.doc
      this.view.setData('diff', { type: 'FeatureCollection', features: this.diffFeatures() })
    }
  }
  private diffOf: Doc | null = null
  private drawnImported: Doc['imported'] | null = null
  private importedPoints = 0

  /** 多网合一: per community with party-building grids, where they differ from the governance grids. */
  diffFeatures(): Feature[] {
    const byC = new Map<string, { gov: ReturnType<typeof polysOf>[]; party: ReturnType<typeof polysOf>[] }>()
    const grids = this.store.state.doc.grids
    for (const g of grids) if (g.properties.layer === 'party') byC.set(g.properties.community, { gov: [], party: [] })
    if (!byC.size) return []
    for (const g of grids) byC.get(g.properties.community)?.[g.properties.layer === 'party' ? 'party' : 'gov'].push(polysOf(g.geometry))
    const out: Feature[] = []
    for (const [c, { gov, party }] of byC) {
      try {
        const d = layerDiff(gov, party)
        if (d.length) out.push({ type: 'Feature', properties: { community: c }, geometry: areaOf(d) })
      } catch {
        // a failed clip only hides this community's difference view; the findings panel reports geometry errors
      }
    }
    return out
  }

  private renderAll(): void {
    applyI18n()
    $('#lang').textContent = t('lang.switch')
    const notice = this.opts.world.meta.notice === SYNTHETIC_NOTICE ? (getLang() === 'en' ? SYNTHETIC_NOTICE_EN : SYNTHETIC_NOTICE_ZH) : this.opts.world.meta.notice
    $('#notice').textContent = `${t('app.notice')}: ${originNotice(this.opts.world) ?? notice}`
    renderWorldPicker($('#world-picker') as HTMLSelectElement, this.opts.preset)
    $('#map').dataset.drop = t('io.drop')
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
    this.renderToolbar()
    renderFindings($('#findings'), s.findings, (id) => this.communityNames.get(id) ?? '', (f) => this.pickFinding(f))
    const c = s.community
    renderStats($('#grid-stats'), {
      communityName: c ? (this.communityNames.get(c) ?? c) : null,
      grids: c ? s.doc.grids.filter((g) => g.properties.community === c && g.properties.layer !== 'party').map((f) => ({ f, s: s.stats.get(f.properties.id) })) : [],
      selected: s.selected,
      onPick: (id, add) => this.toggleSelect(id, add),
      onProps: (id, p) => this.store.commit(ops.setGridProps(s.doc, id, p)),
    })
    renderInspect($('#inspect'), this.inspect?.title ?? '', this.inspect?.props ?? null)
    this.workspace.renderInspect($('#inspect'))
    const msg = $('#message')
    msg.hidden = !s.message
    clear(msg)
    if (s.message) msg.append(h('button', { text: t('io.close'), onclick: () => this.store.say('') }), s.message)
  }

  private renderToolbar(): void {
    const el = $('#toolbar')
    clear(el)
    const tool = this.tool
    const b = (key: Key, testid: string, on: boolean, fn: () => void, disabled = false) => h('button', { text: t(key), testid, class: on ? 'on' : '', disabled, onclick: fn })
    const bar = h(
      'div',
      { class: 'toolbar' },
      b('tool.browse', 'tool-browse', tool === 'browse', () => this.setTool('browse')),
      b('tool.draw', 'tool-draw', tool === 'draw', () => this.setTool('draw')),
      b('tool.edit', 'tool-edit', tool === 'edit', () => this.setTool('edit')),
      b('tool.split', 'tool-split', tool === 'split', () => this.setTool('split')),
      b('tool.merge', 'merge', false, () => this.merge()),
      b('tool.delete', 'delete', false, () => this.deleteSelected()),
      b('tool.undo', 'undo', false, () => this.store.undo(), !this.store.canUndo),
      b('tool.redo', 'redo', false, () => this.store.redo(), !this.store.canRedo),
      h('label', {}, `${t('tool.target')} `, h('input', { type: 'number', min: 100, max: 1000, step: 10, value: this.target, testid: 'target', onchange: (e: Event) => (this.target = Math.max(100, Math.min(1000, Number((e.target as HTMLInputElement).value) || 400))) })),
      b('tool.generate', 'generate', false, () => this.generate()),
      b('tool.repair', 'repair', false, () => this.repair()),
      b('tool.toParty', 'to-party', false, () => this.toParty()),
      h('div', { class: 'hint', text: t(`tool.hint.${tool}` as Key) }),
    )
    el.append(h('h2', { text: this.store.state.community ? (this.communityNames.get(this.store.state.community) ?? '') : t('panel.grid') }), bar)
  }

  // ---------- editing ----------
  setTool(tool: Tool): void {
    if (tool === 'edit' || tool === 'split') {
      const g = this.store.grid(this.store.state.selected[this.store.state.selected.length - 1])
      if (!g) {
        this.store.say(t('msg.selectOneGrid'))
        return
      }
      if (tool === 'edit') {
        this.editor?.setTool('edit', polysOf(g.geometry)[0][0])
        this.renderPanels()
        return
      }
    }
    this.editor?.setTool(tool)
    this.renderPanels()
  }

  /** Vertices in view of the community boundaries and the grids: what a drawn or dragged vertex snaps to. */
  private snapTargets(): Position[] {
    const b = this.view.map.getBounds()
    const [x0, y0, x1, y1] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
    const out: Position[] = []
    const add = (polys: Position[][][]) => {
      for (const poly of polys) for (const r of poly) for (const p of r) if (p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1) out.push(p)
    }
    for (const f of this.opts.world.communities.features) add(polysOf(f.geometry))
    for (const g of this.store.state.doc.grids) add(polysOf(g.geometry))
    return out.length > 50_000 ? [] : out
  }

  private onDrawn(ring: Position[]): void {
    this.quietUntil = performance.now() + 400
    const r = ops.addGrid(this.store.state.doc, this.opts.world, ring)
    this.editor?.setTool('browse')
    if (!r) return this.store.say(t('msg.outside'))
    this.store.state.selected = [r.id]
    this.store.state.community = r.doc.grids.find((g) => g.properties.id === r.id)!.properties.community
    this.store.commit(r.doc)
  }

  private onSplit(a: Position, b: Position): void {
    this.quietUntil = performance.now() + 400
    this.editor?.setTool('browse')
    const id = this.store.state.selected[this.store.state.selected.length - 1]
    const r = id ? ops.splitGridOp(this.store.state.doc, id, a, b) : null
    if (!r) return this.store.say(t('msg.splitMiss'))
    this.store.state.selected = [...r.ids]
    this.store.commit(r.doc)
  }

  private onEdited(ring: Position[]): void {
    const id = this.store.state.selected[this.store.state.selected.length - 1]
    if (id) this.store.commit(ops.editRing(this.store.state.doc, id, ring), 'edit')
  }

  private merge(): void {
    const r = ops.mergeGridsOp(this.store.state.doc, this.store.state.selected)
    if (!r) return this.store.say(t('msg.selectTwoGrids'))
    this.store.state.selected = [r.id]
    this.store.commit(r.doc)
  }

  private deleteSelected(): void {
    if (!this.store.state.selected.length) return this.store.say(t('msg.selectOneGrid'))
    this.store.commit(ops.deleteGrids(this.store.state.doc, this.store.state.selected))
  }

  private generate(): void {
    const c = this.store.state.community
    const r = c ? ops.generateForCommunity(this.store.state.doc, this.opts.world, c, this.target) : null
    if (!r) return this.store.say(t('msg.selectCommunity'))
    this.store.commit(r.doc)
    this.store.say(t('msg.generated', { n: r.n }))
  }

  private repair(): void {
    const c = this.store.state.community
    const r = c ? ops.repairCommunity(this.store.state.doc, this.opts.world, c) : null
    if (!r) return this.store.say(t('msg.selectCommunity'))
    this.store.commit(r.doc)
    this.store.say(`${t('msg.repaired', { n: r.actions.length })}\n${r.actions.join('\n')}`)
  }

  private toParty(): void {
    const c = this.store.state.community
    if (!c) return this.store.say(t('msg.selectCommunity'))
    this.store.commit(ops.copyToParty(this.store.state.doc, c))
    this.layerPanel.setVisible('diff', true)
  }

  toggleSelect(id: string, add: boolean): void {
    const sel = this.store.state.selected
    this.store.select(add ? (sel.includes(id) ? sel.filter((x) => x !== id) : [...sel, id]) : [id])
  }

  private pickFinding(f: Finding): void {
    this.view.flyTo(f.location, 16)
    this.view.highlight(f.location)
    const g = f.features.find((r) => r.layer === 'grids')
    const c = f.features.find((r) => r.layer === 'communities')
    if (g && this.store.grid(g.id)) this.store.select([g.id])
    else if (c) this.store.setCommunity(c.id)
  }

  // ---------- map events: hover, click, drop ----------
  private wireMapEvents(): void {
    const map = this.view.map
    const tip = $('#tooltip')
    const queryable = ['grids-fill', 'imported-fill', 'compounds-fill', 'communities-fill', 'district-fill']
    map.on('mousemove', (e) => {
      if (this.tool !== 'browse') return (tip.hidden = true)
      const picked = this.view.overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 2 })
      let text = ''
      if (picked?.object) {
        const p = (picked.object as Feature).properties as Record<string, unknown>
        text = t('hover.building', { id: String(p.id), hh: String(p.households) })
      } else {
        const f = map.queryRenderedFeatures(e.point, { layers: queryable.filter((l) => map.getLayer(l)) })[0]
        if (f) text = String(f.properties.name || f.properties.id || '')
      }
      tip.hidden = !text
      tip.textContent = text
      tip.style.left = `${e.originalEvent.clientX + 12}px`
      tip.style.top = `${e.originalEvent.clientY + 12}px`
    })
    map.on('mouseout', () => (tip.hidden = true))
    map.on('click', (e) => {
      if (this.tool !== 'browse' || performance.now() < this.quietUntil) return
      this.workspace.pick(e.point)
      const picked = this.view.overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 2 })
      const fs = map.queryRenderedFeatures(e.point, { layers: queryable.filter((l) => map.getLayer(l)) })
      const grid = fs.find((f) => f.layer.id === 'grids-fill')
      const shift = e.originalEvent.shiftKey
      if (grid) this.toggleSelect(String(grid.properties.id), shift)
      else {
        const comm = fs.find((f) => f.layer.id === 'communities-fill')
        if (comm) this.store.setCommunity(String(comm.properties.id))
        if (!shift) this.store.select([])
      }
      if (picked?.object)
        this.inspect = {
          title: grid ? `${t('layer.buildings')} · ${String(grid.properties.name || grid.properties.id)}` : t('layer.buildings'),
          props: (picked.object as Feature).properties as Record<string, unknown>,
        }
      else if (fs[0]) {
        const g = grid ? this.store.grid(String(grid.properties.id)) : undefined
        this.inspect = { title: t(`layer.${fs[0].layer.id.split('-')[0]}` as Key), props: g ? { ...g.properties, ...this.store.state.stats.get(g.properties.id) } : fs[0].properties }
      } else this.inspect = null
      this.renderPanels()
    })
    const el = $('#map')
    el.addEventListener('dragover', (e) => {
      e.preventDefault()
      el.classList.add('dragover')
    })
    el.addEventListener('dragleave', () => el.classList.remove('dragover'))
    el.addEventListener('drop', (e) => {
      e.preventDefault()
      el.classList.remove('dragover')
      const f = e.dataTransfer?.files[0]
      if (f) void this.importFile(f)
    })
  }

  // ---------- import / export ----------
  async importFile(file: File): Promise<void> {
    const r = await runImport(file, this.opts.world.district.features[0].geometry, $('#crs-dialog') as HTMLDialogElement)
    if (!r) return
    const msg = $('#message')
    if (!r.ok) {
      msg.classList.remove('ok')
      this.store.say(`${t('io.failed', { file: r.file })}\n${r.issues.filter((i) => i.severity === 'error').slice(0, 10).map((i) => i.message).join('\n')}`)
      return
    }
    if (r.layer !== 'grids' && r.features.length) prepacked.set(r.features[0], r.packed) // stored as packed, not packed again
    const next = r.layer === 'grids' ? mergeImport(this.store.state.doc, this.opts.world, r) : appendLayer(this.store.state.doc, r.features)
    this.store.commit(next)
    msg.classList.add('ok')
    const layerKey = `layer.${r.layer}` as Key
    const warnings = r.issues.filter((i) => i.severity === 'warning').slice(0, 5).map((i) => i.message)
    this.store.say([t('io.done', { n: r.features.length, layer: t(layerKey) === layerKey ? r.layer : t(layerKey), crs: r.crs.applied.toUpperCase() }), sampleNoteFor(this.importedPoints + (r.layer === 'grids' ? 0 : r.packed.points)), ...warnings].filter(Boolean).join('\n'))
    const [x0, y0, x1, y1] = r.bbox
    if (Number.isFinite(x0)) this.view.fit([x0, y0, x1, y1], 16)
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
      if (sel.value) exportAs(sel.value, this.opts.world, this.store.state, this.communityNames)
      sel.value = ''
    }
    document.addEventListener('keydown', (e) => {
      if ((e.target as HTMLElement).tagName === 'INPUT') return
      if ((e.ctrlKey || e.metaKey) && e.key === 'z') (e.shiftKey ? this.store.redo() : this.store.undo())
      else if ((e.ctrlKey || e.metaKey) && e.key === 'y') this.store.redo()
      else if (e.key === 'Delete' && this.tool === 'browse') this.deleteSelected()
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
      fresh: () => freshProject(this.opts.world, this.opts.preset, this.opts.seed),
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

  private searchItems(): SearchItem[] {
    const w = this.opts.world
    const out: SearchItem[] = []
    for (const f of w.streets.features) out.push({ kind: 'streets', name: f.properties.name, id: f.properties.id, feature: f })
    for (const f of w.communities.features) out.push({ kind: 'communities', name: f.properties.name, id: f.properties.id, feature: f })
    for (const f of this.store.state.doc.grids) out.push({ kind: 'grids', name: f.properties.name || f.properties.id, id: f.properties.id, feature: f })
    return out
  }
}

/** boot timings for the benchmark, ms since navigation start */
function mark(name: string): void {
  const hook = window.__gongzhi
  if (hook) hook.timings[name] = performance.now()
}

export function freshProject(w: World, preset: string, seed: number): Project {
  const name = w.meta.origins ? (w.district.features[0]?.properties.name ?? preset) : t('proj.default', { preset: presetLabel(preset) })
  return { id: newId(), name, preset, seed, doc: { grids: w.grids.features.slice(), imported: [] }, updated: Date.now() }
}
