// A run's result: the documented fields, and cancelling through the progress callback.
import { describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, scenarioPreset, simulate } from '../api.ts'

const world = compileWorld(buildWorld({ preset: 'street', seed: 1 }))

describe('result', () => {
  it('carries the documented fields', () => {
    const r = simulate(world, scenarioPreset('whistle'), { seed: 1, days: 20 })
    for (const k of ['seed', 'scenario', 'days', 'issues', 'rates', 'hoursToClose', 'whistles', 'utilization', 'coverage', 'byCategory', 'byLevel', 'byGrid', 'byCommunity', 'daily']) expect(r).toHaveProperty(k)
    for (const k of ['response', 'resolution', 'satisfaction', 'onTime', 'discovery', 'proactive']) {
      const v = (r.rates as Record<string, number>)[k]
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThanOrEqual(1)
    }
    expect(r.hoursToClose.p90!).toBeGreaterThanOrEqual(r.hoursToClose.p50!)
    expect(r.byGrid!.ids).toHaveLength(world.grids.n)
    expect(r.daily!.arisen).toHaveLength(20)
    expect(r.whistles.count).toBeGreaterThan(0)
    expect(r.coverage.householdsPerGridWorker).toBeGreaterThan(50)
  })

  it('cancels through the progress callback', () => {
    const r = simulate(world, scenarioPreset('whistle'), { seed: 1, days: 30, onProgress: (d) => d < 5 })
    expect(r.cancelled).toBe(true)
    expect(r.days).toBe(5)
  })
})
