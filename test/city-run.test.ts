// City runs (issue 14 §1): a world of two districts — 西罗园 and a copy of it 0.3° east under other codes — run
// district by district and merged. The merge must equal the district runs done one by one, every rate must be the
// ratio of merged counts, districts and streets must add up to the city, and the CLI's output must be the same
// bytes with 1 and 2 worker threads.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, districtSeed, mergeCity, runShard, scenarioPreset, simulate, splitDistricts, worldToFiles, type CityResult, type World } from '../sim/api.ts'

const DAYS = 20
const SEED = 7
const scenario = scenarioPreset('co-governance-2024')

/** the street world twice: itself and a copy moved 0.3° east with every 110106… id renamed 990106… */
function twoDistricts(): World {
  const a = buildWorld({ preset: 'street', seed: 1 })
  const text = JSON.stringify({ ...a, roads: { type: 'FeatureCollection', features: [] } }).replaceAll('"110106', '"990106').replaceAll('丰台区', '东移区')
  const shift = (v: unknown): unknown => (Array.isArray(v) ? (typeof v[0] === 'number' ? [Math.round(((v[0] as number) + 0.3) * 1e7) / 1e7, v[1]] : v.map(shift)) : v)
  const b = JSON.parse(text, (k, v) => (k === 'coordinates' || k === 'base' ? shift(v) : v)) as World
  const w = structuredClone(a)
  for (const k of ['district', 'streets', 'communities', 'compounds', 'buildings', 'grids', 'services'] as const) (w[k].features as unknown[]).push(...b[k].features)
  return w
}

let world: World
let merged: CityResult
let oneByOne: ReturnType<typeof simulate>[]
const parts = () => splitDistricts(world)

beforeAll(async () => {
  world = twoDistricts()
  const ps = parts()
  const shards = ps.map((p) => p.shard)
  const results = []
  oneByOne = []
  for (const p of ps) {
    const cw = compileWorld(p.world)
    results.push(await runShard(cw, scenario, { code: p.shard.code, runSeeds: [SEED], days: DAYS }))
    oneByOne.push(simulate(cw, scenario, { seed: districtSeed(SEED, p.shard.code), days: DAYS, detail: false }))
  }
  merged = mergeCity(scenario, { preset: null, seed: null }, shards, results, DAYS)[0]
}, 120_000)

describe('city run', () => {
  it('splits a world into its districts, every feature in one of them', () => {
    const ps = parts()
    expect(ps.map((p) => p.shard.code)).toEqual(['110106', '990106'])
    for (const k of ['streets', 'communities', 'compounds', 'buildings', 'grids', 'services'] as const) expect(ps[0].world[k].features.length + ps[1].world[k].features.length).toBe(world[k].features.length)
    expect(ps[1].world.communities.features.every((c) => c.properties.id.startsWith('990106'))).toBe(true)
  })

  it('equals the district runs done one by one: counts add, district rates are the plain runs\' rates', () => {
    const sum = (f: (r: (typeof oneByOne)[number]) => number) => oneByOne.reduce((s, r) => s + f(r), 0)
    expect(merged.city.issues.arisen).toBe(sum((r) => r.issues.arisen))
    expect(merged.city.issues.known).toBe(sum((r) => r.issues.known))
    expect(merged.city.issues.closed).toBe(sum((r) => r.issues.closed))
    expect(merged.city.issues.hotline).toBe(sum((r) => r.issues.hotline))
    expect(merged.city.events).toBe(sum((r) => r.events))
    merged.districts.forEach((d, k) => {
      expect(d.issues.arisen).toBe(oneByOne[k].issues.arisen)
      expect(d.rates.resolution).toBe(oneByOne[k].rates.resolution)
      expect(d.rates.satisfaction).toBe(oneByOne[k].rates.satisfaction)
      expect(d.rates.response).toBe(oneByOne[k].rates.response)
      expect(d.hoursToClose.n).toBe(oneByOne[k].hoursToClose.n)
    })
    // two districts of the same streets under different seeds see different issues
    expect(merged.districts[0].issues.arisen).not.toBe(merged.districts[1].issues.arisen)
  })

  it('computes every merged rate as the ratio of merged counts, not a mean of rates', () => {
    const c = merged.city
    const r4 = (x: number) => Math.round(x * 1e4) / 1e4
    expect(c.rates.resolution).toBe(r4(c.callbacks.solved / c.callbacks.count))
    expect(c.rates.satisfaction).toBe(r4(c.callbacks.satisfied / c.callbacks.count))
    expect(c.rates.discovery).toBe(r4(c.issues.known / c.issues.arisen))
    const solved = merged.districts.reduce((s, d) => s + d.callbacks.solved, 0)
    const callbacks = merged.districts.reduce((s, d) => s + d.callbacks.count, 0)
    expect(c.rates.resolution).toBe(r4(solved / callbacks))
    // percentiles from the merged histogram lie between the districts' own
    const p90s = merged.districts.map((d) => d.hoursToClose.p90!)
    expect(c.hoursToClose.p90).toBeGreaterThanOrEqual(Math.min(...p90s))
    expect(c.hoursToClose.p90).toBeLessThanOrEqual(Math.max(...p90s))
    expect(Math.abs(c.hoursToClose.p90! - oneByOne[0].hoursToClose.p90!) / oneByOne[0].hoursToClose.p90!).toBeLessThan(0.25)
  })

  it('adds districts up to the city and streets up to their district', () => {
    const keys = ['arisen', 'known', 'closed', 'open', 'latent', 'hotline', 'proactive'] as const
    for (const k of keys) expect(merged.districts.reduce((s, d) => s + d.issues[k], 0)).toBe(merged.city.issues[k])
    expect(merged.districts.reduce((s, d) => s + d.residents, 0)).toBe(merged.city.residents)
    for (const d of merged.districts) {
      const streets = merged.streets.filter((s) => s.district === d.code)
      expect(streets.length).toBeGreaterThan(0)
      for (const k of keys) expect(streets.reduce((s, x) => s + x.issues[k], 0)).toBe(d.issues[k])
      expect(streets.reduce((s, x) => s + x.callbacks.solved, 0)).toBe(d.callbacks.solved)
    }
  })

  it('writes the same bytes from the CLI with 1 and 2 worker threads, equal to the merge done here', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-city-'))
    const wdir = join(dir, 'world')
    mkdirSync(wdir)
    for (const [name, text] of Object.entries(worldToFiles(world))) writeFileSync(join(wdir, name), text)
    const run = (n: number) => {
      const out = join(dir, `w${n}.json`)
      const r = spawnSync(process.execPath, ['bin/gongzhi.js', 'run', '--world', wdir, '--workers', String(n), '--scenario', 'co-governance-2024', '--days', String(DAYS), '--seed', String(SEED), '--out', out], { encoding: 'utf8' })
      expect(r.status, r.stderr).toBe(0)
      expect(r.stderr).toContain(`2 districts on ${n} worker thread`)
      return readFileSync(out, 'utf8')
    }
    const one = run(1)
    expect(run(2)).toBe(one)
    expect(one).toBe(JSON.stringify(merged) + '\n')
  }, 120_000)
})
