// Per-grid statistics of the current community, with the band check, and the settings of the selected grid.
import { DEFAULT_BAND, type GridStats } from '../../sim/api.ts'
import { fmtInt, fmtNum, t, tAny } from '../i18n/i18n.ts'
import type { GridFeature } from '../store/store.ts'
import { clear, h } from './dom.ts'
import { propKey, propValue } from './props-text.ts'

export interface StatsView {
  communityName: string | null
  grids: { f: GridFeature; s: GridStats | undefined }[]
  selected: string[]
  onPick(id: string, add: boolean): void
  onProps(id: string, p: Partial<GridFeature['properties']>): void
}

// an imported grid may declare its own counts; the simulation counts the buildings, so both are shown
const withDeclared = (counted: number | undefined, declared: number | undefined) =>
  [counted === undefined ? '–' : fmtInt(counted), declared === undefined ? '' : t('stats.declared', { n: fmtInt(declared) })].filter(Boolean).join(' · ')

const band = (hh: number) => (hh < DEFAULT_BAND.min ? 'below' : hh > DEFAULT_BAND.max ? 'above' : 'in')

export function renderStats(el: HTMLElement, v: StatsView): void {
  clear(el)
  el.append(h('h2', { text: t('panel.stats') }))
  if (!v.communityName) {
    el.append(h('div', { text: t('stats.none') }))
    return
  }
  el.append(h('div', { text: t('stats.community', { name: v.communityName }) }), h('div', { class: 'caveat', text: t('stats.band', { ...DEFAULT_BAND }) }))
  const table = h('table', { class: 'stats' })
  table.append(h('tr', {}, ...(['stats.grid', 'stats.households', 'stats.residents', 'stats.area', 'stats.compact', 'stats.walk'] as const).map((k) => h('th', { text: t(k) }))))
  for (const { f, s } of v.grids) {
    const id = f.properties.id
    table.append(
      h(
        'tr',
        { class: v.selected.includes(id) ? 'sel' : '', 'data-grid': id, onclick: (e: Event) => v.onPick(id, (e as MouseEvent).shiftKey) },
        h('td', { text: f.properties.name || id, title: id }),
        h('td', { class: s ? band(s.households) : '', text: withDeclared(s?.households, f.properties.households) }),
        h('td', { text: withDeclared(s?.residents, f.properties.residents) }),
        h('td', { text: s ? fmtNum(s.areaM2 / 10_000, 1) : '–' }),
        h('td', { text: s ? fmtNum(s.compactness, 2) : '–' }),
        h('td', { text: s ? fmtNum(s.farthestWalkMin, 1) : '–' }),
      ),
    )
  }
  el.append(table)
  const sel = v.grids.find((g) => g.f.properties.id === v.selected[v.selected.length - 1])
  if (!sel) return
  const p = sel.f.properties
  const num = (key: 'workersFullTime' | 'workersPartTime') =>
    h('input', { type: 'number', min: 0, max: 100, value: p[key] ?? 0, onchange: (e: Event) => v.onProps(p.id, { [key]: Math.max(0, Math.min(100, Math.round(Number((e.target as HTMLInputElement).value) || 0))) }) })
  const form = h(
    'div',
    { class: 'grid-form', testid: 'grid-form' },
    h('h2', { text: t('panel.grid') }),
    h('label', {}, `${t('grid.name')} `, h('input', { value: p.name ?? '', onchange: (e: Event) => v.onProps(p.id, { name: (e.target as HTMLInputElement).value.slice(0, 200) }) })),
    h('label', {}, `${t('grid.ft')} `, num('workersFullTime')),
    h('label', {}, `${t('grid.pt')} `, num('workersPartTime')),
    h('label', {}, h('input', { type: 'checkbox', checked: p.partyBranch !== false, onchange: (e: Event) => v.onProps(p.id, { partyBranch: (e.target as HTMLInputElement).checked }) }), ` ${t('grid.branch')}`),
    h('div', { text: `${t('grid.layer')}: ${t(p.layer === 'party' ? 'layer.party' : 'layer.grids')}` }),
    ...(p.roster?.length ? [h('div', { testid: 'grid-roster', text: `${t('fd.f.roster')}: ${p.roster.join(t('io.sep'))}` })] : []),
  )
  el.append(form)
}

export function renderInspect(el: HTMLElement, title: string, props: Record<string, unknown> | null): void {
  clear(el)
  el.append(h('h2', { text: t('panel.inspect') }))
  if (!props) return
  el.append(h('div', { text: title }))
  const table = h('table', { class: 'props' })
  for (const [k, val] of Object.entries(props)) {
    if (k.startsWith('_')) continue
    // where a feature of a world built from the user's data came from (file / derived / generated)
    if (k === 'origin' && typeof val === 'string') table.append(h('tr', { testid: 'inspect-origin' }, h('td', { text: t('fd.originKey') }), h('td', { text: tAny(`fd.origin.${val}`) })))
    else table.append(h('tr', { 'data-key': k }, h('td', { text: propKey(k), title: k }), h('td', { text: propValue(val) })))
  }
  el.append(table)
}
