import { describe, expect, it, vi } from 'vitest'
import { setLang } from '../i18n/i18n.ts'
import { projectName, worldNamer } from './projects-panel.ts'
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

  it('a project nobody named reads as the default in the page’s language; a typed name stays as typed', () => {
    vi.stubGlobal('document', { documentElement: {} }) // setLang marks the page's language
    try {
      setLang('zh-CN')
      expect(projectName({ name: '', preset: 'fengtai' })).toBe('默认世界（丰台区）')
      setLang('en')
      expect(projectName({ name: '', preset: 'fengtai' })).toBe('Default world (Fengtai District)')
      // made in Chinese before unnamed projects were stored empty: read as the default too
      expect(projectName({ name: '默认世界（丰台区）', preset: 'fengtai' })).toBe('Default world (Fengtai District)')
      expect(projectName({ name: '默认世界（西罗园街道）', preset: 'street' })).toBe(`Default world (${presetLabel('street')})`)
      expect(projectName({ name: '方案乙', preset: 'fengtai' })).toBe('方案乙')
      expect(projectName({ name: 'Default plan', preset: 'fengtai' })).toBe('Default plan')
      setLang('zh-CN')
      expect(projectName({ name: 'Default world (Fengtai District)', preset: 'fengtai' })).toBe('默认世界（丰台区）')
    } finally {
      setLang('zh-CN')
      vi.unstubAllGlobals()
    }
  })
})
