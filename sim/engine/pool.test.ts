// The queue component against queueing theory: Erlang C's mean wait and Little's law on an isolated M/M/c resolver.
import { describe, expect, it } from 'vitest'
import { erlangCWait } from '../metrics/erlang.ts'
import { Pools } from './pool.ts'
import { createRng } from './rng.ts'
import { Scheduler } from './scheduler.ts'

/** an isolated M/M/c resolver driven by the scheduler */
function mmc(c: number, lambda: number, mu: number, n: number, seed: number) {
  const rng = createRng(seed, 'mmc')
  const pools = new Pools([c])
  const enter = new Float64Array(n)
  const sched = new Scheduler<0 | 1>()
  let made = 0
  const exp = (rate: number) => -Math.log(1 - rng.next()) / rate
  const start = (j: number, t: number) => {
    const service = exp(mu)
    pools.started(0, t - enter[j], service)
    sched.at(t + service, 1, j)
  }
  const handlers = {
    0: (j: number, t: number) => {
      enter[j] = t
      if (pools.offer(0, j, t, false)) start(j, t)
      if (++made < n) sched.at(t + exp(lambda), 0, made)
    },
    1: (j: number, t: number) => {
      const next = pools.finish(0, t, t - enter[j])
      if (next >= 0) start(next, t)
    },
  }
  sched.at(0, 0, 0)
  sched.runUntil(Infinity, handlers)
  pools.close(sched.now)
  return { pools, T: sched.now }
}

describe('M/M/c resolver', () => {
  it('matches the Erlang C mean wait within sampling error (c = 3, ρ = 0.8)', () => {
    const c = 3
    const lambda = 2.4
    const mu = 1
    const waits: number[] = []
    for (let s = 0; s < 8; s++) {
      const { pools } = mmc(c, lambda, mu, 40_000, s)
      waits.push(pools.wait[0] / pools.starts[0])
    }
    const mean = waits.reduce((a, b) => a + b, 0) / waits.length
    const sd = Math.sqrt(waits.reduce((a, b) => a + (b - mean) ** 2, 0) / (waits.length - 1))
    const theory = erlangCWait(c, lambda, 1 / mu)
    expect(theory).toBeCloseTo(1.0787, 3)
    expect(Math.abs(mean - theory)).toBeLessThan(Math.max(3 * (sd / Math.sqrt(waits.length)), 0.03 * theory))
  })

  it('obeys Little’s law: L = λW', () => {
    const { pools, T } = mmc(2, 1.5, 1, 50_000, 9)
    const L = pools.area[0] / T
    const lambdaW = (pools.arrivals[0] / T) * (pools.sojourn[0] / pools.departures[0])
    expect(Math.abs(L - lambdaW) / L).toBeLessThan(0.01)
    expect(pools.busyArea[0] / (2 * T)).toBeCloseTo(0.75, 1)
  })

})
