// Morris elementary-effects screening (Morris 1991; Campolongo et al. 2007's μ*) over the scenario's numeric levers:
// which assumptions move the three rates, time to close and discovery. Each of r trajectories starts at a random
// point of a p-level grid over every lever's screening range and moves one lever at a time by Δ = p / (2(p − 1));
// an elementary effect is the change of an output over that step, scaled to the lever's whole screening range. A
// trajectory's runs share one seed (common random numbers), so a lever that changes nothing has effects of exactly 0.
// Pure: the design and the statistics; the runs are the caller's (in-process in tests, worker threads in the CLI).
import { createRng } from '../engine/rng.ts'
import { LEVERS, parseScenario, setPath, type LeverMeta, type Scenario } from '../scenario/schema.ts'
import { flatten } from '../scenario/schema.ts'

/** the outputs screened, as result paths (SUMMARY_METRICS) */
export const MORRIS_OUTPUTS = ['rates.response', 'rates.resolution', 'rates.satisfaction', 'hoursToClose.mean', 'rates.discovery'] as const
export const MORRIS_LEVELS = 4
/** a lever set (not null) is screened from half to one and a half times its value, within its range */
const SPREAD = 0.5
/** a lever at 0 (a mechanism off) is screened over the first tenth of its range; an unset (null) one, when named, over
 *  the middle half */
const FROM_ZERO = 0.1
const NULL_FROM = 0.25
const NULL_TO = 0.75

export interface MorrisFactor {
  path: string
  lo: number
  hi: number
  integer: boolean
}

export interface MorrisPoint {
  /** trajectory and step (0 = its start; step k moved factor order[k − 1]) */
  trajectory: number
  step: number
  seed: number
  scenario: Scenario
}

export interface MorrisDesign {
  factors: MorrisFactor[]
  points: MorrisPoint[]
  /** per trajectory: the factor index moved at each step, and the signed step in units of the range */
  moves: { factor: number; delta: number }[][]
}

export interface MorrisRow {
  lever: string
  output: string
  /** mean of |EE| (μ*), mean EE (μ) and its standard deviation (σ), in output units per screening range */
  muStar: number
  mu: number
  sigma: number
  lo: number
  hi: number
}

/** every numeric lever the scenario sets (LEVERS with a range and a number in `base`), or the `only` ones, with its
 *  screening range around the base value. An unset override (null: gridWorkers.perGrid, owners.committeeShare…
 *  mean "as the world says") is left out unless named: any number would replace the world's data in every run. */
export function morrisFactors(base: Scenario, only?: string[]): MorrisFactor[] {
  const values = flatten(base)
  const numeric = LEVERS.filter((l): l is LeverMeta & { min: number; max: number } => l.min !== undefined && l.max !== undefined && (typeof l.default === 'number' || l.default === null))
  const chosen = only ? only.map((p) => numeric.find((l) => l.path === p) ?? fail(p)) : numeric.filter((l) => typeof values[l.path] === 'number')
  return chosen.map((l) => {
    const v = values[l.path]
    const span = l.max - l.min
    let lo: number
    let hi: number
    if (typeof v !== 'number') [lo, hi] = [l.min + NULL_FROM * span, l.min + NULL_TO * span]
    else if (v === l.min) [lo, hi] = [v, v + FROM_ZERO * span]
    else [lo, hi] = [Math.max(l.min, v * (1 - SPREAD)), Math.min(l.max, v * (1 + SPREAD))]
    return { path: l.path, lo, hi, integer: l.integer === true }
  })
}

function fail(path: string): never {
  throw new Error(`${path}: not a numeric lever`)
}

const valueAt = (f: MorrisFactor, x: number): number => {
  const v = f.lo + x * (f.hi - f.lo)
  return f.integer ? Math.round(v) : v
}

/** r trajectories of k + 1 scenarios each over the factors, seeds seed, seed + 1, … (one per trajectory) */
export function morrisDesign(base: Scenario, factors: MorrisFactor[], r: number, seed: number): MorrisDesign {
  const rng = createRng(seed, 'morris')
  const p = MORRIS_LEVELS
  const delta = p / (2 * (p - 1))
  const grid = Array.from({ length: p }, (_, j) => j / (p - 1))
  const points: MorrisPoint[] = []
  const moves: MorrisDesign['moves'] = []
  const k = factors.length
  const at = (x: number[], t: number, step: number) => {
    const s = structuredClone(base) as unknown as Record<string, unknown>
    factors.forEach((f, j) => setPath(s, f.path, valueAt(f, x[j])))
    points.push({ trajectory: t, step, seed: seed + t, scenario: parseScenario(s) })
  }
  for (let t = 0; t < r; t++) {
    // a start from the levels a step of Δ can leave in at least one direction
    const x = factors.map(() => grid[Math.floor(rng.next() * p)])
    const order = Array.from({ length: k }, (_, j) => j)
    for (let j = k - 1; j > 0; j--) {
      const q = Math.floor(rng.next() * (j + 1))
      ;[order[j], order[q]] = [order[q], order[j]]
    }
    at(x, t, 0)
    const mv: { factor: number; delta: number }[] = []
    order.forEach((j, step) => {
      const d = x[j] + delta <= 1 + 1e-9 ? delta : -delta
      x[j] += d
      mv.push({ factor: j, delta: d })
      at(x, t, step + 1)
    })
    moves.push(mv)
  }
  return { factors, points, moves }
}

/** μ*, μ and σ per lever and output from the outputs of the design's points (in the design's order) */
export function morrisEffects(design: MorrisDesign, outputs: Record<string, number>[], names: readonly string[] = MORRIS_OUTPUTS): MorrisRow[] {
  const k = design.factors.length
  const rows: MorrisRow[] = []
  for (const out of names) {
    const ee: number[][] = design.factors.map(() => [])
    design.moves.forEach((mv, t) => {
      const at = (step: number) => outputs[t * (k + 1) + step][out]
      mv.forEach((m, s) => {
        const dy = at(s + 1) - at(s)
        if (Number.isFinite(dy)) ee[m.factor].push(dy / m.delta)
      })
    })
    design.factors.forEach((f, j) => {
      const e = ee[j]
      const n = e.length
      const mu = n ? e.reduce((a, b) => a + b, 0) / n : NaN
      const muStar = n ? e.reduce((a, b) => a + Math.abs(b), 0) / n : NaN
      const sigma = n > 1 ? Math.sqrt(e.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1)) : 0
      rows.push({ lever: f.path, output: out, muStar, mu, sigma, lo: f.lo, hi: f.hi })
    })
  }
  return rows
}

/** the levers by μ* for one output, largest first */
export const ranked = (rows: MorrisRow[], output: string): MorrisRow[] => rows.filter((r) => r.output === output).sort((a, b) => b.muStar - a.muStar)
