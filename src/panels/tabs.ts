// A tab strip over sibling panels: one shown at a time, the choice kept across re-renders; the whole drawer
// can be collapsed to its tab strip.
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
    private toggleLabel: (collapsed: boolean) => string = () => '',
  ) {
    this.active = tabs[0].id
  }

  show(id: string): void {
    this.active = id
    this.collapsed = false
    this.render()
  }

  collapsed = false

  render(): void {
    clear(this.nav)
    for (const tab of this.tabs) {
      const on = tab.id === this.active
      this.nav.append(h('button', { text: tab.label(), testid: `tab-${tab.id}`, class: on ? 'on' : '', onclick: () => this.show(tab.id) }))
      tab.panel.hidden = !on || this.collapsed
    }
    const drawer = this.nav.parentElement
    drawer?.classList.toggle('collapsed', this.collapsed)
    this.nav.append(
      h('button', {
        class: 'results-toggle',
        testid: 'results-toggle',
        text: this.collapsed ? '▴' : '▾',
        title: this.toggleLabel(this.collapsed),
        onclick: () => {
          this.collapsed = !this.collapsed
          this.render()
        },
      }),
    )
  }
}
