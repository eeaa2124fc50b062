// One zod schema for every lever of docs/domain.md § Levers, with defaults, units, ranges and the source of each default.
// `LEVERS` carries that metadata for a UI; `parseScenario` turns zod issues into coded problems naming the field
// (issues.ts), whose English is  scenario.gridWorkers.perGrid: must be ≤ 20, got 400
import { z } from 'zod'
import { addZh, bool, int, LEVERS, num, optNum, pick } from './lever-meta.ts'
import { bookLevers } from './book-levers.ts'
export { LEVERS, type LeverMeta } from './lever-meta.ts'
import { keysAt, strictDeep } from './strict.ts'
import { closest } from './suggest.ts'
import { receivedType, scenarioIssue, scenarioIssueText, type ScenarioIssue } from './issues.ts'

/** Chinese labels by lever path, in the domain's own words (docs/domain.md § Glossary) */
addZh({
  startDay: '运行起始日',
  'demand.issuesPerHouseholdYear': '每户每年产生诉求数',
  'demand.surge': '诉求激增倍数（疫情）',
  'demand.heatingSeason': '供暖季诉求高峰',
  'demand.elderlyWelfareFactor': '老年人口对养老诉求的放大系数',
  'demand.renterFactor': '租户对纠纷和物业诉求的放大系数',
  'residents.reportProbability': '居民反映问题的概率（信任为 1 时）',
  'residents.reportDelayHours': '居民反映前的平均延迟',
  'residents.channels.rc': '首选渠道：居委会',
  'residents.channels.property': '首选渠道：物业公司',
  'residents.channels.party': '首选渠道：党组织',
  'residents.channels.neighbours': '首选渠道：邻居',
  'residents.channels.hotline': '首选渠道：政府 / 12345',
  'residents.channels.owners': '首选渠道：业委会',
  'residents.trust': '处置结果影响今后反映（信任）',
  'residents.trustGain': '满意时信任增加',
  'residents.trustLoss': '不满意时信任下降',
  'residents.latentTrustLoss': '问题 14 天无人发现（被忽视）时信任下降',
  'gridWorkers.allocation': '网格员配置方式',
  'gridWorkers.perGrid': '网格员每网格人数（覆盖底图）',
  'gridWorkers.scale': '网格员人数倍数',
  'gridWorkers.hoursPerWeek': '专职网格员每周工时',
  'gridWorkers.partTimeFactor': '兼职网格员工时折算',
  'gridWorkers.patrolShare': '巡查工时占比',
  'gridWorkers.sweepWidthM': '巡查可见街面宽度',
  'gridWorkers.detectPerPass': '巡查经过时发现问题的概率',
  'gridWorkers.verify': '网格员核查结案',
  'communityWorkers.householdsPerWorker': '每名社区工作者服务户数',
  'communityWorkers.minPerCommunity': '每个社区最少社区工作者人数',
  'communityWorkers.hoursPerWeek': '社区工作者每周工时',
  'communityWorkers.adminBurden': '行政事务占用工时比例（社区减负）',
  'communityWorkers.visitShare': '入户走访占服务工时比例',
  'communityWorkers.minutesPerVisit': '每次入户走访分钟数（含步行）',
  'property.redShare': '转为红色物业的小区比例',
  'property.staffPer1000Households': '每千户物业处置人员',
  'property.fixSelf': '自管物业一次解决概率',
  'property.fixProfessional': '专业物业一次解决概率',
  'property.fixRed': '红色物业一次解决概率',
  'street.officeStaff': '街道接单处置人员',
  'street.enforcementOfficers': '“1+5+N”综合执法中心人员',
  'departments.staff': '职能部门处置人员（全区）',
  'departments.bounceProbability': '部门间推诿（踢皮球）概率',
  'departments.bounceDelayHours': '每次推诿耽搁时间',
  'departments.pickupHours': '部门接单前延迟',
  'departments.fix': '部门一次解决概率',
  'policy.hardShare': '疑难诉求占比（政策限制、历史遗留）',
  'policy.hardFix': '疑难诉求接手后解决概率（每月一题、合力攻坚）',
  'policy.streetAlone': '街乡不吹哨自行解决的多部门诉求比例',
  'whistle.enabled': '街乡吹哨、部门报到',
  'whistle.reportLimitMinutes': '吹哨报到时限',
  'hotline.directDispatch': '12345 诉求直派街乡',
  'hotline.dispatchMinutes': '立案派单时限',
  'hotline.routedDelayHours': '经部门转派的额外延迟',
  'hotline.rankingPressure': '排名考核压力（热线工单优先、联系解释）',
  'volunteers.perCommunity': '每个社区活跃志愿者人数',
  'volunteers.hoursPerMonth': '志愿者每月巡查小时',
  'volunteers.detect': '志愿者发现问题能力（相对网格员）',
  'grids.merged': '党建网格与治理网格合一',
  'grids.coordinationDelayHours': '网格分设时的协调延迟',
  'grids.dutyHours': '一线人员每日值守小时（网格员、执法、部门）',
  'grids.dutyDays': '一线人员每周值守天数',
  'grids.commandCentre': '监督指挥中心直派责任部门',
  'grids.cityManagementFix': '指挥中心督办下城市管理（公共空间）问题的解决概率',
  'callback.waitDays': '未结工单按未解决回访的期限',
  'callback.delayHours': '结案后回访延迟',
  'callback.satSolvedOnTime': '按期解决时的满意概率',
  'callback.satSolvedLate': '超期解决时的满意概率',
  'callback.satUnsolvedExplained': '未解决但已联系解释时的满意概率',
  'callback.satUnsolved': '未解决且未联系时的满意概率',
})

export const ALLOCATION_RULES = ['world', 'one-per-grid', 'households', 'workload'] as const

// strict: an unknown or misspelt key is an error naming the nearest known one, never silently dropped
export const ScenarioSchema = strictDeep(z.object({
  name: z.string().min(1).default('custom'),
  label: z.string().default(''),
  description: z.string().default(''),
  /** the label and description in Chinese, for the zh-CN interface */
  zh: z.object({ label: z.string().default(''), description: z.string().default('') }).prefault({}),
  /** where the preset's numbers come from */
  sources: z.array(z.string()).default([]),
  startDay: int('startDay', 0, 0, 364, 'day of year (0 = 1 Jan)', 'assumption', 'first day of the run'),
  /** issue demand (诉求): how many issues households have, by season and surge */
  demand: z
    .object({
      issuesPerHouseholdYear: num('demand.issuesPerHouseholdYear', 1.7, 0, 20, 'issues / household / year', 'calibrated: 12345 requests/resident/year 0.086 (Fengtai 2019, book ch. 4.3.2)', 'issues that arise per household per year'),
      surge: num('demand.surge', 1, 0.2, 5, '× arrivals', 'book ch. 4.3.2 (+46.3 % in 2020 H1) for epidemic-surge; else 1', 'demand multiplier (epidemic surge)'),
      heatingSeason: bool('demand.heatingSeason', true, 'heating season 15 Nov–15 Mar, first days the peak (北京日报 2021-01-08; 北青报 2020-11-16)', 'heating-season peak for heating issues'),
      elderlyWelfareFactor: num('demand.elderlyWelfareFactor', 3, 0, 10, '× per unit elderly share', 'assumption', 'elderly share raises welfare issues'),
      renterFactor: num('demand.renterFactor', 1, 0, 5, '× per unit renter share', 'assumption', 'renters raise dispute and property issues'),
    })
    .prefault({}),
  /** 居民 residents: whether and where they report (居委会, 物业, 12345 …), and their trust */
  residents: z
    .object({
      reportProbability: num('residents.reportProbability', 0.3, 0, 1, 'probability', 'book ch. 9.2.4 (discovery ≈30 % before grids)', 'chance a resident reports an issue (at trust 1)'),
      reportDelayHours: num('residents.reportDelayHours', 24, 0, 720, 'hours (mean)', 'assumption', 'mean delay before a resident reports'),
      channels: z
        .object({
          rc: num('residents.channels.rc', 35.4, 0, 100, '% of first contacts', 'book ch. 5.2.2, table 5-1 (survey)', 'residents’ committee'),
          property: num('residents.channels.property', 25.8, 0, 100, '% of first contacts', 'book ch. 5.2.2, table 5-1 (survey)', 'property company'),
          party: num('residents.channels.party', 14.5, 0, 100, '% of first contacts', 'book ch. 5.2.2, table 5-1 (survey)', 'party organisation'),
          neighbours: num('residents.channels.neighbours', 8.4, 0, 100, '% of first contacts', 'book ch. 5.2.2, table 5-1 (survey)', 'neighbours'),
          hotline: num('residents.channels.hotline', 8.1, 0, 100, '% of first contacts', 'book ch. 5.2.2, table 5-1 (survey)', 'government / 12345'),
          owners: num('residents.channels.owners', 1.7, 0, 100, '% of first contacts', 'book ch. 5.2.2, table 5-1 (survey)', 'owners’ committee'),
        })
        .prefault({}),
      trust: bool('residents.trust', true, 'book ch. 8.2.3', 'outcomes change future reporting (trust)'),
      trustGain: num('residents.trustGain', 0.05, 0, 1, 'trust per satisfied outcome', 'assumption', 'trust gained when satisfied'),
      trustLoss: num('residents.trustLoss', 0.1, 0, 1, 'trust per unsatisfied outcome', 'assumption', 'trust lost when unsatisfied'),
      latentTrustLoss: num('residents.latentTrustLoss', 0, 0, 1, 'trust per issue left unfound', 'docs/domain.md § Lifecycle (latent issues hurt trust), book ch. 8.2.3; size an assumption, 0 (off) in every preset so the calibration stands', 'trust lost when an issue is left unfound for 14 days (ignored)'),
    })
    .prefault({}),
  /** 网格员 grid workers: staffing, patrols (巡查), verification (核查) */
  gridWorkers: z
    .object({
      allocation: pick('gridWorkers.allocation', ALLOCATION_RULES, 'world', 'book ch. 3.2.3, 9.2.4 (one per grid); by households or by expected workload: assumption', 'how grid workers are allocated (world: as the world file says)'),
      perGrid: optNum('gridWorkers.perGrid', 0, 20, 'workers per grid', 'book ch. 9.2.4 (one per grid)', 'workers per grid (overrides the world)'),
      scale: num('gridWorkers.scale', 1, 0, 10, '× workers', 'Fengtai 5,000 FT + 1,800 PT (Sina Finance 2026-01-16)', 'multiplier on grid workers'),
      hoursPerWeek: num('gridWorkers.hoursPerWeek', 40, 0, 80, 'hours / week', 'assumption', 'hours per full-time worker'),
      partTimeFactor: num('gridWorkers.partTimeFactor', 0.5, 0, 1, 'share of full time', 'assumption', 'part-time hours'),
      patrolShare: num('gridWorkers.patrolShare', 0.5, 0, 1, 'share of hours', 'assumption', 'share of hours on patrol'),
      sweepWidthM: num('gridWorkers.sweepWidthM', 20, 1, 500, 'metres', 'assumption', 'width of street seen on patrol'),
      detectPerPass: num('gridWorkers.detectPerPass', 0.07, 0, 1, 'probability per pass', 'assumption (calibrated to book ch. 9.2.4: 90 % discovery with grids)', 'chance a patrol passing a visible issue notices it'),
      verify: bool('gridWorkers.verify', true, 'docs/domain.md § Lifecycle (核查)', 'grid workers verify closures'),
    })
    .prefault({}),
  /** 社区工作者 community workers of the 居委会 residents' committee: home visits (入户), admin burden (行政化) */
  communityWorkers: z
    .object({
      householdsPerWorker: num('communityWorkers.householdsPerWorker', 130, 30, 1000, 'households / worker', 'book ch. 4.2.2; Beijing 2021 standard 110–150', 'households per community worker'),
      minPerCommunity: int('communityWorkers.minPerCommunity', 9, 0, 50, 'workers', '2021 standard (≥ 9)', 'minimum workers per community'),
      hoursPerWeek: num('communityWorkers.hoursPerWeek', 40, 0, 80, 'hours / week', 'assumption', 'hours per worker'),
      adminBurden: num('communityWorkers.adminBurden', 0.5, 0, 0.95, 'share of hours', 'book ch. 5.2.3, 8.1.3, 4.3.2 (286 tasks before 减负, −94.9 % after)', 'share of hours lost to admin tasks'),
      visitShare: num('communityWorkers.visitShare', 0.25, 0, 1, 'share of service hours', 'book ch. 4.2.2 (入户率 ≥ 90 %)', 'share of service hours on home visits'),
      minutesPerVisit: num('communityWorkers.minutesPerVisit', 40, 5, 240, 'minutes', 'assumption', 'minutes per home visit incl. walking'),
    })
    .prefault({}),
  /** 物业 property companies, including 红色物业 red property */
  property: z
    .object({
      redShare: num('property.redShare', 0, 0, 1, 'share of serviced compounds', 'book ch. 6.2.4', 'compounds converted to red property'),
      staffPer1000Households: num('property.staffPer1000Households', 2, 0, 50, 'staff / 1,000 households', 'assumption', 'property staff handling requests'),
      fixSelf: num('property.fixSelf', 0.75, 0, 1, 'probability', 'assumption (book ch. 6.2.3)', 'self-managed: chance a job solves it'),
      fixProfessional: num('property.fixProfessional', 0.88, 0, 1, 'probability', 'assumption', 'professional: chance a job solves it'),
      fixRed: num('property.fixRed', 0.96, 0, 1, 'probability', 'assumption (book ch. 6.2.4)', 'red property: chance a job solves it'),
    })
    .prefault({}),
  /** 街道办事处 the street office and its 综合执法中心 enforcement centre */
  street: z
    .object({
      officeStaff: int('street.officeStaff', 8, 0, 200, 'people handling tickets', 'assumption', 'street office ticket handlers'),
      enforcementOfficers: int('street.enforcementOfficers', 20, 0, 200, 'officers', 'book ch. 4.2.2 (1+5+N: 5 departments × 1–2 + street team)', 'officers at the 1+5+N centre'),
    })
    .prefault({}),
  /** 职能部门 district functional departments: pick-up, fixes, passing the buck (踢皮球) */
  departments: z
    .object({
      staff: int('departments.staff', 1000, 1, 5000, 'officers (district)', 'assumption', 'department officers handling tickets'),
      bounceProbability: num('departments.bounceProbability', 0, 0, 0.9, 'probability per hand-off', 'book ch. 4.1.2, 4.2.1 (踢皮球)', 'chance a ticket bounces to another department'),
      bounceDelayHours: num('departments.bounceDelayHours', 48, 0, 720, 'hours', 'assumption', 'delay per bounce'),
      pickupHours: num('departments.pickupHours', 2, 0, 720, 'hours', 'assumption (pre-reform: far from the ground)', 'delay before a department picks a ticket up'),
      fix: num('departments.fix', 0.92, 0, 1, 'probability', 'assumption', 'chance a department job solves it'),
    })
    .prefault({}),
  /** policy: the street alone, hard cases (挂账, 每月一题) */
  policy: z
    .object({
      hardShare: num('policy.hardShare', 0.3, 0, 1, 'share of issues', 'assumption (calibrated to the Beijing 12345 rates 2019–2024)', 'issues no routine job can solve (policy limits, history)'),
      hardFix: num('policy.hardFix', 0.3, 0, 1, 'probability', 'calibrated to the Beijing 12345 rates (53 % → 75 % → 96.7 % solved)', 'chance such an issue is solved once taken on (每月一题, joint work)'),
      streetAlone: num('policy.streetAlone', 0.5, 0, 1, 'probability', 'assumption (whistle triggers, beijing.gov.cn 2018)', 'share of multi-department issues the street solves without a whistle'),
    })
    .prefault({}),
  /** 吹哨报到 whistle and report */
  whistle: z
    .object({
      enabled: bool('whistle.enabled', false, 'book ch. 4.2 (吹哨报到, 2018)', 'street blows the whistle, departments report'),
      reportLimitMinutes: num('whistle.reportLimitMinutes', 30, 5, 1440, 'minutes', '求是 2018 (≤ 30 min on site)', 'departments on site within'),
    })
    .prefault({}),
  /** 12345 市民服务热线 citizens' hotline: 接诉即办, 诉求直派, ranking pressure */
  hotline: z
    .object({
      directDispatch: bool('hotline.directDispatch', false, 'book ch. 4.2.2 (诉求直派, 2019)', '12345 dispatches straight to the street'),
      dispatchMinutes: num('hotline.dispatchMinutes', 5, 0, 1440, 'minutes', 'CCTV; 新京报 2024-10-15 (≈5 min)', 'ticket created and dispatched within'),
      routedDelayHours: num('hotline.routedDelayHours', 48, 0, 720, 'hours', 'assumption', 'extra delay when routed via departments'),
      rankingPressure: num('hotline.rankingPressure', 0, 0, 1, '0–1', 'book ch. 4.2.2 (daily ranking on the three rates)', 'ranking pressure: hotline tickets first, contact and explain'),
    })
    .prefault({}),
  /** 志愿者 volunteers (双报到 party members, 劝导队) */
  volunteers: z
    .object({
      perCommunity: num('volunteers.perCommunity', 20, 0, 2000, 'volunteers', 'assumption (book ch. 4.3.2: ≈70,000 双报到 in Fengtai ≈ 175 per community)', 'active volunteers per community'),
      hoursPerMonth: num('volunteers.hoursPerMonth', 4, 0, 200, 'hours / month', 'assumption', 'hours each volunteer patrols'),
      detect: num('volunteers.detect', 0.5, 0, 1, 'relative to grid workers', 'assumption', 'how well volunteers spot issues'),
    })
    .prefault({}),
  /** 网格 grids: 多网合一 one grid, 监督指挥中心 command centre, duty calendar */
  grids: z
    .object({
      merged: bool('grids.merged', true, 'book ch. 3.2.3, 9.2.2 (party and governance grids merged)', 'party and governance grids merged'),
      coordinationDelayHours: num('grids.coordinationDelayHours', 12, 0, 240, 'hours', 'assumption', 'hand-off delay when grids are separate'),
      dutyHours: num('grids.dutyHours', 9, 1, 24, 'hours / day', 'assumption (08:30–17:30 office day); Shenzhen’s Dongcheng-model grid collectors patrol 12 h a day (RFIDworld 2013)', 'duty hours a day of field staff (grid workers, enforcement, department crews)'),
      dutyDays: int('grids.dutyDays', 5, 1, 7, 'days / week', 'assumption (weekends off); 12345 handling units sign tickets 24 h × 7 d (北京日报 2021-12-28)', 'duty days a week of field staff'),
      commandCentre: bool('grids.commandCentre', false, 'book ch. 9.2.4; 新华社 2005 (Dongcheng 监督指挥中心: each case is dispatched to the one accountable department)', 'a command centre dispatches multi-department cases straight to the accountable department'),
      cityManagementFix: optNum('grids.cityManagementFix', 0, 1, 'probability', 'calibrated to 新华社 2005 (Dongcheng 2004: 96.5 % of city-management cases handled); unset = as other issues', 'with a command centre, chance a public-space (city-management) job is fixed, hard cases included'),
    })
    .prefault({}),
  /** 回访 callback and satisfaction */
  callback: z
    .object({
      waitDays: num('callback.waitDays', 7, 1, 365, 'days', '接诉即办条例 2021 (the hotline calls back when the deadline passes); assumption before reform', 'an unclosed ticket is called back (as unsolved) after'),
      delayHours: num('callback.delayHours', 24, 0, 720, 'hours', '接诉即办条例 2021 (callback after closure or deadline)', 'callback after closure'),
      satSolvedOnTime: num('callback.satSolvedOnTime', 0.97, 0, 1, 'probability', 'calibrated (Beijing 12345 satisfaction 2019–2024)', 'satisfied when solved on time'),
      satSolvedLate: num('callback.satSolvedLate', 0.75, 0, 1, 'probability', 'calibrated', 'satisfied when solved late'),
      satUnsolvedExplained: num('callback.satUnsolvedExplained', 0.7, 0, 1, 'probability', 'calibrated', 'satisfied when unsolved but contacted and explained'),
      satUnsolved: num('callback.satUnsolved', 0.35, 0, 1, 'probability', 'calibrated', 'satisfied when unsolved and not contacted'),
    })
    .prefault({}),
  ...bookLevers(),
}))

export type Scenario = z.output<typeof ScenarioSchema>
export type ScenarioInput = z.input<typeof ScenarioSchema>

export class ScenarioError extends Error {
  /** each problem in English, one line each (the CLI's text) */
  readonly problems: string[]
  constructor(readonly issues: ScenarioIssue[]) {
    const problems = issues.map(scenarioIssueText)
    super(problems.join('\n'))
    this.problems = problems
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

/** one zod issue as our problems (an unrecognized_keys issue is one per key), each naming the field */
function issuesOf(i: z.core.$ZodIssue, input: unknown): ScenarioIssue[] {
  const field = ['scenario', ...i.path.map(String)].join('.')
  const lever = i.path.length ? i.path.map(String).join('.') : undefined
  if (i.code === 'unrecognized_keys') {
    const known = keysAt(ScenarioSchema, i.path)
    return i.keys.map((k) => scenarioIssue(`${field}.${k}`, undefined, 'unknownField', { suggestion: closest(k, known) }))
  }
  const value = valueAt(input, i.path)
  const got: string | undefined = JSON.stringify(value)
  const shown = String(got)
  if (i.code === 'invalid_type' && i.expected === 'object') return [scenarioIssue(field, lever, 'notObject', { got: shown })]
  if (i.code === 'invalid_type') return [scenarioIssue(field, lever, 'wrongType', { expected: i.expected, received: receivedType(value), got })]
  if (i.code === 'invalid_value' && i.values.length > 1) return [scenarioIssue(field, lever, 'notOption', { allowed: i.values.map(String), got: shown })]
  if (i.code === 'too_big') return [scenarioIssue(field, lever, 'tooBig', { limit: Number(i.maximum), inclusive: i.inclusive !== false, origin: i.origin, got: shown })]
  if (i.code === 'too_small') return [scenarioIssue(field, lever, 'tooSmall', { limit: Number(i.minimum), inclusive: i.inclusive !== false, origin: i.origin, got: shown })]
  return [scenarioIssue(field, lever, 'invalid', { message: i.message, got })]
}

/** validates a scenario; throws ScenarioError with one problem per field (a code and its parameters, and the English
 *  line the CLI prints) */
export function parseScenario(input: unknown): Scenario {
  // undefined means "all defaults"; null (a file holding `null`) is not a scenario
  const r = ScenarioSchema.safeParse(input === undefined ? {} : input)
  if (r.success) return r.data
  throw new ScenarioError(r.error.issues.flatMap((i) => issuesOf(i, input)))
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

/** the fields that describe a scenario rather than set it: names, texts and sources */
const DESCRIPTIVE = ['name', 'label', 'description', 'zh', 'sources'] as const

/** every lever of a scenario by dotted path, without its descriptive fields */
export function leversOf(s: unknown): Record<string, unknown> {
  const rest = { ...(s as Record<string, unknown>) }
  for (const k of DESCRIPTIVE) delete rest[k]
  return flatten(rest)
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** null when `path` is a lever (LEVERS), else why not, with the nearest lever path */
export function leverPathIssue(path: string): ScenarioIssue | null {
  if (LEVERS.some((l) => l.path === path)) return null
  if (path.split('.').some((k) => FORBIDDEN_KEYS.has(k))) return scenarioIssue(path, undefined, 'prototypePath', {})
  return scenarioIssue(path, undefined, 'notLever', { suggestion: closest(path, LEVERS.map((l) => l.path)) })
}

/** leverPathIssue in English (the CLI's text) */
export function leverPathProblem(path: string): string | null {
  const i = leverPathIssue(path)
  return i && scenarioIssueText(i)
}

/** sets a dotted path in a plain object (for sweeps) */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const ks = path.split('.')
  // `__proto__.x` would write to Object.prototype itself
  if (ks.some((k) => FORBIDDEN_KEYS.has(k))) throw new ScenarioError([scenarioIssue(path, undefined, 'prototypePath', {})])
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
  const fa = leversOf(a)
  const fb = leversOf(b)
  const meta = new Map(LEVERS.map((l) => [l.path, l]))
  const rows: DiffRow[] = []
  for (const path of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
    if (JSON.stringify(fa[path]) === JSON.stringify(fb[path])) continue
    const m = meta.get(path)
    rows.push({ path, a: fa[path], b: fb[path], label: m?.label ?? path, unit: m?.unit ?? '' })
  }
  return rows
}
