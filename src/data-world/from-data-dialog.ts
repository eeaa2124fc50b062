// "New project from my data" (新建项目（我的数据）): pick files, confirm the coordinate system and each layer's
// column mapping (with the first rows), see what will be derived or generated and the household estimate,
// create. Reading and building run in a worker; the new world and its project are stored, then the page opens it.
import { importIssueText } from '../i18n/import-text.ts'
import * as Comlink from 'comlink'
import { DATA_FIELDS, DATA_LAYERS, type DataLayer, type FromDataSummary, type LayerMapping } from '../../sim/api.ts'
import { fmtInt, t, tAny, type Key } from '../i18n/i18n.ts'
import { clear, h } from '../panels/dom.ts'
import { mappingTable as columnTable } from '../panels/mapping-table.ts'
import { newId, putProject, setCurrent, type Project } from '../store/persist.ts'
import type { FromDataWorker, LayerPreview, Mappings } from './from-data.worker.ts'
import { newWorldId, presetOf, putDataWorld } from './world-store.ts'

type Crs = 'auto' | 'wgs84' | 'gcj02' | 'bd09'

interface State {
  crs: Crs
  previews: Partial<Record<DataLayer, LayerPreview>>
  files: Partial<Record<DataLayer, File>>
  mappings: Mappings
  summary: FromDataSummary | null
  error: string
  busy: string
  hhPerHa: number | null
  accepted: boolean
  name: string
}

let worker: Comlink.Remote<FromDataWorker> | null = null
const remote = () => (worker ??= Comlink.wrap<FromDataWorker>(new Worker(new URL('./from-data.worker.ts', import.meta.url), { type: 'module' })))

export function openFromDataDialog(dialog: HTMLDialogElement, beforeLeave: () => Promise<void> = async () => undefined): void {
  const s: State = { crs: 'auto', previews: {}, files: {}, mappings: {}, summary: null, error: '', busy: '', hhPerHa: null, accepted: false, name: t('fd.defaultName') }
  const render = () => renderDialog(dialog, s, { read, forget, replan, create, render })
  const ready = remote().reset()

  const reading = new Map<DataLayer, number>()
  const crsFor = (layer: DataLayer): Crs => (s.crs !== 'auto' ? s.crs : layer !== 'communities' && s.previews.communities ? s.previews.communities.crs.applied : 'auto')
  async function read(layer: DataLayer, file: File | undefined): Promise<void> {
    if (file) s.files[layer] = file
    const f = s.files[layer]
    if (!f) return
    // a file picked while an earlier one is still being read replaces it: the earlier answer is dropped
    const ticket = (reading.get(layer) ?? 0) + 1
    reading.set(layer, ticket)
    s.busy = t('fd.reading', { file: f.name })
    s.error = ''
    render()
    await ready
    const r = await remote().read(f.name, new Uint8Array(await f.arrayBuffer()), layer, crsFor(layer))
    if (reading.get(layer) !== ticket) return
    s.busy = ''
    if (!r.ok) {
      delete s.previews[layer]
      delete s.mappings[layer]
      delete s.files[layer]
      s.error = r.issues.filter((i) => i.severity === 'error').slice(0, 3).map(importIssueText).join('\n') || t('fd.unreadable', { file: f.name })
    } else {
      s.previews[layer] = r.preview
      s.mappings[layer] = r.preview.auto
    }
    // the communities decide the coordinate system the other files follow when it is detected
    if (layer === 'communities' && s.crs === 'auto') for (const l of DATA_LAYERS) if (l !== 'communities' && s.files[l]) await read(l, undefined)
    await replan()
  }
  async function forget(layer: DataLayer): Promise<void> {
    reading.set(layer, (reading.get(layer) ?? 0) + 1)
    delete s.previews[layer]
    delete s.mappings[layer]
    delete s.files[layer]
    await remote().forget(layer)
    await replan()
  }
  async function replan(): Promise<void> {
    if (!s.previews.communities) {
      s.summary = null
      return render()
    }
    const r = await remote().plan(s.mappings, s.hhPerHa ?? undefined)
    s.summary = r.ok ? r.summary : null
    if (!r.ok) s.error = r.issue ? importIssueText(r.issue) : r.error
    else if (s.summary?.estimate && s.hhPerHa === null) s.hhPerHa = s.summary.estimate.hhPerHa
    render()
  }
  async function create(): Promise<void> {
    s.busy = t('fd.building')
    s.error = ''
    render()
    const name = s.name.trim().slice(0, 100) || t('fd.defaultName')
    const r = await remote().build(s.mappings, s.summary?.estimate ? (s.hhPerHa ?? undefined) : undefined, name, 1)
    if (!r.ok) {
      s.busy = ''
      s.error = r.issue ? importIssueText(r.issue) : r.error
      return render()
    }
    const id = newWorldId()
    try {
      await putDataWorld({ id, name, created: Date.now(), world: r.world })
      const project: Project = { id: newId(), name, preset: presetOf(id), seed: r.world.meta.seed, doc: { grids: r.world.grids.features.slice(), imported: [] }, updated: Date.now() }
      await putProject(project)
      await setCurrent(project.preset, project.id)
    } catch (e) {
      s.busy = ''
      s.error = `${t('fd.saveFailed')}: ${e instanceof Error ? e.message : String(e)}`
      return render()
    }
    await beforeLeave().catch(() => undefined)
    const q = new URLSearchParams(location.search)
    q.delete('preset')
    q.set('world', id)
    location.assign(`${location.pathname}?${q.toString()}`)
  }
  render()
  if (!dialog.open) dialog.showModal()
}

interface Actions {
  read(layer: DataLayer, file: File | undefined): Promise<void>
  forget(layer: DataLayer): Promise<void>
  replan(): Promise<void>
  create(): Promise<void>
  render(): void
}

function renderDialog(dialog: HTMLDialogElement, s: State, a: Actions): void {
  clear(dialog)
  dialog.classList.add('from-data')
  const section = (n: number, key: Key, ...body: (Node | string | null)[]) => h('section', {}, h('h3', { text: `${n}. ${t(key)}` }), ...body)
  const files = h('div', { class: 'fd-files' })
  for (const layer of DATA_LAYERS) {
    const p = s.previews[layer]
    // the browser's own file button speaks the browser's language: a button of ours opens the hidden input
    const input = h('input', { type: 'file', hidden: true, accept: '.geojson,.json,.zip,.kml,.kmz', testid: `fd-file-${layer}`, onchange: (e: Event) => void a.read(layer, (e.target as HTMLInputElement).files?.[0]) })
    files.append(
      h('div', { class: 'fd-file' },
        h('span', { class: 'fd-layer', text: layer === 'communities' ? t('fd.requiredLayer', { layer: t('layer.communities') }) : t(`layer.${layer}`) }),
        h('span', {},
          h('button', { text: t(p ? 'fd.change' : 'fd.choose'), testid: `fd-pick-${layer}`, onclick: () => input.click() }), input,
          p && layer !== 'communities' ? h('button', { text: '✕', title: t('fd.remove'), testid: `fd-remove-${layer}`, onclick: () => void a.forget(layer) }) : null),
        h('span', { class: p ? 'fd-read' : 'fd-none', text: p ? t('fd.read', { file: p.file, n: fmtInt(p.count), crs: p.crs.applied.toUpperCase() }) : t(layer === 'communities' ? 'fd.noFile' : 'fd.noFileOptional') }),
      ),
    )
  }
  const crsSel = h('select', { testid: 'fd-crs', onchange: (e: Event) => {
    s.crs = (e.target as HTMLSelectElement).value as Crs
    void (async () => { for (const l of DATA_LAYERS) if (s.files[l]) await a.read(l, undefined) })()
  } })
  const detected = s.previews.communities?.crs
  for (const c of ['auto', 'wgs84', 'gcj02', 'bd09'] as const)
    crsSel.append(h('option', { value: c, selected: s.crs === c, text: c === 'auto' ? (detected ? t('fd.crsDetected', { crs: detected.applied.toUpperCase(), how: t(`fd.conf.${detected.confidence}`) }) : t('fd.crsAuto')) : t(`io.crs.${c}`) }))

  dialog.append(
    h('h2', { text: t('fd.title') }),
    h('p', { class: 'hint', text: t('fd.intro') }),
    section(1, 'fd.stepFiles', files, h('label', {}, `${t('fd.crs')} `, crsSel), detected?.confidence === 'unsure' ? h('p', { class: 'warn', text: t('fd.crsUnsure') }) : null),
    section(2, 'fd.stepMapping', ...DATA_LAYERS.filter((l) => s.previews[l]).map((l) => mappingTable(s.previews[l]!, s.mappings[l]!, () => void a.replan()))),
    section(3, 'fd.stepPlan', planView(s, a)),
    h('label', {}, `${t('proj.name')} `, h('input', { value: s.name, testid: 'fd-name', oninput: (e: Event) => (s.name = (e.target as HTMLInputElement).value) })),
    h('p', { class: 'fd-status', testid: 'fd-status', text: s.busy || s.error }),
    h('div', { class: 'buttons' },
      h('button', { text: t('io.cancel'), testid: 'fd-cancel', onclick: () => dialog.close() }),
      h('button', { text: t('fd.create'), testid: 'fd-create', disabled: !!s.busy || !s.summary || (!!s.summary.estimate && !s.accepted), onclick: () => void a.create() }),
    ),
  )
}

function mappingTable(p: LayerPreview, m: LayerMapping, changed: () => void): HTMLElement {
  const table = columnTable({
    columns: p.columns, rows: p.rows, fields: DATA_FIELDS[p.layer], mapping: m, label: (f) => tAny(`fd.f.${f}`),
    keepLabel: t('fd.keep'), ignoreLabel: t('fd.ignore'), head: [t('fd.column'), t('fd.field'), t('fd.preview')],
    testid: `fd-map-${p.layer}`, colTestid: (col) => `fd-col-${p.layer}-${col}`,
  }, changed)
  return h('div', {}, h('h4', { text: `${t(`layer.${p.layer}`)} · ${p.file}` }), table)
}

function planView(s: State, a: Actions): HTMLElement {
  const box = h('div', { testid: 'fd-plan' })
  const sum = s.summary
  if (!sum) {
    box.append(h('p', { class: 'hint', text: t('fd.needCommunities') }))
    return box
  }
  const list = h('ul', {})
  for (const layer of ['communities', 'streets', 'buildings', 'grids', 'compounds', 'services'] as const) {
    const l = sum.layers[layer]
    if (!l) continue
    const count = l.count ? ` (${fmtInt(l.count)})` : ''
    const label = layer === 'services' ? t('fd.services') : t(`layer.${layer}`)
    list.append(h('li', { testid: `fd-plan-${layer}`, text: t('fd.item', { layer: label, origin: `${t(`fd.origin.${l.origin}`)}${count}` }) }))
  }
  const hh = sum.households
  box.append(list, h('p', { testid: 'fd-households', text: t('fd.households', { file: hh.file, residents: hh.residents, buildings: hh.buildings, estimate: hh.estimate }) }))
  for (const n of sum.noteMsgs ?? []) box.append(h('p', { class: 'warn', text: n.id === 'householdsDiffer' ? t('fd.note.householdsDiffer', { ...n.params, buildings: fmtInt(n.params.buildings), households: fmtInt(n.params.households) }) : t('fd.note.buildingsOutside', { n: fmtInt(n.params.n) }) }))
  const e = sum.estimate
  if (e) {
    box.append(
      h('div', { class: 'fd-estimate', testid: 'fd-estimate' },
        h('p', { text: t('fd.estimate', { n: e.communities.length, total: fmtInt(e.total), form: t(`fd.form.${e.form}`) }) }),
        h('label', {}, `${t('fd.hhPerHa')} `, h('input', { type: 'number', min: 1, max: 1000, step: 1, value: s.hhPerHa ?? e.hhPerHa, testid: 'fd-hh-per-ha', onchange: (ev: Event) => {
          const v = Number((ev.target as HTMLInputElement).value)
          s.hhPerHa = Number.isFinite(v) && v > 0 && v <= 1000 ? v : e.hhPerHa
          void a.replan()
        } })),
        h('label', {}, h('input', { type: 'checkbox', checked: s.accepted, testid: 'fd-accept', onchange: (ev: Event) => {
          s.accepted = (ev.target as HTMLInputElement).checked
          a.render()
        } }), ` ${t('fd.accept')}`),
      ),
    )
  }
  return box
}
