// The page's entry points to worlds built from the user's files: the "new project from my data" button, the
// user's worlds in the header's world picker (beside the built-in presets), and the notice saying where each layer came from.
import type { World } from '../../sim/api.ts'
import { t } from '../i18n/i18n.ts'
import { $ } from '../panels/dom.ts'
import { renderWorldPicker, setDataWorlds } from '../panels/world-picker.ts'
import { openFromDataDialog } from './from-data-dialog.ts'
import { listDataWorlds } from './world-store.ts'

/** Wire the button and add the user's worlds to the world picker; `current` is the open world's preset (`data:ID`
 *  on a world from data). `beforeLeave` writes the open project's pending edits before the page opens another world. */
export async function wireDataWorlds(current: string, beforeLeave: () => Promise<void>): Promise<void> {
  const btn = $('#btn-from-data')
  btn.onclick = () => openFromDataDialog($('#from-data-dialog') as HTMLDialogElement, beforeLeave)
  setDataWorlds(await listDataWorlds().catch(() => []), beforeLeave)
  renderWorldPicker($('#world-picker') as HTMLSelectElement, current)
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
