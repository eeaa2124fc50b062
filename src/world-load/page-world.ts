// What the world's worker hands the page (issue 14): the world packed in transferable chunks, the check of every
// community (done in the worker, not on the page's thread), where each building lies, and the buildings' draw
// buffers. Every typed array travels by transfer.
import { buildingPlaces, checkCommunity, indexGridLayer, type BuildingPlaces, type CommunityCheck, type World } from '../../sim/api.ts'
import { buildingArrays, type BuildingArrays } from '../layers/building-arrays.ts'
import { failedCheck } from '../store/store.ts'
import { buffersOf, packItems, packWorld, unpackItems, unpackWorld, type PackedWorld } from './transfer.ts'
import { yieldToLoop, type Yield } from '../yield.ts'

export interface PageWorldMessage {
  world: PackedWorld
  /** CommunityCheck[] in chunks */
  checks: Uint8Array[]
  places: BuildingPlaces
  arrays: BuildingArrays
}

/** what the store and the map take instead of computing it on the page */
export interface Prepared {
  checks: CommunityCheck[]
  places: BuildingPlaces
  arrays: BuildingArrays
}

/** In the world's worker: what the page needs, with every community checked as the store checks it. */
export function preparePageWorld(world: World): PageWorldMessage {
  const places = buildingPlaces(world)
  const grids = { type: 'FeatureCollection' as const, features: world.grids.features.filter((g) => g.properties.layer !== 'party') }
  const ix = indexGridLayer({ communities: world.communities, buildings: world.buildings, grids }, places)
  const checks = [...ix.communities.keys()].map((id) => {
    try {
      return checkCommunity(ix, id)
    } catch (e) {
      return failedCheck(id, e)
    }
  })
  return { world: packWorld(world), checks: packItems(checks, true, 500), places, arrays: buildingArrays(world) }
}

export function pageWorldBuffers(m: PageWorldMessage): ArrayBuffer[] {
  const a = m.arrays
  const typed = [m.places.points, m.places.owner, a.positions, a.starts, a.fill, a.centres, ...(a.indices ? [a.indices] : [])]
  return [...buffersOf(Object.values(m.world.chunks).flat()), ...buffersOf(m.checks), ...new Set(typed.map((x) => x.buffer as ArrayBuffer))]
}

/** Decode the message a slice at a time. */
export async function receivePageWorld(m: PageWorldMessage, yieldNow: Yield = yieldToLoop): Promise<{ world: World; prepared: Prepared }> {
  const world = await unpackWorld(m.world, yieldNow)
  const checks = await unpackItems<CommunityCheck>(m.checks, yieldNow, true)
  return { world, prepared: { checks, places: m.places, arrays: m.arrays } }
}
