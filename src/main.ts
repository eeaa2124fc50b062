// Boot: read ?preset= and ?lang=, build the world in a worker, restore the last project, start the app.
import * as Comlink from 'comlink'
import { buildWorld, type Preset, type World } from '../sim/api.ts'
import { App, freshProject } from './app.ts'
import './app.css'
import { applyI18n, setLang, t } from './i18n/i18n.ts'
import { createMap } from './map/map.ts'
import { getCurrent, getProject, putProject, setCurrent } from './store/persist.ts'
import { PAGE_PRESETS, renderWorldPicker } from './panels/world-picker.ts'
import type { WorldWorker } from './world.worker.ts'

interface Hook {
  ready: boolean
  error?: string
  app?: App
  timings: Record<string, number>
}
const hook: Hook = { ready: false, timings: { start: performance.now() } }
;(window as unknown as { __gongzhi: Hook }).__gongzhi = hook

async function boot(): Promise<void> {
  const q = new URLSearchParams(location.search)
  const asked = q.get('preset') ?? 'fengtai'
  const preset = (PAGE_PRESETS.includes(asked) ? asked : 'fengtai') as Preset
  const seed = Number(q.get('seed') ?? 1) || 1
  if (q.get('lang') === 'en') setLang('en')
  applyI18n()
  const loading = document.getElementById('loading')
  // the whole city is CLI-only for now: say so instead of silently building another world
  if (asked === 'beijing') {
    if (loading) loading.textContent = t('world.cliOnly')
    renderWorldPicker(document.getElementById('world-picker') as HTMLSelectElement, asked)
    hook.error = 'cli-only world'
    return
  }
  const building = (async (): Promise<World> => {
    try {
      const worker = new Worker(new URL('./world.worker.ts', import.meta.url), { type: 'module' })
      const remote = Comlink.wrap<WorldWorker>(worker)
      const progress = (done: number, total: number) => {
        if (loading) loading.textContent = t('app.building', { done, total })
      }
      const w = await remote.build(preset, seed, Comlink.proxy(progress))
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
