// A sweep plan — the JSON file `gongzhi sweep --plan` reads, and what the page's sweep tab makes of its form: which
// world, base scenario, days, seeds and lever values. One plan type and one expansion into jobs for the CLI, its
// shards, the queue and the page, so a plan gives the same runs wherever it is run. Validated strictly — unknown keys and lever paths are errors with the nearest known name, numbers must be
// whole and in range, every lever value must pass the scenario schema — and its jobs (lever settings × replicates)
// are counted before any is made, then made one at a time: a 1,000 × 1,000 plan is refused in microseconds instead
// of filling gigabytes with scenarios.
import { z } from 'zod'
import { PRESETS, type Preset } from '../world/generate/generate-world.ts'
import { leverPathProblem, parseScenario, ScenarioError, setPath, type Scenario } from '../scenario/schema.ts'
import { keysAt } from '../scenario/strict.ts'
import { didYouMean } from '../scenario/suggest.ts'
import { scenarioIssueDetail } from '../scenario/issues.ts'
import { RUN_LIMITS } from '../run/limits.ts'

/** more runs than this is a mistake, not a sweep (100,000 `street` runs of 90 days take ≈ 8 hours on 2 cores) */
export const MAX_SWEEP_JOBS = 100_000

export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '))
    this.name = 'PlanError'
  }
}

const whole = (min: number, max: number) => z.number().int().min(min).max(max)
const limit = (l: { min: number; max: number }) => whole(l.min, l.max)

const PlanSchema = z.strictObject({
  preset: z.enum(PRESETS as unknown as [Preset, ...Preset[]]).optional(),
  worldSeed: limit(RUN_LIMITS.seed).optional(),
  world: z.string().min(1).optional(),
  scenario: z.string().min(1).default('hotline-reform'),
  days: limit(RUN_LIMITS.days).default(90),
  seed: limit(RUN_LIMITS.seed).default(1),
  replicates: limit(RUN_LIMITS.replicates).default(1),
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
        problems.push(...e.issues.map((i) => `plan.levers.${path}[${k}]: ${scenarioIssueDetail(i)}`))
      }
    })
  }
  if (problems.length) throw new PlanError(problems)
}

export interface SweepJob {
  /** position in the plan (rows are written in this order, whatever order the runs finish in) */
  index: number
  /** the CSV's first column: JSON of [seed, ...lever values] (unchanged, so older CSVs still resume) */
  id: string
  /** which lever setting: jobs of one setting differ only in their seed */
  setting: number
  /** 0-based: the job runs on plan.seed + replicate */
  replicate: number
  seed: number
  values: unknown[]
}

/** job `i` of the plan: lever settings in the plan's order (the last lever moving fastest), each over the seeds
 *  seed, seed + 1, … */
export function jobAt(p: SweepPlan, i: number): SweepJob {
  const replicate = i % p.replicates
  const seed = p.seed + replicate
  const setting = Math.floor(i / p.replicates)
  let c = setting
  const values: unknown[] = new Array(p.levers.length)
  for (let k = p.levers.length - 1; k >= 0; k--) {
    const vs = p.levers[k][1]
    values[k] = vs[c % vs.length]
    c = Math.floor(c / vs.length)
  }
  return { index: i, id: JSON.stringify([seed, ...values]), setting, replicate, seed, values }
}

/** every job of the plan, in order (for plans small enough to hold: the page's, a test's) */
export const jobsOf = (p: SweepPlan): SweepJob[] => Array.from({ length: jobCount(p) }, (_, i) => jobAt(p, i))

/** the base scenario with one job's lever values set, validated */
export function scenarioOfJob(p: SweepPlan, base: Scenario, job: Pick<SweepJob, 'values'>): Scenario {
  const sc = structuredClone(base) as unknown as Record<string, unknown>
  job.values.forEach((v, k) => setPath(sc, p.levers[k][0], v))
  return parseScenario(sc)
}
