import { describe, expect, it } from 'vitest'
import { binLabels } from './close-hist.ts'

describe('time-to-close bin labels', () => {
  it('names each bin by its upper edge, from "≤1 h" to the open ">30 d"', () => {
    const edges = [1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720]
    const zh = binLabels(edges)
    expect(zh).toHaveLength(edges.length + 1)
    expect(zh[0]).toBe('≤1 小时')
    expect(zh[5]).toBe('1 天')
    expect(zh[11]).toBe('30 天')
    expect(zh[12]).toBe('>30 天')
    expect(new Set(zh).size).toBe(zh.length)
  })
})
