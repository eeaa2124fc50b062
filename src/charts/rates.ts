// The rate summary (response, resolution, satisfaction, on time) and the discovery / proactive shares: the mean
// of each group with its 95 % interval over replicates, A beside B in a comparison.
import { SHARE_RANGE } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { rateLabel } from '../panels/labels.ts'
import { facetBars, metricRows, metricValues, type Metric } from './bars.ts'
import { groupLegend, runsNote, type ChartOut } from './chart.ts'
import type { Group } from './shape.ts'

export const RATE_KEYS = ['response', 'resolution', 'satisfaction', 'onTime'] as const
export const SHARE_KEYS = ['discovery', 'proactive'] as const

const rateMetric = (k: (typeof RATE_KEYS)[number] | (typeof SHARE_KEYS)[number]): Metric => ({ key: k, label: k === 'discovery' || k === 'proactive' ? t(`chart.share.${k}`) : rateLabel(k), read: (r) => r.rates[k], range: SHARE_RANGE })

export function ratesChart(groups: Group[], height?: number): ChartOut {
  const metrics = RATE_KEYS.map(rateMetric)
  const rows = metricRows(groups, metrics)
  return { name: 'rates', title: t('chart.rates.title'), svg: facetBars(rows, { percent: true, yLabel: t('chart.rates.y'), height }), legend: groupLegend(groups), values: metricValues(groups, metrics, rows), note: runsNote(groups) }
}

export function sharesChart(groups: Group[]): ChartOut {
  const metrics = SHARE_KEYS.map(rateMetric)
  const rows = metricRows(groups, metrics)
  return { name: 'shares', title: t('chart.shares.title'), svg: facetBars(rows, { percent: true, yLabel: t('chart.rates.y') }), legend: groupLegend(groups), values: metricValues(groups, metrics, rows), note: [t('chart.shares.note'), runsNote(groups)].filter(Boolean).join(' · ') }
}
