import { describe, expect, it } from 'vitest'
import { importFile } from './index.ts'
import * as R from './reasons.ts'

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v))
const square = (x = 116.3, d = 0.001) => ({ type: 'Polygon', coordinates: [[[x, 39.85], [x + d, 39.85], [x + d, 39.85 + d], [x, 39.85 + d], [x, 39.85]]] })
const fc = (rows: Record<string, unknown>[], geom: (i: number) => unknown = (i) => square(116.3 + i * 0.002)) =>
  enc({ type: 'FeatureCollection', features: rows.map((properties, i) => ({ type: 'Feature', properties, geometry: geom(i) })) })

describe('property mapping', () => {
  it('maps synonyms case-insensitively and coerces numbers, shares and yes/no', async () => {
    const rows = [{ BM: 'B1', HH: '1,204', 人口: '3000人', 所属小区: 'X1', COMMUNITY: 'C1', 老年人占比: '23%', 党员: 12, 层数: '18', 备注: '<b>note</b>' }]
    const r = await importFile('b.geojson', fc(rows), { layer: 'buildings', crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.features[0].properties).toEqual({
      id: 'B1', households: 1204, residents: 3000, compound: 'X1', community: 'C1', elderlyShare: 0.23, partyMembers: 12,
      renters: 0, floors: 18, extra: { 备注: '<b>note</b>' },
    })
    expect(r.mapping.mapped).toEqual({ id: 'BM', households: 'HH', residents: '人口', compound: '所属小区', community: 'COMMUNITY', elderlyShare: '老年人占比', partyMembers: '党员', floors: '层数' })
    expect(r.mapping.unmapped).toEqual(['备注'])
    expect(r.issues.filter((i) => i.code === R.VALUE_CONVERTED).length).toBeGreaterThan(0)
  })

  it('maps grid enums and booleans written in Chinese', async () => {
    const rows = [{ 网格编码: 'G1', 网格名称: '一', 社区: 'C', 网格类型: '专属网格', 党支部: '否', 专职网格员: '2' }]
    const r = await importFile('g.geojson', fc(rows), { layer: 'grids', crs: 'wgs84' })
    expect(r.ok && r.features[0].properties).toMatchObject({ id: 'G1', type: 'dedicated', partyBranch: false, workersFullTime: 2 })
  })

  it('names feature and field for invalid values', async () => {
    const rows = [{ id: 'a', 户数: 10 }, { id: 'b', 名称: '3号楼', 户数: 'many' }, { id: 'c', 户数: -4 }]
    const r = await importFile('b.geojson', fc(rows), { layer: 'buildings', crs: 'wgs84' })
    expect(r.ok).toBe(false)
    const [e1, e2] = r.issues.filter((i) => i.code === R.INVALID_PROPERTY)
    expect(e1.message).toMatch(/^b\.geojson: feature 1 \("3号楼"\): field "households" \(column "户数"\) has "many", which is not a number/)
    expect(e2).toMatchObject({ feature: 2 })
    expect(e2.message).toMatch(/"households" \(column "户数"\) has -4/)
  })

  it('refuses 10,000,000 households in one building, naming the column', async () => {
    const r = await importFile('b.geojson', fc([{ id: 'B1', 户数: 10_000_000 }, { id: 'B2', 户数: 10 }]), { layer: 'buildings', crs: 'wgs84' })
    expect(r.ok).toBe(false)
    const msgs = r.issues.filter((i) => i.code === R.INVALID_PROPERTY).map((i) => i.message)
    expect(msgs[0]).toMatch(/^b\.geojson: feature 0 .*field "households" \(column "户数"\) has 10000000: .*10000/)
  })

  it('keeps 3,000 residents in 10 households as a property with a warning, not a refusal', async () => {
    const r = await importFile('b.geojson', fc([{ id: 'B1', 户数: 10, 人口: 20 }, { id: 'B2', 户数: 10, 人口: 3_000 }]), { layer: 'buildings', crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.features[1].properties).toMatchObject({ households: 10, extra: { 人口: 3000 } })
    expect(r.features[1].properties!.residents).not.toBe(3000)
    const w = r.issues.find((i) => i.code === R.VALUE_KEPT)!
    expect(w.message).toMatch(/column "人口": 1 value does not fit field "residents" \(e\.g\. 3000 \(3000 residents in 10 households is more than 20 per household\)\); kept as a property/)
  })

  it('reports duplicate ids', async () => {
    const r = await importFile('g.geojson', fc([{ id: 'a', community: 'c' }, { id: 'a', community: 'c' }]), { layer: 'grids', crs: 'wgs84' })
    expect(r.ok === false && r.issues[0]).toMatchObject({ code: R.DUPLICATE_ID, feature: 1 })
  })

  it('uses the GeoJSON feature id when no column gives one', async () => {
    const bytes = enc({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 7, properties: { community: 'c' }, geometry: square() }] })
    const r = await importFile('g.geojson', bytes, { layer: 'grids', crs: 'wgs84' })
    expect(r.ok && r.features[0].properties!.id).toBe('7')
    expect(r.ok && r.mapping.mapped.id).toBe('feature.id')
  })

  it('keeps hostile keys as plain data', async () => {
    const text = '{"type":"Feature","properties":{"id":"a","community":"c","__proto__":{"polluted":1},"constructor":"x"},"geometry":' + JSON.stringify(square()) + '}'
    const r = await importFile('g.geojson', new TextEncoder().encode(text), { layer: 'grids', crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    const extra = r.features[0].properties!.extra as Record<string, unknown>
    expect(Object.keys(extra)).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('merges a previous export\u2019s extra back instead of nesting it', async () => {
    const r = await importFile('g.geojson', fc([{ id: 'a', community: 'c', extra: { 备注: 1 }, 其他: 2 }]), { layer: 'grids', crs: 'wgs84' })
    expect(r.ok && r.features[0].properties!.extra).toEqual({ 备注: 1, 其他: 2 })
  })
})

describe('layer guess', () => {
  const guess = async (name: string, rows: Record<string, unknown>[], geom?: (i: number) => unknown) => {
    const r = await importFile(name, fc(rows, geom), { crs: 'wgs84' })
    return r.ok ? r.layer : r.issues.map((i) => i.message).join('\n')
  }
  const point = () => ({ type: 'Point', coordinates: [116.3, 39.85] })
  const line = () => ({ type: 'LineString', coordinates: [[116.3, 39.85], [116.31, 39.85]] })

  it('points: services, or buildings with households', async () => {
    expect(await guess('a.geojson', [{ name: 's', kind: 'service_station' }], point)).toBe('services')
    expect(await guess('a.geojson', [{ 户数: 40 }], point)).toBe('buildings')
  })
  it('lines: roads', async () => {
    expect(await guess('a.geojson', [{}], line)).toBe('roads')
  })
  it('polygons: small with households -> buildings, 网格 -> grids, 社区 -> communities', async () => {
    expect(await guess('a.geojson', [{ 户数: 40 }])).toBe('buildings')
    expect(await guess('a.geojson', [{ 网格名称: '一', 社区: 'c' }])).toBe('grids')
    expect(await guess('a.geojson', [{ 社区名称: '一', 街道: 's' }], () => square(116.3, 0.01))).toBe('communities')
    expect(await guess('a.geojson', [{ community: 'c' }], () => square(116.3, 0.01))).toBe('communities')
    expect(await guess('a.geojson', [{ 户数: 9000 }], () => square(116.3, 0.01))).toBe('grids')
  })
  it('reports the guess as info', async () => {
    const r = await importFile('a.geojson', fc([{ 户数: 40 }]), { crs: 'wgs84' })
    expect(r.ok && r.issues.find((i) => i.code === R.LAYER_GUESSED)?.message).toMatch(/imported as buildings/)
  })
})
