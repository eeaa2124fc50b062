// One zod schema for every lever of model.md §4, with defaults, units, ranges and the source of each default.
// `LEVERS` carries that metadata for a UI; `parseScenario` turns zod issues into messages naming the field:
//   scenario.gridWorkers.perGrid: must be ≤ 20, got 400
import { z } from 'zod'

export interface LeverMeta {
  path: string
  label: string
  unit: string
  default: number | boolean | string | null
  min?: number
  max?: number
  /** book line ("L2133"), calibration figure, or "assumption" / "calibrated" */
  source: string
}

export const LEVERS: LeverMeta[] = []

function num(path: string, def: number, min: number, max: number, unit: string, source: string, label: string) {
  LEVERS.push({ path, label, unit, default: def, min, max, source })
  return z.number().min(min).max(max).default(def)
}
function int(path: string, def: number, min: number, max: number, unit: string, source: string, label: string) {
  LEVERS.push({ path, label, unit, default: def, min, max, source })
  return z.number().int().min(min).max(max).default(def)
}
function optNum(path: string, min: number, max: number, unit: string, source: string, label: string) {
  LEVERS.push({ path, label, unit, default: null, min, max, source })
  return z.number().min(min).max(max).nullable().default(null)
}
function bool(path: string, def: boolean, source: string, label: string) {
  LEVERS.push({ path, label, unit: 'on/off', default: def, source })
  return z.boolean().default(def)
}
function pick<const T extends readonly [string, ...string[]]>(path: string, values: T, def: T[number], source: string, label: string) {
  LEVERS.push({ path, label, unit: values.join('|'), default: def, source })
  return z.enum(values).default(def as never)
}

export const ALLOCATION_RULES = ['world', 'one-per-grid', 'households', 'workload'] as const

export const ScenarioSchema = z.object({
  name: z.string().min(1).default('custom'),
  label: z.string().default(''),
  description: z.string().default(''),
  /** where the preset's numbers come from */
  sources: z.array(z.string()).default([]),
  startDay: int('startDay', 0, 0, 364, 'day of year (0 = 1 Jan)', 'assumption', 'first day of the run'),
  demand: z
    .object({
      issuesPerHouseholdYear: num('demand.issuesPerHouseholdYear', 1.7, 0, 20, 'issues / household / year', 'calibrated: 12345 requests/resident/year 0.086 (2019, L979)', 'issues that arise per household per year'),
      surge: num('demand.surge', 1, 0.2, 5, '× arrivals', 'L979 (+46.3 % in 2020 H1) for epidemic-surge; else 1', 'demand multiplier (epidemic surge)'),
      heatingSeason: bool('demand.heatingSeason', true, 'calibration.md §2.4', 'heating-season peak for heating issues'),
      elderlyWelfareFactor: num('demand.elderlyWelfareFactor', 3, 0, 10, '× per unit elderly share', 'assumption', 'elderly share raises welfare issues'),
      renterFactor: num('demand.renterFactor', 1, 0, 5, '× per unit renter share', 'assumption', 'renters raise dispute and property issues'),
    })
    .prefault({}),
  residents: z
    .object({
      reportProbability: num('residents.reportProbability', 0.3, 0, 1, 'probability', 'L2133 (discovery ≈30 % before grids)', 'chance a resident reports an issue (at trust 1)'),
      reportDelayHours: num('residents.reportDelayHours', 24, 0, 720, 'hours (mean)', 'assumption', 'mean delay before a resident reports'),
      channels: z
        .object({
          rc: num('residents.channels.rc', 35.4, 0, 100, '% of first contacts', 'L1118–L1125 (survey Q9)', 'residents’ committee'),
          property: num('residents.channels.property', 25.8, 0, 100, '% of first contacts', 'L1118–L1125 (survey Q9)', 'property company'),
          party: num('residents.channels.party', 14.5, 0, 100, '% of first contacts', 'L1118–L1125 (survey Q9)', 'party organisation'),
          neighbours: num('residents.channels.neighbours', 8.4, 0, 100, '% of first contacts', 'L1118–L1125 (survey Q9)', 'neighbours'),
          hotline: num('residents.channels.hotline', 8.1, 0, 100, '% of first contacts', 'L1118–L1125 (survey Q9)', 'government / 12345'),
          owners: num('residents.channels.owners', 1.7, 0, 100, '% of first contacts', 'L1118–L1125 (survey Q9)', 'owners’ committee'),
        })
        .prefault({}),
      trust: bool('residents.trust', true, 'L1808 ff.', 'outcomes change future reporting (trust)'),
      trustGain: num('residents.trustGain', 0.05, 0, 1, 'trust per satisfied outcome', 'assumption', 'trust gained when satisfied'),
      trustLoss: num('residents.trustLoss', 0.1, 0, 1, 'trust per unsatisfied outcome', 'assumption', 'trust lost when unsatisfied'),
    })
    .prefault({}),
  gridWorkers: z
    .object({
      allocation: pick('gridWorkers.allocation', ALLOCATION_RULES, 'world', 'L753; model.md §4 (one per grid, by households, by expected workload)', 'how grid workers are allocated (world: as the world file says)'),
      perGrid: optNum('gridWorkers.perGrid', 0, 20, 'workers per grid', 'L753 (one per grid)', 'workers per grid (overrides the world)'),
      scale: num('gridWorkers.scale', 1, 0, 10, '× workers', 'calibration.md §2.5 (Fengtai 5,000 FT + 1,800 PT)', 'multiplier on grid workers'),
      hoursPerWeek: num('gridWorkers.hoursPerWeek', 40, 0, 80, 'hours / week', 'assumption', 'hours per full-time worker'),
      partTimeFactor: num('gridWorkers.partTimeFactor', 0.5, 0, 1, 'share of full time', 'assumption', 'part-time hours'),
      patrolShare: num('gridWorkers.patrolShare', 0.5, 0, 1, 'share of hours', 'assumption', 'share of hours on patrol'),
      sweepWidthM: num('gridWorkers.sweepWidthM', 20, 1, 500, 'metres', 'assumption', 'width of street seen on patrol'),
      detectPerPass: num('gridWorkers.detectPerPass', 0.07, 0, 1, 'probability per pass', 'assumption (calibrated to L2133: 90 % discovery with grids)', 'chance a patrol passing a visible issue notices it'),
      verify: bool('gridWorkers.verify', true, 'model.md §3 (核查)', 'grid workers verify closures'),
    })
    .prefault({}),
  communityWorkers: z
    .object({
      householdsPerWorker: num('communityWorkers.householdsPerWorker', 130, 30, 1000, 'households / worker', 'L898; 2021 standard 110–150', 'households per community worker'),
      minPerCommunity: int('communityWorkers.minPerCommunity', 9, 0, 50, 'workers', '2021 standard (≥ 9)', 'minimum workers per community'),
      hoursPerWeek: num('communityWorkers.hoursPerWeek', 40, 0, 80, 'hours / week', 'assumption', 'hours per worker'),
      adminBurden: num('communityWorkers.adminBurden', 0.5, 0, 0.95, 'share of hours', 'L977, L1697 (286 tasks before 减负)', 'share of hours lost to admin tasks'),
      visitShare: num('communityWorkers.visitShare', 0.25, 0, 1, 'share of service hours', 'L1147 (入户率 ≥ 90 %)', 'share of service hours on home visits'),
      minutesPerVisit: num('communityWorkers.minutesPerVisit', 40, 5, 240, 'minutes', 'assumption', 'minutes per home visit incl. walking'),
    })
    .prefault({}),
  property: z
    .object({
      redShare: num('property.redShare', 0, 0, 1, 'share of serviced compounds', 'L1364–L1385', 'compounds converted to red property'),
      staffPer1000Households: num('property.staffPer1000Households', 2, 0, 50, 'staff / 1,000 households', 'assumption', 'property staff handling requests'),
      fixSelf: num('property.fixSelf', 0.75, 0, 1, 'probability', 'assumption (L1326)', 'self-managed: chance a job solves it'),
      fixProfessional: num('property.fixProfessional', 0.88, 0, 1, 'probability', 'assumption', 'professional: chance a job solves it'),
      fixRed: num('property.fixRed', 0.96, 0, 1, 'probability', 'assumption (L1364–L1385)', 'red property: chance a job solves it'),
    })
    .prefault({}),
  street: z
    .object({
      officeStaff: int('street.officeStaff', 8, 0, 200, 'people handling tickets', 'assumption', 'street office ticket handlers'),
      enforcementOfficers: int('street.enforcementOfficers', 20, 0, 200, 'officers', 'L868 (1+5+N: 5 departments × 1–2 + street team)', 'officers at the 1+5+N centre'),
    })
    .prefault({}),
  departments: z
    .object({
      staff: int('departments.staff', 1000, 1, 5000, 'officers (district)', 'assumption', 'department officers handling tickets'),
      bounceProbability: num('departments.bounceProbability', 0, 0, 0.9, 'probability per hand-off', 'L817, L846 (踢皮球)', 'chance a ticket bounces to another department'),
      bounceDelayHours: num('departments.bounceDelayHours', 48, 0, 720, 'hours', 'assumption', 'delay per bounce'),
      pickupHours: num('departments.pickupHours', 2, 0, 720, 'hours', 'assumption (pre-reform: far from the ground)', 'delay before a department picks a ticket up'),
      fix: num('departments.fix', 0.92, 0, 1, 'probability', 'assumption', 'chance a department job solves it'),
    })
    .prefault({}),
  policy: z
    .object({
      hardShare: num('policy.hardShare', 0.3, 0, 1, 'share of issues', 'assumption (calibrated to calibration.md §2.2)', 'issues no routine job can solve (policy limits, history)'),
      hardFix: num('policy.hardFix', 0.3, 0, 1, 'probability', 'calibrated to calibration.md §2.2 (53 % → 75 % → 96.7 % solved)', 'chance such an issue is solved once taken on (每月一题, joint work)'),
      streetAlone: num('policy.streetAlone', 0.5, 0, 1, 'probability', 'assumption (whistle triggers, calibration.md §2.5)', 'share of multi-department issues the street solves without a whistle'),
    })
    .prefault({}),
  whistle: z
    .object({
      enabled: bool('whistle.enabled', false, 'L846–L868 (吹哨报到, 2018)', 'street blows the whistle, departments report'),
      reportLimitMinutes: num('whistle.reportLimitMinutes', 30, 5, 1440, 'minutes', 'L864 (≤ 30 min on site)', 'departments on site within'),
    })
    .prefault({}),
  hotline: z
    .object({
      directDispatch: bool('hotline.directDispatch', false, 'L892, calibration.md §2.3 (诉求直派, 2019)', '12345 dispatches straight to the street'),
      dispatchMinutes: num('hotline.dispatchMinutes', 5, 0, 1440, 'minutes', 'calibration.md §2.3 (≈5 min)', 'ticket created and dispatched within'),
      routedDelayHours: num('hotline.routedDelayHours', 48, 0, 720, 'hours', 'assumption', 'extra delay when routed via departments'),
      rankingPressure: num('hotline.rankingPressure', 0, 0, 1, '0–1', 'L892, calibration.md §2.2 (daily ranking on the three rates)', 'ranking pressure: hotline tickets first, contact and explain'),
    })
    .prefault({}),
  volunteers: z
    .object({
      perCommunity: num('volunteers.perCommunity', 20, 0, 2000, 'volunteers', 'assumption (L978: ≈70,000 双报到 in Fengtai ≈ 175 per community)', 'active volunteers per community'),
      hoursPerMonth: num('volunteers.hoursPerMonth', 4, 0, 200, 'hours / month', 'assumption', 'hours each volunteer patrols'),
      detect: num('volunteers.detect', 0.5, 0, 1, 'relative to grid workers', 'assumption', 'how well volunteers spot issues'),
    })
    .prefault({}),
  grids: z
    .object({
      merged: bool('grids.merged', true, 'L753, L2061 (party and governance grids merged)', 'party and governance grids merged'),
      coordinationDelayHours: num('grids.coordinationDelayHours', 12, 0, 240, 'hours', 'assumption', 'hand-off delay when grids are separate'),
      commandCentre: bool('grids.commandCentre', false, 'L2133; calibration.md §2.5 (Dongcheng 监督指挥中心: each case is dispatched to the one accountable department)', 'a command centre dispatches multi-department cases straight to the accountable department'),
    })
    .prefault({}),
  callback: z
    .object({
      waitDays: num('callback.waitDays', 7, 1, 365, 'days', 'calibration.md §2.3 (接诉即办 calls back when the deadline passes); assumption before reform', 'an unclosed ticket is called back (as unsolved) after'),
      delayHours: num('callback.delayHours', 24, 0, 720, 'hours', 'calibration.md §2.3 (callback after closure or deadline)', 'callback after closure'),
      satSolvedOnTime: num('callback.satSolvedOnTime', 0.97, 0, 1, 'probability', 'calibrated (calibration.md §2.2)', 'satisfied when solved on time'),
      satSolvedLate: num('callback.satSolvedLate', 0.75, 0, 1, 'probability', 'calibrated', 'satisfied when solved late'),
      satUnsolvedExplained: num('callback.satUnsolvedExplained', 0.7, 0, 1, 'probability', 'calibrated', 'satisfied when unsolved but contacted and explained'),
      satUnsolved: num('callback.satUnsolved', 0.35, 0, 1, 'probability', 'calibrated', 'satisfied when unsolved and not contacted'),
    })
    .prefault({}),
})

export type Scenario = z.output<typeof ScenarioSchema>
export type ScenarioInput = z.input<typeof ScenarioSchema>

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'ScenarioError'
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[k]
  }
  return v
}

/** validates a scenario; throws ScenarioError with one line per problem, each naming the field */
export function parseScenario(input: unknown): Scenario {
  const r = ScenarioSchema.safeParse(input ?? {})
  if (r.success) return r.data
  const problems = r.error.issues.map((i) => {
    const field = ['scenario', ...i.path.map(String)].join('.')
    const got = JSON.stringify(valueAt(input, i.path))
    const iss = i as { code: string; maximum?: number | bigint; minimum?: number | bigint; inclusive?: boolean }
    if (iss.code === 'too_big') return `${field}: must be ${iss.inclusive === false ? '<' : '≤'} ${iss.maximum}, got ${got}`
    if (iss.code === 'too_small') return `${field}: must be ${iss.inclusive === false ? '>' : '≥'} ${iss.minimum}, got ${got}`
    if (iss.code === 'unrecognized_keys') return `${field}: ${i.message}`
    return `${field}: ${i.message}${got === undefined ? '' : `, got ${got}`}`
  })
  throw new ScenarioError(problems)
}

/** the default value of every lever */
export const defaultScenario = (): Scenario => parseScenario({})

/** flattens a scenario to path → value for diffs and CSV columns */
export function flatten(s: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (s !== null && typeof s === 'object' && !Array.isArray(s)) {
    for (const [k, v] of Object.entries(s)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else out[prefix] = s
  return out
}

/** sets a dotted path in a plain object (for sweeps) */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const ks = path.split('.')
  let o = obj
  for (const k of ks.slice(0, -1)) {
    if (o[k] === null || typeof o[k] !== 'object') o[k] = {}
    o = o[k] as Record<string, unknown>
  }
  o[ks[ks.length - 1]] = value
}

export interface DiffRow {
  path: string
  a: unknown
  b: unknown
  label: string
  unit: string
}

/** a readable diff of two scenarios: every lever whose value differs */
export function diffScenarios(a: Scenario, b: Scenario): DiffRow[] {
  const fa = flatten({ ...a, name: undefined, label: undefined, description: undefined, sources: undefined })
  const fb = flatten({ ...b, name: undefined, label: undefined, description: undefined, sources: undefined })
  const meta = new Map(LEVERS.map((l) => [l.path, l]))
  const rows: DiffRow[] = []
  for (const path of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
    if (JSON.stringify(fa[path]) === JSON.stringify(fb[path])) continue
    const m = meta.get(path)
    rows.push({ path, a: fa[path], b: fb[path], label: m?.label ?? path, unit: m?.unit ?? '' })
  }
  return rows
}
