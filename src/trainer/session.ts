// The trainer's runs: the world and the scenarios recorded for playback in the simulation worker (sim/worker.ts,
// its `record` method: binary batches transferred as they are made), joined into recordings on the page.
import * as Comlink from 'comlink'
import { RecordingBuilder, type EventBatch, type Places, type Preset, type Recording, type SimResult, type SimService } from '../../sim/api.ts'

export interface Run {
  scenario: string
  rec: Recording
  result: SimResult
  /** wall-clock ms the recorded run took */
  ms: number
}

export interface Session {
  places: Places
  runs: Run[]
  dispose(): void
}

/** records each scenario on the same world and seed (common random numbers: the same issues arise in each) */
export async function recordRuns(preset: Preset, seed: number, scenarios: string[], days: number, onProgress: (done: number, total: number) => void): Promise<Session> {
  const worker = new Worker(new URL('../../sim/worker.ts', import.meta.url), { type: 'module' })
  const sim = Comlink.wrap<SimService>(worker)
  await sim.loadWorld({ preset, seed })
  const places = await sim.places()
  const runs: Run[] = []
  for (const [k, scenario] of scenarios.entries()) {
    const b = new RecordingBuilder()
    const t0 = performance.now()
    const result = await sim.record(
      { scenario, seed, days, detail: true },
      Comlink.proxy((d: number, n: number) => onProgress(k * n + d, scenarios.length * n)),
      Comlink.proxy((batch: EventBatch) => b.add(batch)),
    )
    // batches are posted before the run's promise resolves, in order; give the last callbacks a turn
    await new Promise((r) => setTimeout(r, 0))
    runs.push({ scenario, rec: b.finish(days * 1440), result, ms: performance.now() - t0 })
  }
  return { places, runs, dispose: () => worker.terminate() }
}
