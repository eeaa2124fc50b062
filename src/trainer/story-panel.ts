// Follow one issue: a list of issues filtered by category, channel and outcome, and the chosen issue's story in
// plain words, step by step with times (sim/playback/story.ts builds it; this file only words it). Every value
// from the run is set as text (textContent).
import { CATEGORIES, CHANNELS, clockText, issueFacts, OUTCOMES, ROLES, storyOf, type Recording, type Step } from '../../sim/api.ts'
import { fmtNum, t } from '../i18n/i18n.ts'
import { h } from '../panels/dom.ts'

const LIST_MAX = 200
const PROACTIVE = CHANNELS.indexOf('patrol')

const cat = (c: number) => t(`tr.cat.${CATEGORIES[c]}`)
const channel = (c: number) => t(`chart.channel.${CHANNELS[c]}`)
const role = (r: number) => t(`chart.role.${ROLES[r]}`)
const dur = (min: number) => (min < 60 ? t('tr.min', { n: Math.round(min) }) : min < 2880 ? t('tr.hours', { n: fmtNum(min / 60) }) : t('tr.days', { n: fmtNum(min / 1440) }))

/** one step in words */
export function stepText(s: Step): string {
  switch (s.kind) {
    case 'arise':
      return t('tr.s.arise', { category: cat(s.category!), building: s.building!, household: s.household! })
    case 'known':
      return s.channel! >= PROACTIVE ? t('tr.s.found', { channel: channel(s.channel!) }) : t('tr.s.reported', { channel: channel(s.channel!) })
    case 'enter':
      return t('tr.s.enter', { role: role(s.role!) })
    case 'start':
      return t('tr.s.start', { role: role(s.role!), wait: dur(s.minutes ?? 0) })
    case 'done':
      return t('tr.s.done', { role: role(s.role!) })
    case 'whistle':
      return t('tr.s.whistle')
    case 'report':
      return t(s.inLimit ? 'tr.s.reportIn' : 'tr.s.reportLate', { role: role(s.role!), wait: dur(s.minutes ?? 0) })
    case 'verify':
      return t('tr.s.verify')
    case 'verified':
      return t('tr.s.verified')
    case 'close':
      return t(s.inLimit ? 'tr.s.closeIn' : 'tr.s.closeLate')
    case 'deadline':
      return t('tr.s.deadline')
    case 'callback':
      return t('tr.s.callback', { solved: t(s.solved ? 'tr.solved' : 'tr.unsolved'), satisfied: t(s.satisfied ? 'tr.satisfied' : 'tr.unsatisfied') })
    case 'trust':
      return t('tr.s.trust', { before: fmtNum(s.trustBefore ?? 1, 2), after: fmtNum(s.trust ?? 1, 2) })
  }
}

export interface StoryPanel {
  el: HTMLElement
  show(issue: number | null): void
}

/** `onPick`: an issue chosen from the list */
export function renderStoryPanel(rec: Recording, onPick: (issue: number) => void, onExport: (issue: number) => void): StoryPanel {
  const facts = issueFacts(rec)
  const opt = (v: string, text: string) => h('option', { value: v, text })
  const fCat = h('select', { testid: 'filter-category', onchange: () => fill() }, opt('', t('tr.all')), ...CATEGORIES.map((_, k) => opt(String(k), cat(k))))
  const fCh = h('select', { testid: 'filter-channel', onchange: () => fill() }, opt('', t('tr.all')), ...CHANNELS.map((_, k) => opt(String(k), channel(k))))
  const fOut = h('select', { testid: 'filter-outcome', onchange: () => fill() }, opt('', t('tr.all')), ...OUTCOMES.map((o, k) => opt(String(k), t(`tr.outcome.${o}`))))
  const list = h('select', { testid: 'issue-list', size: 6, onchange: () => list.value && onPick(Number(list.value)) })
  const story = h('div', { class: 'tr-story', testid: 'issue-story' })
  let current: number | null = null
  const exportBtn = h('button', { testid: 'export-log', text: t('tr.exportLog'), disabled: true, onclick: () => current !== null && onExport(current) })
  const fill = () => {
    const c = fCat.value === '' ? -1 : Number(fCat.value)
    const ch = fCh.value === '' ? -2 : Number(fCh.value)
    const o = fOut.value === '' ? -1 : Number(fOut.value)
    const items: HTMLOptionElement[] = []
    for (let i = 0; i < rec.issues && items.length < LIST_MAX; i++) {
      if ((c >= 0 && rec.category[i] !== c) || (ch > -2 && facts.channel[i] !== ch) || (o >= 0 && facts.outcome[i] !== o)) continue
      const how = facts.channel[i] >= 0 ? channel(facts.channel[i]) : t('tr.outcome.unfound')
      items.push(opt(String(i), `#${i} ${clockText(rec.tArise[i])} · ${cat(rec.category[i])} · ${how} · ${t(`tr.outcome.${OUTCOMES[facts.outcome[i]]}`)}`))
    }
    list.replaceChildren(...items)
  }
  fill()
  const el = h('section', { class: 'tr-follow' }, h('h3', { text: t('tr.follow') }), h('div', { class: 'tr-filters' }, fCat, fCh, fOut), list, h('p', { class: 'hint', text: t('tr.followHint') }), story, exportBtn)
  return {
    el,
    show(issue) {
      current = issue
      exportBtn.disabled = issue === null
      if (issue === null) return story.replaceChildren()
      const steps = storyOf(rec, issue)
      story.dataset.issue = String(issue)
      story.replaceChildren(
        h('h4', { text: t('tr.storyOf', { id: issue, category: cat(rec.category[issue]) }) }),
        h('ol', {}, ...steps.map((s) => h('li', { 'data-kind': s.kind }, h('time', { 'data-t': String(s.t), text: clockText(s.t) }), ' ', stepText(s)))),
      )
    },
  }
}
