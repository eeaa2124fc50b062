// Builds the world off the main thread (the fengtai preset takes ≈1.5 s).
import * as Comlink from 'comlink'
import { buildWorld, type Preset } from '../sim/api.ts'

const api = {
  build(preset: Preset, seed: number) {
    return buildWorld({ preset, seed })
  },
}
export type WorldWorker = typeof api
Comlink.expose(api)
