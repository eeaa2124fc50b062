// The CLI's sweep threads (sim/run/sweep-worker.ts), each one run in flight, for the local sweep and the queue
// worker alike: a thread gets a compiled world once, then runs the jobs it is given one at a time, answering each
// with its summary metrics.
import { Worker } from 'node:worker_threads'
import type { Scenario, WorldMessage } from '../api.ts'
import type { RunMetrics } from '../sweep/rows.ts'

/** a sweep thread: the JavaScript bundle beside the CLI when bin/bundle.js built it (boots in ≈50 ms), else the
 *  TypeScript module through tsx registered inside the thread (≈0.3 s) */
export function sweepWorker(): Worker {
  if (import.meta.url.endsWith('/cli.mjs')) return new Worker(new URL('./sweep-worker.mjs', import.meta.url))
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(new URL('../run/sweep-worker.ts', import.meta.url).href)}) })`
  return new Worker(boot, { eval: true })
}

export class SweepThread {
  readonly thread = sweepWorker()
  /** the key of the world it holds */
  worldKey: string | undefined

  /** the thread's one answer to `msg`; an error in the thread, or its exit, rejects */
  private ask(msg: unknown): Promise<Record<string, unknown>> {
    const t = this.thread
    return new Promise((resolve, reject) => {
      const off = () => (t.off('message', ok), t.off('error', bad), t.off('exit', gone))
      const ok = (m: Record<string, unknown>) => (off(), resolve(m))
      const bad = (e: Error) => (off(), reject(e))
      const gone = (code: number) => (off(), reject(new Error(`a sweep worker stopped (exit code ${code}) with runs left`)))
      t.on('message', ok)
      t.on('error', bad)
      t.on('exit', gone)
      t.postMessage(msg)
    })
  }

  async load(key: string, world: WorldMessage): Promise<void> {
    if (this.worldKey === key) return
    this.worldKey = undefined
    await this.ask({ world })
    this.worldKey = key
  }

  async run(id: string, scenario: Scenario, seed: number, days: number): Promise<RunMetrics> {
    const r = await this.ask({ id, scenario, seed, days })
    if (r.id !== id) throw new Error(`a sweep worker answered run ${String(r.id)} when asked for ${id}`)
    return r.metrics as RunMetrics
  }

  terminate(): Promise<number> {
    return this.thread.terminate()
  }
}
