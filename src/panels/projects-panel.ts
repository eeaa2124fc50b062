// Projects: open, new (a fresh copy of the default world), save as, rename, delete. Every edit is journaled by
// the project's session (store/session.ts).
import { t, type Key } from '../i18n/i18n.ts'
import { zh } from '../i18n/zh-CN.ts'
import { en } from '../i18n/en.ts'
import { DATA_PRESET_PREFIX, listDataWorlds } from '../data-world/world-store.ts'
import { deleteProject, listProjects, newId, setCurrent, type Project } from '../store/persist.ts'
import { presetLabel } from './world-picker.ts'
import type { Doc } from '../store/store.ts'
import { clear, h } from './dom.ts'
import { askName, NAME_MAX } from './name-dialog.ts'

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

/** the default name in either language ("默认世界（丰台区）", "Default world (Fengtai District)"), as projects made
 *  before unnamed ones were stored with an empty name carry it */
const DEFAULT_NAMES = [zh['proj.default'], en['proj.default']].map((tpl) => new RegExp(`^${tpl.replace(/[.*+?^$()[\]\\|]/g, '\\$&').replace('{preset}', '.+')}$`))

/** A project's name as the page shows it. A project nobody named is stored with an empty name and reads as the
 *  default in the page's language, whichever language it was made in; a name the user typed is shown as typed. */
export function projectName(p: Pick<Project, 'name' | 'preset'>): string {
  return !p.name || DEFAULT_NAMES.some((re) => re.test(p.name)) ? t('proj.default', { preset: presetLabel(p.preset) }) : p.name
}

export async function renderProjects(el: HTMLElement, host: ProjectsHost): Promise<void> {
  const [projects, dataWorlds] = await Promise.all([listProjects(), listDataWorlds().catch(() => [])])
  const worldName = worldNamer(dataWorlds)
  clear(el)
  const sel = h('select', { testid: 'project-select', title: t('panel.projects'), onchange: (e: Event) => {
    const id = (e.target as HTMLSelectElement).value
    const other = projects.find((p) => p.id === id && p.preset !== host.preset)
    void (other ? openElsewhere(other, host) : host.openById(id))
  } })
  for (const p of projects.filter((p) => p.preset === host.preset)) sel.append(h('option', { value: p.id, text: projectName(p), selected: p.id === host.project.id }))
  // every project, whatever world is open, grouped by its world and named with it: one on another world opens that world
  const others = new Map<string, Project[]>()
  for (const p of projects) if (p.preset !== host.preset) others.set(p.preset, [...(others.get(p.preset) ?? []), p])
  for (const [preset, ps] of others) {
    const group = h('optgroup', { label: `${t('proj.otherWorlds')} · ${worldName(preset)}`, 'data-preset': preset })
    for (const p of ps) group.append(h('option', { value: p.id, text: `${projectName(p)} · ${worldName(preset)}` }))
    sel.append(group)
  }
  const btn = (k: Key, id: string, fn: () => void) => h('button', { text: t(k), testid: id, onclick: fn })
  el.append(
    sel,
    btn('proj.new', 'proj-new', () => {
      const proposed = projectName(host.fresh())
      // the proposed default kept as it is stays unnamed: it then reads in whichever language the page is in
      void askName('proj.newTitle', proposed).then((name) => {
        if (name !== null) void host.openProject(name.trim() === proposed ? host.fresh() : host.fresh(name))
      })
    }),
    btn('proj.saveAs', 'proj-save-as', async () => {
      const name = await askName('proj.saveAs', `${projectName(host.project)} (2)`, 'proj.saveAs')
      if (!name) return
      await host.flush()
      await host.openProject({ ...host.project, id: newId(), name, doc: host.doc(), updated: Date.now() })
    }),
    btn('proj.rename', 'proj-rename', async () => {
      const name = await askName('proj.rename', projectName(host.project), 'proj.rename')
      if (!name) return
      host.rename(name.slice(0, NAME_MAX))
      await host.flush()
      await renderProjects(el, host)
    }),
    btn('proj.delete', 'proj-delete', async () => {
      if (!confirm(t('proj.confirmDelete', { name: projectName(host.project) }))) return
      await host.flush() // a pending save must not bring the project back
      await deleteProject(host.project.id)
      const rest = (await listProjects()).filter((p) => p.preset === host.preset)
      await (rest[0] ? host.openById(rest[0].id) : host.openProject(host.fresh()))
    }),
    h('span', { id: 'autosave', class: 'saved' }),
  )
}

/** a world's name for the project list: a preset's label, or the name the user gave a world built from their data */
export function worldNamer(dataWorlds: { id: string; name: string }[]): (preset: string) => string {
  const names = new Map(dataWorlds.map((w) => [`${DATA_PRESET_PREFIX}${w.id}`, w.name]))
  return (preset) => names.get(preset) ?? (preset.startsWith(DATA_PRESET_PREFIX) ? t('proj.dataWorld') : presetLabel(preset))
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
