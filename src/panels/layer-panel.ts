// Layer panel: visibility, opacity and order of every layer; and the legend.
import { DEFAULT_BAND } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { BAND_COLORS, GROUPS, type LayerGroup, type MapView } from '../map/map.ts'
import { clear, h } from './dom.ts'

/** layers shown only when asked for: the party/governance difference and the people's-conditions map (民情图) */
const OFF_AT_START = ['diff', 'needs']

interface Row {
  key: LayerGroup
  on: boolean
  opacity: number
}

export class LayerPanel {
  private rows: Row[]
  constructor(private el: HTMLElement, private view: MapView) {
    // top of the list draws on top
    this.rows = GROUPS.map((g) => ({ key: g.key, on: !OFF_AT_START.includes(g.key), opacity: 1 })).reverse()
    for (const k of OFF_AT_START) view.setGroupVisible(k, false)
    this.render()
  }
  setVisible(key: string, on: boolean): void {
    const r = this.rows.find((x) => x.key === key)
    if (r) r.on = on
    this.view.setGroupVisible(key, on)
    this.render()
  }
  render(): void {
    clear(this.el)
    this.el.append(h('h2', { text: t('panel.layers') }))
    this.rows.forEach((r, i) => {
      const row = h(
        'div',
        { class: 'layer-row', testid: `layer-${r.key}` },
        h('input', { type: 'checkbox', checked: r.on, title: t(`layer.${r.key}`), onchange: (e: Event) => {
          r.on = (e.target as HTMLInputElement).checked
          this.view.setGroupVisible(r.key, r.on)
        } }),
        h('span', { text: t(`layer.${r.key}`) }),
        h('input', { type: 'range', min: 0, max: 1, step: 0.05, value: r.opacity, title: t('layer.opacity'), oninput: (e: Event) => {
          r.opacity = Number((e.target as HTMLInputElement).value)
          this.view.setGroupOpacity(r.key, r.opacity)
        } }),
        h('button', { text: '▲', title: t('layer.up'), disabled: i === 0, onclick: () => this.move(i, -1) }),
        h('button', { text: '▼', title: t('layer.down'), disabled: i === this.rows.length - 1, onclick: () => this.move(i, 1) }),
      )
      this.el.append(row)
    })
  }
  private move(i: number, d: number): void {
    const j = i + d
    ;[this.rows[i], this.rows[j]] = [this.rows[j], this.rows[i]]
    this.view.setOrder(this.rows.map((r) => r.key).reverse())
    this.render()
  }
}

export function renderLegend(el: HTMLElement): void {
  clear(el)
  const sw = (color: string, cls = '') => {
    const s = h('span', { class: `swatch ${cls}` })
    s.style.background = color
    return s
  }
  el.append(
    h('h2', { text: t('panel.legend') }),
    h('div', { class: 'legend-row' }, sw(BAND_COLORS.below), h('span', { text: t('legend.below', { ...DEFAULT_BAND }) })),
    h('div', { class: 'legend-row' }, sw(BAND_COLORS.in), h('span', { text: t('legend.in', { ...DEFAULT_BAND }) })),
    h('div', { class: 'legend-row' }, sw(BAND_COLORS.above), h('span', { text: t('legend.above', { ...DEFAULT_BAND }) })),
    h('div', { class: 'legend-row' }, sw('transparent', 'dash'), h('span', { text: t('legend.party') })),
    h('div', { class: 'legend-row' }, sw('#8c7c6a'), h('span', { text: t('layer.buildings') })),
    h('div', { class: 'legend-row' }, sw('rgba(106,61,154,.3)'), h('span', { text: t('layer.imported') })),
  )
}
