// The page's entry points to worlds built from the user's files: the "new project from my data" button, the
// world switcher (the default world and each data world), and the notice saying where each layer came from.
import type { World } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { $, clear, h } from '../panels/dom.ts'
import { openFromDataDialog } from './from-data-dialog.ts'
import { listDataWorlds } from './world-store.ts'

const DEFAULT = ''

/** Wire the button and fill the switcher; `current` is the open data world's id, or null on a preset.
 *  `beforeLeave` writes the open project's pending edits before the page opens another world. */
export async function wireDataWorlds(current: string | null, beforeLeave: () => Promise<void>): Promise<void> {
  const btn = $('#btn-from-data')
  btn.onclick = () => openFromDataDialog($('#from-data-dialog') as HTMLDialogElement, beforeLeave)
  const sel = $('#worlds') as HTMLSelectElement
  const fill = async () => {
    const worlds = await listDataWorlds().catch(() => [])
    clear(sel)
    sel.append(h('option', { value: DEFAULT, text: t('fd.defaultWorld'), selected: current === null }))
    for (const w of worlds) sel.append(h('option', { value: w.id, text: w.name, selected: w.id === current }))
    sel.hidden = worlds.length === 0
  }
  sel.onchange = async () => {
    await beforeLeave().catch(() => undefined)
    const q = new URLSearchParams(location.search)
    if (sel.value === DEFAULT) q.delete('world')
    else q.set('world', sel.value)
    location.assign(`${location.pathname}?${q.toString()}`)
  }
  await fill()
}

/** "Communities: from your file; buildings: generated …" in the page's language, for worlds built from data. */
export function originNotice(w: World): string | null {
  const o = w.meta.origins
  if (!o) return null
  const parts = (['communities', 'streets', 'buildings', 'grids'] as const).flatMap((k) => {
    const origin = o[k]
    return origin ? [t('fd.item', { layer: t(`layer.${k}`), origin: t(`fd.origin.${origin}`) })] : []
  })
  return `${t('fd.noticeHead')} ${parts.join(t('fd.sep'))}`
}

/** shown when ?world= names a world this browser no longer has */
export const missingWorldText = (): string => t('fd.missingWorld')
