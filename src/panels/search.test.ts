import { describe, expect, it } from 'vitest'
import { loadPinyin, matches, type SearchItem } from './search.ts'

const item = (name: string, id = 'x'): SearchItem => ({ kind: 'communities', name, id, feature: { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } } })

describe('search matching', () => {
  it('finds names by characters, id, full pinyin and initials', async () => {
    const py = await loadPinyin()
    const xly = item('西罗园街道', '110106003')
    expect(matches(xly, '西罗园', py)).toBe(true)
    expect(matches(xly, '110106003', py)).toBe(true)
    expect(matches(xly, 'xiluoyuan', py)).toBe(true)
    expect(matches(xly, 'xi luo yuan', py)).toBe(true)
    expect(matches(xly, 'xly', py)).toBe(true)
    expect(matches(xly, 'fengtai', py)).toBe(false)
    // a polyphonic character read from its neighbours: 长 in 长辛店 is chang
    expect(matches(item('长辛店街道'), 'changxindian', py)).toBe(true)
    // without pinyin loaded yet, names and ids still match
    expect(matches(xly, 'xiluoyuan', null)).toBe(false)
    expect(matches(xly, '罗园', null)).toBe(true)
  })
})

describe('interval ends', () => {
  it('shows a narrow interval with enough decimals that its ends differ', async () => {
    const { pctRange } = await import('./format.ts')
    expect(pctRange(0.8601, 0.8702)).toEqual(['86.0 %', '87.0 %'])
    expect(pctRange(0.86601, 0.86649)).toEqual(['86.60 %', '86.65 %'])
    expect(pctRange(0.866, 0.866)).toEqual(['86.600 %', '86.600 %'])
  })
})
