// The charts a result supports, in the order the panel shows them: daily series only for a single detailed run;
// everything else for single runs, replicates (means with intervals) and comparisons (A beside B).
import { closeHistChart } from './close-hist.ts'
import type { ChartOut } from './chart.ts'
import { channelsChart } from './channels.ts'
import { dailyCountsChart, dailyRatesChart } from './daily.ts'
import { ratesChart, sharesChart } from './rates.ts'
import { singleDetailed, type Group, type HistPick } from './shape.ts'
import { utilizationChart, waitChart } from './utilization.ts'
import { whistlesChart } from './whistles.ts'

export type ChartBuild = { name: string; build: () => ChartOut }

export function chartsFor(groups: Group[], pick: HistPick): ChartBuild[] {
  const single = singleDetailed(groups)
  return [
    { name: 'close-hist', build: () => closeHistChart(groups, pick) },
    { name: 'rates', build: () => ratesChart(groups) },
    ...(single
      ? [
          { name: 'daily-counts', build: () => dailyCountsChart(single) },
          { name: 'daily-rates', build: () => dailyRatesChart(single) },
        ]
      : []),
    { name: 'utilization', build: () => utilizationChart(groups) },
    { name: 'wait', build: () => waitChart(groups) },
    { name: 'whistles', build: () => whistlesChart(groups) },
    { name: 'shares', build: () => sharesChart(groups) },
    { name: 'channels', build: () => channelsChart(groups) },
  ]
}

export type { ChartOut, Group, HistPick }
