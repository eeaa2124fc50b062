// A safe start. A "loading" marker is set before a project opens and cleared once its map (with its imported
// layers) has drawn; if the marker is still there on the next start, the last open did not finish (the tab
// crashed or was closed) and the user chooses: open without the imported layers, open anyway, open another
// project or start a new one. The same choice is offered when opening fails with an error.
import { fmtInt, t } from '../i18n/i18n.ts'
import type { LayerRef, Project } from '../store/persist.ts'
import { clear, h } from './dom.ts'
import { projectName } from './projects-panel.ts'

const KEY = 'gongzhi:loading'

export interface Marker {
  pid: string
  at: number
}

export function markLoading(pid: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ pid, at: Date.now() }))
  } catch {
    // storage disabled: no safe start, nothing else changes
  }
}
export function clearLoading(): void {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // as above
  }
}
export function unfinishedLoad(): Marker | null {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Marker | null
    return v && typeof v.pid === 'string' ? v : null
  } catch {
    return null
  }
}

export type SafeChoice = { kind: 'no-layers' } | { kind: 'anyway' } | { kind: 'open'; id: string } | { kind: 'new' }

/** Ask how to start; the dialog cannot be dismissed without a choice. */
export function askSafeStart(dialog: HTMLDialogElement, info: { project: Project | null; layers: LayerRef[]; error?: string }, others: Project[]): Promise<SafeChoice> {
  return new Promise((resolve) => {
    clear(dialog)
    const done = (c: SafeChoice) => {
      dialog.close()
      resolve(c)
    }
    const points = info.layers.reduce((s, l) => s + l.points, 0)
    const body = h('div', { class: 'safe-start' })
    body.append(
      h('h3', { text: t('safe.title') }),
      h('p', { text: info.error ? t('safe.failed', { error: info.error }) : t('safe.unfinished', { name: info.project ? projectName(info.project) : '' }) }),
    )
    if (info.layers.length) body.append(h('p', { class: 'caveat', text: t('safe.layers', { n: info.layers.length, points: fmtInt(points) }) }))
    const row = h('div', { class: 'safe-actions' })
    if (info.project) {
      row.append(h('button', { testid: 'safe-no-layers', text: t('safe.noLayers'), onclick: () => done({ kind: 'no-layers' }) }))
      if (!info.error) row.append(h('button', { testid: 'safe-anyway', text: t('safe.anyway'), onclick: () => done({ kind: 'anyway' }) }))
    }
    const sel = h('select', { testid: 'safe-other' })
    for (const p of others) if (p.id !== info.project?.id) sel.append(h('option', { value: p.id, text: projectName(p) }))
    if (sel.options.length) row.append(sel, h('button', { testid: 'safe-open', text: t('safe.open'), onclick: () => done({ kind: 'open', id: sel.value }) }))
    row.append(h('button', { testid: 'safe-new', text: t('safe.new'), onclick: () => done({ kind: 'new' }) }))
    body.append(row)
    dialog.append(body)
    dialog.addEventListener('cancel', (e) => e.preventDefault())
    dialog.showModal()
  })
}
