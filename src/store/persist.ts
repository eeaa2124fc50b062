// Projects and autosave in IndexedDB. A project stores the world's recipe (preset, seed) and the document;
// the base world is regenerated deterministically from the recipe.
import { openDB, type IDBPDatabase } from 'idb'
import type { Doc } from './store.ts'

export interface Project {
  id: string
  name: string
  preset: string
  seed: number
  doc: Doc
  updated: number
  /** the analyst's workspace: the scenario chosen and edited, and the run settings */
  analysis?: Analysis
}

export interface Analysis {
  /** preset scenario name */
  base: string
  /** lever path → value, where it differs from the preset */
  edits: Record<string, unknown>
  days: number
  replicates: number
  seed: number
  /** scenarios compared against the current one, pinned variants of it, and the last comparison's summary */
  compare?: CompareSettings
  /** the sweep tab's levers, ranges, target and worker count */
  sweep?: import('../sweep/plan.ts').SweepSettings
}

export interface CompareSettings {
  /** preset or variant names, in column order (B, C, …) */
  with: string[]
  /** the current scenario pinned under a name: its preset and lever edits */
  variants: Record<string, { base: string; edits: Record<string, unknown> }>
  /** the last comparison without its runs, so the table survives a reload */
  saved?: unknown
}

let dbp: Promise<IDBPDatabase> | null = null
function db(): Promise<IDBPDatabase> {
  dbp ??= openDB('gongzhi', 1, {
    upgrade(d) {
      d.createObjectStore('projects', { keyPath: 'id' })
      d.createObjectStore('meta')
    },
  })
  return dbp
}

export async function listProjects(): Promise<Project[]> {
  const all = (await (await db()).getAll('projects')) as Project[]
  return all.sort((a, b) => b.updated - a.updated)
}
export async function getProject(id: string): Promise<Project | undefined> {
  return (await (await db()).get('projects', id)) as Project | undefined
}
export async function putProject(p: Project): Promise<void> {
  await (await db()).put('projects', p)
}
export async function deleteProject(id: string): Promise<void> {
  await (await db()).delete('projects', id)
}
export async function getCurrent(preset: string): Promise<string | undefined> {
  return (await (await db()).get('meta', `current:${preset}`)) as string | undefined
}
export async function setCurrent(preset: string, id: string): Promise<void> {
  await (await db()).put('meta', id, `current:${preset}`)
}

export const newId = (): string => `p-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`

/** Debounced autosave; flush() writes at once (before unload). */
export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | null = null
  /** reads the project at write time, so a rename between scheduling and writing is not overwritten */
  private pending: (() => Project) | null = null
  savedAt = 0
  onSaved: (() => void) | null = null
  onError: ((message: string) => void) | null = null
  schedule(p: () => Project, ms = 250): void {
    this.pending = p
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), ms)
  }
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const p = this.pending
    this.pending = null
    if (!p) return
    try {
      await putProject(p())
      this.savedAt = Date.now()
      this.onSaved?.()
    } catch (e) {
      // storage full or blocked: say so, keep the work in memory and try again on the next edit
      this.onError?.(e instanceof Error ? e.message : String(e))
    }
  }
}
