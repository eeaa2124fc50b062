// One playback map: the planner's offline map of the world with the playback drawn over it by deck.gl from typed
// arrays (binary attributes filled in place in buffers allocated once per run): issues coloured by state where they
// arose, grid workers walking between their base and their job, whistle arcs from the street office to the
// departments, closures fading out. deck.gl draws on its own canvas over the map (not interleaved): a playback frame
// redraws a few thousand points, never the district's buildings and grids under them (with software GL that redraw
// was most of a frame). A video composites the two canvases (present.ts).
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers'
import type { Layer } from '@deck.gl/core'
import { MapLibreOverlay } from '@deck.gl/maplibre'
import { STATE, type Places, type Recording, Replay, type World } from '../../sim/api.ts'
import { createMap, type MapView } from '../map/map.ts'
import { bboxOf } from '../store/geo.ts'

/** RGB per STATE (index), the legend's order */
export const STATE_COLORS: [number, number, number][] = [
  [0, 0, 0],
  [140, 140, 140], // latent
  [235, 180, 20], // reported
  [240, 120, 30], // dispatched
  [30, 110, 220], // in hand
  [215, 25, 40], // escalated
  [30, 160, 80], // closed
  [140, 70, 190], // rated
]
const WORKER_COLOR = [20, 40, 60, 255] as const
/** minutes a grid worker takes to reach a job (drawn, not modelled: the model counts walking in the job's time) */
const WALK_MIN = 20
const ROLE_GRID = 0
/** a click this close (pixels) to an issue picks it */
const PICK_PX = 10

export interface Frame {
  t: number
  /** minutes over which a closure fades */
  fadeMin: number
  followed: number | null
}

export class Pane {
  readonly view: MapView
  readonly replay: Replay
  private overlay = new MapLibreOverlay({ interleaved: false, layers: [] })
  /** issue ids in the order they were last drawn, and where */
  private drawn: Int32Array = new Int32Array(0)
  private drawnPos: Float32Array = new Float32Array(0)
  /** per-frame buffers, sized once for the run: positions and colours of the issues, the workers, the arcs */
  private readonly buf: { pos: Float32Array; col: Uint8Array; ids: Int32Array; jobOf: Int32Array; wpos: Float32Array; arcs: Float32Array }
  /** while a video is taken: the map itself must render every frame, since frames are taken in its render event */
  repaintMap = false
  /** issues currently dispatched or in hand (counted while drawing) */
  active = 0
  /** a frame drawn while the map's sources were still loading: deck.gl adds its layers to the map only once the
   *  style is loaded, so it is drawn again when the map is idle */
  private pending: Frame | null = null

  constructor(container: HTMLElement, world: World, rec: Recording, private places: Places, onPick: (issue: number) => void) {
    this.view = createMap(container)
    this.replay = new Replay(rec)
    const G = places.gridBase.length / 2
    const n = rec.issues
    this.buf = { pos: new Float32Array(2 * n), col: new Uint8Array(4 * n), ids: new Int32Array(n), jobOf: new Int32Array(G), wpos: new Float32Array(2 * G), arcs: new Float32Array(4 * n) }
    this.view.fit(bboxOf(world.district))
    void this.view.loaded.then(() => {
      this.view.setWorld(world)
      this.view.setData('grids', world.grids)
      // the grids stay as lines: the household bands the planner colours them by would drown the issues
      this.view.map.setPaintProperty('grids-fill', 'fill-color', '#ffffff')
      this.view.map.setPaintProperty('grids-fill', 'fill-opacity', 0.15)
      this.view.map.addControl(this.overlay)
      this.view.map.on('idle', () => {
        const f = this.pending
        if (f) this.draw(f)
      })
    })
    // picking by distance on the map's own click: the issues drawn are at most a few thousand, and this needs no
    // picking pass through deck.gl
    this.view.map.on('click', (e) => {
      const i = this.nearest(e.point.x, e.point.y)
      if (i >= 0) onPick(i)
    })
  }

  get canvas(): HTMLCanvasElement {
    return this.view.map.getCanvas()
  }

  /** deck.gl's canvas over the map (null until the map has loaded) */
  get overlayCanvas(): HTMLCanvasElement | null {
    return this.overlay.getCanvas()
  }

  /** the drawn issue nearest a screen point (map pixels), within PICK_PX; −1 if none */
  nearest(x: number, y: number): number {
    let best = -1
    let bd = PICK_PX * PICK_PX
    const map = this.view.map
    for (let k = 0; k < this.drawn.length; k++) {
      const p = map.project([this.drawnPos[2 * k], this.drawnPos[2 * k + 1]])
      const d = (p.x - x) ** 2 + (p.y - y) ** 2
      if (d <= bd) {
        bd = d
        best = this.drawn[k]
      }
    }
    return best
  }

  /** where an issue is (its building), lon/lat */
  where(issue: number): [number, number] | null {
    const b = this.replay.rec.building[issue]
    return b >= 0 ? [this.places.building[2 * b], this.places.building[2 * b + 1]] : null
  }

  /** resolves when the map is idle with the last frame on it */
  async settled(): Promise<void> {
    const map = this.view.map
    // playback frames do not render the map, so ask for one render to reach 'idle' again
    do {
      const idle = new Promise<void>((r) => map.once('idle', () => r()))
      map.triggerRepaint()
      await idle
    } while (this.pending)
    // deck.gl draws its canvas in its own animation frame
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  }

  draw(f: Frame): void {
    this.pending = this.view.map.isStyleLoaded() ? null : f
    const r = this.replay
    r.seekTime(f.t)
    const rec = r.rec
    const P = this.places
    const n = rec.issues
    const { pos, col, ids, jobOf, wpos, arcs } = this.buf
    const G = jobOf.length
    // each grid's worker goes to the job it took up last
    jobOf.fill(-1)
    let na = 0
    let m = 0
    let active = 0
    for (let i = 0; i < n; i++) {
      const s = r.state[i]
      if (s === STATE.NONE) continue
      const b = rec.building[i]
      if (b < 0) continue
      let alpha = 230
      if (s === STATE.CLOSED || s === STATE.RATED) {
        alpha = Math.round(230 * (1 - (f.t - r.since[i]) / f.fadeMin))
        if (alpha <= 0) continue
      }
      if (s === STATE.DISPATCHED || s === STATE.IN_HAND || s === STATE.ESCALATED) active++
      if (s === STATE.IN_HAND && r.role[i] === ROLE_GRID) {
        const g = P.buildingGrid[b]
        if (g >= 0 && (jobOf[g] < 0 || r.since[i] > r.since[jobOf[g]])) jobOf[g] = i
      }
      if (s === STATE.ESCALATED) {
        const st = Math.max(0, P.buildingStreet[b])
        arcs[na++] = P.street[2 * st]
        arcs[na++] = P.street[2 * st + 1]
        arcs[na++] = P.departments[0]
        arcs[na++] = P.departments[1]
      }
      // a small fixed offset per issue, so issues in one building do not hide each other
      const jx = (((i * 2654435761) >>> 0) / 4294967296 - 0.5) * 0.00025
      const jy = (((i * 40503) % 65536) / 65536 - 0.5) * 0.0002
      pos[2 * m] = P.building[2 * b] + jx
      pos[2 * m + 1] = P.building[2 * b + 1] + jy
      const c = STATE_COLORS[s]
      col[4 * m] = c[0]
      col[4 * m + 1] = c[1]
      col[4 * m + 2] = c[2]
      col[4 * m + 3] = alpha
      ids[m++] = i
    }
    this.active = active
    this.drawn = ids.subarray(0, m)
    this.drawnPos = pos.subarray(0, 2 * m)
    for (let g = 0; g < G; g++) {
      let x = P.gridBase[2 * g]
      let y = P.gridBase[2 * g + 1]
      const i = jobOf[g]
      if (i >= 0) {
        const b = rec.building[i]
        const k = Math.min(1, (f.t - r.since[i]) / WALK_MIN)
        x += (P.building[2 * b] - x) * k
        y += (P.building[2 * b + 1] - y) * k
      }
      wpos[2 * g] = x
      wpos[2 * g + 1] = y
    }
    // new views of the same buffers each frame: deck.gl uploads an attribute whose value is a new array object
    const arcV = arcs.subarray(0, na)
    const layers: Layer[] = [
      new ScatterplotLayer({
        id: 'workers',
        data: { length: G, attributes: { getPosition: { value: wpos.subarray(0), size: 2 } } },
        getFillColor: [255, 255, 255, 230],
        getLineColor: [...WORKER_COLOR],
        stroked: true,
        lineWidthMinPixels: 2,
        radiusUnits: 'pixels',
        getRadius: 4,
      }),
      new ArcLayer({
        id: 'whistles',
        data: { length: na / 4, attributes: { getSourcePosition: { value: arcV, size: 2, stride: 16, offset: 0 }, getTargetPosition: { value: arcV, size: 2, stride: 16, offset: 8 } } },
        getSourceColor: [215, 25, 40, 220],
        getTargetColor: [120, 20, 120, 220],
        getWidth: 2,
        getHeight: 0.6,
      }),
      new ScatterplotLayer({
        id: 'issues',
        data: { length: m, attributes: { getPosition: { value: pos.subarray(0, 2 * m), size: 2 }, getFillColor: { value: col.subarray(0, 4 * m), size: 4, normalized: true } } },
        radiusUnits: 'pixels',
        getRadius: 5,
        radiusMinPixels: 3,
        pickable: true,
      }),
    ]
    if (f.followed !== null && f.followed < n) {
      const at = this.where(f.followed)
      if (at)
        layers.push(
          new ScatterplotLayer({
            id: 'followed',
            data: { length: 1, attributes: { getPosition: { value: new Float32Array(at), size: 2 } } },
            radiusUnits: 'pixels',
            getRadius: 14,
            stroked: true,
            filled: false,
            getLineColor: [0, 0, 0, 255],
            lineWidthMinPixels: 3,
          }),
        )
    }
    this.overlay.setProps({ layers })
    if (this.repaintMap) this.view.map.triggerRepaint()
  }
}
