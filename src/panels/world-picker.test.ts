import { describe, expect, it } from 'vitest'
import { worldNamer } from './projects-panel.ts'
import { presetLabel, worldSearch } from './world-picker.ts'

describe('one world picker for presets and the worlds from my data', () => {
  it('a preset leaves any data world; a data world leaves the preset; other parameters stay', () => {
    expect(worldSearch('?world=w-1&lang=en', 'dongcheng')).toBe('lang=en&preset=dongcheng')
    expect(worldSearch('?preset=street&panel=run', 'data:w-abc')).toBe('panel=run&world=w-abc')
    expect(worldSearch('', 'fengtai')).toBe('preset=fengtai')
  })

  it('the project list names each project’s world: the preset label, or the name the user gave their world', () => {
    const name = worldNamer([{ id: 'w-1', name: '西罗园（街道数据）' }])
    expect(name('data:w-1')).toBe('西罗园（街道数据）')
    expect(name('street')).toBe(presetLabel('street'))
    expect(name('dongcheng')).toBe('东城区')
    // a world no longer in this browser still says what it was
    expect(name('data:gone')).toBe('我的数据世界')
  })
})
