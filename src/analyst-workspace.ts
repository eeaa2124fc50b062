// The analyst's side of the page: scenario and run panels, the results hub and every view that explains a
// result (comparison table, charts, result maps, the diff against the last run, sweeps). The planner's App
// hands it the world, the map and the current document; scenario and run settings live in the project.
import type { World } from '../sim/api.ts'
import { ResultsHub } from './analysis/results-hub.ts'
import { onLangChange, t } from './i18n/i18n.ts'
import type { MapView } from './map/map.ts'
import { $ } from './panels/dom.ts'
import { ResultMapPanel } from './panels/result-map-panel.ts'
import { RunDiffPanel } from './panels/run-diff-panel.ts'
import { RunPanel } from './panels/run-panel.ts'
import { ScenarioPanel } from './panels/scenario-panel.ts'
import { Tabs } from './panels/tabs.ts'
import { SimClient } from './sim-client.ts'
import type { Analysis } from './store/persist.ts'
import type { Doc } from './store/store.ts'

export interface WorkspaceHost {
  world: World
  view: MapView
  doc(): Doc
  analysis(): Analysis
  saveAnalysis(a: Analysis): void
}

export class AnalystWorkspace {
  readonly sim = new SimClient()
  /** the last run or comparison, for every view that explains it */
  readonly results = new ResultsHub()
  private scenarioPanel: ScenarioPanel
  private runPanel: RunPanel
  private tabs: Tabs
  private resultMap: ResultMapPanel
  private runDiff: RunDiffPanel

  constructor(host: WorkspaceHost) {
    const { world, view } = host
    this.scenarioPanel = new ScenarioPanel($('#scenario-panel'), host.analysis, host.saveAnalysis)
    this.runPanel = new RunPanel(
      $('#run-panel'),
      {
        analysis: host.analysis,
        setAnalysis: host.saveAnalysis,
        scenario: () => this.scenarioPanel.current(),
        run: (spec, onProgress) => this.sim.run(world, host.doc(), spec, onProgress),
        cancel: () => this.sim.cancel(),
        onResult: (r) => {
          // a comparison opens on its table; a single run on its charts
          this.tabs.show(r.kind === 'compare' ? 'compare' : this.tabs.active === 'compare' ? 'charts' : this.tabs.active)
          this.results.publish(r, host.doc())
        },
      },
      $('#compare-panel'),
    )
    this.resultMap = new ResultMapPanel(
      $('#result-map-panel'),
      { setResultLayer: (fc) => view.setResultLayer(fc), pickResult: (p) => view.pickResult(p), communities: () => world.communities.features },
      this.results,
    )
    this.runDiff = new RunDiffPanel($('#diff-panel'), this.results, (id, doc) => (doc as Doc).grids.find((g) => g.properties.id === id)?.properties.name ?? id)
    this.tabs = new Tabs(
      $('#results-tabs'),
      [
        { id: 'compare', label: () => t('res.compare'), panel: $('#compare-panel') },
        { id: 'charts', label: () => t('res.charts'), panel: $('#charts-panel') },
        { id: 'diff', label: () => t('res.diff'), panel: $('#diff-panel') },
        { id: 'sweep', label: () => t('res.sweep'), panel: $('#sweep-panel') },
      ],
      (collapsed) => t(collapsed ? 'res.expand' : 'res.collapse'),
    )
    // the sweep and charts tabs load their code (Plot, the worker pool) on the side, off the first paint;
    // charts pick up a result published before they arrived
    void import('./panels/sweep-panel.ts').then(({ SweepPanel }) => new SweepPanel($('#sweep-panel'), { analysis: host.analysis, setAnalysis: host.saveAnalysis, scenario: () => this.scenarioPanel.current(), shareWorld: (doc, port) => this.sim.shareWorld(world, doc, port), doc: host.doc }))
    void import('./panels/charts-panel.ts').then(({ ChartsPanel }) => {
      const charts = new ChartsPanel($('#charts-panel'), this.results)
      onLangChange(() => charts.render())
    })
  }

  render(): void {
    this.scenarioPanel.render()
    this.runPanel.render()
    this.tabs.render()
    this.resultMap.render()
    this.runDiff.render()
  }

  /** a click on the map: the result map explains the area under it */
  pick(point: { x: number; y: number }): void {
    this.resultMap.pick(point)
  }

  renderInspect(el: HTMLElement): void {
    this.resultMap.renderInspect(el)
  }
}
