// The whole city and every district. Building `beijing` in full takes minutes on the 2-core machine (see the
// README's benchmark), so the city is checked through its plan — the same streets, communities and populations
// buildWorld uses — and one district is built to show a street is the same inside the city as in its district.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildStreet, buildWorld, checkWorld, DISTRICTS, PRESETS, planPreset } from '../../api.ts'
import { leftOutOf } from './real-data.ts'

const census = JSON.parse(readFileSync('data/real/census-2020/beijing-districts.json', 'utf8')) as Record<string, { residents: number }>
const city = planPreset('beijing', 1)

describe('beijing preset', () => {
  it('has 16 districts, 343 streets and 7,525 communities, and a preset for every district', () => {
    expect(city).toHaveLength(16)
    expect(city.reduce((s, d) => s + d.streets.length, 0)).toBe(343)
    expect(city.reduce((s, d) => s + d.streets.reduce((a, st) => a + st.communities.length, 0), 0)).toBe(7525)
    for (const d of DISTRICTS) expect(PRESETS).toContain(d.pinyin)
  })

  it('totals the census: each district exactly, the city 21,893,095 ± 1 %', () => {
    let all = 0
    for (const { district, streets } of city) {
      const res = streets.reduce((s, st) => s + st.residents, 0)
      expect(res, district.name).toBe(census[district.code].residents)
      all += res
    }
    expect(Math.abs(all - 21_893_095) / 21_893_095).toBeLessThan(0.01)
  })

  it('plans a district the same alone and inside the city', () => {
    for (const p of ['dongcheng', 'yanqing'] as const) {
      const alone = planPreset(p, 1)[0]
      expect(city.find((d) => d.district.pinyin === p)!.streets).toEqual(alone.streets)
    }
  })
})

describe('a district world', () => {
  const w = buildWorld({ preset: 'dongcheng', seed: 3 })

  it('is Dongcheng: 17 streets, its census population, a clean check, nothing left out', () => {
    expect(w.district.features.map((f) => f.properties.name)).toEqual(['东城区'])
    expect(w.streets.features).toHaveLength(17)
    expect(w.meta.totals.residents).toBe(708_829)
    expect(w.meta.leftOut).toEqual([])
    expect(checkWorld(w).findings).toEqual([])
  })

  it('has a street identical to the same street built from the city plan', () => {
    const code = '110101001' // 东华门街道
    const fromCity = buildStreet(3, planPreset('beijing', 3).flatMap((d) => d.streets).find((s) => s.code === code)!)
    const inDistrict = w.grids.features.filter((f) => f.properties.community.startsWith(code))
    expect(inDistrict.length).toBeGreaterThan(0)
    // the world rounds coordinates to 7 decimals on output; compare ids, households and rounded rings
    const r7 = (x: number) => Math.round(x * 1e7) / 1e7
    const shape = (fs: typeof inDistrict) => fs.map((f) => [f.properties.id, JSON.stringify(f.geometry.coordinates, (_, v) => (typeof v === 'number' ? r7(v) : v))])
    expect(shape(fromCity.grids)).toEqual(shape(inDistrict))
  })

  it('leaves out the six special zones without polygons, and says so', () => {
    const out = DISTRICTS.flatMap((d) => leftOutOf(d).map((z) => z.code))
    expect(out).toEqual(['110115403', '110115404', '110115405', '110115406', '110116400', '110118400'])
    expect(planPreset('daxing', 1)[0].streets.map((s) => s.code)).not.toContain('110115406')
  })
})
