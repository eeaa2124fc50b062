// Live findings: one line per finding, translated from its code, naming grids and communities by their names;
// a click zooms to it and marks it on the map, and the mark goes when the finding is fixed.
import { DEFAULT_BAND, FINDING, type Finding, type FindingCode } from '../../sim/api.ts'
import { fmtInt, isKey, t } from '../i18n/i18n.ts'
import { clear, h } from './dom.ts'

const MAX = 300

/** the codes a summary line can stand for: every one has findkind.* words (the type checks it) */
type Kind = Exclude<FindingCode, typeof FINDING.NOT_LISTED | typeof FINDING.OVERLAPS_NOT_EXAMINED>
const isKind = (c: FindingCode): c is Kind => c !== FINDING.NOT_LISTED && c !== FINDING.OVERLAPS_NOT_EXAMINED

/** display names; an unknown id is shown as itself */
export interface FindingNames {
  community(id: string): string
  grid(id: string): string
}

export function findingText(f: Finding, communityName: (id: string) => string, gridName: (id: string) => string = (id) => id): string {
  const c = f.features.find((r) => r.layer === 'communities')?.id ?? ''
  // buildings have no names: within their community, its code prefix says nothing the line does not already
  const building = (id: string) => (c && id.startsWith(`${c}-`) ? id.slice(c.length + 1) : id)
  const ids = f.features
    .filter((r) => r.layer !== 'communities')
    .map((r) => (r.layer === 'grids' ? gridName(r.id) || r.id : building(r.id)))
    .join(t('list.sep'))
  const area = f.areaM2 !== undefined ? `${fmtInt(f.areaM2)} m²` : ''
  const key = `find.${f.code}`
  const of = f.of ? (isKind(f.of) ? t(`findkind.${f.of}`) : f.of) : ''
  // a code this version has no words for (a newer core) keeps the core's own message
  return isKey(key) ? t(key, { ids, c: communityName(c) || c, area, value: f.value !== undefined ? fmtInt(f.value) : '', of, ...DEFAULT_BAND }) : f.message
}

/** the finding marked on the map (its identity: code, features, place) */
let marked: string | null = null
const identity = (f: Finding) => `${f.code}|${f.features.map((r) => `${r.layer}:${r.id}`).join(',')}|${f.location.map((x) => x.toFixed(6)).join(',')}`

export function renderFindings(el: HTMLElement, findings: Finding[], names: FindingNames, onPick: (f: Finding) => void, onMarkGone: () => void = () => {}): void {
  clear(el)
  if (marked && !findings.some((f) => identity(f) === marked)) {
    marked = null
    onMarkGone()
  }
  const c = { error: 0, warning: 0, info: 0 }
  for (const f of findings) c[f.severity]++
  el.append(h('h2', { text: `${t('panel.findings')} (${findings.length})` }))
  el.dataset.count = String(findings.length)
  el.dataset.codes = [...new Set(findings.map((f) => f.code))].join(' ')
  if (!findings.length) {
    el.append(h('div', { text: t('find.none'), testid: 'findings-none' }))
    return
  }
  el.append(h('div', { text: t('find.summary', c) }))
  const ul = h('ul', { class: 'findings' })
  for (const f of findings.slice(0, MAX)) {
    const pick = () => {
      marked = identity(f)
      onPick(f)
    }
    ul.append(h('li', { class: `${f.severity}${identity(f) === marked ? ' marked' : ''}`, 'data-code': f.code, text: findingText(f, names.community, names.grid), onclick: pick }))
  }
  el.append(ul)
  if (findings.length > MAX) el.append(h('div', { text: t('find.more', { n: findings.length - MAX }) }))
}
