// Builds the world off the main thread (fengtai ≈1.5–5 s, the largest district ≈10 s), reporting streets done.
import * as Comlink from 'comlink'
import { buildWorld, type Preset } from '../sim/api.ts'

const api = {
  build(preset: Preset, seed: number, onProgress?: (done: number, total: number) => void) {
    return buildWorld({ preset, seed, onProgress: onProgress ? (d, n) => void onProgress(d, n) : undefined })
  },
}
export type WorldWorker = typeof api
Comlink.expose(api)
