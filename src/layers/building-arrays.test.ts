import { describe, expect, it } from 'vitest'
import { buildWorld } from '../../sim/api.ts'
import { buildingArrays, fanIndices } from './building-arrays.ts'

/** area of the triangles, and of the rings (shoelace), in squared degrees */
const triArea = (p: Float64Array, ix: Uint32Array) => {
  let s = 0
  for (let k = 0; k < ix.length; k += 3) {
    const [a, b, c] = [2 * ix[k], 2 * ix[k + 1], 2 * ix[k + 2]]
    s += Math.abs((p[b] - p[a]) * (p[c + 1] - p[a + 1]) - (p[c] - p[a]) * (p[b + 1] - p[a + 1])) / 2
  }
  return s
}
const ringArea = (p: Float64Array, starts: Uint32Array) => {
  let s = 0
  for (let i = 0; i + 1 < starts.length; i++) {
    let r = 0
    for (let v = starts[i]; v + 1 < starts[i + 1]; v++) r += p[2 * v] * p[2 * v + 3] - p[2 * v + 2] * p[2 * v + 1]
    s += Math.abs(r) / 2
  }
  return s
}

describe('fanIndices', () => {
  it('triangulates a generated world’s buildings so the triangles cover exactly their rings', () => {
    const a = buildingArrays(buildWorld({ preset: 'street', seed: 1 }))
    expect(a.indices).toBeDefined()
    expect(a.indices!.length).toBe(a.length * 6) // rectangles: two triangles each
    // equal up to rounding (the shoelace on lon/lat near 116°, 40° loses digits)
    expect(triArea(a.positions, a.indices!) / ringArea(a.positions, a.starts)).toBeCloseTo(1, 6)
    expect(Math.max(...a.indices!)).toBeLessThan(a.positions.length / 2)
  })

  it('leaves a world with a concave building to deck’s own tessellation', () => {
    // a square, then an L shape (closed rings)
    const square = [0, 0, 1, 0, 1, 1, 0, 1, 0, 0]
    const ell = [0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2, 0, 0]
    expect(fanIndices(new Float64Array(square), new Uint32Array([0, 5]))).toEqual(new Uint32Array([0, 1, 2, 0, 2, 3]))
    expect(fanIndices(new Float64Array([...square, ...ell]), new Uint32Array([0, 5, 12]))).toBeUndefined()
  })
})
