// Optional online basemap by style URL, with the coordinate-system caveat spelled out.
import { t } from '../i18n/i18n.ts'
import type { MapView } from '../map/map.ts'
import { clear, h } from './dom.ts'

export function renderBasemap(el: HTMLElement, view: MapView, say: (m: string) => void): void {
  clear(el)
  const input = h('input', { type: 'url', placeholder: 'https://…/style.json', testid: 'basemap-url' })
  el.append(
    h('h2', { text: t('panel.basemap') }),
    h('div', { class: 'basemap' }, h('label', { text: t('basemap.url') }), input),
    h('button', { text: t('basemap.load'), onclick: async () => {
      try {
        const url = new URL(input.value)
        if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('http(s) only')
        view.setBasemap(await (await fetch(url)).json())
      } catch (e) {
        say(`${t('panel.basemap')}: ${e instanceof Error ? e.message : String(e)}`)
      }
    } }),
    h('button', { text: t('basemap.remove'), onclick: () => {
      view.setBasemap(null)
      view.map.setLayoutProperty('district-fill', 'visibility', 'visible')
    } }),
    h('p', { class: 'caveat', text: t('basemap.caveat') }),
  )
}
