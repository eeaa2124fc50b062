import { describe, expect, it } from 'vitest'
import type { CommunityCheck, Finding } from '../../sim/api.ts'
import { collectChecks } from './store.ts'

describe('collecting findings', () => {
  it('takes a community with 300,000 findings without overflowing the stack (it used push(...spread))', () => {
    const f = (i: number, severity: Finding['severity']): Finding => ({ code: 'grid-overlap', severity, message: String(i), location: [0, 0], features: [] })
    const huge: CommunityCheck = { community: 'c1', grids: [], findings: Array.from({ length: 300_000 }, (_, i) => f(i, i % 2 ? 'warning' : 'error')) }
    const small: CommunityCheck = { community: 'c2', grids: [{ id: 'g1' } as CommunityCheck['grids'][number]], findings: [f(-1, 'info')] }
    expect(() => ([] as Finding[]).push(...huge.findings)).toThrow(RangeError) // what the page did
    const { findings, stats } = collectChecks([huge, small])
    expect(findings.length).toBe(300_001)
    expect(findings[0].severity).toBe('error')
    expect(findings[findings.length - 1].severity).toBe('info')
    expect(stats.has('g1')).toBe(true)
  })
})
