// Boot: read ?preset= and ?lang=, build the world in a worker, restore the last project, start the app.
import * as Comlink from 'comlink'
import { buildWorld, type World } from '../sim/api.ts'
import { App, freshProject } from './app.ts'
import './app.css'
import { applyI18n, setLang } from './i18n/i18n.ts'
import { createMap } from './map/map.ts'
import { getCurrent, getProject, putProject, setCurrent } from './store/persist.ts'
import type { WorldWorker } from './world.worker.ts'
import { getDataWorld, presetOf } from './data-world/world-store.ts'
import { missingWorldText, wireDataWorlds } from './data-world/wire.ts'

const hook: GongzhiHook = { ready: false, timings: { start: performance.now() } }
window.__gongzhi = hook

async function boot(): Promise<void> {
  const q = new URLSearchParams(location.search)
  const preset = q.get('preset') === 'street' ? 'street' : 'fengtai'
  const seed = Number(q.get('seed') ?? 1) || 1
  if (q.get('lang') === 'en') setLang('en')
  applyI18n()
  // a world built from the user's own files (?world=ID) is stored whole; its projects use the preset data:ID
  const worldId = q.get('world')
  const dataWorld = worldId ? await getDataWorld(worldId).catch(() => undefined) : undefined
  void wireDataWorlds(dataWorld ? worldId : null, async () => hook.app?.autosaver.flush())
  const projectPreset = dataWorld ? presetOf(dataWorld.id) : preset
  const projectSeed = dataWorld ? dataWorld.world.meta.seed : seed
  const building = (async (): Promise<World> => {
    if (dataWorld) return dataWorld.world
    try {
      const worker = new Worker(new URL('./world.worker.ts', import.meta.url), { type: 'module' })
      const remote = Comlink.wrap<WorldWorker>(worker)
      const w = await remote.build(preset, seed)
      worker.terminate()
      return w
    } catch (e) {
      // no module workers (old browser, strict policy): build on the main thread instead
      console.warn('world worker failed, building on the main thread', e)
      return buildWorld({ preset, seed })
    }
  })()
  // the map and its style load while the worker builds the world
  const view = createMap(document.getElementById('map')!)
  const world = await building
  hook.timings.world = performance.now()
  const currentId = await getCurrent(projectPreset).catch(() => undefined)
  let project = currentId ? await getProject(currentId).catch(() => undefined) : undefined
  if (!project || project.seed !== projectSeed) {
    project = freshProject(world, projectPreset, projectSeed)
    await putProject(project).catch(() => undefined)
    await setCurrent(projectPreset, project.id).catch(() => undefined)
  }
  hook.app = new App({ world, view, preset: projectPreset, seed: projectSeed, project })
  if (worldId && !dataWorld) hook.app.store.say(missingWorldText())
}

boot().catch((e: unknown) => {
  hook.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e)
  const el = document.getElementById('loading')
  if (el) el.textContent = hook.error
  console.error(e)
})
