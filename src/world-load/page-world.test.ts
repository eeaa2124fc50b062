// The world as the page receives it from its worker (issue 14): the same world, the same checks as the page
// would compute itself, and the decoding in slices.
import { describe, expect, it } from 'vitest'
import { buildWorld } from '../../sim/api.ts'
import { buildingArrays } from '../layers/building-arrays.ts'
import { Store, type Doc, type GridFeature } from '../store/store.ts'
import { pageWorldBuffers, preparePageWorld, receivePageWorld } from './page-world.ts'
import { packItems, unpackItems } from './transfer.ts'

const world = buildWorld({ preset: 'street', seed: 1 })
const checksOf = (s: Store) => [...s.state.checks.values()].sort((a, b) => a.community.localeCompare(b.community))

describe('the world from its worker', () => {
  it('arrives whole from transferable chunks, whatever the slicing', async () => {
    const msg = preparePageWorld(world)
    const buffers = pageWorldBuffers(msg)
    expect(new Set(buffers).size).toBe(buffers.length)
    // a real transfer: the buffers leave the sender
    const moved = structuredClone(msg, { transfer: buffers })
    expect(msg.world.chunks.buildings[0].byteLength).toBe(0)
    const { world: got, prepared } = await receivePageWorld(moved, async () => undefined)
    expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(JSON.stringify(world)))
    expect(got.buildings.features.length).toBe(world.buildings.features.length)
    expect(prepared.arrays.positions).toEqual(buildingArrays(world).positions)
    expect(prepared.checks.length).toBe(world.communities.features.length)
  })

  it('keeps numbers JSON cannot write in the checks', async () => {
    const items = [{ a: NaN, b: Infinity, c: -Infinity, d: 1.5, e: 'x' }]
    expect(await unpackItems(packItems(items, true), async () => undefined, true)).toEqual(items)
  })

  it('gives the store the checks it would compute itself, for the world and for an edited document', async () => {
    const { world: w, prepared } = await receivePageWorld(preparePageWorld(world))
    const plain = new Store(w)
    const fast = new Store(w, undefined, prepared)
    expect(checksOf(fast)).toEqual(checksOf(plain))
    expect(fast.state.findings).toEqual(plain.state.findings)
    // a reloaded project with one grid changed: only its community is checked again, with the same answer
    const g = w.grids.features.find((x) => x.properties.layer !== 'party') as GridFeature
    const ring = (g.geometry.type === 'Polygon' ? g.geometry.coordinates[0] : g.geometry.coordinates[0][0]).map((p) => p.slice())
    ring[1] = [ring[1][0] + 0.0002, ring[1][1] + 0.0001]
    const edited = { ...g, geometry: { type: 'Polygon' as const, coordinates: [ring] } }
    const doc: Doc = { grids: w.grids.features.map((x) => (x === g ? edited : x)) as GridFeature[], imported: [] }
    const plainEdited = new Store(w, doc)
    const fastEdited = new Store(w, doc, prepared)
    expect(checksOf(fastEdited)).toEqual(checksOf(plainEdited))
    // and the next edit, on the index the store built lazily, agrees too
    const again: Doc = { ...doc, grids: doc.grids.filter((x) => x !== edited) }
    plainEdited.commit(again)
    fastEdited.commit(again)
    expect(checksOf(fastEdited)).toEqual(checksOf(plainEdited))
    expect(fastEdited.state.findings).toEqual(plainEdited.state.findings)
    // the index built between frames, a slice at a time, serves the next edit the same
    const warmed = new Store(w, undefined, prepared)
    await warmed.warmIndex(async () => undefined, 0)
    warmed.commit(doc)
    expect(checksOf(warmed)).toEqual(checksOf(new Store(w, doc)))
  })
})
