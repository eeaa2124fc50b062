import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { Polygon } from 'geojson'
import { importFile } from './index.ts'
import * as R from './reasons.ts'
import { gb18030, makeDbf, makeShp, makeZip, MERCATOR_PRJ, WGS84_PRJ, type Ring } from './test-fixtures.ts'
import { dbfEncoding } from './dbf-encoding.ts'

const enc = (s: string) => new TextEncoder().encode(s)
// clockwise, as shapefiles wind outer rings
const SQ: Ring = [[116.3, 39.85], [116.3, 39.851], [116.301, 39.851], [116.301, 39.85], [116.3, 39.85]]
const FIELDS = [{ name: 'WGBM', type: 'C' as const, length: 10 }, { name: 'MC', type: 'C' as const, length: 20 }, { name: 'SQ', type: 'C' as const, length: 10 }, { name: 'HS', type: 'N' as const, length: 8 }]

function shapefileZip(opts: { prj?: string; cpg?: string; deflate?: boolean; rows?: (string | number | Uint8Array)[][]; shapes?: Ring[] } = {}) {
  const shapes = opts.shapes ?? [SQ]
  const { shp, shx } = makeShp(shapes.map((polygon) => ({ polygon })))
  const dbf = makeDbf(FIELDS, opts.rows ?? shapes.map((_, i) => [`G${i}`, `网格 ${i}`, 'C1', 120 + i]))
  const files = [
    { name: 'grids.shp', data: shp }, { name: 'grids.shx', data: shx }, { name: 'grids.dbf', data: dbf },
    ...(opts.prj ? [{ name: 'grids.prj', data: enc(opts.prj) }] : []),
    ...(opts.cpg ? [{ name: 'grids.cpg', data: enc(opts.cpg) }] : []),
  ]
  return makeZip(files.map((f) => (opts.deflate ? { ...f, deflated: new Uint8Array(deflateRawSync(f.data)) } : f)))
}

describe('zipped shapefiles', () => {
  it('reads a hand-built one-square shapefile with a WGS84 .prj', async () => {
    const r = await importFile('grids.zip', shapefileZip({ prj: WGS84_PRJ, cpg: 'UTF-8' }), { layer: 'grids' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.crs).toMatchObject({ detected: 'wgs84', confidence: 'certain' })
    expect(r.features[0].properties).toMatchObject({ id: 'G0', name: '网格 0', community: 'C1' })
    // HS (户数) is the grid's own household count, which grids now carry
    expect(r.features[0].properties).toMatchObject({ households: 120 })
    expect(r.mapping.mapped).toMatchObject({ id: 'WGBM', name: 'MC', community: 'SQ', households: 'HS' })
    expect(r.mapping.unmapped).toEqual([])
    const ring = (r.features[0].geometry as Polygon).coordinates[0]
    expect(ring).toEqual([...SQ].reverse())
    expect(r.issues.some((i) => i.code === R.WINDING_FIXED)).toBe(true)
  })

  it('reads deflated members and guesses buildings from households', async () => {
    const r = await importFile('data.zip', shapefileZip({ deflate: true, prj: WGS84_PRJ }))
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.layer).toBe('buildings')
    expect(r.features[0].properties).toMatchObject({ id: 'buildings-0', households: 120, community: 'C1', extra: { WGBM: 'G0', MC: '网格 0' } })
  })

  it('falls back to GBK for a .dbf without .cpg', async () => {
    const gbk = new Uint8Array([205, 248, 184, 241, 210, 187]) // 网格一
    const r = await importFile('grids.zip', shapefileZip({ rows: [['G1', gbk, 'C1', 5]] }), { layer: 'grids', crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.features[0].properties!.name).toBe('网格一')
    expect(r.issues.some((i) => i.code === R.DECODED_AS_GBK)).toBe(true)
  })

  it('a .cpg of 936 over GBK names no longer gives mojibake: 名称 and 所属社区 are mapped', async () => {
    const { shp, shx } = makeShp([{ polygon: SQ }])
    const dbf = makeDbf([{ name: 'WGBM', type: 'C', length: 10 }, { name: gb18030('名称'), type: 'C', length: 20 }, { name: gb18030('所属社区'), type: 'C', length: 20 }], [['G1', gb18030('网格𠀀一'), gb18030('卢沟桥社区')]])
    const zip = makeZip([{ name: 'g.shp', data: shp }, { name: 'g.shx', data: shx }, { name: 'g.dbf', data: dbf }, { name: 'g.cpg', data: enc('936') }])
    const r = await importFile('g.zip', zip, { layer: 'grids', crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(r.features[0].properties).toMatchObject({ id: 'G1', name: '网格𠀀一', community: '卢沟桥社区' })
  })

  it('a UTF-8 value cut mid-character at its field width is not taken for GBK', async () => {
    // 网格丰台区东高地 is 24 bytes of UTF-8; the 20-byte field cuts 高 in half
    const r = await importFile('grids.zip', shapefileZip({ cpg: 'UTF-8', rows: [['G1', enc('网格丰台区东高地').subarray(0, 20), 'C1', 1]] }), { layer: 'grids', crs: 'wgs84' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    expect(String(r.features[0].properties!.name)).toMatch(/^网格丰台区东\uFFFD*$/)
    expect(r.issues.some((i) => i.code === R.DECODED_AS_GBK)).toBe(false)
  })

  it('maps the code-page names used in China to a decoder', () => {
    for (const c of ['936', 'CP936', 'cp936', 'ANSI 936', 'GBK', 'gbk', 'GB2312', 'GB18030', 'gb_2312-80', 'EUC-CN', '54936']) expect(dbfEncoding(c), c).toEqual({ label: 'gb18030', from: 'cpg' })
    expect(dbfEncoding('UTF-8')).toEqual({ label: 'utf-8', from: 'cpg' })
    expect(dbfEncoding(undefined)).toEqual({ label: 'utf-8', from: 'default' })
    expect(dbfEncoding('950')).toEqual({ label: 'big5', from: 'cpg' })
    expect(dbfEncoding('ANSI 1252')).toEqual({ label: 'windows-1252', from: 'cpg' })
    expect(dbfEncoding('klingon')).toEqual({ label: null, unknown: 'klingon' })
  })

  it('reprojects Web Mercator via the .prj', async () => {
    const merc = SQ.map(([x, y]): [number, number] => [x * 20037508.34 / 180, Math.log(Math.tan(((90 + y) * Math.PI) / 360)) * 6378137])
    const r = await importFile('grids.zip', shapefileZip({ prj: MERCATOR_PRJ, shapes: [merc] }), { layer: 'grids' })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'))
    const p = (r.features[0].geometry as Polygon).coordinates[0][0]
    expect(p[0]).toBeCloseTo(116.3, 5)
    expect(r.crs.confidence).toBe('certain')
  })

  it('refuses projected coordinates it cannot convert, naming the .prj', async () => {
    const m = SQ.map(([x, y]): [number, number] => [x * 1e5, y * 1e5])
    const r = await importFile('grids.zip', shapefileZip({ prj: 'PROJCS["Mystery_Zone_39",GEOGCS["?"]]', shapes: [m] }), { layer: 'grids' })
    expect(r.ok).toBe(false)
    expect(r.issues[0].code).toBe(R.PROJECTED_COORDINATES)
    expect(r.issues[0].message).toMatch(/Mystery_Zone_39/)
  })

  it('reports broken, empty and mixed zips', async () => {
    const cut = shapefileZip().subarray(0, 200)
    const a = await importFile('grids.zip', cut)
    expect(a.ok === false && a.issues[0].code).toBe(R.SHAPEFILE_BROKEN)
    const none = await importFile('x.zip', makeZip([{ name: 'readme.txt', data: enc('hi') }]))
    expect(none.ok === false && none.issues[0].message).toMatch(/^x\.zip: the zip holds no \.shp file \(it holds readme\.txt\)/)
    const { shp } = makeShp([{ polygon: SQ }])
    const two = await importFile('x.zip', makeZip([{ name: 'a.shp', data: shp }, { name: 'b.shp', data: shp }]))
    expect(two.ok === false && two.issues[0].code).toBe(R.MULTIPLE_LAYERS)
  })

  it('refuses a .dbf whose header claims more rows than it holds', async () => {
    const { shp } = makeShp([{ polygon: SQ }])
    const dbf = makeDbf(FIELDS, [['G1', 'a', 'C1', 1]])
    new DataView(dbf.buffer).setUint32(4, 4_000_000_000, true)
    const r = await importFile('x.zip', makeZip([{ name: 'a.shp', data: shp }, { name: 'a.dbf', data: dbf }]))
    expect(r.ok === false && r.issues[0].message).toMatch(/claims 4000000000 rows/)
  })

  it('refuses a member that inflates past its declared size', async () => {
    const big = new Uint8Array(200_000)
    const zip = makeZip([{ name: 'a.shp', data: big.subarray(0, 100), deflated: new Uint8Array(deflateRawSync(big)) }])
    const r = await importFile('bomb.zip', zip)
    expect(r.ok === false && r.issues[0].message).toMatch(/inflates to more/)
  })
})
