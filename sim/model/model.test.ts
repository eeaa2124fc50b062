// The model: determinism, common random numbers, conservation and Little's law on every queue.
import { describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, scenarioPreset, simulate } from '../api.ts'
import { Model, PHASE } from './model.ts'
import { MIN_PER_DAY } from '../engine/calendar.ts'

const world = compileWorld(buildWorld({ preset: 'street', seed: 1 }))

describe('determinism', () => {
  it('same seed → identical result JSON; different seeds differ', () => {
    const a = simulate(world, scenarioPreset('hotline-reform'), { seed: 7, days: 40 })
    const b = simulate(world, scenarioPreset('hotline-reform'), { seed: 7, days: 40 })
    const c = simulate(world, scenarioPreset('hotline-reform'), { seed: 8, days: 40 })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c))
    expect(a.issues.arisen).not.toBe(c.issues.arisen)
  })

  it('uses common random numbers: the same issues arise whatever the levers', () => {
    const a = simulate(world, scenarioPreset('baseline-pre-reform'), { seed: 3, days: 30 })
    const b = simulate(world, scenarioPreset('co-governance-2024'), { seed: 3, days: 30 })
    expect(a.issues.arisen).toBe(b.issues.arisen)
    expect(a.daily!.arisen).toEqual(b.daily!.arisen)
    expect(a.byGrid!.arisen).toEqual(b.byGrid!.arisen)
  })
})

describe('conservation', () => {
  const days = 60
  const m = new Model(world, scenarioPreset('hotline-reform'), { seed: 11, days })
  for (let d = 0; d < days; d++) m.runDay(d)

  it('every issue that arose is in exactly one state at the end', () => {
    const count = [0, 0, 0]
    for (let i = 0; i < m.n; i++) count[m.phase[i]]++
    expect(count[PHASE.LATENT] + count[PHASE.OPEN] + count[PHASE.CLOSED]).toBe(m.n)
    expect(count[PHASE.CLOSED]).toBeGreaterThan(0.5 * m.n)
    // the jobs in the pools are open issues, each in one pool at most
    let inPools = 0
    for (let p = 0; p < m.pools.n; p++) inPools += m.pools.inSystem[p]
    expect(inPools).toBeLessThanOrEqual(count[PHASE.OPEN])
    for (let i = 0; i < m.n; i++) {
      if (m.phase[i] === PHASE.CLOSED) expect(m.tClose[i]).toBeGreaterThanOrEqual(m.tKnown[i])
      if (m.phase[i] !== PHASE.LATENT) expect(m.tKnown[i]).toBeGreaterThanOrEqual(m.tArise[i])
    }
  })

  it('Little’s law holds on each queue (L ≈ λW)', () => {
    const T = days * MIN_PER_DAY
    m.pools.close(T)
    let checked = 0
    for (let role = 0; role < 6; role++) {
      let area = 0
      let arrivals = 0
      let sojourn = 0
      let departures = 0
      for (let p = 0; p < m.pools.n; p++) {
        if (m.poolRole[p] !== role) continue
        area += m.pools.area[p]
        arrivals += m.pools.arrivals[p]
        sojourn += m.pools.sojourn[p]
        departures += m.pools.departures[p]
      }
      if (departures < 200) continue
      const L = area / T
      const lambdaW = (arrivals / T) * (sojourn / departures)
      expect(Math.abs(L - lambdaW) / L, `role ${role}`).toBeLessThan(0.1)
      checked++
    }
    expect(checked).toBeGreaterThanOrEqual(4)
  })
})
