// `gongzhi world from` as a street office would use it: its own community boundaries (Chinese column names,
// GCJ-02 coordinates), optionally buildings as points and hand-drawn grids, through bin/gongzhi.js.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import gcoord from 'gcoord'
import type { Feature, FeatureCollection, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { buildWorld, checkWorld } from '../sim/api.ts'
import { areaM2, centroidOf, polysOf } from '../sim/geometry/measure.ts'

const gongzhi = (...args: string[]) => spawnSync(process.execPath, ['bin/gongzhi.js', ...args], { encoding: 'utf8' })
const dir = mkdtempSync(join(tmpdir(), 'gongzhi-from-'))
const street = buildWorld({ preset: 'street', seed: 1 })

const toGcj = (p: Position): Position => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as Position
const mapCoords = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? toGcj(c as Position) : (c as unknown[]).map(mapCoords))
const write = (name: string, features: Feature[]) => {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features } satisfies FeatureCollection))
  return path
}

/** The communities of the `street` world as a street office keeps them: Chinese columns, GCJ-02. */
const communitiesFile = write(
  'communities-gcj02.geojson',
  street.communities.features.map((f) => ({
    type: 'Feature',
    properties: { 社区代码: f.properties.id, 名称: f.properties.name, 户数: f.properties.households, 人口: f.properties.residents, 街道: '西罗园街道' },
    geometry: { ...f.geometry, coordinates: mapCoords(f.geometry.coordinates) } as Feature['geometry'],
  })),
)

describe('gongzhi world from', () => {
  const out = join(dir, 'rebuilt')
  const built = gongzhi('world', 'from', '--communities', communitiesFile, '--crs', 'gcj02', '--out', out)

  it('rebuilds a world from communities only: households equal the file, origins are said, the check is clean', () => {
    expect(built.stderr).toMatch(/mapped .*name ← 名称.*households ← 户数.*residents ← 人口/)
    expect(built.status).toBe(0)
    expect(built.stderr).toMatch(/streets\s+derived/)
    expect(built.stderr).toMatch(/buildings\s+generated/)
    const communities = JSON.parse(readFileSync(join(out, 'communities.geojson'), 'utf8')) as FeatureCollection
    expect(communities.features).toHaveLength(street.communities.features.length)
    const byId = new Map(street.communities.features.map((f) => [f.properties.id, f]))
    for (const f of communities.features) {
      const src = byId.get(f.properties!.id)!
      expect(f.properties!.households).toBe(src.properties.households)
      expect(f.properties!.origin).toBe('file')
      // GCJ-02 → WGS84 lands on the source polygon (≈1 m of the ≈500 m offset remains)
      const a = centroidOf(polysOf(f.geometry as never))
      const b = centroidOf(polysOf(src.geometry))
      expect(Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1])).toBeLessThan(2e-5)
    }
    const buildings = JSON.parse(readFileSync(join(out, 'buildings.geojson'), 'utf8')) as FeatureCollection
    const sum = new Map<string, number>()
    for (const b of buildings.features) sum.set(b.properties!.community, (sum.get(b.properties!.community) ?? 0) + b.properties!.households)
    for (const f of communities.features) expect(sum.get(f.properties!.id)).toBe(f.properties!.households)
    expect(buildings.features.every((b) => b.properties!.origin === 'generated')).toBe(true)
    const streets = JSON.parse(readFileSync(join(out, 'streets.geojson'), 'utf8')) as FeatureCollection
    expect(streets.features.map((s) => [s.properties!.name, s.properties!.origin])).toEqual([['西罗园街道', 'derived']])
    const meta = JSON.parse(readFileSync(join(out, 'world.json'), 'utf8'))
    expect(meta.notice).toMatch(/communities: from your file; streets: derived; buildings: generated; grids: generated/)

    const check = gongzhi('world', 'check', out)
    expect(JSON.parse(check.stdout).summary.error).toBe(0)
    expect(check.status).toBe(0)
  })

  it('runs a scenario on the rebuilt world', () => {
    const result = join(dir, 'run.json')
    const r = gongzhi('run', '--world', out, '--scenario', 'grid-management', '--days', '30', '--seed', '1', '--out', result)
    expect(r.stderr).toBe(r.status === 0 ? r.stderr : '')
    expect(r.status).toBe(0)
    const res = JSON.parse(readFileSync(result, 'utf8'))
    expect(res.world.communities).toBe(street.communities.features.length)
    expect(res.world.households).toBe(street.communities.features.reduce((s, f) => s + f.properties.households, 0))
    expect(res.issues.known).toBeGreaterThan(0)
    expect(res.rates.response).toBeGreaterThan(0.5)
  })

  it('same seed, same bytes', () => {
    const again = join(dir, 'again')
    expect(gongzhi('world', 'from', '--communities', communitiesFile, '--crs', 'gcj02', '--out', again).status).toBe(0)
    for (const f of ['communities.geojson', 'buildings.geojson', 'grids.geojson']) expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'))
  })

  it('keeps grids that leave a gap as drawn, with buildings as points, and the check shows the gap', () => {
    const cs = street.communities.features.slice(0, 3)
    const ids = new Set(cs.map((c) => c.properties.id))
    const cfile = write('three.geojson', cs.map((f) => ({ type: 'Feature', properties: { 编码: f.properties.id, 社区名称: f.properties.name }, geometry: f.geometry })))
    const pts = street.buildings.features.filter((b) => ids.has(b.properties.community))
    const bfile = write('buildings-points.geojson', pts.map((b) => ({ type: 'Feature', properties: { 楼栋编号: b.properties.id, 所属社区: b.properties.community, 户数: b.properties.households }, geometry: { type: 'Point', coordinates: centroidOf([b.geometry.coordinates]) } })))
    const grids = street.grids.features.filter((g) => ids.has(g.properties.community))
    const removed = grids.shift()!
    const gfile = write('grids-gap.geojson', grids.map((g) => ({ type: 'Feature', properties: { 网格名称: g.properties.name, 所属社区: g.properties.community, 网格员: 1 }, geometry: g.geometry })))
    const out2 = join(dir, 'gap')
    const r = gongzhi('world', 'from', '--communities', cfile, '--buildings', bfile, '--grids', gfile, '--crs', 'wgs84', '--out', out2)
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(new RegExp(`${pts.length} points drawn as 20 m squares`))
    expect(r.stderr).toMatch(/households: 0 communities from the file, 0 from residents \(÷ 2\.45\), 3 from their buildings/)
    const written = JSON.parse(readFileSync(join(out2, 'grids.geojson'), 'utf8')) as FeatureCollection
    expect(written.features).toHaveLength(grids.length)
    // kept exactly as drawn: same rings, not repaired
    written.features.forEach((f, i) => expect(areaM2(polysOf(f.geometry as never))).toBeCloseTo(areaM2(polysOf(grids[i].geometry)), 0))
    const check = gongzhi('world', 'check', out2)
    expect(check.status).toBe(1)
    const gap = JSON.parse(check.stdout).findings.find((f: { code: string }) => f.code === 'grid-gap')
    expect(gap.features[0].id).toBe(removed.properties.community)
    const communities = JSON.parse(readFileSync(join(out2, 'communities.geojson'), 'utf8')) as FeatureCollection
    for (const c of communities.features) expect(c.properties!.households).toBe(pts.filter((b) => b.properties.community === c.properties!.id).reduce((s, b) => s + b.properties.households, 0))
  })

  it('asks to confirm the household estimate when no column gives households, then builds on it', () => {
    const cfile = write('names-only.geojson', street.communities.features.slice(0, 2).map((f) => ({ type: 'Feature', properties: { 名称: f.properties.name }, geometry: f.geometry })))
    const out3 = join(dir, 'estimate')
    const no = gongzhi('world', 'from', '--communities', cfile, '--out', out3)
    expect(no.status).toBe(1)
    expect(no.stderr).toMatch(/names-only\.geojson: 2 of 2 communities have no households.*--hh-per-ha 50/)
    expect(existsSync(out3)).toBe(false)
    const yes = gongzhi('world', 'from', '--communities', cfile, '--hh-per-ha', '80', '--out', out3)
    expect(yes.status).toBe(0)
    const communities = JSON.parse(readFileSync(join(out3, 'communities.geojson'), 'utf8')) as FeatureCollection
    for (const c of communities.features) expect(c.properties!.households).toBe(Math.max(1, Math.round((areaM2(polysOf(c.geometry as never)) / 1e4) * 80)))
    expect(checkWorld({ communities: communities as never, grids: JSON.parse(readFileSync(join(out3, 'grids.geojson'), 'utf8')), buildings: JSON.parse(readFileSync(join(out3, 'buildings.geojson'), 'utf8')) }).summary.error).toBe(0)
  })

  it('--map overrides a column choice; bad input is one line naming file and feature, and nothing is written', () => {
    const cfile = write('mixed.geojson', street.communities.features.slice(0, 2).map((f, i) => ({ type: 'Feature', properties: { 名称: f.properties.name, 户数: f.properties.households, 登记户数: i ? 'many' : 900 }, geometry: f.geometry })))
    const out4 = join(dir, 'mapped')
    const bad = gongzhi('world', 'from', '--communities', cfile, '--map', 'communities.households=登记户数', '--out', out4)
    expect(bad.status).toBe(1)
    // a value that does not fit is kept as a property (issue 10 §2), so the community has no households: one error line
    const errors = bad.stderr.trim().split('\n').filter((l) => l.startsWith('gongzhi world from:'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/mixed\.geojson: 1 of 2 communities have no households or residents \(column mapped: households\)/)
    expect(bad.stderr).toMatch(/mapped name ← 名称, households ← 登记户数/)
    // the value it does not use is said once, in one line naming the file, the column and an example
    const keptLines = bad.stderr.split('\n').filter((l) => /does not fit field/.test(l))
    expect(keptLines).toEqual(['warning: mixed.geojson: column "登记户数": 1 value does not fit field "households" (e.g. "many" is not a number); kept as a property'])
    // chosen automatically, the same line comes once (the read and the mapping both see it), and the world is built
    const auto = write('misfit.geojson', street.communities.features.slice(0, 2).map((f, i) => ({ type: 'Feature', properties: { 名称: f.properties.name, 户数: i ? '多' : f.properties.households, 人口: f.properties.residents }, geometry: f.geometry })))
    const ok = gongzhi('world', 'from', '--communities', auto, '--out', join(dir, 'misfit'))
    expect(ok.status).toBe(0)
    expect(ok.stderr.split('\n').filter((l) => /does not fit field/.test(l))).toEqual(['warning: misfit.geojson: column "户数": 1 value does not fit field "households" (e.g. "多" is not a number); kept as a property'])
    expect(existsSync(out4)).toBe(false)
    const missing = gongzhi('world', 'from', '--communities', join(dir, 'nope.geojson'), '--out', out4)
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/nope\.geojson: no such file/)
    expect(gongzhi('world', 'from', '--out', out4).status).toBe(2)
    expect(gongzhi('world', 'from', '--communities', cfile, '--map', 'nolayer.x=y', '--out', out4).status).toBe(2)
  })
})
