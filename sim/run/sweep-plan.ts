// A sweep plan (the JSON file `gongzhi sweep --plan` reads): which world, base scenario, days, seeds and lever
// values. Validated strictly — unknown keys and lever paths are errors with the nearest known name, numbers must be
// whole and in range, every lever value must pass the scenario schema — and its jobs (lever settings × replicates)
// are counted before any is made, then made one at a time: a 1,000 × 1,000 plan is refused in microseconds instead
// of filling gigabytes with scenarios.
import { z } from 'zod'
import { PRESETS, type Preset } from '../world/generate/generate-world.ts'
import { leverPathProblem, parseScenario, ScenarioError, setPath, type Scenario } from '../scenario/schema.ts'
import { keysAt } from '../scenario/strict.ts'
import { didYouMean } from '../scenario/suggest.ts'

/** more runs than this is a mistake, not a sweep (100,000 `street` runs of 90 days take ≈ 8 hours on 2 cores) */
export const MAX_SWEEP_JOBS = 100_000

export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '))
    this.name = 'PlanError'
  }
}

const whole = (min: number, max: number) => z.number().int().min(min).max(max)

const PlanSchema = z.strictObject({
  preset: z.enum(PRESETS as unknown as [Preset, ...Preset[]]).optional(),
  worldSeed: whole(0, 2 ** 31).optional(),
  world: z.string().min(1).optional(),
  scenario: z.string().min(1).default('hotline-reform'),
  days: whole(1, 3650).default(90),
  seed: whole(0, 2 ** 31).default(1),
  replicates: whole(1, 1000).default(1),
  levers: z.record(z.string(), z.array(z.unknown()).min(1)).default({}),
})

export interface SweepPlan {
  preset?: Preset
  worldSeed?: number
  world?: string
  scenario: string
  days: number
  seed: number
  replicates: number
  /** lever path and its values, in the plan's order (the CSV's column order) */
  levers: [string, unknown[]][]
}

function describe(i: z.core.$ZodIssue, input: unknown): string {
  const field = ['plan', ...i.path.map(String)].join('.')
  let got: unknown = input
  for (const k of i.path) got = got !== null && typeof got === 'object' ? (got as Record<PropertyKey, unknown>)[k] : undefined
  const shown = got === undefined ? '' : `, got ${JSON.stringify(got)}`
  if (i.code === 'unrecognized_keys') return i.keys.map((k) => `${field}.${k}: unknown field${didYouMean(k, keysAt(PlanSchema, i.path))}`).join('; ')
  if (i.code === 'too_big' && i.origin === 'array') return `${field}: at most ${i.maximum} values`
  if (i.code === 'too_small' && i.origin === 'array') return `${field}: needs at least ${i.minimum} value${shown}`
  if (i.code === 'too_big') return `${field}: must be ≤ ${i.maximum}${shown}`
  if (i.code === 'too_small') return `${field}: must be ≥ ${i.minimum}${shown}`
  if (i.code === 'invalid_type' && i.expected === 'int') return `${field}: must be a whole number${shown}`
  if (i.code === 'invalid_value') return `${field}: must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}${shown}`
  if (i.code === 'invalid_type') return `${field}: must be ${i.expected === 'record' ? 'an object' : `a ${i.expected}`}${shown}`
  return `${field}: ${i.message}${shown}`
}

/** the plan, or PlanError listing every problem (each naming the field) */
export function parseSweepPlan(raw: unknown): SweepPlan {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new PlanError([`plan: must be a JSON object, got ${JSON.stringify(raw)}`])
  const problems: string[] = []
  // lever paths are checked on the raw object: a key "__proto__" must be refused, not handed to a record
  const rawLevers = (raw as { levers?: unknown }).levers
  if (rawLevers !== null && typeof rawLevers === 'object' && !Array.isArray(rawLevers)) {
    for (const path of Object.keys(rawLevers)) {
      const p = leverPathProblem(path)
      if (p) problems.push(`plan.levers.${p}`)
    }
  }
  if (problems.length) throw new PlanError(problems)
  const r = PlanSchema.safeParse(raw)
  if (!r.success) throw new PlanError(r.error.issues.map((i) => describe(i, raw)))
  const p = r.data
  if (p.world !== undefined && p.preset !== undefined) problems.push('plan: give "world" (a directory) or "preset", not both')
  if (p.world !== undefined && p.worldSeed !== undefined) problems.push('plan.worldSeed: applies to a preset world, not to "world"')
  const levers = Object.entries(p.levers)
  const n = jobCount({ ...p, levers })
  if (n > MAX_SWEEP_JOBS) {
    const sizes = [...levers.map(([path, vs]) => `${vs.length} values of ${path}`), `${p.replicates} replicate${p.replicates === 1 ? '' : 's'}`].join(' × ')
    problems.push(`plan: ${sizes} make ${n.toLocaleString('en')} runs, more than the ${MAX_SWEEP_JOBS.toLocaleString('en')} a sweep may have; use fewer values or replicates, or split the plan`)
  }
  if (problems.length) throw new PlanError(problems)
  return { ...p, levers }
}

/** lever settings × replicates, computed without making any of them */
export const jobCount = (p: Pick<SweepPlan, 'levers' | 'replicates'>): number => p.levers.reduce((n, [, vs]) => n * vs.length, p.replicates)

/** every lever value on its own against the base scenario (the schema has no rule across levers, so a value valid
 *  alone is valid in every combination): one parse per value, not per combination */
export function checkLeverValues(p: SweepPlan, base: Scenario): void {
  const problems: string[] = []
  for (const [path, vs] of p.levers) {
    vs.forEach((v, k) => {
      const sc = structuredClone(base) as unknown as Record<string, unknown>
      setPath(sc, path, v)
      try {
        parseScenario(sc)
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e
        problems.push(...e.problems.map((m) => `plan.levers.${path}[${k}]: ${m.replace(/^scenario\.[^:]*: /, '')}`))
      }
    })
  }
  if (problems.length) throw new PlanError(problems)
}

export interface SweepJob {
  /** the CSV's first column: JSON of [seed, ...lever values] (unchanged, so older CSVs still resume) */
  id: string
  seed: number
  values: unknown[]
}

/** job `i` of the plan: lever settings in the plan's order (the last lever moving fastest), each over the seeds
 *  seed, seed + 1, … */
export function jobAt(p: SweepPlan, i: number): SweepJob {
  const seed = p.seed + (i % p.replicates)
  let c = Math.floor(i / p.replicates)
  const values: unknown[] = new Array(p.levers.length)
  for (let k = p.levers.length - 1; k >= 0; k--) {
    const vs = p.levers[k][1]
    values[k] = vs[c % vs.length]
    c = Math.floor(c / vs.length)
  }
  return { id: JSON.stringify([seed, ...values]), seed, values }
}

/** the base scenario with one job's lever values set, validated */
export function scenarioOfJob(p: SweepPlan, base: Scenario, job: SweepJob): Scenario {
  const sc = structuredClone(base) as unknown as Record<string, unknown>
  job.values.forEach((v, k) => setPath(sc, p.levers[k][0], v))
  return parseScenario(sc)
}
