// The CLI as a user runs it: through bin/gongzhi.js in a child process.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { difference, intersect, union } from '../sim/geometry/clip.ts'
import { areaM2, centroidOf, distanceM, polysOf } from '../sim/geometry/measure.ts'

const gongzhi = (...args: string[]) => spawnSync(process.execPath, ['bin/gongzhi.js', ...args], { encoding: 'utf8' })
const dir = mkdtempSync(join(tmpdir(), 'gongzhi-cli-'))
const REAL_OUTLINE = 'test/fixtures/vonng-adcode-110106.gcj02.json'

describe('gongzhi world', () => {
  const out = join(dir, 'street')
  const built = gongzhi('world', 'build', '--preset', 'street', '--seed', '5', '--out', out)

  it('build writes every layer and a world.json with counts, totals, seed and generator version', () => {
    expect(built.status).toBe(0)
    const meta = JSON.parse(readFileSync(join(out, 'world.json'), 'utf8'))
    expect(meta.seed).toBe(5)
    expect(meta.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(meta.counts.grids).toBeGreaterThan(50)
    expect(meta.totals.residents).toBeGreaterThan(60_000)
    const grids = JSON.parse(readFileSync(join(out, 'grids.geojson'), 'utf8'))
    expect(grids.features).toHaveLength(meta.counts.grids)
  })

  it('check passes on the built world and exits 1 once a grid is removed, naming the gap', () => {
    const ok = gongzhi('world', 'check', out)
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout).summary.error).toBe(0)
    const grids = JSON.parse(readFileSync(join(out, 'grids.geojson'), 'utf8'))
    const removed = grids.features.shift()
    const broken = join(dir, 'broken')
    gongzhi('world', 'build', '--preset', 'street', '--seed', '5', '--out', broken)
    writeFileSync(join(broken, 'grids.geojson'), JSON.stringify(grids))
    const bad = gongzhi('world', 'check', join(broken, 'communities.geojson'), join(broken, 'grids.geojson'), join(broken, 'buildings.geojson'))
    expect(bad.status).toBe(1)
    const report = JSON.parse(bad.stdout)
    const gap = report.findings.find((f: { code: string }) => f.code === 'grid-gap')
    expect(gap.features[0].id).toBe(removed.properties.community)
    expect(gap.areaM2).toBeCloseTo(areaM2(polysOf(removed.geometry)), -1)
  })

  it('check names the file and feature of a malformed layer', () => {
    const bad = join(dir, 'bad')
    gongzhi('world', 'build', '--preset', 'street', '--seed', '5', '--out', bad)
    const grids = JSON.parse(readFileSync(join(bad, 'grids.geojson'), 'utf8'))
    grids.features[3].properties.workersFullTime = -2
    writeFileSync(join(bad, 'grids.geojson'), JSON.stringify(grids))
    const r = gongzhi('world', 'check', bad)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/grids\.geojson: feature 3 .*workersFullTime/)
  })

  it('rejects bad usage with exit code 2', () => {
    expect(gongzhi('world', 'build', '--preset', 'mars', '--out', dir).status).toBe(2)
    expect(gongzhi('world', 'build', '--preset', 'street', '--seed', 'x', '--out', dir).status).toBe(2)
    expect(gongzhi('frobnicate').status).toBe(2)
  })
})

describe('gongzhi import', () => {
  it('moves the real GCJ-02 Fengtai outline ≈0.5 km onto the default world outline', () => {
    const out = join(dir, 'fengtai-wgs84.geojson')
    const r = gongzhi('import', REAL_OUTLINE, '--crs', 'gcj02', '--out', out)
    expect(r.status).toBe(0)
    const raw = JSON.parse(readFileSync(REAL_OUTLINE, 'utf8')).coordinates[0]
    const moved = JSON.parse(readFileSync(out, 'utf8')).features[0].geometry
    // the whole outline moves by the GCJ-02 offset, ≈0.5 km toward the south-west
    const [c0, c1] = [centroidOf([[raw]]), centroidOf(polysOf(moved))]
    expect(distanceM(c0, c1)).toBeGreaterThan(400)
    expect(distanceM(c0, c1)).toBeLessThan(700)
    expect(c1[0]).toBeLessThan(c0[0])
    expect(c1[1]).toBeLessThan(c0[1])
    const district = polysOf(JSON.parse(readFileSync('data/outline/fengtai.geo.json', 'utf8')).features[0].geometry)
    const iou = (a: ReturnType<typeof polysOf>) => areaM2(intersect(a, district)) / areaM2(union(a, district))
    const before = iou([[raw]])
    const after = iou(polysOf(moved))
    expect(after).toBeGreaterThan(0.95)
    expect(after).toBeGreaterThan(before + 0.02)
    expect(areaM2(difference(polysOf(moved), district)) / areaM2(district)).toBeLessThan(0.03)
  })

  it('exits non-zero with a message naming the file and feature on bad input, writing nothing', () => {
    const f = join(dir, 'grids.geojson')
    writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '网格 7' }, geometry: { type: 'Polygon', coordinates: [[[116.3, 39.8], [116.31, 39.81], [116.31, 39.8], [116.3, 39.81], [116.3, 39.8]]] } }] }))
    const out = join(dir, 'never.geojson')
    const r = gongzhi('import', f, '--out', out)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/grids\.geojson: feature 0 \("网格 7"\).*cross/)
    expect(() => readFileSync(out)).toThrow()
  })
})
