// A tab strip over sibling panels: one shown at a time, the choice kept across re-renders.
import { clear, h } from './dom.ts'

export interface Tab {
  id: string
  label: () => string
  panel: HTMLElement
}

export class Tabs {
  active: string
  constructor(
    private nav: HTMLElement,
    private tabs: Tab[],
  ) {
    this.active = tabs[0].id
  }

  show(id: string): void {
    this.active = id
    this.render()
  }

  render(): void {
    clear(this.nav)
    for (const tab of this.tabs) {
      const on = tab.id === this.active
      this.nav.append(h('button', { text: tab.label(), testid: `tab-${tab.id}`, class: on ? 'on' : '', onclick: () => this.show(tab.id) }))
      tab.panel.hidden = !on
    }
  }
}
