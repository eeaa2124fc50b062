// The worker code path in Node: the exposed service over a MessageChannel with comlink's node adapter gives the
// same JSON as a direct call; progress arrives; a run can be cancelled.
import { MessageChannel } from 'node:worker_threads'
import * as Comlink from 'comlink'
import { afterAll, describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, scenarioPreset, simulate } from './api.ts'
import { createSimService, type SimService } from './worker.ts'

const ADAPTER = 'comlink/dist/esm/node-adapter.mjs'
const { default: nodeEndpoint } = (await import(ADAPTER)) as { default: (p: unknown) => Comlink.Endpoint }
const { port1, port2 } = new MessageChannel()
Comlink.expose(createSimService(), nodeEndpoint(port1))
const sim = Comlink.wrap<SimService>(nodeEndpoint(port2))
afterAll(() => {
  port1.close()
  port2.close()
})

describe('worker service', () => {
  it('gives the same result as a direct call, with progress and playback events', async () => {
    const info = await sim.loadWorld({ preset: 'street', seed: 1 })
    expect(info.grids).toBeGreaterThan(50)
    const days: number[] = []
    let events = 0
    const viaWorker = await sim.run(
      { scenario: 'whistle', seed: 5, days: 20 },
      Comlink.proxy((d: number) => void days.push(d)),
      Comlink.proxy((es: unknown[]) => void (events += es.length)),
    )
    const direct = simulate(compileWorld(buildWorld({ preset: 'street', seed: 1 })), scenarioPreset('whistle'), { seed: 5, days: 20 })
    expect(JSON.stringify(viaWorker)).toBe(JSON.stringify(direct))
    await new Promise((r) => setTimeout(r, 20))
    expect(days.at(-1)).toBe(20)
    expect(events).toBeGreaterThan(direct.issues.arisen)
    const presets = await sim.scenarios()
    expect(presets.names).toContain('hotline-reform')
    expect(presets.levers.length).toBeGreaterThan(40)
  })

  it('hands its compiled world to another worker over a MessageChannel, which then gives the same results', async () => {
    const pair = new MessageChannel()
    Comlink.expose(createSimService(), nodeEndpoint(pair.port1))
    const other = Comlink.wrap<SimService>(nodeEndpoint(pair.port2))
    // the page's MessageChannel (the DOM type; in Node the same class as worker_threads')
    const { port1, port2 } = new globalThis.MessageChannel()
    const [, info] = await Promise.all([sim.shareWorld(Comlink.transfer(port1, [port1])), other.loadWorldFrom(Comlink.transfer(port2, [port2]))])
    expect(info.grids).toBeGreaterThan(50)
    const req = { scenario: 'hotline-reform', seed: 3, days: 15, detail: true }
    expect(JSON.stringify(await other.run(req))).toBe(JSON.stringify(await sim.run(req)))
    pair.port1.close()
    pair.port2.close()
  })

  it('cancels a run', async () => {
    const id = await sim.newRunId()
    const r = await sim.run(
      { scenario: 'hotline-reform', seed: 1, days: 200, detail: false },
      Comlink.proxy((d: number) => void (d === 3 && sim.cancel(id))),
      undefined,
      id,
    )
    expect(r.cancelled).toBe(true)
    expect(r.days).toBeLessThan(200)
  })
})
