// The whole city in the page (?preset=beijing): a city run sharded by district across Web Workers, its progress,
// time left and cancel, and its results per district and per street as a choropleth and a sortable table. The
// synthetic interior of 16 districts is never built in the page's own thread: each worker builds its district,
// and the map draws the real street polygons (?districts=CODE,… or pinyin limits the run to some districts).
import * as Comlink from 'comlink'
import { DISTRICTS, SCENARIO_PRESETS, scenarioPreset, type CityShape, type SimService } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { $, clear, h } from '../panels/dom.ts'
import { renderWorldPicker } from '../panels/world-picker.ts'
import { CityClient, cityShards, defaultWorkers, MAX_CITY_WORKERS, type CityOutcome } from './city-client.ts'
import { choropleth, COLUMNS, legend, renderEmpty, rowsOf, table, warmFormats, type Level, type SortState } from './city-view.ts'
import { progressPainter, type ShownProgress } from './progress-painter.ts'

export interface CityPageOptions {
  worldSeed: number
  /** district codes or pinyin from ?districts= (all when empty) */
  districts: string[]
}

/** the city page's state, for tests and benchmarks (window.__gongzhi.city) */
export interface CityHook {
  outcome: CityOutcome | null
  running: boolean
  /** longest gap between animation frames during the last run (ms) */
  longestFrameMs: number
  /** when that gap ended, in ms since Run: tells the start, middle or end of a run apart */
  longestFrameAt: number
  /** how often the last run repainted its progress (src/city/progress-painter.ts) */
  progressPaints: number
}

export async function bootCity(o: CityPageOptions, hook: { city?: CityHook }): Promise<void> {
  renderWorldPicker($<HTMLSelectElement>('#world-picker'), 'beijing')
  // the planner's import and project controls have nothing to act on here
  document.body.classList.add('city-mode')
  // the planner's layout (src/panels/layout.ts) is not started here: show the run form's panel and the results
  for (const id of ['side-layers', 'side-sweep']) $(`#${id}`).hidden = true
  $('#side-run').hidden = false
  $('#results').classList.remove('collapsed')
  const codes = o.districts.map((x) => DISTRICTS.find((d) => d.pinyin === x || d.code === x)?.code).filter((x): x is string => !!x)
  const shown = new Set(cityShards('beijing', codes).map((s) => s.code))
  const state: CityHook = { outcome: null, running: false, longestFrameMs: 0, longestFrameAt: 0, progressPaints: 0 }
  hook.city = state
  // the results' number format and collator, made now: the first of each loads ICU data (≈50 ms measured), which
  // at the end of a run was most of a 115 ms frame
  warmFormats()
  const client = new CityClient()
  const form = { scenario: 'co-governance-2024', days: 365, seed: 1, replicates: 1, workers: defaultWorkers() }
  let level: Level = 'district'
  let metric = 'resolution'
  let sort: SortState = { key: 'resolution', desc: true }
  const status = h('div', { class: 'run-status', testid: 'city-status', role: 'status' })
  const bar = h('progress', { max: 1, value: 0, testid: 'city-progress' })
  const mapEl = h('div', { class: 'city-map-wrap' })
  const results = h('div', { class: 'results-body city-results', testid: 'city-results' })
  $('#results-tabs').replaceChildren(h('h2', { text: t('city.title') }))
  $('#results').append(results)
  renderEmpty(results)
  const mapHost = $('#map')
  clear(mapHost)
  mapHost.append(mapEl)

  // the outlines come from a worker: the real street polygons are megabytes the page's bundle does not carry
  const shapeWorker = new Worker(new URL('../../sim/worker.ts', import.meta.url), { type: 'module' })
  let shape: CityShape | null = null
  const shaping = Comlink.wrap<SimService>(shapeWorker)
    .cityShape('beijing', o.worldSeed, codes)
    .then((s) => {
      shape = s
      draw()
    })
    .finally(() => shapeWorker.terminate())

  const draw = () => {
    const r = state.outcome?.runs[0]
    const col = COLUMNS.find((c) => c.key === metric) ?? COLUMNS[0]
    const controls = h(
      'div',
      { class: 'city-controls' },
      h('label', {}, `${t('city.level')} `, h('select', { testid: 'city-level', onchange: (e: Event) => ((level = (e.target as HTMLSelectElement).value as Level), draw()) }, ...(['district', 'street'] as const).map((l) => h('option', { value: l, selected: l === level, text: t(`city.level.${l}`) })))),
      h('label', {}, `${t('city.metric')} `, h('select', { testid: 'city-metric', onchange: (e: Event) => ((metric = (e.target as HTMLSelectElement).value), draw()) }, ...COLUMNS.map((c) => h('option', { value: c.key, selected: c.key === metric, text: t(c.label) })))),
    )
    const rows = r ? rowsOf(r, level) : []
    mapEl.replaceChildren(controls, ...(shape ? [choropleth(shape, rows, col, level, shown)] : []), legend(rows, col))
    if (!r) return
    clear(results)
    results.append(table(r, rows, level, sort, (s) => ((sort = s), draw())))
  }

  const num = (key: 'city.days' | 'city.seed' | 'city.replicates' | 'city.workers', field: 'days' | 'seed' | 'replicates' | 'workers', max: number) =>
    h('label', {}, `${t(key)} `, h('input', { type: 'number', min: field === 'seed' ? 0 : 1, max, step: 1, value: form[field], testid: `city-${field}`, onchange: (e: Event) => (form[field] = Number((e.target as HTMLInputElement).value)) }))
  const runBtn = h('button', { class: 'primary', text: t('city.run'), testid: 'city-run', onclick: () => void start() })
  const cancelBtn = h('button', { text: t('city.cancel'), testid: 'city-cancel', disabled: true, onclick: () => client.cancel() })
  const panel = $('#run-panel')
  clear(panel)
  panel.append(
    h('h2', { text: t('city.title') }),
    h('p', { class: 'hint', text: `${t('city.intro')} (${t('city.districts', { n: shown.size })})` }),
    h('div', { class: 'run-form' },
      h('label', {}, `${t('city.scenario')} `, h('select', { testid: 'city-scenario', onchange: (e: Event) => (form.scenario = (e.target as HTMLSelectElement).value) }, ...SCENARIO_PRESETS.map((s) => h('option', { value: s, selected: s === form.scenario, text: scenarioPreset(s).label })))),
      num('city.days', 'days', 3650),
      num('city.replicates', 'replicates', 20),
      num('city.seed', 'seed', 2 ** 31),
      num('city.workers', 'workers', MAX_CITY_WORKERS),
    ),
    h('div', { class: 'hint', text: t('city.workersHint', { n: navigator.hardwareConcurrency || 1 }) }),
    h('div', { class: 'run-buttons' }, runBtn, cancelBtn),
    bar,
    status,
  )

  async function start(): Promise<void> {
    const ok = (x: number, lo: number, hi: number) => Number.isInteger(x) && x >= lo && x <= hi
    if (!ok(form.days, 1, 3650) || !ok(form.replicates, 1, 20) || !ok(form.workers, 1, MAX_CITY_WORKERS) || !ok(form.seed, 0, 2 ** 31)) {
      status.textContent = t('city.badInput')
      return
    }
    runBtn.disabled = true
    cancelBtn.disabled = false
    state.running = true
    state.longestFrameMs = 0
    state.longestFrameAt = 0
    state.progressPaints = 0
    const show = (s: ShownProgress) => {
      bar.value = s.percent / 100
      status.textContent = `${t('city.progress', { pct: s.percent, done: s.districtsDone, n: s.districts })}${s.etaSeconds === null ? '' : ` · ${t('city.eta', { s: s.etaSeconds })}`}`
    }
    const painter = progressPainter(show)
    painter.report({ fraction: 0, etaSeconds: null, districtsDone: 0, districts: shown.size })
    // the longest gap between frames while the run goes: the page must stay responsive
    const began = performance.now()
    let prev = began
    const frame = (now: number) => {
      if (now - prev > state.longestFrameMs) {
        state.longestFrameMs = now - prev
        state.longestFrameAt = now - began
      }
      prev = now
      if (state.running) requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
    try {
      const out = await client.run({ preset: 'beijing', worldSeed: o.worldSeed, districts: [...shown], scenario: scenarioPreset(form.scenario), days: form.days, seed: form.seed, replicates: form.replicates, workers: form.workers }, (p) => {
        if (painter.report(p)) state.progressPaints = painter.paints
      })
      state.running = false
      if (out.cancelled) status.textContent = t('city.cancelled')
      else {
        state.outcome = out
        bar.value = 1
        const c = out.runs[0].city
        status.textContent = t('city.done', { n: c.districts, streets: c.streets, s: out.seconds.toFixed(1), w: out.workers })
        await shaping
        // the merge ran in the task the last district's result arrived in: the table and map get a task of their own
        await new Promise((r) => setTimeout(r, 0))
        draw()
      }
    } catch (e) {
      status.textContent = t('city.failed', { m: e instanceof Error ? e.message : String(e) })
    } finally {
      state.running = false
      runBtn.disabled = false
      cancelBtn.disabled = true
    }
  }
  draw()
  // the page is ready once its map is drawn: drawing it later would fall in the middle of a run
  await shaping.catch(() => undefined)
}
