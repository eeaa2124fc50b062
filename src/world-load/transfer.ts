// The world from its worker to the page without one long task (issue 14): a structured clone of the whole city
// (hundreds of thousands of GeoJSON objects) is deserialised in one piece on the page's thread — minutes under
// load. Instead the worker encodes each layer's features in chunks of JSON bytes whose buffers are transferred
// (moved, not copied), and the page decodes them a chunk at a time, yielding between slices.
import type { World } from '../../sim/api.ts'
import { yieldToLoop, type Yield } from '../yield.ts'

const WORLD_LAYERS = ['district', 'streets', 'communities', 'compounds', 'buildings', 'grids', 'services', 'roads'] as const satisfies readonly Exclude<keyof World, 'meta'>[]

/** features per chunk: a few milliseconds of JSON.parse each on an idle core */
const CHUNK = 3000
/** the page decodes for at most this long before it yields to input and rendering */
const SLICE_MS = 12

export interface PackedWorld {
  /** the world with every layer's features left out */
  head: World
  /** per layer, its features as UTF-8 JSON arrays, in order */
  chunks: Record<string, Uint8Array[]>
}

/** JSON has no NaN or ±Infinity: they travel as tagged strings and come back as numbers */
const NONFINITE = '\u0000n:'
const replacer = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? NONFINITE + String(v) : v)
const reviver = (_k: string, v: unknown) => (typeof v === 'string' && v.startsWith(NONFINITE) ? Number(v.slice(NONFINITE.length)) : v)

/** `items` as chunks of UTF-8 JSON (exact: non-finite numbers survive when `exact`) */
export function packItems(items: readonly unknown[], exact = false, chunk = CHUNK): Uint8Array[] {
  const enc = new TextEncoder()
  const out: Uint8Array[] = []
  for (let i = 0; i < items.length; i += chunk) out.push(enc.encode(JSON.stringify(items.slice(i, i + chunk), exact ? replacer : undefined)))
  return out
}

type LayerName = (typeof WORLD_LAYERS)[number]

/** the layer `name` of `w` with other features: decoded JSON is trusted to be what the worker encoded */
function setFeatures<K extends LayerName>(w: World, name: K, features: unknown[]): void {
  w[name] = { ...w[name], features: features as World[K]['features'] }
}

export function packWorld(w: World): PackedWorld {
  const head: World = { ...w }
  const chunks: Record<string, Uint8Array[]> = {}
  for (const name of WORLD_LAYERS) {
    setFeatures(head, name, [])
    chunks[name] = packItems(w[name].features)
  }
  return { head, chunks }
}

/** every buffer a packed message holds, for Comlink.transfer / postMessage's transfer list */
export function buffersOf(chunks: Iterable<Uint8Array>): ArrayBuffer[] {
  return [...chunks].map((c) => c.buffer as ArrayBuffer)
}


/** Decode chunks into one array, yielding whenever a slice has run SLICE_MS. */
export async function unpackItems<T>(chunks: readonly Uint8Array[], yieldNow: Yield = yieldToLoop, exact = false): Promise<T[]> {
  const dec = new TextDecoder()
  const out: T[] = []
  let t0 = performance.now()
  for (const c of chunks) {
    const part = JSON.parse(dec.decode(c), exact ? reviver : undefined) as T[]
    for (const x of part) out.push(x)
    if (performance.now() - t0 > SLICE_MS) {
      await yieldNow()
      t0 = performance.now()
    }
  }
  return out
}

export async function unpackWorld(p: PackedWorld, yieldNow: Yield = yieldToLoop): Promise<World> {
  const w: World = { ...p.head }
  for (const name of WORLD_LAYERS) setFeatures(w, name, await unpackItems(p.chunks[name] ?? [], yieldNow))
  return w
}
