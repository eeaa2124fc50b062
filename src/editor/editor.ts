// The grid editor: Terra Draw does the pointer work (draw, vertex move/insert, split line, lasso) and
// edge-drag.ts moves a whole edge; the grid
// rules stay in sim/ and run on every finished edit through the store. Snapping goes to the vertices of the
// community boundary and the neighbouring grids, so drawn edges meet existing ones exactly. Coordinates are
// handed to Terra Draw at the stored precision (sim COORD_DECIMALS) and its adapter works at that precision:
// a feature with finer coordinates is refused by Terra Draw ("excessive precision"), and any refusal is
// reported to the user instead of silently doing nothing.
import { TerraDraw, TerraDrawFreehandMode, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode, type SnapToCustom } from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'
import type { Polygon, Position } from 'geojson'
import { COORD_DECIMALS, roundPosition } from '../../sim/api.ts'
import { HANDLE_PX, installEdgeDrag } from './edge-drag.ts'
import { refusalMessage } from './refusal.ts'
import type { MapLibreMap } from '../map/map.ts'

export type Tool = 'browse' | 'draw' | 'split' | 'edit' | 'lasso'

export interface EditorHooks {
  /** vertices to snap to (community boundary, neighbouring grids) */
  snapTargets(): Position[]
  onDrawn(ring: Position[]): void
  onSplitLine(a: Position, b: Position): void
  onEdited(ring: Position[]): void
  /** a lasso was drawn: select the grids it encloses */
  onLasso(ring: Position[]): void
  /** an edit the drawing library refused, as the user's message */
  onRefused(message: string): void
}

const SNAP_PX = 12

export class GridEditor {
  readonly draw: TerraDraw
  tool: Tool = 'browse'
  private editingId: string | number | null = null

  constructor(private map: MapLibreMap, hooks: EditorHooks) {
    const snap: SnapToCustom = (event, ctx) => {
      let best: Position | undefined
      let bestD = SNAP_PX
      for (const p of hooks.snapTargets()) {
        const { x, y } = ctx.project(p[0], p[1])
        const d = Math.hypot(x - event.containerX, y - event.containerY)
        if (d < bestD) {
          bestD = d
          best = p
        }
      }
      return best
    }
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: COORD_DECIMALS }),
      modes: [
        new TerraDrawPolygonMode({ snapping: { toCustom: snap }, styles: { fillColor: '#e4002b', fillOpacity: 0.15, outlineColor: '#e4002b', outlineWidth: 2 } }),
        new TerraDrawLineStringMode({ styles: { lineStringColor: '#e4002b', lineStringWidth: 3 } }),
        new TerraDrawFreehandMode({ drawInteraction: 'click-drag', styles: { fillColor: '#1f6feb', fillOpacity: 0.1, outlineColor: '#1f6feb', outlineWidth: 2 } }),
        new TerraDrawSelectMode({
          pointerDistance: HANDLE_PX, // a handle is grabbed near it; farther along an edge, the edge is (edge-drag.ts)
          flags: {
            polygon: {
              feature: {
                draggable: false,
                coordinates: { draggable: true, midpoints: true, deletable: true, snappable: { toCustom: snap } },
              },
            },
          },
        }),
      ],
    })
    this.draw.start()
    this.draw.on('finish', (id, ctx) => {
      const f = this.draw.getSnapshotFeature(id)
      if (!f) return
      if (ctx.mode === 'polygon') {
        this.draw.removeFeatures([id])
        hooks.onDrawn((f.geometry as Polygon).coordinates[0])
      } else if (ctx.mode === 'linestring') {
        this.draw.removeFeatures([id])
        const cs = f.geometry.coordinates as Position[]
        if (cs.length >= 2) hooks.onSplitLine(cs[0], cs[cs.length - 1])
      } else if (ctx.mode === 'freehand') {
        this.draw.removeFeatures([id])
        hooks.onLasso((f.geometry as Polygon).coordinates[0])
      } else if (ctx.mode === 'select' && id === this.editingId) {
        hooks.onEdited((f.geometry as Polygon).coordinates[0])
      }
    })
    // Terra Draw listens on the canvas: a lasso stroke passing over a card on the map (the feature inspector, a toast)
    // stopped reaching it, and the ring cut straight across what the user drew round. The canvas keeps the pointer
    // from press to release while the lasso is drawn.
    const canvas = map.getCanvas()
    canvas.addEventListener('pointerdown', (e) => {
      if (this.tool === 'lasso' && e.isPrimary && e.button === 0) canvas.setPointerCapture(e.pointerId)
    })
    installEdgeDrag(map, {
      ring: () => (this.tool === 'edit' && this.editingId !== null ? this.editedRing() : null),
      preview: (ring) => {
        try {
          this.draw.updateFeatureGeometry(this.editingId!, { type: 'Polygon', coordinates: [ring] })
          return null
        } catch (e) {
          return (e as Error).message
        }
      },
      end: (after, before, refused) => {
        if (!refused) return hooks.onEdited(after)
        this.setTool('edit', before)
        hooks.onRefused(refusalMessage(refused))
      },
    })
  }

  /** The ring open in the vertex editor, as Terra Draw holds it now. */
  private editedRing(): Position[] | null {
    const f = this.editingId === null ? undefined : this.draw.getSnapshotFeature(this.editingId)
    return f?.geometry.type === 'Polygon' ? (f.geometry.coordinates[0] as Position[]) : null
  }

  /** Switch tool; for 'edit', the ring to edit. Returns the user's message when Terra Draw refused the ring. */
  setTool(tool: Tool, ring?: Position[]): string | null {
    this.tool = tool
    this.draw.clear()
    this.editingId = null
    let refused: string | null = null
    if (tool === 'draw') this.draw.setMode('polygon')
    else if (tool === 'split') this.draw.setMode('linestring')
    else if (tool === 'lasso') this.draw.setMode('freehand')
    else if (tool === 'edit' && ring) {
      this.draw.setMode('select')
      const [r] = this.draw.addFeatures([{ type: 'Feature', properties: { mode: 'polygon' }, geometry: { type: 'Polygon', coordinates: [ring.map(roundPosition)] } }])
      if (r?.valid) {
        this.editingId = r.id as string | number
        this.draw.selectFeature(this.editingId)
      } else {
        refused = refusalMessage(r?.reason)
        this.tool = 'browse'
        this.draw.setMode('static')
      }
    } else this.draw.setMode('static')
    this.map.getCanvas().style.cursor = this.tool === 'browse' ? '' : 'crosshair'
    return refused
  }
}
