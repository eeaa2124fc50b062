// N simulator workers (sim/worker.ts behind Comlink) that share one queue of sweep runs. Each worker holds the
// edited world (and keeps it while the document is unchanged): none parses or compiles it; each gets the compiled
// columns over a MessageChannel, from the page's run worker (src/sim-client.ts) or a pool worker that has them;
// a free worker takes the next job. Results are
// stored by job index and every run carries its own seed, so the numbers do not depend on N or on which worker
// finished first. Workers are made by a factory, so tests can run the same pool on in-process services.
import * as Comlink from 'comlink'
import { feed, type SimResult, type SimService } from '../../sim/api.ts'
import { progressClock } from '../progress.ts'
import type { SweepJob } from './plan.ts'

type Used = 'shareWorld' | 'loadWorldFrom' | 'newRunId' | 'run' | 'cancel'
/** the part of the worker's one contract a sweep uses, each method answering by promise (what
 *  Comlink.wrap<SimService> gives; tests pass in-process services of the same shape) */
export type SimRemote = { [K in Used]: (...args: Parameters<SimService[K]>) => Promise<Awaited<ReturnType<SimService[K]>>> }

export interface PoolWorker {
  remote: SimRemote
  dispose(): void
}

export type WorkerFactory = () => PoolWorker

export interface SweepProgress {
  done: number
  total: number
  /** 0–1, counting the days of runs in flight */
  fraction: number
  /** seconds, null until there is something to extrapolate from */
  etaSeconds: number | null
}

export interface SweepOutcome {
  /** by job index; null where a run did not finish (cancelled) */
  results: (SimResult | null)[]
  cancelled: boolean
  workers: number
  seconds: number
  /** from the first job handed out to the last result, without loading the world */
  runSeconds: number
}

/** the module worker the app uses */
export const browserWorker: WorkerFactory = () => {
  const w = new Worker(new URL('../../sim/worker.ts', import.meta.url), { type: 'module' })
  return { remote: Comlink.wrap<SimService>(w), dispose: () => w.terminate() }
}

/** navigator.hardwareConcurrency, capped: more threads than cores only adds contention, and each holds a world */
export const MAX_WORKERS = 8
export function defaultWorkers(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1
  return Math.max(1, Math.min(MAX_WORKERS, n || 1))
}

interface Slot {
  w: PoolWorker
  /** the key of the world it holds */
  loaded: unknown
  runId: number
}

export class SweepPool {
  private slots: Slot[] = []
  private stopped = false
  running = false

  constructor(private factory: WorkerFactory = browserWorker) {}

  /** Runs the jobs on min(workers, jobs, MAX_WORKERS) workers. `shareWorld` posts the compiled world named by
   *  `worldKey` on a port (one WorldMessage, as SimService.shareWorld does); it is called at most once, and only
   *  when no worker holds that world yet (one that does shares it with the others). */
  async run(jobs: SweepJob[], opts: { workers: number; worldKey: unknown; shareWorld: (port: MessagePort) => Promise<void>; onProgress?: (p: SweepProgress) => void; dayProgress?: boolean }): Promise<SweepOutcome> {
    if (this.running) throw new Error('a sweep is already going')
    this.running = true
    this.stopped = false
    const t0 = performance.now()
    const n = Math.max(1, Math.min(Math.floor(opts.workers) || 1, jobs.length || 1, MAX_WORKERS))
    const results: (SimResult | null)[] = jobs.map(() => null)
    try {
      while (this.slots.length > n) this.slots.pop()!.w.dispose()
      while (this.slots.length < n) this.slots.push({ w: this.factory(), loaded: null, runId: 0 })
      const missing = this.slots.filter((s) => s.loaded !== opts.worldKey)
      if (missing.length) {
        let source = this.slots.find((s) => s.loaded === opts.worldKey)
        const receive = async (s: Slot, share: (port: MessagePort) => Promise<void>) => {
          s.loaded = null
          const { port1, port2 } = new MessageChannel()
          await Promise.all([share(port1), s.w.remote.loadWorldFrom(Comlink.transfer(port2, [port2]))])
          s.loaded = opts.worldKey
        }
        // the world is asked for once; then the compiled columns go from worker to worker: the page neither
        // parses nor copies them
        if (!source) {
          source = missing.shift()!
          await receive(source, opts.shareWorld)
        }
        const from = source
        await Promise.all(missing.map((s) => receive(s, (port) => from.w.remote.shareWorld(Comlink.transfer(port, [port])))))
      }
      const t1 = performance.now()
      const clock = progressClock()
      let done = 0
      const partial = new Map<number, number>()
      const report = () => {
        if (!opts.onProgress) return
        let inFlight = 0
        for (const f of partial.values()) inFlight += f
        const fraction = jobs.length ? Math.min(1, (done + inFlight) / jobs.length) : 1
        opts.onProgress({ done, total: jobs.length, fraction, etaSeconds: clock.eta(fraction) })
      }
      report()
      await feed(
        this.slots,
        jobs,
        async (s, job) => {
          s.runId = await s.w.remote.newRunId()
          if (this.stopped) return false
          // a day callback can arrive after its run's result (separate messages): ignore it once the run is over
          let over = false
          const onDay = opts.dayProgress
            ? Comlink.proxy((day: number, days: number) => {
                if (over) return
                partial.set(job.index, day / days)
                report()
              })
            : undefined
          const r = await s.w.remote.run({ scenario: job.scenario, seed: job.seed, days: job.days, detail: false }, onDay, undefined, s.runId)
          over = true
          s.runId = 0
          partial.delete(job.index)
          if (r.cancelled) return false
          results[job.index] = r
          done++
          report()
        },
        () => this.stopped,
      )
      const end = performance.now()
      return { results, cancelled: this.stopped || done < jobs.length, workers: n, seconds: (end - t0) / 1000, runSeconds: (end - t1) / 1000 }
    } catch (e) {
      // a worker that failed mid-load or mid-run is in an unknown state: start afresh next time
      this.dispose()
      throw e
    } finally {
      this.running = false
    }
  }

  cancel(): void {
    this.stopped = true
    for (const s of this.slots) if (s.runId) void s.w.remote.cancel(s.runId)
  }

  dispose(): void {
    for (const s of this.slots) s.w.dispose()
    this.slots = []
  }
}
