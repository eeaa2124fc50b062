// The playback controls: play, pause, step to the next event, speed, the timeline scrubber drawn over the daily
// backlog, the clock; and the live counters and three rates of each map.
import { clockText, COUNTER, type Replay } from '../../sim/api.ts'
import { fmtInt, t, type Key } from '../i18n/i18n.ts'
import { h } from '../panels/dom.ts'
import { SPEEDS, type Player } from './player.ts'

const SPEED_KEYS: Record<number, Key> = { 1: 'tr.speed.1', 10: 'tr.speed.10', 60: 'tr.speed.60', 360: 'tr.speed.360', 1440: 'tr.speed.1440', 10080: 'tr.speed.10080' }

export interface Controls {
  el: HTMLElement
  update(): void
}

/** `next`: the first event time after t over every map */
export function renderControls(p: Player, backlogs: Float64Array[], next: (t: number) => number | null): Controls {
  const play = h('button', { testid: 'play', text: t('tr.play'), onclick: () => p.play() })
  const pause = h('button', { testid: 'pause', text: t('tr.pause'), onclick: () => p.pause() })
  const step = h('button', {
    testid: 'step',
    text: t('tr.step'),
    onclick: () => {
      p.pause()
      const n = next(p.t)
      if (n !== null) p.seek(n)
    },
  })
  const speed = h('select', { testid: 'speed', title: t('tr.speed'), onchange: (e: Event) => (p.speed = Number((e.target as HTMLSelectElement).value)) }, ...SPEEDS.map((s) => h('option', { value: String(s), text: t(SPEED_KEYS[s]), selected: s === p.speed })))
  const canvas = h('canvas', { class: 'tr-backlog', width: 800, height: 48 })
  const scrub = h('input', { type: 'range', min: 0, max: p.end, step: 1, value: 0, testid: 'scrubber', title: t('tr.scrubber'), oninput: (e: Event) => p.seek(Number((e.target as HTMLInputElement).value)) })
  const clock = h('div', { class: 'tr-clock', testid: 'clock' })
  const el = h('div', { class: 'tr-controls', testid: 'controls' }, play, pause, step, speed, h('div', { class: 'tr-scrub' }, canvas, scrub), clock)
  drawBacklog(canvas, backlogs)
  return {
    el,
    // called every frame while playing: touch only what changed (each DOM write costs a style pass)
    update() {
      if (play.disabled !== p.playing) play.disabled = p.playing
      if (pause.disabled === p.playing) pause.disabled = !p.playing
      const v = String(Math.round(p.t))
      if (scrub.value !== v) scrub.value = v
      const c = clockText(p.t)
      if (clock.textContent !== c) clock.textContent = c
    },
  }
}

const LINE = ['#7a6a50', '#c0392b']

/** the backlog (known, not closed) per hour, one line per map, scaled to the larger */
function drawBacklog(c: HTMLCanvasElement, series: Float64Array[]): void {
  const g = c.getContext('2d')
  if (!g) return
  const max = Math.max(1, ...series.map((s) => Math.max(...s)))
  g.clearRect(0, 0, c.width, c.height)
  series.forEach((s, k) => {
    g.beginPath()
    for (let i = 0; i < s.length; i++) {
      const x = (i / Math.max(1, s.length - 1)) * c.width
      const y = c.height - 2 - (s[i] / max) * (c.height - 6)
      if (i) g.lineTo(x, y)
      else g.moveTo(x, y)
    }
    if (k === 0) {
      g.lineTo(c.width, c.height)
      g.lineTo(0, c.height)
      g.fillStyle = 'rgba(122,106,80,0.18)'
      g.fill()
    }
    g.strokeStyle = LINE[k % LINE.length]
    g.lineWidth = 1.5
    g.stroke()
  })
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—')

export interface Counters {
  update(r: Replay, active: number): void
}

const COUNTER_ROWS: [Key, string][] = [
  ['tr.count.arisen', 'arisen'],
  ['tr.count.known', 'known'],
  ['tr.count.active', 'active'],
  ['tr.count.closed', 'closed'],
  ['tr.count.whistles', 'whistles'],
  ['tr.rate.response', 'response'],
  ['tr.rate.resolution', 'resolution'],
  ['tr.rate.satisfaction', 'satisfaction'],
]

/** the live counters and three rates of one map: the rows are built once and each frame only sets the text of the
 *  values that changed (a frame at a week a second must not rebuild the DOM) */
export function renderCounters(el: HTMLElement): Counters {
  const values = COUNTER_ROWS.map(([k, id]) => {
    const b = h('b')
    el.append(h('div', { class: 'tr-count', 'data-k': id }, h('span', { text: t(k) }), b))
    return b
  })
  return {
    update(r, active) {
      const c = r.counters
      const rates = r.rates()
      const text = [fmtInt(c[COUNTER.ARISEN]), fmtInt(c[COUNTER.KNOWN]), fmtInt(active), fmtInt(c[COUNTER.CLOSED]), fmtInt(c[COUNTER.WHISTLES]), pct(rates.response), pct(rates.resolution), pct(rates.satisfaction)]
      text.forEach((v, k) => {
        if (values[k].textContent !== v) values[k].textContent = v
      })
    },
  }
}
