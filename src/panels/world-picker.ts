// The world picker in the header: Fengtai (default), its 西罗园 street, each of Beijing's 16 districts, and the whole
// city — which stays CLI-only until the city-scale work lands (it needs about a minute and GBs to build and draw).
// The worlds built from the user's own files are listed in the same control, in a group of their own (?world=ID).
// Choosing a world reloads the page with ?preset= or ?world=, since projects and autosave are kept per world.
import { DISTRICTS, PRESETS } from '../../sim/api.ts'
import { DATA_PRESET_PREFIX } from '../data-world/world-store.ts'
import { getLang, t } from '../i18n/i18n.ts'
import { h } from './dom.ts'

/** the user's worlds (names and ids) and what to do before leaving this one: set once they are read */
let mine: readonly { id: string; name: string }[] = []
let beforeLeave: () => Promise<void> = async () => undefined

export function setDataWorlds(worlds: readonly { id: string; name: string }[], leave: () => Promise<void>): void {
  mine = worlds
  beforeLeave = leave
}

/** the page address for a picker value: a preset name, or `data:ID` for a world from the user's files */
export function worldSearch(search: string, value: string): string {
  const q = new URLSearchParams(search)
  q.delete('world')
  q.delete('preset')
  if (value.startsWith(DATA_PRESET_PREFIX)) q.set('world', value.slice(DATA_PRESET_PREFIX.length))
  else q.set('preset', value)
  return q.toString()
}

/** Worlds the page can build and draw; the rest are offered but disabled. */
export const PAGE_PRESETS: readonly string[] = PRESETS.filter((p) => p !== 'beijing')
/** Worlds the page offers: the planner's, and the whole city as a city run (src/city/) */
const OFFERED: readonly string[] = [...PAGE_PRESETS, 'beijing']

export function presetLabel(preset: string): string {
  const en = getLang() === 'en'
  if (preset === 'street') return t('world.street')
  if (preset === 'beijing') return `${t('world.beijing')} — ${t('world.cityRun')}`
  const d = DISTRICTS.find((x) => x.pinyin === preset)
  return d ? (en ? d.nameEn : d.name) : preset
}

/** `current`: the open world's preset, or `data:ID` on a world from the user's files */
export function renderWorldPicker(sel: HTMLSelectElement, current: string): void {
  sel.replaceChildren()
  sel.title = t('world.pick')
  sel.setAttribute('aria-label', t('world.pick'))
  const builtIn = h('optgroup', { label: t('world.builtIn'), 'data-group': 'preset' })
  for (const p of PRESETS) {
    const o = h('option', { value: p, text: presetLabel(p), selected: p === current })
    if (!OFFERED.includes(p)) {
      o.disabled = true
      o.title = t('world.cliOnly')
    }
    builtIn.append(o)
  }
  sel.append(builtIn)
  if (mine.length) {
    const group = h('optgroup', { label: t('world.mine'), 'data-group': 'data' })
    for (const w of mine) group.append(h('option', { value: `${DATA_PRESET_PREFIX}${w.id}`, text: w.name, selected: `${DATA_PRESET_PREFIX}${w.id}` === current }))
    sel.append(group)
  }
  sel.onchange = async () => {
    await beforeLeave().catch(() => undefined)
    location.assign(`${location.pathname}?${worldSearch(location.search, sel.value)}`)
  }
}
