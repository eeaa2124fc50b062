// Two notices outside the store's message line: the error toast (a failure the page survived — shown without
// going through the store, so a failing view cannot hide it) and the banner of a read-only tab.
import { t } from '../i18n/i18n.ts'
import { clear, h, $ } from './dom.ts'

/** Show an error until closed; the same text again only counts up. */
export function showError(text: string): void {
  const el = $('#error-toast')
  const same = el.dataset.text === text
  const n = same ? Number(el.dataset.n ?? 1) + 1 : 1
  el.dataset.text = text
  el.dataset.n = String(n)
  clear(el)
  el.append(h('button', { text: t('io.close'), onclick: () => (el.hidden = true) }), n > 1 ? `${text} (×${n})` : text)
  el.hidden = false
}

/** The banner says one thing at a time; `kind` lets the tab lock clear its own banner without hiding another
 * (the safe start's "layers not loaded", shown when the map is up, may come before the lock is settled). */
export function showBanner(text: string | null, action?: { label: string; testid: string; run: () => void }, kind = 'tab'): void {
  const el = $('#tab-banner')
  if (!text && el.dataset.kind !== kind) return
  clear(el)
  el.hidden = !text
  el.dataset.kind = text ? kind : ''
  if (!text) return
  el.append(text)
  if (action) el.append(h('button', { text: action.label, testid: action.testid, onclick: action.run }))
}
