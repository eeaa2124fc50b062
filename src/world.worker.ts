// Builds the world off the main thread (fengtai ≈1.5–5 s, the largest district ≈10 s, the whole city minutes),
// reporting streets done. For the page it also does what would otherwise be long tasks on the page's thread
// (issue 14): the check of every community, where each building lies, the buildings' draw buffers, and the
// encoding of the world into chunks whose buffers are transferred, not cloned (src/world-load/).
import * as Comlink from 'comlink'
import { buildWorld, presetOutlines, type Preset, type PresetOutlines } from '../sim/api.ts'
import { pageWorldBuffers, preparePageWorld, type PageWorldMessage } from './world-load/page-world.ts'

const api = {
  /** the real district and street outlines, about a second: the page draws them while build() makes the interior */
  outlines(preset: Preset, seed: number): PresetOutlines {
    return presetOutlines(preset, seed)
  },
  build(preset: Preset, seed: number, onProgress?: (done: number, total: number) => void) {
    return buildWorld({ preset, seed, onProgress: onProgress ? (d, n) => void onProgress(d, n) : undefined })
  },
  /** the world as the page takes it: packed, with its checks, building places and draw buffers */
  buildForPage(preset: Preset, seed: number, onProgress?: (done: number, total: number) => void): PageWorldMessage {
    const msg = preparePageWorld(api.build(preset, seed, onProgress))
    return Comlink.transfer(msg, pageWorldBuffers(msg))
  },
}
export type WorldWorker = typeof api
Comlink.expose(api)
