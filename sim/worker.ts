// The simulation as a Web Worker service (Comlink). The browser does
//   const sim = Comlink.wrap<SimService>(new Worker(new URL('../sim/worker.ts', import.meta.url), { type: 'module' }))
// and calls loadWorld → run (with progress and playback-event callbacks wrapped in Comlink.proxy) → result; cancel
// stops a run at the next day boundary. A world is loaded once from its layer files (or built from a preset); other
// workers then get its compiled columns straight from this one (shareWorld → loadWorldFrom over a MessageChannel),
// the format the CLI's sweep workers get, without parsing or compiling again. This file imports only comlink and
// sim/api.ts, so the worker runs the very code the CLI and tests run: same seed, same result.
import * as Comlink from 'comlink'
import {
  BatchEncoder,
  placesOf,
  transferables,
  type EventBatch,
  type Places,
  buildWorld,
  compileWorld,
  defaultScenario,
  LEVERS,
  parseScenario,
  SCENARIO_PRESETS,
  scenarioPreset,
  simulateAsync,
  worldFromFiles,
  type CompiledWorld,
  type Preset,
  type Scenario,
  type ScenarioInput,
  type SimEvent,
  type SimResult,
  type WorldMessage,
  cityShape,
  runCityJob,
  type CityJob,
  type CityShape,
  type ShardResult,
  type World,
  worldFromMessage,
  worldToMessage,
} from './api.ts'

export interface RunRequest {
  /** a preset name or a scenario object */
  scenario: string | ScenarioInput
  seed: number
  days: number
  detail?: boolean
}

/** progress after every simulated day */
export type ProgressCallback = (day: number, days: number) => void
/** playback: batches of events, in simulation order */
export type EventsCallback = (events: SimEvent[]) => void
/** recorded playback: binary batches (sim/playback/codec.ts), transferred, in simulation order */
export type BatchCallback = (batch: EventBatch) => void

/** where a run's events go */
interface Sink {
  push(e: SimEvent): void
  flush(): unknown
}

/** what a loaded world holds */
export interface WorldInfo {
  grids: number
  communities: number
  buildings: number
  households: number
}
const infoOf = (w: CompiledWorld): WorldInfo => ({ grids: w.grids.n, communities: w.communities.n, buildings: w.buildings.n, households: w.buildings.households.reduce((s, x) => s + x, 0) })

export function createSimService() {
  let world: CompiledWorld | null = null
  let raw: World | null = null
  const cancelled = new Set<number>()
  let nextRun = 1
  /** one run; its events go to `sink`, flushed after every simulated day and at the end (awaited: a reply to the last
   *  callback comes after the page has taken every earlier one, as they share one port) */
  const simulateRequest = async (req: RunRequest, onProgress: ProgressCallback | undefined, sink: Sink | undefined, runId: number): Promise<SimResult> => {
    if (!world) throw new Error('no world loaded: call loadWorld first')
    const scenario = typeof req.scenario === 'string' ? scenarioPreset(req.scenario) : parseScenario(req.scenario)
    const result = await simulateAsync(world, scenario, {
      seed: req.seed,
      days: req.days,
      detail: req.detail ?? true,
      onEvent: sink && ((e) => sink.push(e)),
      onProgress: (d, n) => {
        void sink?.flush()
        onProgress?.(d, n)
      },
      isCancelled: () => cancelled.has(runId),
    })
    await sink?.flush()
    cancelled.delete(runId)
    return result
  }
  return {
    /** builds a default world, or loads one from its layer files (name → text); keepLayers keeps its GeoJSON for layers() */
    loadWorld(src: { preset: Preset; seed: number } | { files: Record<string, string> }, keepLayers = false): WorldInfo {
      const built = 'files' in src ? worldFromFiles(src.files) : buildWorld(src)
      world = compileWorld(built)
      // kept only for a page that asks for them (layers()): a compiled world is far smaller than its GeoJSON
      raw = keepLayers ? built : null
      return infoOf(world)
    },
    /** posts the loaded world's compiled columns once on `port` (transferred to this worker), for loadWorldFrom */
    shareWorld(port: MessagePort): void {
      if (!world) throw new Error('no world loaded: call loadWorld first')
      port.postMessage(worldToMessage(world))
      port.close()
    },
    /** loads the compiled world another worker posts on `port` with shareWorld: typed-array columns, structured-
     *  cloned, so nothing is parsed or compiled again */
    loadWorldFrom(port: MessagePort): Promise<WorldInfo> {
      return new Promise((resolve, reject) => {
        port.onmessage = (e: MessageEvent<WorldMessage>) => {
          port.close()
          world = worldFromMessage(e.data)
          resolve(infoOf(world))
        }
        port.onmessageerror = () => {
          port.close()
          reject(new Error('the compiled world could not be received'))
        }
      })
    },
    scenarios(): { names: readonly string[]; presets: Scenario[]; defaults: Scenario; levers: typeof LEVERS } {
      return { names: SCENARIO_PRESETS, presets: SCENARIO_PRESETS.map(scenarioPreset), defaults: defaultScenario(), levers: LEVERS }
    },
    /** a run id to pass to cancel (ids are handed out before run starts) */
    newRunId(): number {
      return nextRun++
    },
    /** callbacks are separate arguments (each a Comlink.proxy or undefined): a proxied object would make every
     *  missing member look present */
    run(req: RunRequest, onProgress?: ProgressCallback, onEvents?: EventsCallback, runId = 0): Promise<SimResult> {
      let batch: SimEvent[] = []
      const sink: Sink | undefined = onEvents && {
        push: (e) => void batch.push(e),
        flush: () => {
          if (batch.length) onEvents(batch)
          batch = []
        },
      }
      return simulateRequest(req, onProgress, sink, runId)
    },
    /** a run recorded for playback: events stream as compact binary batches (transferred, not cloned) once a
     *  simulated day and whenever a batch fills; `run` stays the fast path for runs nobody plays back */
    record(req: RunRequest, onProgress?: ProgressCallback, onBatch?: BatchCallback, runId = 0): Promise<SimResult> {
      const enc = new BatchEncoder()
      const flush = () => {
        const b = enc.take()
        return b && onBatch ? onBatch(Comlink.transfer(b, transferables(b))) : undefined
      }
      const sink: Sink = {
        push: (e) => {
          enc.push(e)
          if (enc.full) void flush()
        },
        flush,
      }
      return simulateRequest(req, onProgress, sink, runId)
    },
    /** the loaded world's layers (GeoJSON), for a page that draws the world the worker built */
    layers(): World {
      if (!raw) throw new Error('no world loaded: call loadWorld first')
      return raw
    },
    /** where the loaded world's buildings, grid bases, street offices and departments are (lon/lat) */
    places(): Places {
      if (!world) throw new Error('no world loaded: call loadWorld first')
      return placesOf(world)
    },
    /** one district of a city run (sim/run/city-job.ts): builds its world, runs it, returns raw tallies; progress
     *  is the district's fraction done, and cancel(runId) stops it at the next simulated day */
    async cityJob(job: CityJob, onProgress?: (fraction: number) => void, runId = 0): Promise<ShardResult> {
      let last = 0
      const r = await runCityJob(
        job,
        (f) => {
          // a district reports every street and day: a few messages a second are enough for a progress bar
          const t = performance.now()
          if (t - last < 100 && f < 1) return
          last = t
          onProgress?.(f)
        },
        () => cancelled.has(runId),
        5,
      )
      cancelled.delete(runId)
      return r
    },
    /** the street and district outlines a city result is drawn on */
    cityShape(preset: Preset, seed: number, districts: string[] = []): CityShape {
      return cityShape(preset, seed, districts)
    },
    cancel(runId: number): void {
      cancelled.add(runId)
    },
  }
}

export type SimService = ReturnType<typeof createSimService>

// Expose only when running as a dedicated worker (not when imported by Node tests or the CLI).
const g = globalThis as { WorkerGlobalScope?: unknown; self?: unknown }
if (typeof g.WorkerGlobalScope !== 'undefined' && g.self instanceof (g.WorkerGlobalScope as new () => unknown)) Comlink.expose(createSimService())
