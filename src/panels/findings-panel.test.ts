import { describe, expect, it } from 'vitest'
import { FINDING, type Finding } from '../../sim/api.ts'
import { findingText } from './findings-panel.ts'

const name = (id: string) => (id === 'C1' ? '卢沟桥社区' : id)
const summary = (f: Partial<Finding>): Finding => ({ severity: 'error', message: 'fallback', location: [0, 0], features: [{ layer: 'communities', id: 'C1' }], code: FINDING.NOT_LISTED, ...f })

describe('findings past the per-community cap', () => {
  it('are summarised in Chinese with the count and the kind they stand for', () => {
    expect(findingText(summary({ value: 899, of: FINDING.HOUSEHOLDS_BELOW }), name)).toBe('社区 卢沟桥社区：另有 899 条未列出（户数低于标准的网格）')
    expect(findingText(summary({ code: FINDING.OVERLAPS_NOT_EXAMINED, value: 499_400 }), name)).toBe('社区 卢沟桥社区：另有 499,400 对范围相交的网格未逐一检查')
  })
})
