// Boot: read ?preset= and ?lang=, build the world in a worker, restore the last project, start the app.
import * as Comlink from 'comlink'
import type { Preset, World } from '../sim/api.ts'
import { App, freshProject } from './app.ts'
import './app.css'
import { applyI18n, setLang } from './i18n/i18n.ts'
import { createMap } from './map/map.ts'
import { askSafeStart, markLoading, unfinishedLoad } from './panels/safe-start.ts'
import { BaseMissingError, getCurrent, listProjects, loadProject, putProject, setBaseGrids, setCurrent, type Loaded } from './store/persist.ts'
import type { GridFeature } from './store/store.ts'
import { receivePageWorld, type Prepared } from './world-load/page-world.ts'
import { OutlinePreview } from './world-load/preview.ts'
import { PAGE_PRESETS } from './panels/world-picker.ts'
import type { WorldWorker } from './world.worker.ts'
import { getDataWorld, presetOf } from './data-world/world-store.ts'
import { missingWorldText, wireDataWorlds } from './data-world/wire.ts'

const hook: GongzhiHook = { ready: false, timings: { start: performance.now() } }
window.__gongzhi = hook

async function boot(): Promise<void> {
  const q = new URLSearchParams(location.search)
  const asked = q.get('preset') ?? 'fengtai'
  // ?preset=beijing&planner=1: the planner's map on the whole city (all 16 districts built in the worker)
  const cityPlanner = asked === 'beijing' && q.get('planner') === '1'
  const preset = (PAGE_PRESETS.includes(asked) || cityPlanner ? asked : 'fengtai') as Preset
  const seed = Number(q.get('seed') ?? 1) || 1
  if (q.get('lang') === 'en') setLang('en')
  applyI18n()
  // trainer mode (src/trainer) plays recorded runs instead of opening the planner; loaded only when asked for
  if (q.get('mode') === 'trainer') {
    await (await import('./trainer/index.ts')).bootTrainer(q, hook)
    document.getElementById('loading')?.remove()
    return
  }
  const bar = document.getElementById('loading-bar') as HTMLProgressElement | null
  // the whole city: a city run sharded by district across workers (src/city/), not the planner on one world
  if (asked === 'beijing' && !cityPlanner) {
    const { bootCity } = await import('./city/city-page.ts')
    await bootCity({ worldSeed: seed, districts: (q.get('districts') ?? '').split(',').filter(Boolean) }, hook)
    document.getElementById('loading')?.remove()
    hook.ready = true
    return
  }
  // a world built from the user's own files (?world=ID) is stored whole; its projects use the preset data:ID
  const worldId = q.get('world')
  const dataWorld = worldId ? await getDataWorld(worldId).catch(() => undefined) : undefined
  const projectPreset = dataWorld ? presetOf(dataWorld.id) : preset
  void wireDataWorlds(projectPreset, async () => hook.app?.autosaver.flush())
  const projectSeed = dataWorld ? dataWorld.world.meta.seed : seed
  // the map and its style load while the worker builds the world
  const view = createMap(document.getElementById('map')!)
  const preview = new OutlinePreview(view, document.getElementById('loading'))
  // module workers are required (every current browser has them): the generator and its megabytes of real
  // boundaries stay out of the page's own bundle
  const building = (async (): Promise<{ world: World; prepared?: Prepared }> => {
    if (dataWorld) return { world: dataWorld.world }
    const worker = new Worker(new URL('./world.worker.ts', import.meta.url), { type: 'module' })
    try {
      const remote = Comlink.wrap<WorldWorker>(worker)
      // the real outlines first (the worker answers in order): the city on screen in seconds, not after the interior
      void remote
        .outlines(preset, seed)
        .then((o) => {
          hook.timings.outlinesIn = performance.now()
          return preview.show(o, () => (hook.timings.outlines = performance.now()))
        })
        .catch((e: unknown) => console.warn('outlines not shown', e)) // the world itself still comes, and says what failed
      const progress = (done: number, total: number) => {
        preview.progress(done, total)
      }
      // transferred in chunks and decoded in slices, with the checks and draw buffers made in the worker: the
      // whole city as one structured clone, checked here, was a main-thread task of minutes (issue 14)
      return await receivePageWorld(await remote.buildForPage(preset, seed, Comlink.proxy(progress)))
    } finally {
      worker.terminate()
    }
  })()
  const { world, prepared } = await building
  hook.timings.world = performance.now()
  preview.finish()
  // a preset's world is rebuilt from its name and seed: its projects store only their changes to its grids
  if (!dataWorld) setBaseGrids(projectPreset, projectSeed, world.grids.features as GridFeature[])
  bar?.remove()
  const currentId = await getCurrent(projectPreset).catch(() => undefined)
  const { loaded, skipLayers } = await chooseProject(world, projectPreset, projectSeed, currentId)
  markLoading(loaded.project.id) // cleared when the map has drawn the project with its layers
  hook.app = new App({ world, view, preset: projectPreset, seed: projectSeed, loaded, skipLayers, prepared, keepView: preview.moved })
  if (worldId && !dataWorld) hook.app.store.say(missingWorldText())
}

/** The project to open: the current one, unless the last open of it never finished or it cannot be read —
 * then the user chooses a safe start. */
async function chooseProject(world: World, preset: string, seed: number, currentId: string | undefined): Promise<{ loaded: Loaded; skipLayers: boolean }> {
  const fresh = async (): Promise<Loaded> => {
    const project = freshProject(world, preset, seed)
    await putProject(project).catch(() => undefined)
    await setCurrent(preset, project.id).catch(() => undefined)
    return (await loadProject(project.id).catch(() => undefined)) ?? { project, rev: 0, writer: '', layers: [], stale: 0 }
  }
  let error: string | undefined
  let loaded: Loaded | undefined
  try {
    loaded = currentId ? await loadProject(currentId) : undefined
  } catch (e) {
    // the current project is of another seed of this preset: not this world's, so a fresh project, as below
    if (!(e instanceof BaseMissingError)) error = e instanceof Error ? e.message : String(e)
  }
  const stuck = unfinishedLoad()
  if (!error && (!loaded || !stuck || stuck.pid !== loaded.project.id)) return loaded && loaded.project.seed === seed ? { loaded, skipLayers: false } : { loaded: await fresh(), skipLayers: false }
  const others = (await listProjects().catch(() => [])).filter((p) => p.preset === preset)
  document.getElementById('loading')?.remove()
  const c = await askSafeStart(document.getElementById('safe-start') as HTMLDialogElement, { project: loaded?.project ?? null, layers: loaded?.layers ?? [], error }, others)
  if ((c.kind === 'no-layers' || c.kind === 'anyway') && loaded) return { loaded, skipLayers: c.kind === 'no-layers' }
  if (c.kind === 'open') {
    const other = await loadProject(c.id).catch(() => undefined)
    if (other) {
      await setCurrent(preset, other.project.id).catch(() => undefined)
      return { loaded: other, skipLayers: false }
    }
  }
  return { loaded: await fresh(), skipLayers: false }
}

boot().catch((e: unknown) => {
  hook.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e)
  const el = document.getElementById('loading-text')
  if (el) el.textContent = hook.error
  document.querySelector('#loading .spinner')?.remove()
  console.error(e)
})
