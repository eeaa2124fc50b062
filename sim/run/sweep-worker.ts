// One thread of `gongzhi sweep`. The main thread builds and compiles the world once and sends it as the first
// message (see world-message.ts), so a worker only boots and then runs the jobs it is fed, returning one flat row of
// metrics per run. Imports only the modules a run needs (not the world builder or importers), to boot fast.
import { parentPort } from 'node:worker_threads'
import type { CompiledWorld } from '../world/compile.ts'
import { parseScenario } from '../scenario/schema.ts'
import { metricAt, simulate, SUMMARY_METRICS } from './simulate.ts'
import { worldFromMessage, type WorldMessage } from './world-message.ts'

export interface SweepJob {
  id: string
  scenario: unknown
  seed: number
  days: number
}

let world: CompiledWorld | null = null

parentPort!.on('message', (msg: SweepJob | { world: WorldMessage }) => {
  if ('world' in msg) {
    world = worldFromMessage(msg.world)
    parentPort!.postMessage({ ready: true })
    return
  }
  const r = simulate(world!, parseScenario(msg.scenario), { seed: msg.seed, days: msg.days, detail: false })
  const metrics: Record<string, number> = {}
  for (const m of SUMMARY_METRICS) metrics[m] = metricAt(r, m)
  parentPort!.postMessage({ id: msg.id, metrics })
})
