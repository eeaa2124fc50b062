// Trainer mode (?mode=trainer): the simulation worker builds the world once and records the scenarios of a lesson
// (or one scenario) for playback; a TrainerView plays them. Choosing another lesson records it in the same worker
// and replaces the view, without reloading the page. The page reaches the simulation only through sim/api.ts.
import { SCENARIO_PRESETS, type Preset } from '../../sim/api.ts'
import { getLang, t } from '../i18n/i18n.ts'
import { downloadBlob, h } from '../panels/dom.ts'
import { presetLabel, PAGE_PRESETS } from '../panels/world-picker.ts'
import { LESSONS, lessonById } from './lessons.ts'
import type { Pane } from './pane.ts'
import type { Player } from './player.ts'
import { recordMap, shareUrl, togglePresenting, type ShareState } from './present.ts'
import { openSession } from './session.ts'
import { TrainerView } from './view.ts'
import './trainer.css'

const MAX_DAYS = 60

export interface TrainerHook {
  player: Player
  panes: Pane[]
  split: boolean
  lastVideo?: Blob
  recordMs: number[]
}

type Hook = GongzhiHook & { trainer?: TrainerHook }

export async function bootTrainer(q: URLSearchParams, hook: Hook): Promise<void> {
  const preset = (PAGE_PRESETS.includes(q.get('preset') ?? '') ? q.get('preset') : 'street') as Preset
  const seed = Number(q.get('seed') ?? 1) || 1
  const days = Math.max(1, Math.min(MAX_DAYS, Math.round(Number(q.get('days') ?? 3) || 3)))
  const scenario = SCENARIO_PRESETS.includes(q.get('scenario') ?? '') ? q.get('scenario')! : 'hotline-reform'
  const lesson0 = lessonById(q.get('lesson'))
  const state: ShareState = { preset, seed, days, lesson: lesson0?.id ?? null, scenario, split: !!lesson0 && q.get('split') === '1', t: Number(q.get('t') ?? 0) || 0, issue: q.get('issue') ? Number(q.get('issue')) : null, side: q.get('side') === '0' ? 0 : undefined, lang: getLang() }
  document.body.classList.add('trainer')
  const status = h('div', { class: 'tr-status', testid: 'trainer-status', text: t('tr.building') })
  const maps = h('div', { class: 'tr-maps', testid: 'split-view' })
  const side = h('aside', { class: 'tr-side', testid: 'trainer-side' })
  const bottom = h('div', { class: 'tr-bottom' })
  const root = h('div', { id: 'trainer', class: 'tr-root', testid: 'trainer-root' })
  document.body.append(root)

  // ---- header: built once; lessons and scenarios switch the view in place
  const picker = h('select', { testid: 'lesson-picker', title: t('tr.lesson.pick'), onchange: () => void open({ lesson: picker.value || null, split: false }) }, h('option', { value: '', text: t('tr.lesson.none') }), ...LESSONS.map((l) => h('option', { value: l.id, text: t(`tr.lesson.${l.id}.title`), selected: l.id === state.lesson })))
  const scenarioPick = h('select', { testid: 'scenario-picker', onchange: () => void open({ scenario: scenarioPick.value }) }, ...SCENARIO_PRESETS.map((s) => h('option', { value: s, text: s, selected: s === scenario })))
  const splitBtn = h('button', { testid: 'split-toggle', text: t('tr.split'), onclick: () => view?.setSplit(!state.split) })
  const presentBtn = h('button', { testid: 'present', text: t('tr.present'), onclick: () => togglePresenting(!document.body.classList.contains('presenting')) })
  const shareOut = h('input', { testid: 'share-url', readonly: true, class: 'tr-share', hidden: true })
  const link = () => shareUrl({ ...state, t: view?.player.t ?? state.t, lang: getLang() })
  const shareBtn = h('button', {
    testid: 'share-link',
    text: t('tr.share'),
    onclick: () => {
      shareOut.value = link()
      shareOut.hidden = false
      shareOut.select()
      void navigator.clipboard?.writeText(shareOut.value).catch(() => undefined)
    },
  })
  const videoBtn = h('button', { testid: 'export-video', text: t('tr.exportVideo'), onclick: () => void exportVideo() })
  const langBtn = h('button', { testid: 'lang', text: t('lang.switch'), onclick: () => location.assign(shareUrl({ ...state, t: view?.player.t ?? 0, lang: getLang() === 'en' ? 'zh-CN' : 'en' })) })
  const planner = h('a', { href: `?preset=${preset}`, class: 'tr-back', text: t('tr.back') })
  root.append(h('header', { class: 'tr-top' }, h('h1', { text: t('tr.title') }), h('span', { class: 'tr-world', text: presetLabel(preset) }), picker, scenarioPick, splitBtn, presentBtn, shareBtn, shareOut, videoBtn, langBtn, planner), status, h('div', { class: 'tr-body' }, side, maps), bottom)

  const session = await openSession(preset, seed)
  let view: TrainerView | null = null

  async function open(patch: Partial<ShareState>): Promise<void> {
    hook.ready = false
    Object.assign(state, patch)
    if (patch.lesson !== undefined || patch.scenario !== undefined) {
      state.t = 0
      state.issue = null
      state.side = undefined
    }
    view?.dispose()
    view = null
    const lesson = lessonById(state.lesson)
    scenarioPick.hidden = !!lesson
    splitBtn.disabled = !lesson
    status.hidden = false
    const runs = await session.record(lesson ? [lesson.before, lesson.after] : [state.scenario], days, (d, n) => (status.textContent = t('tr.recording', { done: d, total: n })))
    status.hidden = true
    view = new TrainerView(maps, side, bottom, session, runs, lesson, state)
    const v = view
    hook.trainer = { player: v.player, panes: v.panes, get split() { return state.split }, recordMs: runs.map((r) => r.ms) }
    await v.start()
    history.replaceState(null, '', link())
    hook.timings.ready = performance.now()
    hook.ready = true
    document.body.dataset.ready = '1'
  }

  async function exportVideo(): Promise<void> {
    if (!view) return
    const v = view
    videoBtn.disabled = true
    videoBtn.textContent = t('tr.exporting')
    const seconds = Number(q.get('videoSeconds') ?? 4) || 4
    try {
      const pane = v.videoPane
      pane.repaintMap = true
      const blob = await recordMap(pane.view.map, pane.overlayCanvas, async () => {
        v.player.play()
        await new Promise((r) => setTimeout(r, seconds * 1000))
        v.player.pause()
      }).finally(() => (pane.repaintMap = false))
      hook.trainer!.lastVideo = blob
      downloadBlob(`gongzhi-replay-${state.lesson ?? state.scenario}.webm`, blob)
    } finally {
      videoBtn.disabled = false
      videoBtn.textContent = t('tr.exportVideo')
    }
  }

  document.addEventListener('keydown', (e) => {
    const tag = (e.target as HTMLElement).tagName
    if (tag === 'INPUT' || tag === 'SELECT' || !view) return
    if (e.key === ' ') {
      e.preventDefault()
      if (view.player.playing) view.player.pause()
      else view.player.play()
    } else if (e.key === 'Escape') togglePresenting(false)
  })

  await open({})
}
