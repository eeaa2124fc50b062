import { describe, expect, it } from 'vitest'
import { etaSeconds, progressClock } from './progress.ts'

describe('time-left estimate', () => {
  it('extrapolates the pace so far, is 0 when done and null with too little done', () => {
    expect(etaSeconds(10, 0.25)).toBeCloseTo(30)
    expect(etaSeconds(10, 1)).toBe(0)
    expect(etaSeconds(10, 0.005)).toBeNull()
  })
  it('measures from the moment the clock is made', () => {
    let t = 1000
    const clock = progressClock(() => t)
    t = 5000
    expect(clock.seconds()).toBe(4)
    expect(clock.eta(0.5)).toBeCloseTo(4)
  })
})
