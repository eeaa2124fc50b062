// The embedded default world: shape of the district, determinism, and that its grids pass the grid rules.
import { describe, expect, it } from 'vitest'
import { buildWorld, checkWorld, compileWorld, worldFromFiles, worldToFiles } from '../sim/api.ts'
import { areaM2, polysOf } from '../sim/geometry/measure.ts'
import { FENGTAI_STREETS, STREET_PRESET_CODE } from '../sim/world/generate/fengtai-streets.ts'
import { readFileSync } from 'node:fs'

const fengtai = buildWorld({ preset: 'fengtai', seed: 1 })

describe('fengtai preset', () => {
  it('has the 26 real streets and towns, ≈390 communities, ≈2.0 M residents in ≈0.8 M households', () => {
    const names = fengtai.streets.features.map((f) => f.properties.name)
    expect(names).toHaveLength(26)
    const real = readFileSync('../shared/data/real/modood-divisions/streets.csv', 'utf8')
      .split('\n')
      .filter((l) => l.includes(',110106,'))
      .map((l) => l.split(',')[1].replace(/"/g, ''))
    expect(new Set(names)).toEqual(new Set(real))
    expect(fengtai.streets.features.filter((f) => f.properties.kind === 'town')).toHaveLength(2)
    expect(fengtai.communities.features.length).toBeGreaterThanOrEqual(370)
    expect(fengtai.communities.features.length).toBeLessThanOrEqual(410)
    expect(fengtai.meta.totals.residents).toBeGreaterThan(1_950_000)
    expect(fengtai.meta.totals.residents).toBeLessThan(2_050_000)
    expect(fengtai.meta.totals.households).toBeGreaterThan(760_000)
    expect(fengtai.meta.totals.households).toBeLessThan(840_000)
  })

  it('keeps communities within 500–3,000 households, most near 2,000', () => {
    const hh = fengtai.communities.features.map((f) => f.properties.households).sort((a, b) => a - b)
    expect(hh[0]).toBeGreaterThanOrEqual(500)
    expect(hh[hh.length - 1]).toBeLessThanOrEqual(3000)
    const near = hh.filter((h) => h >= 1500 && h <= 2500).length / hh.length
    expect(near).toBeGreaterThan(0.6)
  })

  it('is dense in the urban north-east and sparse in the south-west towns', () => {
    const density = (code: string) => {
      const f = fengtai.streets.features.find((s) => s.properties.id === code)!
      return f.properties.residents / (areaM2(polysOf(f.geometry)) / 1e6)
    }
    expect(density('110106013')).toBeGreaterThan(10 * density('110106101')) // 方庄 vs 王佐镇
    expect(density('110106001')).toBeGreaterThan(5 * density('110106012')) // 右安门 vs 云岗
  })

  it('has grids of 300–500 households that tile every community, with no finding at all', () => {
    const report = checkWorld(fengtai)
    expect(report.findings).toEqual([])
    expect(report.grids.every((g) => g.households >= 300 && g.households <= 500)).toBe(true)
    expect(report.totals.households).toBe(fengtai.meta.totals.households)
  })

  it('places a party-mass centre and a service station in every community and an enforcement centre per street', () => {
    const kinds = (k: string) => fengtai.services.features.filter((f) => f.properties.kind === k)
    expect(new Set(kinds('party_mass_center').map((f) => f.properties.community)).size).toBe(fengtai.communities.features.length)
    expect(new Set(kinds('service_station').map((f) => f.properties.community)).size).toBe(fengtai.communities.features.length)
    expect(new Set(kinds('enforcement_center').map((f) => f.properties.street)).size).toBe(26)
  })

  it('says plainly that the interior is synthetic', () => {
    expect(fengtai.meta.notice).toMatch(/synthetic/)
    expect(fengtai.district.features[0].properties.synthetic).toBe(true)
    expect(JSON.parse(worldToFiles(fengtai)['world.json']).notice).toMatch(/合成/)
  })

  it('compiles into linked columns: every building in a grid, grid totals add up', () => {
    const c = compileWorld(fengtai)
    expect(c.unassignedBuildings).toBe(0)
    expect(c.buildings.n).toBe(fengtai.buildings.features.length)
    const sum = (a: Int32Array) => a.reduce((s, x) => s + x, 0)
    expect(sum(c.grids.households)).toBe(fengtai.meta.totals.households)
    for (let i = 0; i < c.buildings.n; i += 97) {
      const g = c.buildings.grid[i]
      expect(c.communities.ids[c.grids.community[g]]).toBe(fengtai.grids.features[g].properties.community)
      expect(c.buildings.street[i]).toBe(c.communities.street[c.buildings.community[i]])
    }
    expect(c.gridBuildings.offsets[c.grids.n]).toBe(c.buildings.n)
  })
})

describe('street preset', () => {
  const a = buildWorld({ preset: 'street', seed: 1 })

  it('is one dense street of 60–80 thousand residents, identical to that street of the full world', () => {
    expect(a.streets.features.map((f) => f.properties.id)).toEqual([STREET_PRESET_CODE])
    expect(a.meta.totals.residents).toBeGreaterThan(60_000)
    expect(a.meta.totals.residents).toBeLessThan(80_000)
    const inFull = fengtai.grids.features.filter((f) => f.properties.community.startsWith(STREET_PRESET_CODE))
    expect(a.grids.features).toEqual(inFull)
    expect(FENGTAI_STREETS.some((s) => s.code === STREET_PRESET_CODE)).toBe(true)
  })

  it('gives byte-identical files for the same seed and different ones for another seed', () => {
    const b = buildWorld({ preset: 'street', seed: 1 })
    expect(worldToFiles(b)).toEqual(worldToFiles(a))
    const c = buildWorld({ preset: 'street', seed: 2 })
    expect(worldToFiles(c)['grids.geojson']).not.toEqual(worldToFiles(a)['grids.geojson'])
  })

  it('survives a round trip through its files', () => {
    const back = worldFromFiles(worldToFiles(a))
    expect(back.grids).toEqual(a.grids)
    expect(back.buildings).toEqual(a.buildings)
    expect(checkWorld(back).summary).toEqual({ error: 0, warning: 0, info: 0 })
  })
})
