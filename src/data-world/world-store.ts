// Worlds built from the user's own files. Unlike a preset they cannot be regenerated from a recipe, so the
// world itself is kept, in its own IndexedDB database beside the projects' (the projects store is untouched:
// a project on such a world is an ordinary project whose preset is `data:<world id>`).
import { openDB, type IDBPDatabase } from 'idb'
import type { World } from '../../sim/api.ts'

export interface DataWorld {
  id: string
  name: string
  created: number
  world: World
}

let dbp: Promise<IDBPDatabase> | null = null
function db(): Promise<IDBPDatabase> {
  dbp ??= openDB('gongzhi-data-worlds', 1, {
    upgrade(d) {
      d.createObjectStore('worlds', { keyPath: 'id' })
    },
  })
  return dbp
}

export const DATA_PRESET_PREFIX = 'data:'
export const presetOf = (worldId: string): string => `${DATA_PRESET_PREFIX}${worldId}`

export async function putDataWorld(w: DataWorld): Promise<void> {
  await (await db()).put('worlds', w)
}
export async function getDataWorld(id: string): Promise<DataWorld | undefined> {
  return (await (await db()).get('worlds', id)) as DataWorld | undefined
}
/** names and ids only, newest first */
export async function listDataWorlds(): Promise<{ id: string; name: string; created: number }[]> {
  const all = (await (await db()).getAll('worlds')) as DataWorld[]
  return all.map(({ id, name, created }) => ({ id, name, created })).sort((a, b) => b.created - a.created)
}
export const newWorldId = (): string => `w-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`
