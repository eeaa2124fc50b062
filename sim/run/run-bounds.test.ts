import { describe, expect, it } from 'vitest'
import { buildWorld } from '../world/generate/generate-world.ts'
import { compileWorld } from '../world/compile.ts'
import { parseLayer } from '../world/world-io.ts'
import { parseScenario } from '../scenario/schema.ts'
import { simulate } from './simulate.ts'
import { Model } from '../model/model.ts'
import { checkRunBounds, estimateRun, RunBoundsError, RUN_MEMORY_LIMIT_BYTES } from './run-bounds.ts'

const street = () => compileWorld(buildWorld({ preset: 'street', seed: 1 }))

describe('run memory bounds', () => {
  it('a run with 5,000,000 households in every building is refused before allocating, naming the largest building', () => {
    const w = street()
    w.buildings.households.fill(5_000_000)
    const rss = process.memoryUsage().rss
    expect(() => simulate(w, parseScenario({}), { seed: 1, days: 1 })).toThrow(RunBoundsError)
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 ** 2)
    expect(() => checkRunBounds(w, parseScenario({}), 1)).toThrow(/about \d+\.\d GB of memory .* households .* 1 days .* the largest building, .+, has 5,000,000 households/)
  })

  it('10,000,000 households per building (more than 2^31 in all, which would wrap the household index) is refused even under a larger limit', () => {
    const w = street()
    w.buildings.households.fill(10_000_000)
    expect(() => checkRunBounds(w, parseScenario({}), 1, Number.MAX_SAFE_INTEGER)).toThrow(/households/)
  })

  it('estimates a street year far below the limit and lets it run', () => {
    const w = street()
    const e = estimateRun(w, parseScenario({}), 365)
    expect(e.households).toBeGreaterThan(10_000)
    expect(e.bytes).toBeLessThan(RUN_MEMORY_LIMIT_BYTES / 100)
    expect(() => checkRunBounds(w, parseScenario({}), 365)).not.toThrow()
  })

  it('counts every per-household column the model allocates (one more household adds their bytes beyond its issues)', () => {
    const sc = parseScenario({ demand: { issuesPerHouseholdYear: 0 } })
    const w = street()
    const a = estimateRun(w, sc, 365)
    // the model's typed arrays one element per household long, also inside its systems (participation, needs …)
    const m = new Model(w, sc, { seed: 1, days: 1 })
    let perHousehold = 0
    const seen = new Set<unknown>()
    const visit = (o: unknown, depth: number): void => {
      if (o === null || typeof o !== 'object' || seen.has(o) || depth > 2) return
      seen.add(o)
      if (ArrayBuffer.isView(o)) {
        if ((o as Float32Array).length === a.households) perHousehold += (o as Float32Array).BYTES_PER_ELEMENT
        return
      }
      for (const v of Object.values(o)) visit(v, depth + 1)
    }
    visit(m, 0)
    expect(perHousehold).toBeGreaterThanOrEqual(9)
    w.buildings.households[0] += 1000
    const b = estimateRun(w, sc, 365)
    expect(b.households - a.households).toBe(1000)
    expect(b.bytes - a.bytes).toBe(1000 * perHousehold)
  })

  it('a buildings layer with 10,000,000 households in one building is refused by the schema, naming the field', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'B1', households: 10_000_000 }, geometry: { type: 'Point', coordinates: [116.3, 39.8] } }] }
    expect(() => parseLayer('buildings', 'buildings.geojson', JSON.stringify(fc))).toThrow(/buildings\.geojson: feature 0 \("B1"\): households: .*10000/)
  })

  it('a building with 3,000 residents in 10 households is refused by the schema as implausible', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'B9', households: 10, residents: 3_000 }, geometry: { type: 'Point', coordinates: [116.3, 39.8] } }] }
    expect(() => parseLayer('buildings', 'buildings.geojson', JSON.stringify(fc))).toThrow(/feature 0 \("B9"\): residents: 3000 residents in 10 households is more than 20 per household/)
  })
})
