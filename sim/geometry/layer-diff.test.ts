import { describe, expect, it } from 'vitest'
import { rect } from '../../test/support/shapes.ts'
import { layerDiff } from './layer-diff.ts'
import { areaM2 } from './measure.ts'

describe('layerDiff', () => {
  it('is empty when the two layers are the same', () => {
    const a = [rect(0, 0, 100, 100), rect(100, 0, 200, 100)]
    expect(areaM2(layerDiff(a, a))).toBeLessThan(1)
  })
  it('is the strip where a shared edge moved', () => {
    const a = [rect(0, 0, 100, 100), rect(100, 0, 200, 100)]
    const b = [rect(0, 0, 120, 100), rect(120, 0, 200, 100)]
    expect(areaM2(layerDiff(a, b))).toBeCloseTo(2000, -2)
  })
  it('counts land covered by one layer only', () => {
    expect(areaM2(layerDiff([rect(0, 0, 100, 100)], []))).toBeCloseTo(10000, -2)
  })
})
