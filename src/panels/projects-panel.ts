// Projects: open, new (a fresh copy of the default world), save as, rename, delete. Every edit is journaled by
// the project's session (store/session.ts).
import { t, type Key } from '../i18n/i18n.ts'
import { DATA_PRESET_PREFIX } from '../data-world/world-store.ts'
import { deleteProject, listProjects, newId, setCurrent, type Project } from '../store/persist.ts'
import { presetLabel } from './world-picker.ts'
import type { Doc } from '../store/store.ts'
import { clear, h } from './dom.ts'

export interface ProjectsHost {
  readonly preset: string
  readonly project: Project
  doc(): Doc
  fresh(name?: string): Project
  /** save a whole project and open it */
  openProject(p: Project): Promise<void>
  /** open a stored project (its layers are read after the map has drawn) */
  openById(id: string): Promise<void>
  rename(name: string): void
  /** fold the journal into the snapshot now */
  flush(): Promise<void>
}

export async function renderProjects(el: HTMLElement, host: ProjectsHost): Promise<void> {
  const projects = await listProjects()
  clear(el)
  const sel = h('select', { testid: 'project-select', title: t('panel.projects'), onchange: (e: Event) => {
    const id = (e.target as HTMLSelectElement).value
    const other = projects.find((p) => p.id === id && p.preset !== host.preset)
    void (other ? openElsewhere(other, host) : host.openById(id))
  } })
  for (const p of projects.filter((p) => p.preset === host.preset)) sel.append(h('option', { value: p.id, text: p.name, selected: p.id === host.project.id }))
  // every project, whatever world is open: one on another world opens that world
  const others = projects.filter((p) => p.preset !== host.preset)
  if (others.length) {
    const group = h('optgroup', { label: t('proj.otherWorlds') })
    for (const p of others) group.append(h('option', { value: p.id, text: `${p.name} · ${p.preset.startsWith(DATA_PRESET_PREFIX) ? t('proj.dataWorld') : presetLabel(p.preset)}` }))
    sel.append(group)
  }
  const btn = (k: Key, id: string, fn: () => void) => h('button', { text: t(k), testid: id, onclick: fn })
  el.append(
    sel,
    btn('proj.new', 'proj-new', () => {
      const name = prompt(t('proj.newName'), host.fresh().name)
      if (name === null) return
      void host.openProject(host.fresh(name))
    }),
    btn('proj.saveAs', 'proj-save-as', async () => {
      const name = prompt(t('proj.name'), `${host.project.name} (2)`)
      if (!name) return
      await host.flush()
      await host.openProject({ ...host.project, id: newId(), name: name.slice(0, 100), doc: host.doc(), updated: Date.now() })
    }),
    btn('proj.rename', 'proj-rename', async () => {
      const name = prompt(t('proj.name'), host.project.name)
      if (!name) return
      host.rename(name.slice(0, 100))
      await host.flush()
      await renderProjects(el, host)
    }),
    btn('proj.delete', 'proj-delete', async () => {
      if (!confirm(t('proj.confirmDelete', { name: host.project.name }))) return
      await host.flush() // a pending save must not bring the project back
      await deleteProject(host.project.id)
      const rest = (await listProjects()).filter((p) => p.preset === host.preset)
      await (rest[0] ? host.openById(rest[0].id) : host.openProject(host.fresh()))
    }),
    h('span', { id: 'autosave', class: 'saved' }),
  )
}

/** a project of another world: make it that world's current project and open the world */
async function openElsewhere(p: Project, host: ProjectsHost): Promise<void> {
  await host.flush()
  await setCurrent(p.preset, p.id)
  const q = new URLSearchParams(location.search)
  q.delete('world')
  q.delete('preset')
  if (p.preset.startsWith(DATA_PRESET_PREFIX)) q.set('world', p.preset.slice(DATA_PRESET_PREFIX.length))
  else q.set('preset', p.preset)
  location.assign(`${location.pathname}?${q.toString()}`)
}
