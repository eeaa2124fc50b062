import { describe, expect, it } from 'vitest'
import type { Feature } from 'geojson'
import { extendSelection, insideLasso } from './map-select.ts'
import { refusalMessage } from './refusal.ts'

const sq = (id: string, x: number): Feature => ({ type: 'Feature', properties: { id }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } })

describe('selecting grids on the map', () => {
  it('a lasso selects the grids whose interior point it encloses', () => {
    const lasso = [[-0.5, -0.5], [2.5, -0.5], [2.5, 1.5], [-0.5, 1.5], [-0.5, -0.5]]
    expect(insideLasso([sq('A', 0), sq('B', 1), sq('C', 5)], lasso, (f) => String(f.properties?.id))).toEqual(['A', 'B'])
    // a grid's base point decides when it lies inside the grid: B's base is in B but outside the lasso
    const base = (f: Feature) => ({ B: [1.9, 0.5], C: [2, 1] })[String(f.properties?.id)]
    const tight = [[-0.5, -0.5], [1.8, -0.5], [1.8, 1.5], [-0.5, 1.5], [-0.5, -0.5]]
    expect(insideLasso([sq('A', 0), sq('B', 1), sq('C', 5)], tight, (f) => String(f.properties?.id), base)).toEqual(['A'])
    // a base outside its grid (C's, left behind by a reshape) does not decide: C lies far outside the lasso
    expect(insideLasso([sq('A', 0), sq('B', 1), sq('C', 5)], lasso, (f) => String(f.properties?.id), base)).toEqual(['A', 'B'])
    expect(insideLasso([sq('C', 5)], [[4.5, -0.5], [6.5, -0.5], [6.5, 1.5], [4.5, 1.5], [4.5, -0.5]], (f) => String(f.properties?.id), base)).toEqual(['C'])
  })
  it('Shift adds without repeating; otherwise the selection is replaced', () => {
    expect(extendSelection(['A'], ['A', 'B'], true)).toEqual(['A', 'B'])
    expect(extendSelection(['A'], ['B'], false)).toEqual(['B'])
  })
  it('an editor refusal becomes a message in the user\'s language', () => {
    expect(refusalMessage('Feature has coordinates with excessive precision')).toBe('编辑器拒绝了这个网格：坐标精度过高')
    expect(refusalMessage('Feature intersects itself')).toBe('编辑器拒绝了这个网格：边界自相交')
  })
})
