// The browser side of the simulator: sim/worker.ts in a module Web Worker behind Comlink. Runs replicates one
// after another on the current (edited) world, reports overall progress with an estimate of time left, and
// cancels at the next simulated day. The worker module is loaded by URL (the pattern its header documents) and
// wrapped with its one contract, SimService from sim/api.ts.
// This worker is where the page's world is compiled, once per edited document: the page hands it the layer files
// (the CLI's input format, so it parses exactly what the CLI would), and every other simulator worker (the sweep's)
// gets the compiled columns from it as a WorldMessage (sim/api.ts) over a MessageChannel, the message the CLI's
// worker threads get: nothing is parsed or compiled twice.
import * as Comlink from 'comlink'
import { summarize, type ReplicateSummary, type ScenarioInput, type SimResult, type SimService, type World } from '../sim/api.ts'
import { progressClock } from './progress.ts'
import { worldFilesSliced } from './sweep/world-files.ts'
import type { Doc } from './store/store.ts'

export interface RunSpec {
  scenario: ScenarioInput
  days: number
  seed: number
  replicates: number
  /** per-grid and per-community figures for every replicate (a comparison's map), not only for a single run */
  areas?: boolean
}

export interface Progress {
  /** 0–1 over all replicates */
  fraction: number
  replicate: number
  day: number
  days: number
  /** seconds, null until there is something to extrapolate from */
  etaSeconds: number | null
}

export interface RunOutcome {
  results: SimResult[]
  /** null for a single run */
  summary: ReplicateSummary | null
  cancelled: boolean
  seconds: number
}

/** at most this often (ms) the progress callback runs */
const PROGRESS_MS = 100

export class SimClient {
  private worker: Worker | null = null
  private remote: Comlink.Remote<SimService> | null = null
  /** the document whose world the worker holds (or is loading) */
  private loaded: { doc: Doc; done: Promise<void> } | null = null
  private runId = 0
  private stopped = false
  running = false

  private ensure(): Comlink.Remote<SimService> {
    if (!this.remote) {
      this.worker = new Worker(new URL('../sim/worker.ts', import.meta.url), { type: 'module' })
      this.remote = Comlink.wrap<SimService>(this.worker)
    }
    return this.remote
  }

  /** the world as the simulator sees it: the base world with the document's governance grids */
  private load(world: World, doc: Doc): Promise<void> {
    // a run and a sweep started together share one load
    if (this.loaded?.doc === doc) return this.loaded.done
    const remote = this.ensure()
    const done = (async () => {
      const grids = doc.grids.filter((g) => g.properties.layer !== 'party')
      // written in slices: in one piece the fengtai world's files block the page for ≈100 ms at every run start
      const files = await worldFilesSliced(world, grids)
      await remote.loadWorld({ files })
    })()
    const entry = { doc, done }
    this.loaded = entry
    done.catch(() => {
      if (this.loaded === entry) this.loaded = null
    })
    return done
  }

  /** Posts the compiled columns of `doc`'s world on `port` (compiling it first if this worker does not hold it yet),
   *  for another simulator worker's loadWorldFrom: how the sweep's workers get the world. */
  async shareWorld(world: World, doc: Doc, port: MessagePort): Promise<void> {
    await this.load(world, doc)
    await this.ensure().shareWorld(Comlink.transfer(port, [port]))
  }

  async run(world: World, doc: Doc, spec: RunSpec, onProgress: (p: Progress) => void): Promise<RunOutcome> {
    if (this.running) throw new Error('a run is already going')
    this.running = true
    this.stopped = false
    const clock = progressClock()
    const results: SimResult[] = []
    let lastReport = 0
    try {
      await this.load(world, doc)
      const remote = this.ensure()
      for (let k = 0; k < spec.replicates && !this.stopped; k++) {
        this.runId = await remote.newRunId()
        if (this.stopped) break
        const r = await remote.run(
          { scenario: spec.scenario, seed: spec.seed + k, days: spec.days, detail: spec.replicates === 1 || !!spec.areas },
          Comlink.proxy((day: number, days: number) => {
            // the worker reports every simulated day (≈50/s on fengtai); redrawing the bar and status that often
            // only makes the compositor paint frames nobody can read
            const t = performance.now()
            if (t - lastReport < PROGRESS_MS && day < days) return
            lastReport = t
            const fraction = (k + day / days) / spec.replicates
            onProgress({ fraction, replicate: k + 1, day, days, etaSeconds: clock.eta(fraction) })
          }),
          undefined,
          this.runId,
        )
        results.push(r)
        if (r.cancelled) this.stopped = true
      }
      const cancelled = this.stopped
      return { results, summary: results.length > 1 ? summarize(results) : null, cancelled, seconds: clock.seconds() }
    } finally {
      this.running = false
    }
  }

  cancel(): void {
    this.stopped = true
    if (this.remote && this.runId) void this.remote.cancel(this.runId)
  }

  dispose(): void {
    this.worker?.terminate()
    this.worker = null
    this.remote = null
    this.loaded = null
  }
}
