// Every metric a user sees, written once: its path in a result, its unit, which way is better, and its label in
// Chinese and English. The CLI prints these labels, and the page's run cards, comparison, report, sweep and
// result map take theirs (in the page's language) from here, so a metric is added or renamed in one place.
import { DEFAULT_BAND } from '../geometry/generate-grids.ts'
import type { SUMMARY_METRICS } from '../run/simulate.ts'

export interface Label {
  zh: string
  en: string
}

/** higher-better: a rate to raise; higher-worse: hours, whistles, demand; neutral: a load figure with no right side */
export type Direction = 'higher-better' | 'higher-worse' | 'neutral'
export type MetricUnit = 'count' | 'share' | 'hours' | 'per-resident-year' | 'per-10k-issues' | 'households-per-worker' | 'per-1000-households' | 'people' | 'yuan-per-year'

export interface MetricInfo {
  unit: MetricUnit
  direction: Direction
  label: Label
}

export type SummaryMetric = (typeof SUMMARY_METRICS)[number]

/** the summary metrics of a run (replicate summaries, comparison rows, sweep columns), by their path in a result */
export const METRICS = {
  'issues.arisen': { unit: 'count', direction: 'higher-worse', label: { zh: '发生问题数', en: 'Issues arisen' } },
  'issues.known': { unit: 'count', direction: 'neutral', label: { zh: '知晓问题数', en: 'Issues known' } },
  'issues.closed': { unit: 'count', direction: 'higher-better', label: { zh: '结案问题数', en: 'Issues closed' } },
  'rates.response': { unit: 'share', direction: 'higher-better', label: { zh: '响应率', en: 'Response rate' } },
  'rates.resolution': { unit: 'share', direction: 'higher-better', label: { zh: '解决率', en: 'Resolution rate' } },
  'rates.satisfaction': { unit: 'share', direction: 'higher-better', label: { zh: '满意率', en: 'Satisfaction rate' } },
  'rates.onTime': { unit: 'share', direction: 'higher-better', label: { zh: '按期结案率', en: 'On-time rate' } },
  'rates.discovery': { unit: 'share', direction: 'higher-better', label: { zh: '发现率', en: 'Discovery rate' } },
  'rates.proactive': { unit: 'share', direction: 'higher-better', label: { zh: '主动发现占比', en: 'Proactive share' } },
  'hotline.perResidentYear': { unit: 'per-resident-year', direction: 'higher-worse', label: { zh: '12345 每人每年诉求量', en: '12345 tickets per resident-year' } },
  'hotline.resolution': { unit: 'share', direction: 'higher-better', label: { zh: '12345 解决率', en: '12345 resolution rate' } },
  'hotline.satisfaction': { unit: 'share', direction: 'higher-better', label: { zh: '12345 满意率', en: '12345 satisfaction rate' } },
  'hoursToClose.mean': { unit: 'hours', direction: 'higher-worse', label: { zh: '平均结案用时（小时）', en: 'Mean hours to close' } },
  'hoursToClose.p50': { unit: 'hours', direction: 'higher-worse', label: { zh: '结案用时 P50（小时）', en: 'Hours to close, P50' } },
  'hoursToClose.p90': { unit: 'hours', direction: 'higher-worse', label: { zh: '结案用时 P90（小时）', en: 'Hours to close, P90' } },
  'whistles.per10k': { unit: 'per-10k-issues', direction: 'higher-worse', label: { zh: '每万件吹哨数', en: 'Whistles per 10,000 issues' } },
  // what the scenario staffs, not an outcome: the sweep's objective (sim/model/staff-cost.ts)
  'staff.headcount': { unit: 'people', direction: 'higher-worse', label: { zh: '人员总数', en: 'Total staff' } },
  'staff.cost': { unit: 'yuan-per-year', direction: 'higher-worse', label: { zh: '人员年成本（元）', en: 'Staff cost (yuan / year)' } },
} as const satisfies Record<SummaryMetric, MetricInfo>

/** result figures outside the replicate summary that the run diff shows */
export const EXTRA_METRICS = {
  'issues.open': { unit: 'count', direction: 'higher-worse', label: { zh: '期末积压', en: 'Backlog at the end' } },
  'utilization.gridWorker.utilization': { unit: 'share', direction: 'higher-worse', label: { zh: '网格员忙碌率', en: 'Grid worker utilisation' } },
} as const satisfies Record<string, MetricInfo>

export type ResultMetric = SummaryMetric | keyof typeof EXTRA_METRICS
/** every metric of a run's result by its path */
export const RESULT_METRICS: Record<ResultMetric, MetricInfo> = { ...METRICS, ...EXTRA_METRICS }

export const isSummaryMetric = (m: string): m is SummaryMetric => Object.hasOwn(METRICS, m)

export const metricInfo = (m: SummaryMetric): MetricInfo => METRICS[m]

/** the four outcome rates of the run cards, comparison and report, in their order */
export const OUTCOME_RATES = ['rates.response', 'rates.resolution', 'rates.satisfaction', 'rates.onTime'] as const satisfies readonly SummaryMetric[]

/** the way a target on this metric points: at least a rate, at most hours or whistles */
export const targetOp = (m: SummaryMetric): '>=' | '<=' => (METRICS[m].direction === 'higher-worse' ? '<=' : '>=')

export interface AreaMetricInfo extends MetricInfo {
  /** fixed upper class bounds on the result map; quantiles of the data when absent */
  fixed?: readonly number[]
}

/** the per-grid and per-community metrics of one run that the result map colours */
export const AREA_METRICS = {
  p90HoursToClose: { unit: 'hours', direction: 'higher-worse', label: { zh: '结案用时 P90', en: 'P90 time to close' } },
  meanHoursToClose: { unit: 'hours', direction: 'higher-worse', label: { zh: '平均结案用时', en: 'Mean time to close' } },
  // the household band a grid worker is meant to serve, and a class either side of it
  householdsPerWorker: { unit: 'households-per-worker', direction: 'higher-worse', label: { zh: '每名网格员服务户数', en: 'Households per grid worker' }, fixed: [DEFAULT_BAND.min, DEFAULT_BAND.target, DEFAULT_BAND.max, 700] },
  discovery: { unit: 'share', direction: 'higher-better', label: { zh: '发现率', en: 'Discovery rate' } },
  proactive: { unit: 'share', direction: 'higher-better', label: { zh: '主动发现占比', en: 'Proactive share' } },
  resolution: { unit: 'share', direction: 'higher-better', label: { zh: '解决率', en: 'Resolution rate' } },
  satisfaction: { unit: 'share', direction: 'higher-better', label: { zh: '满意率', en: 'Satisfaction rate' } },
  // more known issues is both more demand and better discovery: shown on a neutral ramp
  knownPer1000: { unit: 'per-1000-households', direction: 'neutral', label: { zh: '每千户已知诉求', en: 'Issues known per 1,000 households' } },
} as const satisfies Record<string, AreaMetricInfo>

export type AreaMetric = keyof typeof AREA_METRICS

/** a label in one language; `zh-CN` or anything else (English) */
export const labelIn = (l: Label, lang: string): string => (lang === 'zh-CN' ? l.zh : l.en)
