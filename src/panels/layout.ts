// The page's frame around the map: the left panel's tabs (layers · scenario and run · sweep), the grid editor's
// panel on the right, both collapsible and remembered (localStorage), the toast that fades instead of pushing
// the map down, and the data notice folded to one line over the map.
import { t } from '../i18n/i18n.ts'
import { $, clear, h } from './dom.ts'
import { readSaved, Tabs } from './tabs.ts'

export const SIDE_KEY = 'gongzhi:side'
export const EDIT_KEY = 'gongzhi:edit'
/** below this width the editor's panel starts folded, so the map keeps the screen */
const WIDE = 1400

export class Layout {
  readonly side: Tabs
  private editOpen: boolean

  constructor() {
    this.side = new Tabs(
      $('#side-tabs'),
      [
        { id: 'layers', label: () => t('side.layers'), panel: $('#side-layers') },
        { id: 'run', label: () => t('side.run'), panel: $('#side-run') },
        { id: 'sweep', label: () => t('side.sweep'), panel: $('#side-sweep') },
      ],
      { key: SIDE_KEY, container: $('#side'), toggle: { title: (c) => t(c ? 'side.expand' : 'side.collapse'), glyph: (c) => (c ? '»' : '«') } },
    )
    // ?panel=run opens the page on a tab (a link to the analyst's side)
    const asked = new URLSearchParams(location.search).get('panel')
    if (asked && this.side.has(asked)) this.side.active = asked
    const saved = readSaved(EDIT_KEY)
    this.editOpen = saved.collapsed === undefined ? innerWidth >= WIDE : !saved.collapsed
    $('#edit-toggle').onclick = () => this.setEditOpen(!this.editOpen)
    $('#notice').onclick = () => $('#notice').classList.toggle('open')
  }

  /** open or fold the grid editor's panel (remembered) */
  setEditOpen(open: boolean): void {
    this.editOpen = open
    try {
      localStorage.setItem(EDIT_KEY, JSON.stringify({ collapsed: !open }))
    } catch {
      // not remembered
    }
    this.render()
  }

  get editorOpen(): boolean {
    return this.editOpen
  }

  render(): void {
    this.side.render()
    const aside = $('#edit-side')
    aside.classList.toggle('collapsed', !this.editOpen)
    const b = $('#edit-toggle')
    b.textContent = this.editOpen ? '»' : `« ${t('side.edit')}`
    b.title = t(this.editOpen ? 'side.editCollapse' : 'side.editExpand')
  }
}

/** One message at a time over the map; it fades after a while (longer for longer text), stays while the
 * pointer is on it, and the close button hides it at once. The same text shown again does not restart it. */
export class Toast {
  private text = ''
  private timer = 0
  private onClose: () => void = () => undefined

  constructor(private el: HTMLElement) {
    el.addEventListener('mouseenter', () => clearTimeout(this.timer))
    el.addEventListener('mouseleave', () => this.arm())
  }

  show(text: string, onClose: () => void): void {
    this.onClose = onClose
    if (text === this.text) return
    this.text = text
    clearTimeout(this.timer)
    clear(this.el)
    this.el.classList.remove('fading')
    this.el.hidden = !text
    if (!text) return
    this.el.append(h('button', { text: t('io.close'), class: 'toast-close', onclick: () => this.close() }), h('div', { class: 'toast-text', text }))
    this.arm()
  }

  private arm(): void {
    clearTimeout(this.timer)
    if (!this.text) return
    const ms = 8000 + 40 * this.text.length
    this.timer = window.setTimeout(() => {
      this.el.classList.add('fading')
      this.timer = window.setTimeout(() => this.close(), 600)
    }, ms)
  }

  private close(): void {
    clearTimeout(this.timer)
    this.el.hidden = true
    this.el.classList.remove('fading')
    this.text = ''
    this.onClose()
  }
}
