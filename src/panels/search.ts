// Search streets, communities and grids by name, id or pinyin ("xiluoyuan", "xly" → 西罗园); every match is
// listed with a count, the list follows the grids as they are edited, and it closes when focus leaves it.
import type { Feature } from 'geojson'
import type { World } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import type { GridFeature } from '../store/store.ts'
import { clear, h } from './dom.ts'

export interface SearchItem {
  kind: 'streets' | 'communities' | 'grids'
  name: string
  id: string
  feature: Feature
}

/** every street, community and grid of the world and the current document, in that order */
export function searchItems(w: World, grids: readonly GridFeature[]): SearchItem[] {
  const out: SearchItem[] = []
  for (const f of w.streets.features) out.push({ kind: 'streets', name: f.properties.name, id: f.properties.id, feature: f })
  for (const f of w.communities.features) out.push({ kind: 'communities', name: f.properties.name, id: f.properties.id, feature: f })
  for (const f of grids) out.push({ kind: 'grids', name: f.properties.name || f.properties.id, id: f.properties.id, feature: f })
  return out
}

type ToPinyin = (name: string) => { full: string; initials: string }

/** pinyin of a name without tones or spaces, and its initials ("西罗园" → xiluoyuan, xly); pinyin-pro picks the
 * reading of a polyphonic character from its neighbours */
export async function loadPinyin(): Promise<ToPinyin> {
  const { pinyin } = await import('pinyin-pro')
  const cache = new Map<string, { full: string; initials: string }>()
  return (name) => {
    let p = cache.get(name)
    if (!p) {
      const syl = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' }).map((s) => s.toLowerCase().replace(/\s+/g, ''))
      p = { full: syl.join(''), initials: syl.map((s) => s[0] ?? '').join('') }
      cache.set(name, p)
    }
    return p
  }
}

/** whether an item answers the query: name or id contains it, or (for Latin letters) its pinyin or initials do */
export function matches(it: SearchItem, q: string, py: ToPinyin | null): boolean {
  if (it.name.toLowerCase().includes(q) || it.id.toLowerCase().includes(q)) return true
  if (!py || !/^[a-z\s']+$/.test(q)) return false
  const p = py(it.name)
  const bare = q.replace(/[\s']/g, '')
  return p.full.includes(bare) || p.initials.includes(bare)
}

export class SearchBox {
  private input: HTMLInputElement
  private list: HTMLUListElement
  private pop: HTMLElement
  private count: HTMLElement
  private py: ToPinyin | null = null

  constructor(el: HTMLElement, private items: () => SearchItem[], private onPick: (it: SearchItem) => void) {
    this.input = h('input', { type: 'search', testid: 'search-input', placeholder: t('search.placeholder'), oninput: () => this.update(), onfocus: () => this.warm(), onkeydown: (e: Event) => {
      if ((e as KeyboardEvent).key === 'Escape') this.close()
      if ((e as KeyboardEvent).key === 'Enter') (this.list.firstElementChild as HTMLElement | null)?.click()
    } })
    this.list = h('ul', { testid: 'search-results' })
    this.count = h('div', { class: 'search-count', testid: 'search-count' })
    this.pop = h('div', { class: 'search-pop', hidden: true }, this.count, this.list)
    // a click on a result must not take the focus first (that would close the list under the pointer)
    this.pop.addEventListener('mousedown', (e) => e.preventDefault())
    el.addEventListener('focusout', (e) => {
      if (!el.contains((e as FocusEvent).relatedTarget as Node | null)) this.close()
    })
    el.append(this.input, this.pop)
  }

  relabel(): void {
    this.input.placeholder = t('search.placeholder')
    if (!this.pop.hidden) this.update()
  }

  /** the document changed (a grid drawn, renamed, deleted): an open list shows it */
  refresh(): void {
    if (!this.pop.hidden) this.update()
  }

  private warm(): void {
    if (this.py) return
    void loadPinyin().then((f) => {
      this.py = f
      this.refresh()
    })
  }

  private close(): void {
    this.pop.hidden = true
  }

  private update(): void {
    const q = this.input.value.trim().toLowerCase()
    clear(this.list)
    if (!q) return this.close()
    if (!this.py) this.warm()
    const hits = this.items().filter((it) => matches(it, q, this.py))
    this.pop.hidden = false
    this.count.dataset.count = String(hits.length)
    this.count.textContent = hits.length ? t('search.count', { n: hits.length }) : t('search.none')
    for (const it of hits) {
      const li = h('li', { 'data-kind': it.kind, onclick: () => {
        this.close()
        this.input.blur()
        this.onPick(it)
      } }, it.name, h('small', { text: t(`layer.${it.kind}` as const) }))
      this.list.append(li)
    }
  }
}
