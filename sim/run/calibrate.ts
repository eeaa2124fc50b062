// Simulated figures next to the published ones of docs/domain.md § Figures. Each published figure is
// matched by the preset that represents the regime it was measured under.
import type { CompiledWorld } from '../world/compile.ts'
import { scenarioPreset } from '../scenario/presets.ts'
import { metricAt, simulate, type SimResult } from './simulate.ts'

export interface CalibrationTarget {
  figure: string
  scenario: string
  metric: string
  published: number
  /** tolerance in the metric's units for "within" (rates: 0.05 = ±5 points) */
  tolerance: number
  source: string
}

export const CALIBRATION_TARGETS: CalibrationTarget[] = [
  { figure: '12345 requests per resident per year, 2019', scenario: 'hotline-reform', metric: 'hotline.perResidentYear', published: 180_000 / 2_100_000, tolerance: 0.015, source: 'book ch. 4.3.2 (Fengtai 2019: 180,000 for ≈2.1 M)' },
  { figure: 'Beijing resolution before 接诉即办', scenario: 'baseline-pre-reform', metric: 'hotline.resolution', published: 0.53, tolerance: 0.05, source: '北京日报 2022-12-19 (implied: +41 points to 94 %)' },
  { figure: 'Beijing satisfaction before 接诉即办', scenario: 'baseline-pre-reform', metric: 'hotline.satisfaction', published: 0.65, tolerance: 0.05, source: '北京日报 2022-12-19 (implied: +30 points to 95 %)' },
  { figure: 'Fengtai resolution Jan 2019', scenario: 'fengtai-2019-01', metric: 'hotline.resolution', published: 0.403, tolerance: 0.05, source: 'book ch. 4.3.2' },
  { figure: 'Fengtai satisfaction Jan 2019', scenario: 'fengtai-2019-01', metric: 'hotline.satisfaction', published: 0.583, tolerance: 0.05, source: 'book ch. 4.3.2' },
  { figure: 'Beijing resolution 2019', scenario: 'hotline-reform', metric: 'hotline.resolution', published: 0.75, tolerance: 0.05, source: '北京天津ジャピオン 2020-02-03' },
  { figure: 'Beijing satisfaction 2019', scenario: 'hotline-reform', metric: 'hotline.satisfaction', published: 0.87, tolerance: 0.05, source: '北京天津ジャピオン 2020-02-03' },
  { figure: 'Fengtai resolution Dec 2019', scenario: 'hotline-reform', metric: 'hotline.resolution', published: 0.748, tolerance: 0.05, source: 'book ch. 4.3.2' },
  { figure: 'Fengtai satisfaction Dec 2019', scenario: 'hotline-reform', metric: 'hotline.satisfaction', published: 0.861, tolerance: 0.05, source: 'book ch. 4.3.2' },
  { figure: 'Beijing resolution 2024', scenario: 'co-governance-2024', metric: 'hotline.resolution', published: 0.967, tolerance: 0.05, source: '新京报 2025-01-15' },
  { figure: 'Beijing satisfaction 2024', scenario: 'co-governance-2024', metric: 'hotline.satisfaction', published: 0.97, tolerance: 0.05, source: '新京报 2025-01-15' },
  { figure: 'Dongcheng discovery before grids (public space)', scenario: 'baseline-pre-reform', metric: 'publicSpace.discovery', published: 0.3, tolerance: 0.05, source: 'book ch. 9.2.4' },
  { figure: 'Dongcheng discovery with grids (public space)', scenario: 'grid-management', metric: 'publicSpace.discovery', published: 0.9, tolerance: 0.05, source: 'book ch. 9.2.4' },
  { figure: 'Dongcheng handling rate with grids (public space)', scenario: 'grid-management', metric: 'publicSpace.resolution', published: 0.965, tolerance: 0.05, source: '新华社 2005 (处置率 96.5 %)' },
  { figure: 'Dongcheng handling hours before grids (public space, mean)', scenario: 'baseline-pre-reform', metric: 'publicSpace.hoursToClose.mean', published: 168, tolerance: 24, source: 'book ch. 9.2.4 (≈7 days)' },
  // book ch. 9.2.4 gives both handling figures as means (问题的平均处理时间为7.5小时，过去则要7天左右)
  { figure: 'Dongcheng handling hours with grids (public space, mean)', scenario: 'grid-management', metric: 'publicSpace.hoursToClose.mean', published: 7.5, tolerance: 2, source: 'book ch. 9.2.4 (平均处理时间 7.5 hours)' },
]

const PUBLIC_SPACE = ['environment', 'parking', 'illegalBuilding', 'safety']

/** a metric of the result, or a figure derived from it: `publicSpace.resolution` pools the public-space categories'
 * callbacks (solved ÷ called back), the scope of Dongcheng's handling rate */
function figureOf(r: SimResult, metric: string): number {
  if (metric !== 'publicSpace.resolution') return metricAt(r, metric)
  let solved = 0
  let calls = 0
  for (const c of PUBLIC_SPACE) {
    solved += r.byCategory[c].resolution * r.byCategory[c].callbacks
    calls += r.byCategory[c].callbacks
  }
  return calls ? Math.round((solved / calls) * 1e4) / 1e4 : 0
}

export interface CalibrationRow extends CalibrationTarget {
  simulated: number
  within: boolean
}

/** runs each preset the targets name once (same seed and days) and lines the figures up */
export function calibrate(world: CompiledWorld, opts: { seed: number; days: number; onScenario?: (name: string) => void }): CalibrationRow[] {
  const runs = new Map<string, SimResult>()
  for (const t of CALIBRATION_TARGETS) {
    if (!runs.has(t.scenario)) {
      opts.onScenario?.(t.scenario)
      runs.set(t.scenario, simulate(world, scenarioPreset(t.scenario), { seed: opts.seed, days: opts.days, detail: false }))
    }
  }
  return CALIBRATION_TARGETS.map((t) => {
    const simulated = figureOf(runs.get(t.scenario)!, t.metric)
    return { ...t, simulated, within: Math.abs(simulated - t.published) <= t.tolerance }
  })
}
