// Trainer mode (?mode=trainer): records the scenarios of a lesson (or one scenario) for playback and plays them on
// one map or on two synchronised maps, with one clock and one set of controls; follows one issue; presents and
// shares. The page reaches the simulation only through sim/api.ts (the worker's `record`).
import * as Comlink from 'comlink'
import { backlog, SCENARIO_PRESETS, type Preset, type World } from '../../sim/api.ts'
import { getLang, t, type Key } from '../i18n/i18n.ts'
import { download, downloadBlob, h } from '../panels/dom.ts'
import { presetLabel, PAGE_PRESETS } from '../panels/world-picker.ts'
import type { WorldWorker } from '../world.worker.ts'
import { clockText, eventLogCsv } from '../../sim/api.ts'
import { renderControls, renderCounters } from './controls.ts'
import { LESSONS, lessonById, pausesOf } from './lessons.ts'
import { renderLesson, renderLegend } from './lesson-panel.ts'
import { Pane } from './pane.ts'
import { Player } from './player.ts'
import { recordCanvas, shareUrl, togglePresenting, type ShareState } from './present.ts'
import { recordRuns } from './session.ts'
import { renderStoryPanel } from './story-panel.ts'
import './trainer.css'

const MAX_DAYS = 60

export interface TrainerHook {
  player: Player
  panes: Pane[]
  split: boolean
  lastVideo?: Blob
  recordMs: number[]
}

async function buildWorld(preset: Preset, seed: number): Promise<World> {
  const worker = new Worker(new URL('../world.worker.ts', import.meta.url), { type: 'module' })
  try {
    return await Comlink.wrap<WorldWorker>(worker).build(preset, seed, Comlink.proxy(() => undefined))
  } finally {
    worker.terminate()
  }
}

export async function bootTrainer(q: URLSearchParams, hook: GongzhiHook & { trainer?: TrainerHook }): Promise<void> {
  const preset = (PAGE_PRESETS.includes(q.get('preset') ?? '') ? q.get('preset') : 'street') as Preset
  const seed = Number(q.get('seed') ?? 1) || 1
  const days = Math.max(1, Math.min(MAX_DAYS, Math.round(Number(q.get('days') ?? 3) || 3)))
  const lesson = lessonById(q.get('lesson'))
  const scenario = SCENARIO_PRESETS.includes(q.get('scenario') ?? '') ? q.get('scenario')! : 'hotline-reform'
  const state: ShareState = { preset, seed, days, lesson: lesson?.id ?? null, scenario, split: !!lesson && q.get('split') === '1', t: Number(q.get('t') ?? 0) || 0, issue: q.get('issue') ? Number(q.get('issue')) : null, lang: getLang() }
  document.body.classList.add('trainer')
  const status = h('div', { class: 'tr-status', testid: 'trainer-status', text: t('tr.recording', { done: 0, total: days }) })
  const root = h('div', { id: 'trainer', class: 'tr-root', testid: 'trainer-root' }, status)
  document.body.append(root)
  const scenarios = lesson ? [lesson.before, lesson.after] : [scenario]
  const [world, session] = await Promise.all([
    buildWorld(preset, seed),
    recordRuns(preset, seed, scenarios, days, (d, n) => (status.textContent = t('tr.recording', { done: d, total: n }))),
  ])
  status.remove()
  const runs = session.runs
  const main = runs[runs.length - 1]

  // ---- layout
  const relink = (patch: Partial<ShareState>) => location.assign(shareUrl({ ...state, ...patch, t: 0, issue: null, lang: getLang() }))
  const picker = h('select', { testid: 'lesson-picker', title: t('tr.lesson.pick'), onchange: (e: Event) => relink({ lesson: (e.target as HTMLSelectElement).value || null, split: false }) }, h('option', { value: '', text: t('tr.lesson.none') }), ...LESSONS.map((l) => h('option', { value: l.id, text: t(`tr.lesson.${l.id}.title` as Key), selected: l.id === lesson?.id })))
  const scenarioPick = h('select', { testid: 'scenario-picker', hidden: !!lesson, onchange: (e: Event) => relink({ scenario: (e.target as HTMLSelectElement).value }) }, ...SCENARIO_PRESETS.map((s) => h('option', { value: s, text: s, selected: s === scenario })))
  const splitBtn = h('button', { testid: 'split-toggle', text: t('tr.split'), disabled: !lesson, onclick: () => setSplit(!state.split) })
  const presentBtn = h('button', { testid: 'present', text: t('tr.present'), onclick: () => togglePresenting(!document.body.classList.contains('presenting')) })
  const shareOut = h('input', { testid: 'share-url', readonly: true, class: 'tr-share', hidden: true })
  const shareBtn = h('button', {
    testid: 'share-link',
    text: t('tr.share'),
    onclick: () => {
      shareOut.value = shareUrl({ ...state, t: player.t, lang: getLang() })
      shareOut.hidden = false
      shareOut.select()
      void navigator.clipboard?.writeText(shareOut.value).catch(() => undefined)
    },
  })
  const videoBtn = h('button', { testid: 'export-video', text: t('tr.exportVideo'), onclick: () => void exportVideo() })
  const langBtn = h('button', { testid: 'lang', text: t('lang.switch'), onclick: () => location.assign(shareUrl({ ...state, t: player.t, lang: getLang() === 'en' ? 'zh-CN' : 'en' })) })
  const planner = h('a', { href: `?preset=${preset}`, class: 'tr-back', text: t('tr.back') })
  const header = h('header', { class: 'tr-top' }, h('h1', { text: t('tr.title') }), h('span', { class: 'tr-world', text: presetLabel(preset) }), picker, scenarioPick, splitBtn, presentBtn, shareBtn, shareOut, videoBtn, langBtn, planner)
  const maps = h('div', { class: 'tr-maps', testid: 'split-view' })
  const side = h('aside', { class: 'tr-side', testid: 'trainer-side' })
  root.append(header, h('div', { class: 'tr-body' }, side, maps))

  // ---- maps: one per run; without split only the last (the reform) shows
  let followed: number | null = state.issue
  const paneEls: HTMLElement[] = []
  const counters: HTMLElement[] = []
  const clocks: HTMLElement[] = []
  const panes = runs.map((run, k) => {
    const mapEl = h('div', { class: 'tr-map' })
    const clock = h('div', { class: 'tr-corner-clock', testid: 'pane-clock' })
    const label = h('div', { class: 'tr-label', text: lesson ? `${t(k === 0 ? 'tr.before' : 'tr.after')} · ${run.scenario}` : run.scenario })
    const cnt = h('div', { class: 'tr-counters', testid: 'counters' })
    const el = h('div', { class: 'tr-pane', testid: `pane-${k}` }, mapEl, label, clock, cnt)
    maps.append(el)
    paneEls.push(el)
    counters.push(cnt)
    clocks.push(clock)
    return new Pane(mapEl, world, run.rec, session.places, (i) => follow(i))
  })
  syncMaps(panes)
  const visible = () => panes.filter((_, k) => state.split || k === panes.length - 1)

  const fadeMin = () => Math.max(180, player.speed * 3)
  const draw = (tm: number) => {
    for (const [k, p] of panes.entries()) {
      if (!state.split && k !== panes.length - 1) continue
      p.draw({ t: tm, fadeMin: fadeMin(), followed })
      renderCounters(counters[k], p.replay, p.active)
    }
  }
  const moment = h('div', { class: 'tr-moment', testid: 'lesson-moment', hidden: true })
  const player: Player = new Player(days * 1440, draw, () => {
    controls.update()
    for (const c of clocks) c.textContent = clockText(player.t)
  }, (k) => {
    moment.hidden = false
    moment.textContent = t(`tr.lesson.${lesson!.id}.moment` as Key, { n: k + 1 })
  })
  if (lesson) player.pauses = pausesOf(lesson, main.rec)
  const nextEvent = (tm: number): number | null => {
    let best = Infinity
    for (const p of visible()) {
      const r = p.replay.rec
      p.replay.seekTime(tm)
      if (p.replay.cursor < r.n) best = Math.min(best, r.t[p.replay.cursor])
    }
    return Number.isFinite(best) ? best : null
  }
  const controls = renderControls(player, panes.map((p) => backlog(p.replay.rec, 60)), nextEvent)
  root.append(controls.el)

  const story = renderStoryPanel(main.rec, (i) => follow(i), (i) => download(`issue-${i}-events.csv`, eventLogCsv(main.rec, i), 'text/csv'))
  side.append(...(lesson ? [renderLesson(lesson, runs.map((r) => r.result)), moment] : []), story.el, renderLegend())

  function follow(i: number): void {
    if (!(i >= 0 && i < main.rec.issues)) return
    followed = i
    state.issue = i
    story.show(i)
    const at = panes[panes.length - 1].where(i)
    if (at) for (const p of panes) p.view.map.jumpTo({ center: at, zoom: Math.max(p.view.map.getZoom(), 16) })
    if (player.t < main.rec.tArise[i]) player.seek(main.rec.tArise[i])
    else draw(player.t)
  }

  function setSplit(on: boolean): void {
    state.split = on
    maps.classList.toggle('split', on)
    paneEls.forEach((el, k) => (el.hidden = !(on || k === panes.length - 1)))
    for (const p of panes) p.view.map.resize()
    draw(player.t)
  }

  async function exportVideo(): Promise<void> {
    videoBtn.disabled = true
    videoBtn.textContent = t('tr.exporting')
    const seconds = Number(q.get('videoSeconds') ?? 4) || 4
    try {
      const blob = await recordCanvas(panes[panes.length - 1].canvas, async () => {
        player.play()
        await new Promise((r) => setTimeout(r, seconds * 1000))
        player.pause()
      })
      hook.trainer!.lastVideo = blob
      downloadBlob(`gongzhi-replay-${lesson?.id ?? scenario}.webm`, blob)
    } finally {
      videoBtn.disabled = false
      videoBtn.textContent = t('tr.exportVideo')
    }
  }

  document.addEventListener('keydown', (e) => {
    if ((e.target as HTMLElement).tagName === 'INPUT' || (e.target as HTMLElement).tagName === 'SELECT') return
    if (e.key === ' ') {
      e.preventDefault()
      if (player.playing) player.pause()
      else player.play()
    } else if (e.key === 'Escape') togglePresenting(false)
  })

  hook.trainer = { player, panes, get split() { return state.split }, recordMs: runs.map((r) => r.ms) }
  setSplit(state.split)
  await Promise.all(panes.map((p) => p.view.loaded))
  player.seek(state.t)
  if (state.issue !== null) follow(state.issue)
  await Promise.all(visible().map((p) => new Promise<void>((r) => p.view.map.once('idle', () => r()))))
  hook.ready = true
  document.body.dataset.ready = '1'
}

/** moving one map moves the others to the same view */
function syncMaps(panes: Pane[]): void {
  let syncing = false
  for (const p of panes)
    p.view.map.on('move', () => {
      if (syncing) return
      syncing = true
      const m = p.view.map
      for (const o of panes) if (o !== p) o.view.map.jumpTo({ center: m.getCenter(), zoom: m.getZoom() })
      syncing = false
    })
}
