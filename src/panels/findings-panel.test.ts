import { describe, expect, it } from 'vitest'
import { DEFAULT_BAND, FINDING, type Finding } from '../../sim/api.ts'
import { findingText } from './findings-panel.ts'

const name = (id: string) => (id === 'C1' ? '卢沟桥社区' : id)
const summary = (f: Partial<Finding>): Finding => ({ severity: 'error', message: 'fallback', location: [0, 0], features: [{ layer: 'communities', id: 'C1' }], code: FINDING.NOT_LISTED, ...f })

describe('findings past the per-community cap', () => {
  it('are summarised in Chinese with the count and the kind they stand for', () => {
    expect(findingText(summary({ value: 899, of: FINDING.HOUSEHOLDS_BELOW }), name)).toBe('社区 卢沟桥社区：另有 899 条未列出（户数低于标准的网格）')
    expect(findingText(summary({ code: FINDING.OVERLAPS_NOT_EXAMINED, value: 499_400 }), name)).toBe('社区 卢沟桥社区：另有 499,400 对范围相交的网格未逐一检查')
  })
})

describe('findings name what they are about', () => {
  it('shows grid and community names, not internal ids', () => {
    const grid = (id: string) => ({ 'C1-G01': '卢沟桥第1网格', 'C1-G02': '卢沟桥第2网格' })[id] ?? id
    const overlap: Finding = { code: FINDING.OVERLAP, severity: 'error', message: 'x', location: [0, 0], areaM2: 120, features: [{ layer: 'grids', id: 'C1-G01' }, { layer: 'grids', id: 'C1-G02' }, { layer: 'communities', id: 'C1' }] }
    expect(findingText(overlap, name, grid)).toBe('网格重叠 120 m²：卢沟桥第1网格、卢沟桥第2网格')
    const gap: Finding = { code: FINDING.GAP, severity: 'error', message: 'x', location: [0, 0], areaM2: 5000, features: [{ layer: 'communities', id: 'C1' }] }
    expect(findingText(gap, name, grid)).toBe('社区 卢沟桥社区 存在 5,000 m² 未覆盖的缝隙')
  })
})

describe('the household band in words', () => {
  it('comes from the core band, not from text written into the strings', () => {
    const grid = (id: string) => ({ 'C1-G01': '卢沟桥第1网格' })[id] ?? id
    const low: Finding = { code: FINDING.HOUSEHOLDS_BELOW, severity: 'warning', message: 'x', location: [0, 0], value: 120, features: [{ layer: 'grids', id: 'C1-G01' }, { layer: 'communities', id: 'C1' }] }
    expect(findingText(low, name, grid)).toBe(`网格 卢沟桥第1网格 仅 120 户，低于 ${DEFAULT_BAND.min}–${DEFAULT_BAND.max} 户`)
  })
})
