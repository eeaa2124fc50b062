// The grid layers on the map follow the document by difference: an edit sends MapLibre the few grids it changed
// (GeoJSONSource.updateData, keyed by the grid id — the sources have promoteId 'id'), not the tens of thousands of
// a city, which the page would clone and the map's worker re-tile whole on every edit.
import type { Feature } from 'geojson'
import type { GridStats } from '../../sim/api.ts'

type Grid = Feature & { properties: { id: string; layer?: string } }

/** what the map was last sent for one grid: a change to any of these re-sends it */
interface Sent {
  grid: Grid
  hh: number
  sel: 0 | 1
}

export interface GridDiff {
  /** every grid of the layer: the first send, or when most grids changed */
  all?: Feature[]
  add: Feature[]
  remove: string[]
}

/** One grid layer (governance or party) as the map has it. */
export class GridSync {
  private sent = new Map<string, Sent>()
  private first = true

  constructor(private layer: 'governance' | 'party') {}

  /** The features to send for the document's grids: all of them the first time, otherwise only what changed. Walks
   * the grids comparing references (no copying), so an edit costs the changed grids, not the layer. */
  diff(grids: readonly Grid[], stats: ReadonlyMap<string, Pick<GridStats, 'households'>>, selected: ReadonlySet<string>): GridDiff {
    const next = new Map<string, Sent>()
    const changed: Feature[] = []
    for (const g of grids) {
      if ((g.properties.layer ?? 'governance') !== this.layer) continue
      const id = g.properties.id
      const s: Sent = { grid: g, hh: stats.get(id)?.households ?? -1, sel: selected.has(id) ? 1 : 0 }
      next.set(id, s)
      const old = this.sent.get(id)
      if (!old || old.grid !== g || old.hh !== s.hh || old.sel !== s.sel) changed.push(drawn(s))
    }
    const remove: string[] = []
    for (const id of this.sent.keys()) if (!next.has(id)) remove.push(id)
    this.sent = next
    if (this.first || changed.length > next.size / 2) {
      this.first = false
      return { all: changed.length === next.size ? changed : [...next.values()].map(drawn), add: [], remove: [] }
    }
    return { add: changed, remove }
  }
}

/** a grid as the style reads it: its household count (_hh, −1 unknown) and whether it is selected (_sel) */
function drawn(s: Sent): Feature {
  return { type: 'Feature', geometry: s.grid.geometry, properties: { ...s.grid.properties, base: undefined, _hh: s.hh, _sel: s.sel } }
}
