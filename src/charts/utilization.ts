// Staffing per role: the busy share of each role's available hours, and the simulated mean queue wait beside the
// Erlang C wait for the same arrival rate and service time — the analytic baseline, which ignores shifts,
// hand-offs and priorities, so a gap between the two is the model's own congestion, not an error.
import { ROLES, SHARE_RANGE } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { facetBars, metricRows, metricValues, type BarRow, type Metric } from './bars.ts'
import { baselineColourOf, colourOf, groupLegend, runsNote, type ChartOut, type LegendItem } from './chart.ts'
import { groupStat, round, type Group } from './shape.ts'

const roleLabel = (r: (typeof ROLES)[number]) => t(`chart.role.${r}`)

export function utilizationChart(groups: Group[]): ChartOut {
  const metrics: Metric[] = ROLES.map((role) => ({ key: role, label: roleLabel(role), read: (r) => r.utilization[role]?.utilization, range: SHARE_RANGE }))
  const rows = metricRows(groups, metrics)
  return { name: 'utilization', title: t('chart.util.title'), svg: facetBars(rows, { percent: true, yLabel: t('chart.util.y') }), legend: groupLegend(groups), values: metricValues(groups, metrics, rows), note: runsNote(groups) }
}

export function waitChart(groups: Group[]): ChartOut {
  const rows: BarRow[] = []
  const values: Record<string, Record<string, unknown>> = {}
  const legend: LegendItem[] = []
  const tag = (g: Group, what: string) => (g.key === 'run' ? what : `${g.key} · ${what}`)
  for (const g of groups) {
    legend.push({ label: tag(g, t('chart.wait.sim')), color: colourOf(g) }, { label: tag(g, t('chart.wait.erlang')), color: baselineColourOf(g) })
    values[g.key] = {}
    for (const role of ROLES) {
      const sim = groupStat(g, (r) => r.utilization[role]?.meanWaitHours)
      const erl = groupStat(g, (r) => r.utilization[role]?.erlangWaitHours)
      rows.push({ facet: roleLabel(role), bar: tag(g, t('chart.wait.sim')), colour: colourOf(g), ...sim }, { facet: roleLabel(role), bar: tag(g, t('chart.wait.erlang')), colour: baselineColourOf(g), ...erl })
      values[g.key][role] = { sim: round(sim.mean, 3), erlang: round(erl.mean, 3) }
    }
  }
  // facets keep role order; bars within a facet keep group then series order
  rows.sort((a, b) => ROLES.findIndex((r) => roleLabel(r) === a.facet) - ROLES.findIndex((r) => roleLabel(r) === b.facet))
  return { name: 'wait', title: t('chart.wait.title'), svg: facetBars(rows, { percent: false, yLabel: t('chart.wait.y') }), legend, values, note: [t('chart.wait.note'), runsNote(groups)].filter(Boolean).join(' · ') }
}

