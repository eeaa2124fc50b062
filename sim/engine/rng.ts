// Named random streams derived from one seed. Each consumer draws from its own stream, so adding draws in one
// place (a new building attribute, a new event type) does not shift the numbers every other place sees:
// the basis of byte-identical worlds and of common random numbers between scenarios.
import seedrandom from 'seedrandom'
import { cosine, expo, ln } from './det-math.ts'

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
      return mean + sd * Math.sqrt(-2 * ln(u)) * cosine(2 * Math.PI * v)
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

// Counter-based draws: a uniform that is a hash of (key, seed, salt) needs no stream state, so the draw an issue
// gets does not depend on how many draws happened before it (common random numbers across scenarios).

/** a 32-bit mix of three integers (murmur3-style finaliser): the same inputs give the same output everywhere */
export function hash32(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x165667b1, 0x27d4eb2f)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  h = Math.imul(h, 0x297a2d39)
  h ^= h >>> 15
  return h >>> 0
}

/** 2^32: hash32(…) / UINT32_RANGE is uniform in [0, 1) */
export const UINT32_RANGE = 4294967296

/** a seed (number or text) as a 32-bit integer (FNV-1a over its decimal or text form) */
export function seedHash(seed: number | string): number {
  const s = String(seed)
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/** above this mean a Poisson count is drawn from its normal approximation (one draw instead of ~mean) */
const POISSON_NORMAL_FROM = 40

/** a Poisson count with the given mean: Knuth's product of uniforms, or the rounded normal for large means */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0
  if (mean > POISSON_NORMAL_FROM) return Math.max(0, Math.round(rng.normal(mean, Math.sqrt(mean))))
  const l = expo(-mean)
  let k = 0
  let p = 1
  do {
    k++
    p *= rng.next()
  } while (p > l)
  return k - 1
}
