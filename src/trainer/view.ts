// One lesson (or one scenario) on screen: a map per recorded run — two synchronised maps in split screen, else the
// reform's alone — driven by one player, with the controls, the lesson panel, the followed issue's story and the
// legend. Built for each lesson the trainer opens; dispose() removes it all.
import { backlog, clockText, eventLogCsv } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { download, h } from '../panels/dom.ts'
import { renderControls, renderCounters, type Counters } from './controls.ts'
import { renderLegend, renderLesson } from './lesson-panel.ts'
import { pausesOf, type Lesson } from './lessons.ts'
import { Pane } from './pane.ts'
import { Player } from './player.ts'
import type { ShareState } from './present.ts'
import type { Run, Session } from './session.ts'
import { renderStoryPanel } from './story-panel.ts'

export class TrainerView {
  readonly player: Player
  readonly panes: Pane[]
  /** the followed issue and the side (pane) it was picked on */
  private followed: { issue: number; side: number } | null = null
  private paneEls: HTMLElement[] = []
  private counters: Counters[] = []
  private clocks: HTMLElement[] = []
  private story!: ReturnType<typeof renderStoryPanel>
  private storySide = -1
  private readonly storySlot = h('div', { class: 'tr-follow-slot' })
  private readonly sidePick: HTMLSelectElement
  private readonly sideLabel: HTMLElement
  private controls
  private readonly main: Run

  constructor(
    private readonly maps: HTMLElement,
    private readonly side: HTMLElement,
    private readonly bottom: HTMLElement,
    session: Session,
    runs: Run[],
    lesson: Lesson | undefined,
    private readonly state: ShareState,
  ) {
    this.main = runs[runs.length - 1]
    this.panes = runs.map((run, k) => {
      const mapEl = h('div', { class: 'tr-map' })
      const clock = h('div', { class: 'tr-corner-clock', testid: 'pane-clock' })
      const label = h('div', { class: 'tr-label', text: lesson ? `${t(k === 0 ? 'tr.before' : 'tr.after')} · ${run.scenario}` : run.scenario })
      const cnt = h('div', { class: 'tr-counters', testid: 'counters' })
      const el = h('div', { class: 'tr-pane', testid: `pane-${k}` }, mapEl, label, clock, cnt)
      maps.append(el)
      this.paneEls.push(el)
      this.counters.push(renderCounters(cnt))
      this.clocks.push(clock)
      return new Pane(mapEl, session.world, run.rec, session.places, (i) => this.follow(i, k))
    })
    syncMaps(this.panes)
    const moment = h('div', { class: 'tr-moment', testid: 'lesson-moment', hidden: true })
    this.player = new Player(
      this.main.rec.minutes,
      (tm) => this.draw(tm),
      () => {
        this.controls.update()
        const c = clockText(this.player.t)
        for (const el of this.clocks) if (el.textContent !== c) el.textContent = c
      },
      (k) => {
        moment.hidden = false
        moment.textContent = t(`tr.lesson.${lesson!.id}.moment`, { n: k + 1 })
      },
    )
    if (lesson) this.player.pauses = pausesOf(lesson, this.main.rec)
    this.controls = renderControls(this.player, this.panes.map((p) => backlog(p.replay.rec, 60)), (tm) => this.nextEvent(tm))
    bottom.replaceChildren(this.controls.el)
    // in split screen the issue list is either side's: the before run's issues are followed on the before map
    this.sidePick = h(
      'select',
      { testid: 'follow-side', title: t('tr.followSide'), onchange: () => this.showStory(Number(this.sidePick.value)) },
      ...runs.map((_, k) => h('option', { value: String(k), text: t(k === 0 ? 'tr.before' : 'tr.after'), selected: k === runs.length - 1 })),
    )
    this.sideLabel = h('label', { class: 'tr-follow-side' }, `${t('tr.followFrom')} `, this.sidePick)
    this.showStory(this.panes.length - 1)
    side.replaceChildren(...(lesson ? [renderLesson(lesson, runs.map((r) => r.result)), moment] : []), this.sideLabel, this.storySlot, renderLegend())
    this.setSplit(state.split)
  }

  /** the issue list and story of one side's run */
  private showStory(k: number): void {
    if (k === this.storySide) return
    this.storySide = k
    this.sidePick.value = String(k)
    const rec = this.panes[k].replay.rec
    this.story = renderStoryPanel(rec, (i) => this.follow(i, k), (i) => download(`issue-${i}-events.csv`, eventLogCsv(rec, i), 'text/csv'))
    this.storySlot.replaceChildren(this.story.el)
    if (this.followed?.side === k) this.story.show(this.followed.issue)
  }

  /** waits for the maps, then shows the state's moment and issue, and waits until the visible maps have drawn it */
  async start(): Promise<void> {
    await Promise.all(this.panes.map((p) => p.view.loaded))
    this.player.seek(this.state.t)
    if (this.state.issue !== null) this.follow(this.state.issue, this.state.split ? (this.state.side ?? this.panes.length - 1) : this.panes.length - 1)
    await Promise.all(this.visible().map((p) => p.settled()))
  }

  private visible(): Pane[] {
    return this.panes.filter((_, k) => this.state.split || k === this.panes.length - 1)
  }

  private draw(tm: number): void {
    const fadeMin = Math.max(180, this.player.speed * 3)
    for (const [k, p] of this.panes.entries()) {
      if (!this.state.split && k !== this.panes.length - 1) continue
      p.draw({ t: tm, fadeMin, followed: this.followedOn(k) })
      this.counters[k].update(p.replay, p.active)
    }
  }

  /** the followed issue as pane k has it: the one picked there, or the same issue on the other side (common random
   *  numbers: issue i arises at the same minute in the same building in both runs of a lesson) */
  private followedOn(k: number): number | null {
    const f = this.followed
    if (!f) return null
    if (f.side === k) return f.issue
    const a = this.panes[f.side].replay.rec
    const b = this.panes[k].replay.rec
    return f.issue < b.issues && a.tArise[f.issue] === b.tArise[f.issue] && a.building[f.issue] === b.building[f.issue] ? f.issue : null
  }

  /** the first event after minute tm on any visible map */
  private nextEvent(tm: number): number | null {
    let best = Infinity
    for (const p of this.visible()) {
      const r = p.replay
      r.seekTime(tm)
      if (r.cursor < r.rec.n) best = Math.min(best, r.rec.t[r.cursor])
    }
    return Number.isFinite(best) ? best : null
  }

  /** follow issue i of side k's run (its pane): its story, the ring on the map, the maps centred on it */
  follow(i: number, k = this.panes.length - 1): void {
    const rec = this.panes[k]?.replay.rec
    if (!rec || !(i >= 0 && i < rec.issues)) return
    this.followed = { issue: i, side: k }
    this.state.issue = i
    this.state.side = k
    this.showStory(k)
    this.story.show(i)
    const at = this.panes[k].where(i)
    if (at) for (const p of this.panes) p.view.map.jumpTo({ center: at, zoom: Math.max(p.view.map.getZoom(), 16) })
    if (this.player.t < rec.tArise[i]) this.player.seek(rec.tArise[i])
    else this.draw(this.player.t)
  }

  setSplit(on: boolean): void {
    this.state.split = on && this.panes.length > 1
    this.sideLabel.hidden = !this.state.split
    const last = this.panes.length - 1
    // back to one map: a story picked on the hidden side moves to the visible one when it is the same issue there
    if (!this.state.split && this.storySide !== last) {
      const same = this.followedOn(last)
      this.followed = null
      this.state.issue = null
      this.showStory(last)
      if (same !== null) this.follow(same, last)
      else this.story.show(null)
    }
    this.maps.classList.toggle('split', this.state.split)
    this.paneEls.forEach((el, k) => (el.hidden = !(this.state.split || k === this.panes.length - 1)))
    for (const p of this.panes) p.view.map.resize()
    this.draw(this.player.t)
  }

  /** the pane a video is made of: the reform's */
  get videoPane(): Pane {
    return this.panes[this.panes.length - 1]
  }

  dispose(): void {
    this.player.pause()
    for (const p of this.panes) p.view.map.remove()
    this.maps.replaceChildren()
    this.side.replaceChildren()
    this.bottom.replaceChildren()
  }
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
