import { describe, expect, it } from 'vitest'
import type { Polys } from '../geometry/measure.ts'
import { at, rect } from '../../test/support/shapes.ts'
import { FINDING, LIST_CAP } from '../geometry/findings.ts'
import { checkCommunity, checkWorld } from './check-world.ts'
import { indexGridLayer, putGrid, type GridLayerInput } from './grid-layer-index.ts'

const polygon = (p: Polys) => ({ type: 'Polygon' as const, coordinates: p[0] })

function stacked(n: number): GridLayerInput {
  return {
    communities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'C1', name: '社区', street: 'S1', households: 0, residents: 0 }, geometry: polygon(rect(0, 0, 1000, 1000)) }] },
    grids: { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { id: `G${i}`, community: 'C1' }, geometry: polygon(rect(0, 0, 1000, 1000)) })) },
    buildings: { type: 'FeatureCollection', features: Array.from({ length: 50 }, (_, i) => ({ type: 'Feature', properties: { id: `B${i}`, households: 20, residents: 50 }, geometry: { type: 'Point', coordinates: at(10 + i * 19, 500) } })) },
  } as unknown as GridLayerInput
}

describe('checkWorld bounds', () => {
  it('world check on 1,000 identical grids finishes and caps findings', () => {
    const t0 = performance.now()
    const r = checkWorld(stacked(1000))
    const ms = performance.now() - t0
    expect(ms).toBeLessThan(20_000)
    const overlaps = r.findings.filter((f) => f.code === FINDING.OVERLAP)
    expect(overlaps).toHaveLength(LIST_CAP)
    expect(r.findings.find((f) => f.code === FINDING.OVERLAPS_NOT_EXAMINED)!.value).toBe((1000 * 999) / 2 - LIST_CAP)
    // every building goes to the first grid (1,000 households, above the band); the other 999 are below it
    expect(r.findings.filter((f) => f.code === FINDING.HOUSEHOLDS_BELOW)).toHaveLength(LIST_CAP)
    expect(r.findings.find((f) => f.code === FINDING.NOT_LISTED)).toMatchObject({ of: FINDING.HOUSEHOLDS_BELOW, value: 999 - LIST_CAP })
    expect(r.grids).toHaveLength(1000)
    expect(r.findings.length).toBeLessThan(3 * LIST_CAP)
  }, 30_000)

  it("the page's re-check of a community holding 1,000 identical grids does not overflow the stack", () => {
    // the editor's path: index once, replace one grid, re-check its community (src/store/store.ts)
    const ix = indexGridLayer(stacked(1000))
    putGrid(ix, { id: 'G7', community: 'C1', geometry: rect(0, 0, 900, 900) })
    const r = checkCommunity(ix, 'C1')
    expect(r.findings.filter((f) => f.code === FINDING.OVERLAP)).toHaveLength(LIST_CAP)
    expect(r.findings.length).toBeLessThan(3 * LIST_CAP)
    expect(r.grids).toHaveLength(1000)
  }, 30_000)
})
