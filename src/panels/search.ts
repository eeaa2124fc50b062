// Search streets, communities and grids by name; picking a result fits the map to it.
import type { Feature } from 'geojson'
import { t } from '../i18n/i18n.ts'
import { clear, h } from './dom.ts'

export interface SearchItem {
  kind: 'streets' | 'communities' | 'grids'
  name: string
  id: string
  feature: Feature
}

export class SearchBox {
  private input: HTMLInputElement
  private list: HTMLUListElement
  constructor(el: HTMLElement, private items: () => SearchItem[], private onPick: (it: SearchItem) => void) {
    this.input = h('input', { type: 'search', testid: 'search-input', placeholder: t('search.placeholder'), oninput: () => this.update(), onkeydown: (e: Event) => {
      if ((e as KeyboardEvent).key === 'Escape') this.close()
      if ((e as KeyboardEvent).key === 'Enter') (this.list.firstElementChild as HTMLElement | null)?.click()
    } })
    this.list = h('ul', { testid: 'search-results', hidden: true })
    el.append(this.input, this.list)
  }
  relabel(): void {
    this.input.placeholder = t('search.placeholder')
  }
  private close(): void {
    this.list.hidden = true
  }
  private update(): void {
    const q = this.input.value.trim().toLowerCase()
    clear(this.list)
    if (!q) return this.close()
    const hits = this.items().filter((it) => it.name.toLowerCase().includes(q) || it.id.toLowerCase().includes(q)).slice(0, 30)
    this.list.hidden = false
    if (!hits.length) this.list.append(h('li', { text: t('search.none') }))
    for (const it of hits)
      this.list.append(h('li', { onclick: () => {
        this.close()
        this.onPick(it)
      } }, it.name, h('small', { text: t(`layer.${it.kind === 'grids' ? 'grids' : it.kind}` as const) })))
  }
}
