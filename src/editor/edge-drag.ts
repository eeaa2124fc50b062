// Dragging a whole edge of the grid being edited. Terra Draw moves a vertex and inserts one at a midpoint but
// cannot move an edge, so a press on an edge away from those handles is taken here, before Terra Draw (which
// listens on the canvas) and the map's drag-pan (on the canvas container, through mouse events that a
// cancelled pointerdown suppresses) see it. The drag ends as a move of the edge's two ends, which the grid
// topology (sim/geometry/topology.ts, editShared) carries to every grid that uses them.
import type { Position } from 'geojson'
import { moveEdge } from '../../sim/api.ts'
import type { MapLibreMap } from '../map/map.ts'

/** Within this distance of a vertex or midpoint, px, a press belongs to Terra Draw's handle (its pointerDistance). */
export const HANDLE_PX = 14
/** A press this close to an edge, px, grabs the edge. */
export const EDGE_PX = 8
/** A drag shorter than this, px, moves nothing. */
const CLICK_PX = 3

export interface Pt {
  x: number
  y: number
}

const dist = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y)

function toSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const l2 = dx * dx + dy * dy
  const t = l2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0
  return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y)
}

/**
 * The segment (i → i+1) of a closed ring in screen pixels that a press at `p` grabs, or -1: a press near any
 * vertex or midpoint is a handle's, and one farther than `edgePx` from every edge is nobody's.
 */
export function edgeAt(ring: readonly Pt[], p: Pt, handlePx = HANDLE_PX, edgePx = EDGE_PX): number {
  let best = -1
  let bestD = edgePx
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]
    const b = ring[i + 1]
    if (dist(p, a) < handlePx || dist(p, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }) < handlePx) return -1
    const d = toSegment(p, a, b)
    if (d <= bestD) {
      bestD = d
      best = i
    }
  }
  return best
}

export interface EdgeDragOptions {
  /** the closed ring being edited, or null when no grid is open in the vertex editor */
  ring(): Position[] | null
  /** show the ring while the edge moves; the drawing library's reason when it refuses the ring, else null */
  preview(ring: Position[]): string | null
  /** the drag ended with the edge moved from `before` to `after`; `refused` is the last preview's refusal */
  end(after: Position[], before: Position[], refused: string | null): void
}

/** Whole-edge dragging on the map; returns a function that removes it. */
export function installEdgeDrag(map: MapLibreMap, o: EdgeDragOptions): () => void {
  const container = map.getCanvasContainer()
  const canvas = map.getCanvas()
  const pos = (e: PointerEvent): Pt => {
    const r = container.getBoundingClientRect()
    return { x: e.clientX - r.left, y: e.clientY - r.top }
  }
  const grab = (e: PointerEvent): { ring: Position[]; i: number } | null => {
    const ring = o.ring()
    if (!ring || ring.length < 4) return null
    const i = edgeAt(ring.map((q) => map.project(q as [number, number])), pos(e))
    return i < 0 ? null : { ring, i }
  }
  let drag: { ring: Position[]; i: number; from: Pt; next: Position[]; refused: string | null } | null = null

  const move = (e: PointerEvent) => {
    if (!drag) return
    e.stopPropagation()
    const p = pos(e)
    if (dist(p, drag.from) < CLICK_PX) return
    const a = map.unproject([drag.from.x, drag.from.y])
    const b = map.unproject([p.x, p.y])
    drag.next = moveEdge(drag.ring, drag.i, [b.lng - a.lng, b.lat - a.lat])
    drag.refused = o.preview(drag.next)
  }
  const up = (e: PointerEvent) => {
    window.removeEventListener('pointermove', move, true)
    window.removeEventListener('pointerup', up, true)
    map.dragPan.enable()
    e.stopPropagation()
    const d = drag
    drag = null
    if (d && d.next !== d.ring) o.end(d.next, d.ring, d.refused)
  }
  const down = (e: PointerEvent) => {
    if (drag || e.button !== 0 || !e.isPrimary || e.shiftKey) return
    const g = grab(e)
    if (!g) return
    e.preventDefault()
    e.stopPropagation()
    drag = { ...g, from: pos(e), next: g.ring, refused: null }
    map.dragPan.disable()
    window.addEventListener('pointermove', move, true)
    window.addEventListener('pointerup', up, true)
  }
  // after Terra Draw's own hover handler (registered earlier on the canvas), so this cursor wins over an edge
  const hover = (e: PointerEvent) => {
    if (!drag && e.buttons === 0 && grab(e)) canvas.style.cursor = 'move'
  }
  container.addEventListener('pointerdown', down, true)
  canvas.addEventListener('pointermove', hover)
  return () => {
    container.removeEventListener('pointerdown', down, true)
    canvas.removeEventListener('pointermove', hover)
  }
}
