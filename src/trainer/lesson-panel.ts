// The lesson's panel: title, the book chapter, narration, what to watch for, and the key numbers of the two runs
// side by side; and the legend of the playback map.
import type { SimResult } from '../../sim/api.ts'
import { t, type Key } from '../i18n/i18n.ts'
import { h } from '../panels/dom.ts'
import { figureParams, type Lesson } from './lessons.ts'
import { STATE_COLORS } from './pane.ts'

const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(1)}%`)
const hrs = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : t('tr.hours', { n: x.toFixed(1) }))

/** the narration's sentence with this run's own figures (before, after) */
export const lessonNumbers = (l: Lesson, results: SimResult[]): string => t(`tr.lesson.${l.id}.numbers`, figureParams(l, results[0], results[results.length - 1]))

export function renderLesson(l: Lesson, results: SimResult[]): HTMLElement {
  const k = (s: 'title' | 'story' | 'watch') => `tr.lesson.${l.id}.${s}` as const
  const rows: [Key, (r: SimResult) => string][] = [
    ['tr.rate.response', (r) => pct(r.rates.response)],
    ['tr.rate.resolution', (r) => pct(r.rates.resolution)],
    ['tr.rate.satisfaction', (r) => pct(r.rates.satisfaction)],
    ['tr.rate.discovery', (r) => pct(r.rates.discovery)],
    ['tr.p90close', (r) => hrs(r.hoursToClose.p90)],
    ['tr.count.whistles', (r) => String(r.whistles.count)],
  ]
  return h(
    'section',
    { class: 'tr-lesson', testid: 'lesson-panel' },
    h('h2', { text: t(k('title')) }),
    h('p', { class: 'tr-chapter', text: l.chapter }),
    h('p', { text: t(k('story')) }),
    h('p', { class: 'tr-watch' }, h('b', { text: `${t('tr.watch')} ` }), t(k('watch'))),
    h('p', { class: 'tr-run-numbers', testid: 'lesson-result', text: lessonNumbers(l, results) }),
    h(
      'table',
      { class: 'tr-keys', testid: 'lesson-numbers' },
      h('thead', {}, h('tr', {}, h('th', {}), h('th', { text: `${t('tr.before')} (${l.before})` }), h('th', { text: `${t('tr.after')} (${l.after})` }))),
      h('tbody', {}, ...rows.map(([key, f]) => h('tr', {}, h('th', { text: t(key) }), ...results.map((r) => h('td', { text: f(r) }))))),
    ),
    h('p', { class: 'hint', text: t('tr.keysNote') }),
  )
}

const STATES = ['latent', 'reported', 'dispatched', 'inHand', 'escalated', 'closed', 'rated'] as const

export function renderLegend(): HTMLElement {
  const sw = (rgb: number[]) => h('span', { class: 'tr-swatch', style: `background: rgb(${rgb.join(',')})` })
  return h(
    'section',
    { class: 'tr-legend', testid: 'trainer-legend' },
    h('h3', { text: t('tr.legend') }),
    ...STATES.map((s, k) => h('div', {}, sw(STATE_COLORS[k + 1]), t(`tr.state.${s}`))),
    h('div', {}, h('span', { class: 'tr-swatch worker' }), t('tr.legend.worker')),
    h('div', {}, h('span', { class: 'tr-swatch arc' }), t('tr.legend.arc')),
  )
}
