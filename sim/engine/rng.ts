// Named random streams derived from one seed. Each consumer draws from its own stream, so adding draws in one
// place (a new building attribute, a new event type) does not shift the numbers every other place sees:
// the basis of byte-identical worlds and of common random numbers between scenarios.
import seedrandom from 'seedrandom'

export interface Rng {
  /** uniform in [0, 1) */
  next(): number
  /** uniform integer in [lo, hi] */
  int(lo: number, hi: number): number
  uniform(lo: number, hi: number): number
  /** standard normal (Box–Muller) */
  normal(mean?: number, sd?: number): number
  bernoulli(p: number): boolean
  pick<T>(xs: readonly T[]): T
  /** index drawn with probability proportional to weights */
  weighted(weights: readonly number[]): number
  /** a child stream, independent of the draws made on this one */
  stream(name: string): Rng
}

export function createRng(seed: number | string, name = 'root'): Rng {
  const key = `${seed}/${name}`
  const prng = seedrandom.alea(key)
  const next = () => prng()
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    uniform: (lo, hi) => lo + next() * (hi - lo),
    normal: (mean = 0, sd = 1) => {
      const u = 1 - next()
      const v = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    bernoulli: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    weighted: (w) => {
      const total = w.reduce((s, x) => s + x, 0)
      let r = next() * total
      for (let i = 0; i < w.length; i++) {
        r -= w[i]
        if (r < 0) return i
      }
      return w.length - 1
    },
    stream: (child) => createRng(seed, `${name}/${child}`),
  }
  return rng
}
