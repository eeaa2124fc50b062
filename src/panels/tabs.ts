// A tab strip over sibling panels: one shown at a time, the choice (and whether the whole strip's container is
// collapsed) kept across re-renders and, when given a storage key, across reloads.
import { clear, h } from './dom.ts'

export interface Tab {
  id: string
  label: () => string
  panel: HTMLElement
}

export interface TabsOptions {
  /** localStorage key: the active tab and the collapsed state survive a reload */
  key?: string
  /** the label (tooltip) and glyph of the collapse button; no button when absent */
  toggle?: { title: (collapsed: boolean) => string; glyph: (collapsed: boolean) => string }
  /** the element that gets the `collapsed` class (default: the nav's parent) */
  container?: HTMLElement
  collapsed?: boolean
  onChange?: (t: Tabs) => void
}

interface Saved {
  active?: string
  collapsed?: boolean
}

export function readSaved(key: string | undefined): Saved {
  if (!key) return {}
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') as Saved
  } catch {
    return {} // private mode or a damaged value: the defaults
  }
}

export class Tabs {
  active: string
  collapsed: boolean
  /** whether the user has ever opened or closed the container (then the page never does it for them) */
  readonly chosen: boolean

  constructor(
    private nav: HTMLElement,
    private tabs: Tab[],
    private opts: TabsOptions = {},
  ) {
    const saved = readSaved(opts.key)
    this.active = tabs.some((t) => t.id === saved.active) ? saved.active! : tabs[0].id
    this.chosen = typeof saved.collapsed === 'boolean'
    this.collapsed = saved.collapsed ?? opts.collapsed ?? false
  }

  has(id: string): boolean {
    return this.tabs.some((t) => t.id === id)
  }

  /** a tab chosen by the user: it opens the container */
  show(id: string): void {
    this.active = id
    this.setCollapsed(false)
  }

  /** switch tabs without touching the collapsed state (the page following a result) */
  select(id: string): void {
    this.active = id
    this.save()
    this.render()
  }

  setCollapsed(c: boolean, remember = true): void {
    this.collapsed = c
    if (remember) this.save()
    this.render()
  }

  private save(): void {
    if (!this.opts.key) return
    try {
      localStorage.setItem(this.opts.key, JSON.stringify({ active: this.active, collapsed: this.collapsed }))
    } catch {
      // storage full or blocked: the layout simply is not remembered
    }
  }

  render(): void {
    clear(this.nav)
    for (const tab of this.tabs) {
      const on = tab.id === this.active
      this.nav.append(h('button', { text: tab.label(), testid: `tab-${tab.id}`, class: on ? 'on' : '', 'aria-selected': on ? 'true' : 'false', role: 'tab', onclick: () => this.show(tab.id) }))
      tab.panel.hidden = !on || this.collapsed
    }
    const box = this.opts.container ?? this.nav.parentElement
    box?.classList.toggle('collapsed', this.collapsed)
    if (box) box.dataset.tab = this.active
    const tg = this.opts.toggle
    if (tg)
      this.nav.append(
        h('button', {
          class: 'tabs-toggle',
          testid: `${this.nav.id || 'tabs'}-toggle`,
          text: tg.glyph(this.collapsed),
          title: tg.title(this.collapsed),
          'aria-label': tg.title(this.collapsed),
          onclick: () => this.setCollapsed(!this.collapsed),
        }),
      )
    this.opts.onChange?.(this)
  }
}
