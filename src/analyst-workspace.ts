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

/** localStorage key of the results drawer: its tab and whether the user closed it */
export const DRAWER_KEY = 'gongzhi:drawer'
import { SimClient } from './sim-client.ts'
import { getResultAreas, putResultAreas, type Analysis } from './store/persist.ts'
import type { KeptAreas } from './panels/result-map-panel.ts'
import type { Doc } from './store/store.ts'

export interface WorkspaceHost {
  world: World
  view: MapView
  doc(): Doc
  analysis(): Analysis
  saveAnalysis(a: Analysis): void
  /** the open project's id: the result map's figures are kept under it */
  projectId(): string
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
  private host: WorkspaceHost

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
          this.results.publish(r, host.doc())
          this.reveal(r.kind)
        },
        // the difference map lives in the result-map section of the scenario-and-run tab
        showCompareMap: () => {
          document.querySelector<HTMLButtonElement>('[data-testid=tab-run]:not(.on)')?.click()
          this.resultMap.showCompare()
        },
      },
      $('#compare-panel'),
    )
    this.resultMap = new ResultMapPanel(
      $('#result-map-panel'),
      {
        setResultLayer: (fc) => view.setResultLayer(fc),
        pickResult: (p) => view.pickResult(p),
        communities: () => world.communities.features,
        grids: () => host.doc().grids,
        keep: (choice, areas) => {
          const a = host.analysis()
          if (JSON.stringify(a.resultLayer) !== JSON.stringify(choice)) host.saveAnalysis({ ...a, resultLayer: choice })
          if (areas) void putResultAreas(host.projectId(), areas).catch(() => undefined)
        },
      },
      this.results,
    )
    this.host = host
    this.restoreKept()
    this.runDiff = new RunDiffPanel($('#diff-panel'), this.results, (id, doc) => (doc as Doc).grids.find((g) => g.properties.id === id)?.properties.name ?? id)
    this.tabs = new Tabs(
      $('#results-tabs'),
      [
        { id: 'compare', label: () => t('res.compare'), panel: $('#compare-panel') },
        { id: 'charts', label: () => t('res.charts'), panel: $('#charts-panel') },
        { id: 'diff', label: () => t('res.diff'), panel: $('#diff-panel') },
      ],
      {
        key: DRAWER_KEY,
        collapsed: true,
        container: $('#results'),
        toggle: { title: (c) => t(c ? 'res.expand' : 'res.collapse'), glyph: (c) => (c ? '▴' : '▾') },
      },
    )
    // the sweep and charts tabs load their code (Plot, the worker pool) on the side, off the first paint;
    // charts pick up a result published before they arrived
    $('#results-tabs').addEventListener('click', () => $('#results').classList.remove('fresh'))
    void import('./panels/sweep-panel.ts').then(({ SweepPanel }) => new SweepPanel($('#sweep-panel'), { analysis: host.analysis, setAnalysis: host.saveAnalysis, scenario: () => this.scenarioPanel.current(), shareWorld: (doc, port) => this.sim.shareWorld(world, doc, port), doc: host.doc }))
    void import('./panels/charts-panel.ts').then(({ ChartsPanel }) => {
      const charts = new ChartsPanel($('#charts-panel'), this.results)
      onLangChange(() => charts.render())
    })
  }

  /** A result arrived. The drawer shows its tab strip from now on; it opens by itself only for a comparison
   * (its table lives there) and only while the user has never closed it — a single run's cards are in the
   * side panel, and the map keeps its height. */
  private reveal(kind: 'run' | 'compare'): void {
    this.tabs.select(kind === 'compare' ? 'compare' : this.tabs.active === 'compare' ? 'charts' : this.tabs.active)
    const el = $('#results')
    el.hidden = false
    if (kind === 'compare' && this.tabs.collapsed && !this.tabs.chosen) this.tabs.setCollapsed(false, false)
    else el.classList.add('fresh')
  }

  /** a reload or another project opened: the result layer shown before, drawn from the figures kept with the
   *  project until a new run comes */
  restoreKept(): void {
    const host = this.host
    void getResultAreas(host.projectId())
      .then((k) => this.resultMap.restore(host.analysis().resultLayer, (k as KeptAreas | undefined) ?? null))
      .catch(() => undefined)
  }

  render(): void {
    this.scenarioPanel.render()
    this.runPanel.render()
    // nothing to show yet (no run, no comparison kept in the project): no drawer at all
    const el = $('#results')
    const keptCompare = !!$('#compare-panel').querySelector('table')
    el.hidden = !this.results.last && !keptCompare
    // after a reload a comparison kept in the project is the only result there is (charts need a new run): show
    // its tab, and open the drawer as it opened when the comparison arrived unless the user has closed it — without
    // overwriting the remembered drawer state
    if (keptCompare && !this.results.last) {
      this.tabs.active = 'compare'
      if (this.tabs.collapsed && !this.tabs.chosen) this.tabs.setCollapsed(false, false)
    }
    this.tabs.render()
    this.resultMap.render()
    this.runDiff.render()
  }

  /** a click on the map: the result map explains the area under it */
  pick(point: { x: number; y: number } | null): void {
    this.resultMap.pick(point)
  }

  renderInspect(el: HTMLElement): void {
    this.resultMap.renderInspect(el)
  }
}
