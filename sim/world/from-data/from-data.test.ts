// The pieces of a world built from the user's files: street derivation from code and name columns, streets
// from a file, building polygons with households, grids naming an unknown community, the household estimate.
import type { Feature } from 'geojson'
import { describe, expect, it } from 'vitest'
import { buildWorld } from '../generate/generate-world.ts'
import { checkWorld } from '../check-world.ts'
import { compileWorld } from '../compile.ts'
import { union } from '../../geometry/clip.ts'
import { areaM2, polysOf, areaFromPolys } from '../../geometry/measure.ts'
import { applyChoice, autoMapping, mapLayer, type MappedLayer } from './mapping.ts'
import { readDataLayer, type DataLayer } from './read.ts'
import { buildFromData, noteText, planFromData } from './build.ts'

const street = buildWorld({ preset: 'street', seed: 1 })
const cs = street.communities.features

async function layer(name: string, l: DataLayer, features: Feature[], choices: [string, string][] = []): Promise<MappedLayer> {
  const r = await readDataLayer(name, new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })), l, 'wgs84')
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
  const m = autoMapping(r.read)
  for (const [f, c] of choices) expect(applyChoice(m, r.read, f, c)).toBeNull()
  const out = mapLayer(r.read, m)
  if (!out.ok) throw new Error(out.issues.map((i) => i.message).join('\n'))
  return out.layer
}

describe('world from data', () => {
  it('derives streets from a street-code column and names them from a street-name column', async () => {
    const communities = await layer('c.geojson', 'communities', cs.map((f, i) => ({
      type: 'Feature', geometry: f.geometry,
      properties: { 社区名称: f.properties.name, 户数: `${f.properties.households}户`, 街道代码: i < 6 ? '110106001' : '110106002', 街道名称: i < 6 ? '甲街道' : '乙街道' },
    })))
    expect(communities.mapping.fields).toMatchObject({ name: '社区名称', households: '户数', street: '街道代码', streetName: '街道名称' })
    const r = buildFromData({ communities })
    if (!r.ok) throw new Error(r.error)
    expect(r.world.streets.features.map((s) => [s.properties.id, s.properties.name, s.properties.origin])).toEqual([['110106001', '甲街道', 'derived'], ['110106002', '乙街道', 'derived']])
    const first = r.world.streets.features[0]
    expect(areaM2(polysOf(first.geometry))).toBeCloseTo(cs.slice(0, 6).reduce((s, f) => s + areaM2(polysOf(f.geometry)), 0), -3)
    expect(first.properties.households).toBe(cs.slice(0, 6).reduce((s, f) => s + f.properties.households, 0))
    expect(r.world.communities.features.map((c) => c.properties.households)).toEqual(cs.map((c) => c.properties.households))
    expect(r.world.meta.origins).toMatchObject({ communities: 'file', streets: 'derived', buildings: 'generated', grids: 'generated' })
    expect(checkWorld(r.world).summary.error).toBe(0)
    expect(compileWorld(r.world).communities.street[7]).toBe(1)
  })

  it('places communities in the streets of a streets file by where they lie', async () => {
    const halves = [cs.slice(0, 7), cs.slice(7)].map((part, i) => ({ type: 'Feature' as const, properties: { 名称: i ? '南片' : '北片' }, geometry: areaFromPolys(union(...part.map((f) => polysOf(f.geometry)))) }))
    const streets = await layer('s.geojson', 'streets', halves)
    const communities = await layer('c.geojson', 'communities', cs.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { 名称: f.properties.name, 人口: f.properties.residents } })))
    const r = buildFromData({ communities, streets })
    if (!r.ok) throw new Error(r.error)
    expect(r.world.streets.features.map((s) => [s.properties.name, s.properties.origin])).toEqual([['北片', 'file'], ['南片', 'file']])
    expect(r.world.communities.features.map((c) => c.properties.street)).toEqual(cs.map((_, i) => (i < 7 ? 'S01' : 'S02')))
    expect(r.summary.households.residents).toBe(cs.length)
    r.world.communities.features.forEach((c, i) => expect(c.properties.households).toBe(Math.round(cs[i].properties.residents / 2.45)))
  })

  it('uses building polygons with households as given, and a grid naming an unknown community is kept for the check', async () => {
    const ids = new Set([cs[0].properties.id])
    const communities = await layer('c.geojson', 'communities', [cs[0]].map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { 编码: f.properties.id, 名称: f.properties.name } })))
    const bs = street.buildings.features.filter((b) => ids.has(b.properties.community))
    const buildings = await layer('b.geojson', 'buildings', bs.map((b) => ({ type: 'Feature', geometry: b.geometry, properties: { 户数: b.properties.households, 层数: b.properties.floors } })))
    const gs = street.grids.features.filter((g) => ids.has(g.properties.community))
    const grids = await layer('g.geojson', 'grids', gs.map((g, i) => ({ type: 'Feature', geometry: g.geometry, properties: { 所属社区: i === 0 ? '不存在社区' : g.properties.community } })))
    const r = buildFromData({ communities, buildings, grids })
    if (!r.ok) throw new Error(r.error)
    expect(r.world.buildings.features.map((b) => b.properties.households)).toEqual(bs.map((b) => b.properties.households))
    expect(r.world.buildings.features.every((b) => b.properties.community === cs[0].properties.id && b.properties.origin === 'file')).toBe(true)
    expect(r.world.communities.features[0].properties.households).toBe(cs[0].properties.households)
    expect(r.summary.households.buildings).toBe(1)
    expect(r.world.compounds.features).toHaveLength(0)
    const findings = checkWorld(r.world).findings
    expect(findings.find((f) => f.code === 'grid-unknown-community')?.message).toContain('不存在社区')
    expect(findings.some((f) => f.code === 'grid-gap')).toBe(true)
  })

  it('notes, as an id with its figures, a community whose buildings hold other households than its file says', async () => {
    const c0 = cs[0]
    const communities = await layer('c.geojson', 'communities', [c0].map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { 编码: f.properties.id, 名称: f.properties.name, 户数: f.properties.households + 7 } })))
    const bs = street.buildings.features.filter((b) => b.properties.community === c0.properties.id)
    const buildings = await layer('b.geojson', 'buildings', bs.map((b) => ({ type: 'Feature', geometry: b.geometry, properties: { 户数: b.properties.households } })))
    const r = buildFromData({ communities, buildings })
    if (!r.ok) throw new Error(r.error)
    const held = bs.reduce((s, b) => s + b.properties.households, 0)
    const n = r.summary.noteMsgs.find((m) => m.id === 'householdsDiffer')
    expect(n?.params).toEqual({ community: c0.properties.name, buildings: held, file: 'c.geojson', households: c0.properties.households + 7 })
    expect(r.summary.notes).toEqual(r.summary.noteMsgs.map(noteText))
  })

  it('splits a community\'s households over file buildings that have none, by footprint × floors, and keeps feature ids', async () => {
    const c0 = cs[0]
    const communities = await layer('c.geojson', 'communities', [{ type: 'Feature', id: 'SQ-1', geometry: c0.geometry, properties: { 名称: c0.properties.name, 户数: 1000 } }])
    expect(communities.mapping.fields.id).toBe('(feature id)')
    const bs = street.buildings.features.filter((b) => b.properties.community === c0.properties.id).slice(0, 4)
    const buildings = await layer('b.geojson', 'buildings', bs.map((b, i) => ({ type: 'Feature', geometry: b.geometry, properties: { 层数: i === 0 ? 12 : 6 } })))
    const r = buildFromData({ communities, buildings })
    if (!r.ok) throw new Error(r.error)
    expect(r.world.communities.features[0].properties.id).toBe('SQ-1')
    const hh = r.world.buildings.features.map((b) => b.properties.households)
    expect(hh.reduce((s, x) => s + x, 0)).toBe(1000)
    const w = bs.map((b, i) => areaM2([b.geometry.coordinates]) * (i === 0 ? 12 : 6))
    hh.forEach((x, i) => expect(Math.abs(x - (1000 * w[i]) / w.reduce((s, v) => s + v, 0))).toBeLessThan(1))
  })

  it('proposes households per hectare from the communities the file does give, and builds only once confirmed', async () => {
    const communities = await layer('c.geojson', 'communities', cs.map((f, i) => ({ type: 'Feature', geometry: f.geometry, properties: { 名称: f.properties.name, 户数: i < 10 ? f.properties.households : '' } })))
    const plan = planFromData({ communities })
    if ('error' in plan) throw new Error(plan.error)
    const dens = cs.slice(0, 10).map((f) => f.properties.households / (areaM2(polysOf(f.geometry)) / 1e4)).sort((a, b) => a - b)
    expect(plan.estimate!.hhPerHa).toBe(Math.round(dens[5]))
    expect(plan.estimate!.basis).toBe('file')
    const rest = cs.slice(10).map((_, k) => 10 + k)
    expect(rest.length).toBeGreaterThan(0)
    expect(plan.estimate!.communities.map((c) => c.index)).toEqual(rest)
    const no = buildFromData({ communities })
    expect(no.ok).toBe(false)
    const yes = buildFromData({ communities, hhPerHa: 60 })
    if (!yes.ok) throw new Error(yes.error)
    expect(yes.summary.households).toMatchObject({ file: 10, estimate: rest.length })
    expect(yes.world.communities.features[12].properties.households).toBe(Math.max(1, Math.round((areaM2(polysOf(cs[12].geometry)) / 1e4) * 60)))
  })

  it('names the file and the feature when a community is not a polygon or a street name is unknown', async () => {
    const streets = await layer('s.geojson', 'streets', [{ type: 'Feature', properties: { 名称: '甲街道' }, geometry: cs[0].geometry }])
    const communities = await layer('c.geojson', 'communities', [{ type: 'Feature', geometry: cs[0].geometry, properties: { 名称: cs[0].properties.name, 户数: 100, 街道: '乙街道' } }])
    const r = buildFromData({ communities, streets })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toBe(`community "${cs[0].properties.name}" names street "乙街道", which is not in s.geojson (by id or name)`)
  })
})
