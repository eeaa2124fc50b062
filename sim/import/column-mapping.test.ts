// The mapping step's inference: a column is matched by its name and then checked against its values.
import { describe, expect, it } from 'vitest'
import { importFile } from './index.ts'

const sq = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 39.85], [x + 0.001, 39.85], [x + 0.001, 39.851], [x, 39.851], [x, 39.85]]] })
const fc = (rows: Record<string, unknown>[]) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: rows.map((properties, i) => ({ type: 'Feature', properties, geometry: sq(116.3 + i * 0.002) })) }))
const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(JSON.stringify((r as unknown as { issues: unknown }).issues))
  return r as Extract<T, { ok: true }>
}

describe('column mapping', () => {
  it('reads a 网格员 column of names as a roster and counts its workers; 户数 and 人口 as the grid\'s own', async () => {
    const rows = [{ 网格名称: '一网格', 社区: 'C1', 网格员: '张三、李四', 户数: '420户', 人口: 1100 }, { 网格名称: '二网格', 社区: 'C1', 网格员: '王五', 户数: 380, 人口: 990 }]
    const r = ok(await importFile('g.geojson', fc(rows), { layer: 'grids', crs: 'wgs84' }))
    expect(r.features[0].properties).toMatchObject({ name: '一网格', community: 'C1', roster: ['张三', '李四'], workersFullTime: 2, households: 420, residents: 1100 })
    expect(r.mapping.mapped).toMatchObject({ roster: '网格员', households: '户数', residents: '人口' })
    expect(r.mapping.mapped.workersFullTime).toBeUndefined()
    expect(r.table.choice.fields).toMatchObject({ name: '网格名称', roster: '网格员' })
    expect(r.table.rows[0]).toMatchObject({ 网格员: '张三、李四', 户数: '420户' })
    expect(r.table.fields).toEqual(expect.arrayContaining(['households', 'roster', 'workersFullTime']))
  })

  it('reads a 网格员 column of numbers as the worker count', async () => {
    const r = ok(await importFile('g.geojson', fc([{ 社区: 'C1', 网格员: 2 }, { 社区: 'C1', 网格员: '1' }]), { layer: 'grids', crs: 'wgs84' }))
    expect(r.features[0].properties).toMatchObject({ workersFullTime: 2 })
    expect(r.features[0].properties!.roster).toBeUndefined()
  })

  it('keeps a column that does not fit its field as a property with a warning, not a refusal', async () => {
    const rows = [{ 社区: 'C1', 户数: '约四百' }, { 社区: 'C1', 户数: '待核实' }, { 社区: 'C1', 户数: 12 }]
    const r = ok(await importFile('g.geojson', fc(rows), { layer: 'grids', crs: 'wgs84' }))
    expect(r.features[0].properties).toMatchObject({ extra: { 户数: '约四百' } })
    expect(r.features[0].properties!.households).toBeUndefined()
    expect(r.issues.find((i) => i.code === 'VALUE_KEPT')?.message).toMatch(/column "户数" looks like "households", but 2 of its first 3 values do not fit/)
  })

  it('follows the user\'s table: a column moved to another field, one ignored, the rest kept', async () => {
    const rows = [{ 社区: 'C1', 编号: 'A1', 备注: '临街', 负责人: '赵六' }]
    const r = ok(await importFile('g.geojson', fc(rows), { layer: 'grids', crs: 'wgs84', columns: { fields: { community: '社区', id: '编号', roster: '负责人' }, ignore: ['备注'] } }))
    expect(r.features[0].properties).toMatchObject({ id: 'A1', community: 'C1', roster: ['赵六'] })
    expect(r.features[0].properties!.extra).toBeUndefined()
    expect(r.mapping.ignored).toEqual(['备注'])
  })
})
