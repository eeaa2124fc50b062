// Selecting grids on the map beyond a plain click: Shift+click adds or removes a grid, Shift+drag draws a box
// and adds the grids it touches, and a lasso (Terra Draw's freehand mode, see editor.ts) selects the grids
// whose interior point it encloses. MapLibre's box zoom also listens to Shift+drag, so it is switched off here
// (zoom stays on the wheel, double-click and the buttons).
import { booleanPointInPolygon, pointOnFeature, polygon } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import type { MapLibreMap } from '../map/map.ts'

/** A drag shorter than this, px, is a click and left to the click handler. */
const CLICK_PX = 4

export interface BoxSelectOptions {
  /** the map layer whose features are selectable */
  layer: string
  /** false while another tool owns the pointer */
  active(): boolean
  /** grid ids in the box; the caller adds them to the selection */
  onBox(ids: string[]): void
}

/** Shift+drag box selection; returns a function that removes it. */
export function installBoxSelect(map: MapLibreMap, o: BoxSelectOptions): () => void {
  map.boxZoom.disable()
  const canvas = map.getCanvasContainer()
  let start: { x: number; y: number } | null = null
  let box: HTMLDivElement | null = null
  const pos = (e: MouseEvent) => {
    const r = canvas.getBoundingClientRect()
    return { x: e.clientX - r.left, y: e.clientY - r.top }
  }
  const move = (e: MouseEvent) => {
    if (!start) return
    const p = pos(e)
    if (!box) {
      if (Math.hypot(p.x - start.x, p.y - start.y) < CLICK_PX) return
      box = document.createElement('div')
      box.className = 'select-box'
      box.dataset.testid = 'select-box'
      Object.assign(box.style, { position: 'absolute', border: '2px dashed #1f6feb', background: 'rgba(31,111,235,0.08)', pointerEvents: 'none', zIndex: '5' })
      canvas.append(box)
    }
    Object.assign(box.style, { left: `${Math.min(p.x, start.x)}px`, top: `${Math.min(p.y, start.y)}px`, width: `${Math.abs(p.x - start.x)}px`, height: `${Math.abs(p.y - start.y)}px` })
  }
  const up = (e: MouseEvent) => {
    window.removeEventListener('mousemove', move)
    window.removeEventListener('mouseup', up)
    map.dragPan.enable()
    const s = start
    start = null
    if (!s || !box) return
    box.remove()
    box = null
    const p = pos(e)
    const layers = map.getLayer(o.layer) ? [o.layer] : []
    const fs = map.queryRenderedFeatures([[Math.min(s.x, p.x), Math.min(s.y, p.y)], [Math.max(s.x, p.x), Math.max(s.y, p.y)]], { layers })
    o.onBox([...new Set(fs.map((f) => String(f.properties.id)))])
  }
  const down = (e: MouseEvent) => {
    if (!e.shiftKey || e.button !== 0 || !o.active()) return
    start = pos(e)
    map.dragPan.disable()
    window.addEventListener('mousemove', move)
    window.addEventListener('mouseup', up)
  }
  canvas.addEventListener('mousedown', down, true)
  return () => canvas.removeEventListener('mousedown', down, true)
}

/** Ids of the features the lasso ring selects. The rule: a grid is selected when its representative interior point
 *  lies inside the ring — its base point (where the grid statistics measure from) when it lies inside the grid, else
 *  a point on the grid (turf's pointOnFeature, inside the polygon). One point per grid, so a grid the ring cuts
 *  through is in or out as a whole, and a base left outside a reshaped grid never decides for it. */
export function insideLasso(features: readonly Feature[], ring: Position[], id: (f: Feature) => string, base: (f: Feature) => Position | undefined = () => undefined): string[] {
  if (ring.length < 4) return []
  const lasso = polygon([ring])
  return features.filter((f) => booleanPointInPolygon(representativePoint(f, base(f)), lasso)).map(id)
}

function representativePoint(f: Feature, base: Position | undefined): Position {
  const areal = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'
  if (base && areal && booleanPointInPolygon(base, f as Feature<Polygon | MultiPolygon>)) return base
  return pointOnFeature(f).geometry.coordinates
}

/** The selection after adding `ids` (Shift) or replacing it. */
export function extendSelection(current: readonly string[], ids: readonly string[], add: boolean): string[] {
  return add ? [...current, ...ids.filter((id) => !current.includes(id))] : [...ids]
}
