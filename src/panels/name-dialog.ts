// A small modal that asks for a project's name (new, save as, rename) — a page dialog in the page's language
// instead of window.prompt, which browsers style as they like and some block. Resolves null on cancel or Esc.
import { t, type Key } from '../i18n/i18n.ts'
import { h } from './dom.ts'

/** at most this many characters are kept of a name */
export const NAME_MAX = 100

export function askName(title: Key, initial: string, ok: Key = 'proj.newOk'): Promise<string | null> {
  document.querySelector('dialog.name-dialog')?.remove()
  return new Promise((resolve) => {
    const error = h('div', { class: 'caveat', testid: 'name-error', role: 'alert' })
    const input = h('input', { type: 'text', testid: 'name-input', value: initial, maxLength: NAME_MAX, 'aria-label': t('proj.name'), oninput: () => (error.textContent = '') })
    let answer: string | null = null
    const dlg = h('dialog', { class: 'name-dialog', testid: 'name-dialog' })
    const form = h(
      'form',
      {
        method: 'dialog',
        onsubmit: (e: Event) => {
          const name = input.value.trim()
          if (!name) {
            e.preventDefault()
            error.textContent = t('proj.nameEmpty')
            return input.focus()
          }
          answer = name.slice(0, NAME_MAX)
        },
      },
      h('h3', { text: t(title) }),
      h('label', {}, `${t('proj.name')} `, input),
      error,
      h('menu', { class: 'dialog-buttons' }, h('button', { type: 'button', text: t('proj.cancel'), testid: 'name-cancel', onclick: () => dlg.close() }), h('button', { type: 'submit', text: t(ok), testid: 'name-ok' })),
    )
    dlg.append(form)
    dlg.addEventListener('close', () => {
      dlg.remove()
      resolve(answer)
    })
    document.body.append(dlg)
    dlg.showModal()
    input.select()
  })
}
