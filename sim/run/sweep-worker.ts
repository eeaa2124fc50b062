// One thread of `gongzhi sweep` and `gongzhi worker` (driven by sim/cli/sweep-threads.ts). The main thread builds
// and compiles the world once and sends it as a message (see world-message.ts), so a worker only boots and then
// runs the jobs it is fed, returning the run's summary metrics (sim/sweep/rows.ts). Imports only the modules a run
// needs (not the world builder or importers), to boot fast.
import { parentPort } from 'node:worker_threads'
import type { CompiledWorld } from '../world/compile.ts'
import { parseScenario } from '../scenario/schema.ts'
import { metricsOf } from '../sweep/rows.ts'
import { simulate } from './simulate.ts'
import { worldFromMessage, type WorldMessage } from './world-message.ts'

export interface SweepRunMessage {
  id: string
  scenario: unknown
  seed: number
  days: number
}

let world: CompiledWorld | null = null

parentPort!.on('message', (msg: SweepRunMessage | { world: WorldMessage }) => {
  if ('world' in msg) {
    world = worldFromMessage(msg.world)
    parentPort!.postMessage({ ready: true })
    return
  }
  const r = simulate(world!, parseScenario(msg.scenario), { seed: msg.seed, days: msg.days, detail: false })
  parentPort!.postMessage({ id: msg.id, metrics: metricsOf(r) })
})
