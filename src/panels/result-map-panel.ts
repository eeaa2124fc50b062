// Result maps: after a single run, colour the grids or communities by a per-area result (P90 time to close,
// households per worker, discovery, …) with class breaks and a legend, red on the bad side. Areas are drawn in
// the layout the run used; areas without a value are hatched. Clicking an area shows all its numbers.
import type { FeatureCollection, Feature } from 'geojson'
import { areaRow, classify, formatValue, legendRanges, metricDef, METRICS, type AreaColumns, type Direction, type Level, type MetricKey } from '../analysis/result-classes.ts'
import type { Published, ResultsHub } from '../analysis/results-hub.ts'
import { DEFAULT_BAND } from '../../sim/api.ts'
import { getLang, t, tAny, type Key } from '../i18n/i18n.ts'
import { clear, h } from './dom.ts'
import { areaMetricLabel } from './labels.ts'
import { armPicker, compareInspectRows, compareLegend, diffOf, mappableArms, styleAreas, swatch } from './compare-map.ts'

const DIRECTION_TEXT = { 'up-bad': 'resmap.dir.up-bad', 'up-good': 'resmap.dir.up-good', neutral: 'resmap.dir.neutral' } as const satisfies Record<Direction, Key>

export interface ResultMapHost {
  setResultLayer(fc: FeatureCollection | null): void
  pickResult(point: { x: number; y: number }): string | null
  communities(): Feature[]
  /** the current layout's grids: what a kept result is drawn on after a reload */
  grids?(): Feature[]
  /** the choice changed or a new run came: keep the choice and the shown level's figures with the project */
  keep?(choice: ResultChoice, areas: KeptAreas | null): void
}

export interface ResultChoice {
  level: Level
  metric: string
  shown: boolean
}
/** one level's per-area figures of the last single run, as kept with the project */
export interface KeptAreas {
  level: Level
  cols: AreaColumns
}

interface AreaFeature extends Feature {
  properties: { id: string; name?: string }
}

export class ResultMapPanel {
  level: Level = 'grid'
  /** '' until the analyst picks one: a run does not repaint the map on its own */
  metric: MetricKey | '' = ''
  shown = true
  /** in a comparison: which arm (1 = B, 2 = C, …) is mapped against A */
  arm = 1
  private pub: Published | null = null
  private picked: { level: Level; id: string } | null = null
  /** the figures kept with the project, drawn until a new run comes */
  private kept: KeptAreas | null = null

  constructor(
    private el: HTMLElement,
    private host: ResultMapHost,
    hub: ResultsHub,
  ) {
    hub.subscribe((p) => {
      this.pub = p
      this.picked = null
      this.kept = null
      if (this.arm >= (mappableArms(p.current)?.length ?? 2)) this.arm = 1
      this.render()
      this.keep()
    })
  }

  /** the single run's result, if the current result is one */
  private single() {
    const c = this.pub?.current
    if (!c || c.kind !== 'run' || c.outcome.results.length !== 1) return null
    const r = c.outcome.results[0]
    return r.byGrid && r.byCommunity ? r : null
  }

  private columns(): AreaColumns | null {
    const r = this.single()
    if (r) return this.level === 'grid' ? r.byGrid! : r.byCommunity!
    return !this.pub && this.kept?.level === this.level ? this.kept.cols : null
  }

  /** after a reload: the choice and figures kept with the project */
  restore(choice: ResultChoice | undefined, areas: KeptAreas | null): void {
    if (choice) Object.assign(this, { level: choice.level, metric: METRICS.some((m) => m.key === choice.metric) ? choice.metric : '', shown: choice.shown })
    if (!this.pub) this.kept = areas
    this.render()
  }

  private keep(): void {
    const cols = this.single() ? this.columns() : null
    this.host.keep?.({ level: this.level, metric: this.metric, shown: this.shown }, cols ? { level: this.level, cols } : this.kept)
  }

  private areas(): AreaFeature[] {
    if (this.level === 'community') return this.host.communities() as AreaFeature[]
    const grids = ((this.pub?.doc as { grids?: AreaFeature[] } | null)?.grids ?? this.host.grids?.() ?? []) as (AreaFeature & { properties: { layer?: string } })[]
    return grids.filter((g) => (g.properties.layer ?? 'governance') !== 'party')
  }

  render(): void {
    const el = this.el
    clear(el)
    el.append(h('h2', { text: t('resmap.title') }))
    delete el.dataset.features
    delete el.dataset.nodata
    const cur = this.pub?.current
    if (!cur && !this.kept) {
      el.dataset.state = 'empty'
      el.append(h('div', { class: 'hint', testid: 'result-empty', text: t('resmap.empty') }))
      return this.draw()
    }
    const cols = this.columns()
    const arms = mappableArms(cur)
    if (!cols && !arms) {
      el.dataset.state = 'needs-single'
      el.append(h('div', { class: 'caveat', testid: 'result-needs-single', text: t(cur?.kind === 'compare' ? 'resmap.cmpNeedsRuns' : 'resmap.needsSingle') }))
      return this.draw()
    }
    el.dataset.state = arms ? 'compare' : 'ready'
    const level = h('select', { testid: 'result-level', onchange: (e: Event) => this.set({ level: (e.target as HTMLSelectElement).value as Level }) })
    for (const l of ['grid', 'community'] as const) level.append(h('option', { value: l, text: t(`resmap.level.${l}`), selected: l === this.level }))
    const metric = h('select', { testid: 'result-metric', onchange: (e: Event) => this.set({ metric: (e.target as HTMLSelectElement).value as MetricKey | '' }) })
    metric.append(h('option', { value: '', text: t('resmap.pickMetric'), selected: this.metric === '' }))
    for (const m of METRICS) metric.append(h('option', { value: m.key, text: areaMetricLabel(m.key), selected: m.key === this.metric }))
    const show = h('input', { type: 'checkbox', testid: 'result-show', checked: this.shown, onchange: (e: Event) => this.set({ shown: (e.target as HTMLInputElement).checked }) })
    const against = arms ? h('label', {}, `${t('resmap.against')} `, armPicker(arms, this.arm, (arm) => this.set({ arm }))) : null
    el.append(
      h('div', { class: 'result-form' }, against, h('label', {}, `${t('resmap.level')} `, level), h('label', {}, `${t('resmap.metric')} `, metric), h('label', {}, show, ` ${t('resmap.show')}`)),
      h('div', { class: 'caveat', text: t('resmap.layoutNote') }),
    )
    this.draw()
  }

  private set(p: Partial<Pick<ResultMapPanel, 'level' | 'metric' | 'shown' | 'arm'>>): void {
    Object.assign(this, p)
    if (p.level) this.picked = null
    this.render()
    this.keep()
  }

  /** from the comparison: show its difference map, on P90 time to close unless a metric is already chosen */
  showCompare(): boolean {
    if (!mappableArms(this.pub?.current)) return false
    this.set({ metric: this.metric || 'p90HoursToClose', shown: true })
    this.el.scrollIntoView({ block: 'start' })
    return true
  }

  /** B − A per area for a live comparison */
  private drawCompare(): boolean {
    const arms = mappableArms(this.pub?.current)
    if (!arms || !this.metric) return false
    const d = diffOf(arms, this.arm, this.level, this.metric)
    const s = styleAreas(this.areas(), d.ids, d.classes, d.colors)
    this.el.dataset.features = String(s.styled)
    this.el.dataset.nodata = String(s.nodata)
    this.host.setResultLayer(this.shown ? { type: 'FeatureCollection', features: s.features } : null)
    this.el.append(compareLegend(d, this.metric, this.arm, arms[0].runs.length, s.nodata))
    return true
  }

  /** the layer and the legend for the current choice */
  private draw(): void {
    if (this.drawCompare()) return
    const cols = this.columns()
    if (!cols || !this.metric) return this.host.setResultLayer(null)
    const key = this.metric
    const def = metricDef(key)
    const c = classify(cols, key)
    const { features, styled, nodata } = styleAreas(this.areas(), cols.ids, c.classes, c.colors)
    this.el.dataset.features = String(styled)
    this.el.dataset.nodata = String(nodata)
    this.host.setResultLayer(this.shown ? { type: 'FeatureCollection', features } : null)
    const lang = getLang()
    const legend = h('div', { class: 'result-legend', testid: 'result-legend' })
    legend.dataset.breaks = c.breaks.join(',')
    legend.append(h('div', { class: 'result-legend-title', text: `${areaMetricLabel(key)} · ${t(DIRECTION_TEXT[def.direction])}` }))
    legendRanges(c.breaks, def.unit, lang).forEach((range, i) =>
      legend.append(h('div', { class: 'result-legend-row' }, swatch(c.colors[i]), h('span', { text: range }), h('span', { class: 'count', text: `(${c.counts[i]})` }))),
    )
    legend.append(h('div', { class: 'result-legend-row' }, swatch(null), h('span', { text: t('resmap.noData') }), h('span', { class: 'count', text: `(${nodata})` })))
    legend.append(h('div', { class: 'caveat', text: t(def.fixed ? 'resmap.fixedBreaks' : 'resmap.quantiles', { ...DEFAULT_BAND }) }))
    this.el.append(legend)
  }

  /** a map click: true when it landed on a shown result area, which the inspect panel then explains */
  pick(point: { x: number; y: number } | null): boolean {
    const id = point && this.metric && this.shown && (this.columns() || mappableArms(this.pub?.current)) ? this.host.pickResult(point) : null
    this.picked = id ? { level: this.level, id } : null
    return !!id
  }

  /** the picked area's numbers, appended to the inspect panel */
  renderInspect(el: HTMLElement): void {
    const cols = this.columns()
    const arms = mappableArms(this.pub?.current)
    if (!this.picked || (!cols && !arms) || this.picked.level !== this.level) return
    const { id } = this.picked
    const name = this.areas().find((f) => f.properties.id === id)?.properties.name
    const box = h('div', { class: 'result-inspect', testid: 'result-inspect' })
    box.dataset.id = id
    box.append(h('h3', { text: `${t(`resmap.level.${this.level}`)} · ${name ? `${name} (${id})` : id}` }))
    if (arms && this.metric) {
      const table = h('table', { class: 'props' }, h('tr', {}, h('td', { colSpan: 2, text: areaMetricLabel(this.metric) })))
      for (const r of compareInspectRows(arms, this.arm, this.level, this.metric, id)) {
        const tr = h('tr', { testid: r.testid }, h('td', { text: r.label }), h('td', { text: r.text }))
        tr.dataset.value = r.value === null ? '' : String(r.value)
        table.append(tr)
      }
      box.append(table)
      return void el.append(box)
    }
    if (!cols) return
    const rows = areaRow(cols, id)
    if (!rows) {
      box.append(h('div', { text: t('resmap.notInRun') }))
      return void el.append(box)
    }
    const table = h('table', { class: 'props' })
    const lang = getLang()
    for (const r of rows) {
      const tr = h('tr', { testid: `result-inspect-${r.key}` }, h('td', { text: tAny(`resmap.col.${r.key}`) }), h('td', { text: formatValue(r.value, r.unit, lang) }))
      tr.dataset.value = r.value === null ? '' : String(r.value)
      table.append(tr)
    }
    box.append(table)
    el.append(box)
  }
}

