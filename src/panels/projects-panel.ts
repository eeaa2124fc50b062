// Projects: open, new (a fresh copy of the default world), save as, rename, delete. Autosave is in the store.
import { t, type Key } from '../i18n/i18n.ts'
import { deleteProject, getProject, listProjects, newId, putProject, type Autosaver, type Project } from '../store/persist.ts'
import type { Doc } from '../store/store.ts'
import { clear, h } from './dom.ts'

export interface ProjectsHost {
  readonly preset: string
  readonly autosaver: Autosaver
  project: Project
  doc(): Doc
  fresh(): Project
  openProject(p: Project): Promise<void>
}

export async function renderProjects(el: HTMLElement, host: ProjectsHost): Promise<void> {
  const projects = await listProjects()
  clear(el)
  const sel = h('select', { testid: 'project-select', onchange: async (e: Event) => {
    const p = await getProject((e.target as HTMLSelectElement).value)
    if (p) await host.openProject(p)
  } })
  for (const p of projects.filter((p) => p.preset === host.preset)) sel.append(h('option', { value: p.id, text: p.name, selected: p.id === host.project.id }))
  const btn = (k: Key, id: string, fn: () => void) => h('button', { text: t(k), testid: id, onclick: fn })
  el.append(
    sel,
    btn('proj.new', 'proj-new', () => void host.openProject(host.fresh())),
    btn('proj.saveAs', 'proj-save-as', async () => {
      const name = prompt(t('proj.name'), `${host.project.name} (2)`)
      if (!name) return
      await host.autosaver.flush()
      await host.openProject({ ...host.project, id: newId(), name: name.slice(0, 100), doc: host.doc(), updated: Date.now() })
    }),
    btn('proj.rename', 'proj-rename', async () => {
      const name = prompt(t('proj.name'), host.project.name)
      if (!name) return
      host.project = { ...host.project, name: name.slice(0, 100) }
      await putProject({ ...host.project, doc: host.doc(), updated: Date.now() })
      await renderProjects(el, host)
    }),
    btn('proj.delete', 'proj-delete', async () => {
      if (!confirm(t('proj.confirmDelete', { name: host.project.name }))) return
      await host.autosaver.flush() // a pending save must not bring the project back
      await deleteProject(host.project.id)
      const rest = (await listProjects()).filter((p) => p.preset === host.preset)
      await host.openProject(rest[0] ?? host.fresh())
    }),
    h('span', { id: 'autosave', class: 'saved' }),
  )
}
