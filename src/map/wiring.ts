// The map's side of the app: what the store's document looks like on the map (grids, party grids, imported
// layers, the 多网合一 difference, buildings and labels) and what the pointer does on it (hover, click, drop).
import type { Layer as DeckLayer } from '@deck.gl/core'
import type { Feature } from 'geojson'
import { layerDiff, type World } from '../../sim/api.ts'
import { t, tAny } from '../i18n/i18n.ts'
import { buildingArrays, buildingLayers, needsLayer, type BuildingArrays } from '../layers/deck-binary.ts'
import { characterSetOf, gridLabelsOf, labelsIn, labelsLayer, labelsOf, type Label } from '../layers/deck-layers.ts'
import { IMPORTED_POINTS, importedPointsLayer } from '../layers/imported-points.ts'
import { drawable, locate, type PointSample } from '../layers/imported-sample.ts'
import { extendSelection, installBoxSelect } from '../editor/map-select.ts'
import { $ } from '../panels/dom.ts'
import { sampledNotice } from '../project-control.ts'
import { areaOf, polysOf } from '../store/geo.ts'
import { propsOf } from '../store/packed-layer.ts'
import type { Doc, Store } from '../store/store.ts'
import { GridSync } from './grid-sync.ts'
import { MINZOOM, type MapView } from './map.ts'

export interface MapHost {
  world: World
  /** the buildings' draw buffers when the world's worker made them */
  arrays?: BuildingArrays
  view: MapView
  store: Store
  /** the editor's tool: hover and click only inspect in 'browse' */
  tool(): string
  /** a click that closes a drawing gesture must not also select */
  quiet(): boolean
  toggleSelect(id: string, add: boolean): void
  /** a feature clicked on the map (null: nothing under the pointer) */
  inspect(v: { title: string; props: Record<string, unknown> } | null): void
  /** a click on the map for the analyst's result map */
  pickResult(point: { x: number; y: number }): void
  importFile(f: File): void
}

const QUERYABLE = ['grids-fill', 'imported-fill', 'compounds-fill', 'communities-fill', 'district-fill']

export class MapWiring {
  /** the grids the 多网合一 difference was drawn for: an import of another layer does not clip it again */
  private diffOf: Doc['grids'] | null = null
  /** redraws buildings and labels (set once the map is up) */
  private drawDeck: (() => void) | null = null
  private labeledGrids: Doc['grids'] | null = null
  private drawnImported: Doc['imported'] | null = null
  /** the imported points as drawn by deck.gl, and the layers their sample indexes */
  private importedDeck: { layer: DeckLayer; pts: PointSample; of: Doc['imported'] } | null = null
  private noPoints = importedPointsLayer({ length: 0, positions: new Float64Array(0), feature: new Uint32Array(0) })
  /** whether MapLibre's imported source holds anything (an empty one is not sent again) */
  private importedShapes = 0
  private sync = { governance: new GridSync('governance'), party: new GridSync('party') }
  /** points of the imported layers as drawn: whether the next import makes the map sample them */
  importedPoints = 0
  /** bumps with every hover, so a hovered point's properties that arrive late do not replace a newer tooltip */
  private hovered = 0

  constructor(private host: MapHost) {}

  /** the style is up: draw the world, buildings and labels, and listen to the pointer */
  start(): void {
    const { view, world } = this.host
    view.setWorld(world)
    this.refresh()
    const base = labelsOf(world)
    const arrays = this.host.arrays ?? buildingArrays(world)
    const buildings = buildingLayers(arrays)
    const needs = needsLayer(world, arrays)
    let grids: Label[] = []
    // the font atlas holds the glyphs of the labels shown so far (those in the view's box), not of every name in the
    // world or in a zoom band: the whole city's ≈ 7,500 community names are thousands of CJK glyphs, an atlas whose
    // SDF was a task of seconds on the first visit to street zoom; deck draws only the glyphs a new set adds
    let chars = characterSetOf([])
    const addChars = (labels: readonly Label[]) => {
      const more = [...new Set(labels.flatMap((l) => [...l.text]))].filter((ch) => !chars.has(ch))
      // a new set rebuilds the atlas (deck draws only the new glyphs): only when a label brings one
      if (more.length) chars = new Set([...chars, ...more])
    }
    const map = view.map
    let band = labelBand(map.getZoom())
    let near = map.getZoom() >= MINZOOM.buildings
    let wanted = false
    // the labels inside the screen and half a screen around it: a pan inside that box keeps the set
    let box = [0, 0, 0, 0]
    const inBox = () => {
      const b = map.getBounds()
      return b.getWest() >= box[0] && b.getSouth() >= box[1] && b.getEast() <= box[2] && b.getNorth() <= box[3]
    }
    const newBox = () => {
      const b = map.getBounds()
      const dx = (b.getEast() - b.getWest()) / 2
      const dy = (b.getNorth() - b.getSouth()) / 2
      box = [b.getWest() - dx, b.getSouth() - dy, b.getEast() + dx, b.getNorth() + dy]
    }
    this.drawDeck = () => {
      const doc = this.host.store.state.doc.grids
      if (band === 2 && this.labeledGrids !== doc) {
        this.labeledGrids = doc
        grids = gridLabelsOf(doc)
      }
      newBox()
      const labels = labelsIn(band === 2 ? [...base, ...grids] : base, band, box)
      addChars(labels)
      // level of detail: buildings and the 民情图 points only from street zoom on; made the first time they are needed
      // and then kept hidden, not dropped, below it (a dropped layer would tessellate its buildings again)
      wanted ||= near
      const dense = wanted ? [...buildings, needs].map((l) => l.clone({ visible: near })) : []
      // an empty points layer until something is imported: its shaders are compiled with the map's, not in the
      // middle of an import (under software GL that first compile was a task of ≈ 250 ms)
      view.setDeckLayers([this.importedDeck?.layer ?? this.noPoints, ...dense, labelsLayer(labels, chars, band)])
    }
    this.drawDeck()
    // per frame only a comparison of the zoom: layers change when a zoom band is crossed, labels when the view
    // leaves the box they were chosen for
    map.on('zoom', () => {
      const b = labelBand(map.getZoom())
      const n = map.getZoom() >= MINZOOM.buildings
      if (b === band && n === near) return
      band = b
      near = n
      this.drawDeck?.()
    })
    map.on('moveend', () => {
      if (!inBox()) this.drawDeck?.()
    })
    this.wireEvents()
  }

  /** the document as the map draws it; imported layers and the difference only when they changed */
  refresh(): void {
    const { view, store } = this.host
    if (!view.map.isStyleLoaded() && !view.map.getSource('grids')) return
    const selected = new Set(store.state.selected)
    for (const layer of ['governance', 'party'] as const) {
      const d = this.sync[layer].diff(store.state.doc.grids, store.state.stats, selected)
      const source = layer === 'governance' ? 'grids' : 'party'
      if (d.all) view.setData(source, { type: 'FeatureCollection', features: d.all }, d.all.length > 2000)
      else if (d.add.length || d.remove.length) view.updateData(source, { add: d.add, remove: d.remove })
    }
    const imported = store.state.doc.imported
    if (this.drawnImported !== imported) {
      // only when the layers change: a large layer must not be re-sent to the map on every edit
      this.drawnImported = imported
      void drawable(imported).then((d) => {
        if (store.state.doc.imported !== imported) return
        if (d.features.length || this.importedShapes) view.setData('imported', { type: 'FeatureCollection', features: d.features }, d.features.length > 1000)
        this.importedShapes = d.features.length
        // one layer per sample, kept: a redraw hands deck the same instance and its buffers stay
        this.importedDeck = d.pts.length ? { layer: importedPointsLayer(d.pts), pts: d.pts, of: imported } : null
        this.drawDeck?.()
        this.importedPoints = d.points
        const note = d.step > 1 ? sampledNotice(d.points, d.step) : ''
        const msg = store.state.message
        if (note && !msg.includes(note)) store.say(msg ? `${msg}\n${note}` : note)
      })
    }
    if (this.labeledGrids && this.labeledGrids !== store.state.doc.grids) this.drawDeck?.()
    if (this.diffOf !== store.state.doc.grids) {
      this.diffOf = store.state.doc.grids
      view.setData('diff', { type: 'FeatureCollection', features: this.diffFeatures() })
    }
  }

  /** 多网合一: per community with party-building grids, where they differ from the governance grids. */
  diffFeatures(): Feature[] {
    const byC = new Map<string, { gov: ReturnType<typeof polysOf>[]; party: ReturnType<typeof polysOf>[] }>()
    const grids = this.host.store.state.doc.grids
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

  /** The building or imported point under a screen point, the one drawn on top: the binary layers answer an index
   * into the world's buildings or into the sample of imported points. An imported point's properties are read from
   * its packed layer (a slice of them, kept for the next hover), hence the promise. */
  private deckAt(p: { x: number; y: number }): { building: Feature } | { props: Promise<Record<string, unknown>> } | null {
    const picked = this.host.view.overlay.pickObject({ x: p.x, y: p.y, radius: 3, layerIds: ['buildings', IMPORTED_POINTS] })
    if (!picked || picked.index < 0) return null
    if (picked.layer?.id !== IMPORTED_POINTS) {
      const f = this.host.world.buildings.features[picked.index]
      return f ? { building: f } : null
    }
    const d = this.importedDeck
    const at = d && locate(d.of, d.pts.feature[picked.index])
    return at ? { props: propsOf(at.layer, at.i).then((x) => (x ?? {}) as Record<string, unknown>) } : null
  }

  private wireEvents(): void {
    const { view, store, host } = { ...this.host, host: this.host }
    const map = view.map
    const tip = $('#tooltip')
    const layers = () => QUERYABLE.filter((l) => map.getLayer(l))
    map.on('mousemove', (e) => {
      if (host.tool() !== 'browse') return (tip.hidden = true)
      const hit = this.deckAt(e.point)
      const seq = ++this.hovered
      const show = (text: string) => {
        if (seq !== this.hovered) return
        tip.hidden = !text
        tip.textContent = text
        tip.style.left = `${e.originalEvent.clientX + 12}px`
        tip.style.top = `${e.originalEvent.clientY + 12}px`
      }
      if (hit && 'props' in hit) {
        void hit.props.then((p) => show(String(p.name || p['名称'] || p.id || '')), () => show(''))
        return
      }
      if (hit) {
        const p = hit.building.properties as Record<string, unknown>
        return show(t('hover.building', { id: String(p.id), hh: String(p.households) }))
      }
      const f = map.queryRenderedFeatures(e.point, { layers: layers() })[0]
      show(f ? String(f.properties.name || f.properties.id || '') : '')
    })
    map.on('mouseout', () => {
      this.hovered++
      tip.hidden = true
    })
    installBoxSelect(map, { layer: 'grids-fill', active: () => host.tool() === 'browse', onBox: (ids) => host.store.select(extendSelection(host.store.state.selected, ids, true)) })
    map.on('click', (e) => {
      if (host.tool() !== 'browse' || host.quiet()) return
      host.pickResult(e.point)
      const hit = this.deckAt(e.point)
      const fs = map.queryRenderedFeatures(e.point, { layers: layers() })
      const grid = fs.find((f) => f.layer.id === 'grids-fill')
      const shift = e.originalEvent.shiftKey
      if (grid) host.toggleSelect(String(grid.properties.id), shift)
      else {
        const comm = fs.find((f) => f.layer.id === 'communities-fill')
        if (comm) store.setCommunity(String(comm.properties.id))
        if (!shift) store.select([])
      }
      if (hit && 'building' in hit)
        host.inspect({
          title: grid ? `${t('layer.buildings')} · ${String(grid.properties.name || grid.properties.id)}` : t('layer.buildings'),
          props: hit.building.properties as Record<string, unknown>,
        })
      else if (hit) void hit.props.then((props) => host.inspect({ title: t('layer.imported'), props }))
      else if (fs[0]) {
        const g = grid ? store.grid(String(grid.properties.id)) : undefined
        host.inspect({ title: tAny(`layer.${fs[0].layer.id.split('-')[0]}`), props: g ? { ...g.properties, ...store.state.stats.get(g.properties.id) } : fs[0].properties })
      } else host.inspect(null)
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
      if (f) host.importFile(f)
    })
  }
}

/** which labels a zoom shows: streets (district view), communities (street view), grids (community view) */
export function labelBand(zoom: number): 0 | 1 | 2 {
  return zoom < 12.5 ? 0 : zoom < 14.5 ? 1 : 2
}
