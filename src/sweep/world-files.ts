// The edited world as the simulator's layer files, written in time slices so the main thread never blocks for
// long: `worldToFiles` on the fengtai world takes ≈100 ms in one piece (buildings alone are 6 MB of JSON), which
// froze the page for several frames at the start of every run. The output is byte-identical to worldToFiles (a
// test checks), so the worker parses exactly what the CLI would. The base layers never change while the app is
// open, so they are written once per World; only the grids follow the document.
import type { Feature, FeatureCollection } from 'geojson'
import { LAYER_FILES, type World } from '../../sim/api.ts'
import { yieldToLoop, type Yield } from '../yield.ts'

/** how long one slice may run before yielding to the event loop */
const SLICE_MS = 8


const now = () => performance.now()

/** stringifyLayer of sim/world/world-io.ts, one feature at a time with a yield whenever a slice is used up */
async function layerText(fc: FeatureCollection, pause: Yield, clock: { t: number }): Promise<string> {
  if (fc.features.length === 0) return '{"type":"FeatureCollection","features":[]}\n'
  const parts: string[] = []
  for (const f of fc.features as Feature[]) {
    parts.push(JSON.stringify(f))
    if (now() - clock.t > SLICE_MS) {
      await pause()
      clock.t = now()
    }
  }
  return `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}\n`
}

const baseCache = new WeakMap<World, Promise<Record<string, string>>>()

async function baseFiles(world: World, pause: Yield): Promise<Record<string, string>> {
  const clock = { t: now() }
  const files: Record<string, string> = {}
  for (const [layer, file] of Object.entries(LAYER_FILES)) {
    if (layer === 'grids') continue
    files[file] = await layerText(world[layer as keyof typeof LAYER_FILES], pause, clock)
  }
  files['world.json'] = JSON.stringify({ ...world.meta, layers: LAYER_FILES }, null, 2) + '\n'
  return files
}

/** worldToFiles({ ...world, grids }) without a long task; the base layers are cached per world */
export async function worldFilesSliced(world: World, grids: Feature[], pause: Yield = yieldToLoop): Promise<Record<string, string>> {
  let base = baseCache.get(world)
  if (!base) {
    base = baseFiles(world, pause)
    baseCache.set(world, base)
    base.catch(() => baseCache.delete(world))
  }
  const gridText = await layerText({ type: 'FeatureCollection', features: grids }, pause, { t: now() })
  const b = await base
  // worldToFiles's key order: the layers in LAYER_FILES order, then world.json
  const files: Record<string, string> = {}
  for (const [layer, file] of Object.entries(LAYER_FILES)) files[file] = layer === 'grids' ? gridText : b[file]
  files['world.json'] = b['world.json']
  return files
}
