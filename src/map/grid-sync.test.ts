import type { Feature } from 'geojson'
import { describe, expect, it } from 'vitest'
import { GridSync } from './grid-sync.ts'

type Grid = Feature & { properties: { id: string; layer?: string } }
const grid = (id: string, x = 0, layer?: string): Grid => ({
  type: 'Feature',
  properties: { id, ...(layer ? { layer } : {}) },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]] },
})
const none = new Set<string>()

describe('GridSync', () => {
  it('sends every grid of its layer first, then only the grids an edit replaced, re-counted or (de)selected', () => {
    const rest = [4, 5, 6, 7, 8].map((x) => grid(`g${x}`, x))
    const gs = [grid('a'), grid('b', 1), grid('c', 2), grid('p', 3, 'party'), ...rest]
    const sync = new GridSync('governance')
    const stats = new Map([['a', { households: 300 }]])
    const first = sync.diff(gs, stats, none)
    expect(first.all?.map((f) => f.properties?.id)).toEqual(['a', 'b', 'c', 'g4', 'g5', 'g6', 'g7', 'g8'])
    expect(first.all?.[0].properties).toMatchObject({ _hh: 300, _sel: 0 })
    expect(first.all?.[1].properties).toMatchObject({ _hh: -1 })

    // nothing changed: nothing sent
    expect(sync.diff(gs, stats, none)).toEqual({ add: [], remove: [] })

    // an edit replaces b's object; c is selected; a's households change
    const edited = [gs[0], grid('b', 1.5), gs[2], gs[3], ...rest]
    const d = sync.diff(edited, new Map([['a', { households: 320 }]]), new Set(['c']))
    expect(d.all).toBeUndefined()
    expect(d.add.map((f) => [f.properties?.id, f.properties?._hh, f.properties?._sel])).toEqual([['a', 320, 0], ['b', -1, 0], ['c', -1, 1]])
    expect(d.remove).toEqual([])
  })

  it('removes a deleted grid by id and resends the whole layer when most of it changed', () => {
    const gs = [grid('a'), grid('b', 1), grid('c', 2), grid('d', 3)]
    const sync = new GridSync('governance')
    sync.diff(gs, new Map(), none)
    expect(sync.diff([gs[0], gs[1], gs[2]], new Map(), none)).toEqual({ add: [], remove: ['d'] })
    const all = sync.diff([grid('a'), grid('b', 1), gs[2]], new Map(), none)
    expect(all.all?.map((f) => f.properties?.id)).toEqual(['a', 'b', 'c'])
  })

  it('keeps the party layer apart', () => {
    const sync = new GridSync('party')
    expect(sync.diff([grid('a'), grid('p', 3, 'party')], new Map(), none).all?.map((f) => f.properties?.id)).toEqual(['p'])
  })
})
