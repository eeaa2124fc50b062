// The planner's grid edits as the toolbar offers them: tools (browse, draw, vertex edit, split) and one-click
// operations (merge, delete, auto-generate, repair, copy to the party layer). Geometry rules live in
// editor/grid-ops.ts; this only turns the selection into an operation and the result into a store commit.
import type { Feature, Position } from 'geojson'
import type { Finding, World } from '../sim/api.ts'
import { GridEditor, type Tool } from './editor/editor.ts'
import * as ops from './editor/grid-ops.ts'
import { insideLasso } from './editor/map-select.ts'
import { repairMany, repairMessage, repairScope } from './editor/repair-report.ts'
import { t, type Key } from './i18n/i18n.ts'
import type { MapView } from './map/map.ts'
import { clear, h } from './panels/dom.ts'
import { polysOf } from './store/geo.ts'
import type { Store } from './store/store.ts'

export interface EditHost {
  world: World
  view: MapView
  store: Store
  communityName(id: string): string
  /** the toolbar changed (tool, undo state): re-render the panels */
  changed(): void
  showDiff(): void
}

export class Editing {
  editor: GridEditor | null = null
  target = 400
  /** the click that finishes a Terra Draw gesture must not also select */
  private quietUntil = 0

  constructor(private host: EditHost) {}

  /** the map's style is up: the drawing library can attach */
  attach(): void {
    this.editor = new GridEditor(this.host.view.map, {
      snapTargets: () => this.snapTargets(),
      onDrawn: (ring) => this.onDrawn(ring),
      onSplitLine: (a, b) => this.onSplit(a, b),
      onEdited: (ring) => this.onEdited(ring),
      onLasso: (ring) => {
        const id = (f: Feature) => String(f.properties?.id)
        this.store.select(insideLasso(this.store.gridsFc('governance').features, ring, id, (f) => this.store.state.stats.get(id(f))?.base))
      },
      onRefused: (message) => this.store.say(message),
    })
  }

  get tool(): Tool {
    return this.editor?.tool ?? 'browse'
  }

  /** true once for the click that finishes a gesture, however late it comes (then the next click selects again) */
  quiet(): boolean {
    if (performance.now() >= this.quietUntil) return false
    this.quietUntil = 0
    return true
  }

  private get store(): Store {
    return this.host.store
  }

  renderToolbar(el: HTMLElement): void {
    clear(el)
    const tool = this.tool
    const store = this.store
    const b = (key: Key, testid: string, on: boolean, fn: () => void, disabled = false) => h('button', { text: t(key), testid, class: on ? 'on' : '', disabled, onclick: fn })
    const bar = h(
      'div',
      { class: 'toolbar' },
      b('tool.browse', 'tool-browse', tool === 'browse', () => this.setTool('browse')),
      b('tool.draw', 'tool-draw', tool === 'draw', () => this.setTool('draw')),
      b('tool.edit', 'tool-edit', tool === 'edit', () => this.setTool('edit')),
      b('tool.split', 'tool-split', tool === 'split', () => this.setTool('split')),
      b('tool.lasso', 'tool-lasso', tool === 'lasso', () => this.setTool('lasso')),
      b('tool.merge', 'merge', false, () => this.merge()),
      b('tool.delete', 'delete', false, () => this.deleteSelected()),
      b('tool.undo', 'undo', false, () => store.undo(), !store.canUndo),
      b('tool.redo', 'redo', false, () => store.redo(), !store.canRedo),
      h('label', {}, `${t('tool.target')} `, h('input', { type: 'number', min: 100, max: 1000, step: 10, value: this.target, testid: 'target', onchange: (e: Event) => (this.target = Math.max(100, Math.min(1000, Number((e.target as HTMLInputElement).value) || 400))) })),
      b('tool.generate', 'generate', false, () => this.generate()),
      b('tool.repair', 'repair', false, () => this.repair()),
      b('tool.toParty', 'to-party', false, () => this.toParty()),
      h('div', { class: 'hint', text: t(`tool.hint.${tool}`) }),
    )
    const c = store.state.community
    el.append(h('h2', { text: c ? this.host.communityName(c) : t('panel.grid') }), bar)
  }

  setTool(tool: Tool): void {
    if (tool === 'edit' || tool === 'split') {
      const g = this.store.grid(this.store.state.selected[this.store.state.selected.length - 1])
      if (!g) return this.store.say(t('msg.selectOneGrid'))
      if (tool === 'edit') {
        const refused = this.editor?.setTool('edit', ops.editableRing(this.store.state.doc, g.properties.id) ?? polysOf(g.geometry)[0][0])
        if (refused) this.store.say(refused)
        return this.host.changed()
      }
    }
    this.editor?.setTool(tool)
    this.host.changed()
  }

  /** Vertices in view of the community boundaries and the grids: what a drawn or dragged vertex snaps to. */
  private snapTargets(): Position[] {
    const b = this.host.view.map.getBounds()
    const [x0, y0, x1, y1] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
    const out: Position[] = []
    const add = (polys: Position[][][]) => {
      for (const poly of polys) for (const r of poly) for (const p of r) if (p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1) out.push(p)
    }
    for (const f of this.host.world.communities.features) add(polysOf(f.geometry))
    for (const g of this.store.state.doc.grids) add(polysOf(g.geometry))
    return out.length > 50_000 ? [] : out
  }

  private onDrawn(ring: Position[]): void {
    this.quietUntil = performance.now() + 2000
    const r = ops.addGrid(this.store.state.doc, this.host.world, ring)
    this.editor?.setTool('browse')
    if (!r) return this.store.say(t('msg.outside'))
    this.store.commit(r.doc, { selected: [r.id], community: r.doc.grids.find((g) => g.properties.id === r.id)!.properties.community })
    if (r.from.length) this.store.say(t('msg.drawnTook', { id: r.id, from: r.from.map(this.names.grid).join(t('list.sep')) }))
  }

  private onSplit(a: Position, b: Position): void {
    this.quietUntil = performance.now() + 2000
    this.editor?.setTool('browse')
    const id = this.store.state.selected[this.store.state.selected.length - 1]
    const r = id ? ops.splitGridOp(this.store.state.doc, id, a, b) : null
    if (!r) return this.store.say(t('msg.splitMiss'))
    this.store.commit(r.doc, { selected: [...r.ids] })
  }

  private onEdited(ring: Position[]): void {
    const id = this.store.state.selected[this.store.state.selected.length - 1]
    if (!id) return
    this.store.commit(ops.editRing(this.store.state.doc, id, ring))
    // a neighbour's vertex the edit left on this grid's edge is a vertex now: show the editor that ring
    const next = ops.editableRing(this.store.state.doc, id)
    if (next && next.length !== ring.length) setTimeout(() => this.tool === 'edit' && this.editor?.setTool('edit', next))
  }

  private merge(): void {
    const r = ops.mergeGridsOp(this.store.state.doc, this.store.state.selected)
    if (!r) return this.store.say(t('msg.selectTwoGrids'))
    this.store.commit(r.doc, { selected: [r.id] })
  }

  deleteSelected(): void {
    if (!this.store.state.selected.length) return this.store.say(t('msg.selectOneGrid'))
    this.store.commit(ops.deleteGrids(this.store.state.doc, this.store.state.selected))
  }

  private generate(): void {
    const c = this.store.state.community
    const r = c ? ops.generateForCommunity(this.store.state.doc, this.host.world, c, this.target) : null
    if (!r) return this.store.say(t('msg.selectCommunity'))
    this.store.commit(r.doc)
    this.store.say(t('msg.generated', { n: r.n }))
  }

  private repair(): void {
    const s = this.store.state
    const r = repairMany(s.doc, this.host.world, repairScope(s))
    const msg = repairMessage(r.reports, this.names) // names from before the repair: a merged sliver is gone after
    if (r.reports.length) this.store.commit(r.doc)
    this.store.say(msg)
  }

  /** display names of communities and grids (findings, repair reports) */
  readonly names = {
    community: (id: string) => this.host.communityName(id) || id,
    grid: (id: string) => this.store.grid(id)?.properties.name || id,
  }

  private toParty(): void {
    const c = this.store.state.community
    if (!c) return this.store.say(t('msg.selectCommunity'))
    this.store.commit(ops.copyToParty(this.store.state.doc, c))
    this.host.showDiff()
  }

  toggleSelect(id: string, add: boolean): void {
    const sel = this.store.state.selected
    this.store.select(add ? (sel.includes(id) ? sel.filter((x) => x !== id) : [...sel, id]) : [id])
  }

  pickFinding(f: Finding): void {
    this.host.view.flyTo(f.location, 16)
    this.host.view.highlight(f.location)
    const g = f.features.find((r) => r.layer === 'grids')
    const c = f.features.find((r) => r.layer === 'communities')
    if (g && this.store.grid(g.id)) this.store.select([g.id])
    else if (c) this.store.setCommunity(c.id)
  }
}
