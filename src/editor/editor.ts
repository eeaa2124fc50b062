// The grid editor: Terra Draw does the pointer work (draw, vertex move/insert, split line); the grid rules
// stay in sim/ and run on every finished edit through the store. Snapping goes to the vertices of the
// community boundary and the neighbouring grids, so drawn edges meet existing ones exactly.
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode, type SnapToCustom } from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'
import type { Polygon, Position } from 'geojson'
import type { MapLibreMap } from '../map/map.ts'

export type Tool = 'browse' | 'draw' | 'split' | 'edit'

export interface EditorHooks {
  /** vertices to snap to (community boundary, neighbouring grids) */
  snapTargets(): Position[]
  onDrawn(ring: Position[]): void
  onSplitLine(a: Position, b: Position): void
  onEdited(ring: Position[]): void
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
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
      modes: [
        new TerraDrawPolygonMode({ snapping: { toCustom: snap }, styles: { fillColor: '#e4002b', fillOpacity: 0.15, outlineColor: '#e4002b', outlineWidth: 2 } }),
        new TerraDrawLineStringMode({ styles: { lineStringColor: '#e4002b', lineStringWidth: 3 } }),
        new TerraDrawSelectMode({
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
      } else if (ctx.mode === 'select' && id === this.editingId) {
        hooks.onEdited((f.geometry as Polygon).coordinates[0])
      }
    })
  }

  setTool(tool: Tool, ring?: Position[]): void {
    this.tool = tool
    this.draw.clear()
    this.editingId = null
    if (tool === 'draw') this.draw.setMode('polygon')
    else if (tool === 'split') this.draw.setMode('linestring')
    else if (tool === 'edit' && ring) {
      this.draw.setMode('select')
      const [r] = this.draw.addFeatures([{ type: 'Feature', properties: { mode: 'polygon' }, geometry: { type: 'Polygon', coordinates: [ring] } }])
      if (r?.valid) {
        this.editingId = r.id as string | number
        this.draw.selectFeature(this.editingId)
      }
    } else this.draw.setMode('static')
    this.map.getCanvas().style.cursor = tool === 'browse' ? '' : 'crosshair'
  }
}
