// Live findings: one line per finding, translated from its code; a click zooms to it.
import type { Finding } from '../../sim/api.ts'
import { fmtInt, t, type Key } from '../i18n/i18n.ts'
import { clear, h } from './dom.ts'

const MAX = 300

export function findingText(f: Finding, communityName: (id: string) => string): string {
  const ids = f.features.filter((r) => r.layer !== 'communities').map((r) => r.id).join(', ')
  const c = f.features.find((r) => r.layer === 'communities')?.id ?? ''
  const area = f.areaM2 !== undefined ? `${fmtInt(f.areaM2)} m²` : ''
  const key = `find.${f.code}` as Key
  const of = f.of ? t(`findkind.${f.of}` as Key) : ''
  const s = t(key, { ids, c: communityName(c) || c, area, value: f.value !== undefined ? fmtInt(f.value) : '', of })
  return s === key ? f.message : s
}

export function renderFindings(el: HTMLElement, findings: Finding[], communityName: (id: string) => string, onPick: (f: Finding) => void): void {
  clear(el)
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
  for (const f of findings.slice(0, MAX)) ul.append(h('li', { class: f.severity, 'data-code': f.code, text: findingText(f, communityName), onclick: () => onPick(f) }))
  el.append(ul)
  if (findings.length > MAX) el.append(h('div', { text: t('find.more', { n: findings.length - MAX }) }))
}
