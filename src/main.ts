// Boot: read ?preset= and ?lang=, build the world in a worker, restore the last project, start the app.
import * as Comlink from 'comlink'
import { buildWorld, type World } from '../sim/api.ts'
import { App, freshProject } from './app.ts'
import './app.css'
import { applyI18n, setLang } from './i18n/i18n.ts'
import { createMap } from './map/map.ts'
import { getCurrent, getProject, putProject, setCurrent } from './store/persist.ts'
import type { WorldWorker } from './world.worker.ts'

const hook: GongzhiHook = { ready: false, timings: { start: performance.now() } }
window.__gongzhi = hook

async function boot(): Promise<void> {
  const q = new URLSearchParams(location.search)
  const preset = q.get('preset') === 'street' ? 'street' : 'fengtai'
  const seed = Number(q.get('seed') ?? 1) || 1
  if (q.get('lang') === 'en') setLang('en')
  applyI18n()
  const building = (async (): Promise<World> => {
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
  const currentId = await getCurrent(preset).catch(() => undefined)
  let project = currentId ? await getProject(currentId).catch(() => undefined) : undefined
  if (!project || project.seed !== seed) {
    project = freshProject(world, preset, seed)
    await putProject(project).catch(() => undefined)
    await setCurrent(preset, project.id).catch(() => undefined)
  }
  hook.app = new App({ world, view, preset, seed, project })
}

boot().catch((e: unknown) => {
  hook.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e)
  const el = document.getElementById('loading')
  if (el) el.textContent = hook.error
  console.error(e)
})
