// The trainer's simulation worker (sim/worker.ts): it builds the world once — the page draws the layers it hands
// back — and records scenarios for playback with its `record` method (binary batches transferred as they are
// made), which the page joins into recordings.
import * as Comlink from 'comlink'
import { RecordingBuilder, type EventBatch, type Places, type Preset, type Recording, type SimResult, type SimService, type World } from '../../sim/api.ts'

export interface Run {
  scenario: string
  rec: Recording
  result: SimResult
  /** wall-clock ms the recorded run took */
  ms: number
}

export interface Session {
  world: World
  places: Places
  /** records each scenario on the session's world and seed (common random numbers: the same issues arise in each) */
  record(scenarios: string[], days: number, onProgress: (done: number, total: number) => void): Promise<Run[]>
  dispose(): void
}

export async function openSession(preset: Preset, seed: number): Promise<Session> {
  const worker = new Worker(new URL('../../sim/worker.ts', import.meta.url), { type: 'module' })
  const sim = Comlink.wrap<SimService>(worker)
  await sim.loadWorld({ preset, seed }, true)
  const [world, places] = await Promise.all([sim.layers(), sim.places()])
  return {
    world,
    places,
    async record(scenarios, days, onProgress) {
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
      return runs
    },
    dispose: () => worker.terminate(),
  }
}
