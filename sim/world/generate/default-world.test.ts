// The embedded default world: real streets, real communities, census population, and a synthetic interior that
// passes the grid rules; determinism.
import { describe, expect, it } from 'vitest'
import { buildWorld, checkWorld, compileWorld, worldFromFiles, worldToFiles } from '../../api.ts'
import { areaM2, polysOf } from '../../geometry/measure.ts'
import { STREET_PRESET_CODE } from './generate-world.ts'
import { readFileSync } from 'node:fs'
import type { Polygon, MultiPolygon } from 'geojson'

const fengtai = buildWorld({ preset: 'fengtai', seed: 1 })
// the repository's copies of the sources (data/real/*/PROVENANCE.md)
const divisions = JSON.parse(readFileSync('data/real/divisions/beijing.json', 'utf8')) as { streets: string[][]; villages: string[][] }
const source = JSON.parse(readFileSync('data/real/bj-subdistricts/fengtai.geo.json', 'utf8')) as { features: { properties: { code: string }; geometry: Polygon | MultiPolygon }[] }

describe('fengtai preset', () => {
  it('has the 26 real streets and towns with their NBS names and codes', () => {
    const real = divisions.streets.filter(([c]) => c.startsWith('110106'))
    expect(fengtai.streets.features.map((f) => [f.properties.id, f.properties.name])).toEqual(real)
    expect(fengtai.streets.features.filter((f) => f.properties.kind === 'town')).toHaveLength(2)
  })

  it('draws each street with its source polygon (area within 1 %)', () => {
    expect(source.features).toHaveLength(26)
    for (const src of source.features) {
      const f = fengtai.streets.features.find((s) => s.properties.id === src.properties.code)!
      const a = areaM2(polysOf(f.geometry))
      const b = areaM2(polysOf(src.geometry))
      expect(Math.abs(a - b) / b, f.properties.name).toBeLessThan(0.01)
    }
  })

  it('has the real 2023 communities of every street: 383 社区 and 57 村, names and 12-digit codes as listed', () => {
    for (const st of fengtai.streets.features) {
      const listed = divisions.villages.filter(([c]) => c.slice(0, 9) === st.properties.id)
      const mine = fengtai.communities.features.filter((f) => f.properties.street === st.properties.id).map((f) => [f.properties.id, f.properties.name])
      expect(mine, st.properties.name).toEqual(listed)
    }
    const names = fengtai.communities.features.map((f) => f.properties.name)
    expect(names.filter((n) => n.endsWith('村'))).toHaveLength(57)
    expect(names).toHaveLength(440)
  })

  it('totals the 2020 census (2,019,764 residents) in ≈0.8 M households', () => {
    const res = fengtai.meta.totals.residents
    expect(Math.abs(res - 2_019_764) / 2_019_764).toBeLessThan(0.005)
    expect(fengtai.communities.features.reduce((s, f) => s + f.properties.residents, 0)).toBe(res)
    expect(fengtai.buildings.features.reduce((s, f) => s + f.properties.residents, 0)).toBe(res)
    expect(fengtai.meta.totals.households).toBeGreaterThan(760_000)
    expect(fengtai.meta.totals.households).toBeLessThan(860_000)
  })

  it('builds villages (村) lower and sparser than 社区', () => {
    const isVillage = new Set(fengtai.communities.features.filter((f) => f.properties.name.endsWith('村')).map((f) => f.properties.id))
    const floors = (v: boolean) => {
      const b = fengtai.buildings.features.filter((f) => isVillage.has(f.properties.community) === v)
      return b.reduce((s, f) => s + (f.properties.floors ?? 0), 0) / b.length
    }
    expect(floors(true)).toBeLessThan(0.6 * floors(false))
    const density = (v: boolean) => {
      const c = fengtai.communities.features.filter((f) => isVillage.has(f.properties.id) === v)
      return c.reduce((s, f) => s + f.properties.households, 0) / c.reduce((s, f) => s + areaM2(polysOf(f.geometry)), 0)
    }
    expect(density(true)).toBeLessThan(density(false) / 3)
  })

  it('keeps communities within 500–3,000 households, most 社区 within the 1,000–3,000 standard', () => {
    const hh = fengtai.communities.features.map((f) => f.properties.households).sort((a, b) => a - b)
    expect(hh[0]).toBeGreaterThanOrEqual(500)
    expect(hh[hh.length - 1]).toBeLessThanOrEqual(3000)
    const urban = fengtai.communities.features.filter((f) => f.properties.name.endsWith('社区')).map((f) => f.properties.households)
    expect(urban.filter((h) => h >= 1000).length / urban.length).toBeGreaterThan(0.85)
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

  it('says plainly what is real and what is generated', () => {
    expect(fengtai.meta.notice).toMatch(/Real: street and town boundaries .*bj-subdistricts, MIT.*NBS 2023.*2020 census.*Generated.*community boundaries, compounds, buildings, grids/)
    expect(fengtai.meta.leftOut).toEqual([])
    expect(fengtai.district.features[0].properties.synthetic).toBe(true)
    expect(JSON.parse(worldToFiles(fengtai)['world.json']).notice).toMatch(/真实数据.*程序按种子生成/)
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

  it('is one dense street (西罗园, 24 communities), identical to that street of the full world', () => {
    expect(a.streets.features.map((f) => f.properties.id)).toEqual([STREET_PRESET_CODE])
    expect(a.streets.features[0].properties.name).toBe('西罗园街道')
    expect(a.communities.features).toHaveLength(24)
    expect(a.communities.features).toEqual(fengtai.communities.features.filter((f) => f.properties.street === STREET_PRESET_CODE))
    expect(a.meta.totals.residents).toBe(fengtai.streets.features.find((f) => f.properties.id === STREET_PRESET_CODE)!.properties.residents)
    const inFull = fengtai.grids.features.filter((f) => f.properties.community.startsWith(STREET_PRESET_CODE))
    expect(a.grids.features).toEqual(inFull)
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
