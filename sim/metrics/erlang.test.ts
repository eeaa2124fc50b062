// Erlang C at its edges: one server, a saturated queue, an unstable one.
import { describe, expect, it } from 'vitest'
import { erlangC, erlangCWait } from './erlang.ts'

describe('Erlang C', () => {
  it('Erlang C edge cases', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10)
    expect(erlangC(2, 2)).toBe(1)
    expect(erlangCWait(1, 1, 1)).toBe(Infinity)
  })
})
