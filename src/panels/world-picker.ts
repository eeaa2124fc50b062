// The world picker in the header: Fengtai (default), its 西罗园 street, each of Beijing's 16 districts, and the whole
// city — which stays CLI-only until the city-scale work lands (it needs about a minute and GBs to build and draw).
// Choosing a world reloads the page with ?preset=, since projects and autosave are kept per world.
import { DISTRICTS, PRESETS } from '../../sim/api.ts'
import { getLang, t } from '../i18n/i18n.ts'

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

export function renderWorldPicker(sel: HTMLSelectElement, current: string): void {
  sel.replaceChildren()
  sel.title = t('world.pick')
  sel.setAttribute('aria-label', t('world.pick'))
  for (const p of PRESETS) {
    const o = document.createElement('option')
    o.value = p
    o.textContent = presetLabel(p)
    o.selected = p === current
    if (!OFFERED.includes(p)) {
      o.disabled = true
      o.title = t('world.cliOnly')
    }
    sel.append(o)
  }
  sel.onchange = () => {
    const q = new URLSearchParams(location.search)
    q.set('preset', sel.value)
    location.search = q.toString()
  }
}
