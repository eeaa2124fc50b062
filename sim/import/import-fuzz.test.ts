// Malformed input, generated from a fixed seed: every case must resolve (never throw, never hang) with
// ok:false and an error that names the file, names the feature when the fault sits in one, and uses
// one of the exported codes.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { importFile, type ImportOptions, type ImportResult } from './index.ts'
import * as R from './reasons.ts'
import { gb18030, makeDbf, makeShp, makeZip } from './test-fixtures.ts'

/** mulberry32: small, seeded, good enough to spread cases around */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  }
}
type Rng = ReturnType<typeof rng>

interface Case {
  name: string
  bytes: Uint8Array
  opts?: ImportOptions
  /** the feature the fault sits in, when there is one */
  feature?: number
  /** acceptable error codes; any exported error code when absent */
  codes?: string[]
}

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v))

function ring(r: Rng, n = r.int(5, 40)): number[][] {
  const cx = 116 + r.next() * 0.6
  const cy = 39.7 + r.next() * 0.3
  const rad = 0.0005 + r.next() * 0.01
  const out: number[][] = []
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n
    out.push([+(cx + rad * Math.cos(a)).toFixed(7), +(cy + rad * Math.sin(a)).toFixed(7)])
  }
  out.push([...out[0]])
  return out
}
const polygon = (r: Rng) => ({ type: 'Polygon', coordinates: [ring(r)] })
const feat = (i: number, geometry: unknown, extra: Record<string, unknown> = {}) =>
  ({ type: 'Feature', properties: { 网格编码: `G${i}`, 网格名称: `网格 ${i}`, 社区: 'C1', ...extra }, geometry })

/** A valid grid collection with the fault planted in one feature. */
function withBad(r: Rng, bad: (r: Rng) => unknown, extra: Record<string, unknown> = {}) {
  const n = r.int(1, 6)
  const at = r.int(0, n - 1)
  const features = Array.from({ length: n }, (_, i) => (i === at ? feat(i, bad(r), extra) : feat(i, polygon(r))))
  return { doc: { type: 'FeatureCollection', features }, at }
}

const GENERATORS: Record<string, (r: Rng, k: number) => Case> = {
  truncated: (r, k) => {
    const text = JSON.stringify(withBad(r, polygon).doc)
    return { name: `cut-${k}.geojson`, bytes: enc(text.slice(0, r.int(0, text.length - 1))), codes: [R.JSON_SYNTAX] }
  },
  garbled: (r, k) => {
    let text = JSON.stringify(withBad(r, polygon).doc)
    for (let tries = 0; tries < 50; tries++) {
      const i = r.int(0, text.length - 1)
      text = text.slice(0, i) + r.pick([',', ':', '{', '}', '[', ']', '"', "'", 'NaN', '\n', '', '\u0001', 'x']) + text.slice(i + 1)
      try { JSON.parse(text) } catch { break }
    }
    return { name: `garbled-${k}.json`, bytes: enc(text), codes: [R.JSON_SYNTAX] }
  },
  nesting: (r, k) => {
    const ring0 = ring(r)
    const bad = r.pick([
      { type: 'Polygon', coordinates: ring0 },
      { type: 'Polygon', coordinates: [[ring0]] },
      { type: 'MultiPolygon', coordinates: [ring0] },
      { type: 'Point', coordinates: [ring0[0]] },
      { type: 'LineString', coordinates: ring0[0] },
      { type: 'Polygon', coordinates: [ring0.map((p, i) => (i === 2 ? [p] : p))] },
      { type: 'Polygon', coordinates: [ring0.map((p, i) => (i === 1 ? 7 : p))] },
    ])
    const { doc, at } = withBad(r, () => bad)
    return { name: `nest-${k}.geojson`, bytes: enc(doc), feature: at, codes: [R.WRONG_NESTING] }
  },
  empty: (r, k) => {
    const kind = r.int(0, 4)
    if (kind === 0) return { name: `empty-${k}.geojson`, bytes: enc({ type: 'FeatureCollection', features: [] }), codes: [R.EMPTY] }
    const bad = [null, { type: 'Polygon', coordinates: [] }, { type: 'MultiPolygon', coordinates: [[]] }, { type: 'Polygon', coordinates: [[]] }][kind - 1]
    const { doc, at } = withBad(r, () => bad)
    return { name: `empty-${k}.geojson`, bytes: enc(doc), feature: at, codes: [R.EMPTY, R.TOO_FEW_POINTS] }
  },
  unclosed: (r, k) => {
    const { doc, at } = withBad(r, (r) => ({ type: 'Polygon', coordinates: [ring(r).slice(0, -1)] }))
    return { name: `open-${k}.geojson`, bytes: enc(doc), feature: at, codes: [R.UNCLOSED_RING] }
  },
  bowtie: (r, k) => {
    const { doc, at } = withBad(r, (r) => {
      // swapping two neighbours of a convex ring twists it into a bow-tie at that spot
      const g = ring(r, r.int(6, 60))
      const i = r.int(1, g.length - 4)
      ;[g[i], g[i + 1]] = [g[i + 1], g[i]]
      return { type: r.pick(['Polygon', 'MultiPolygon']), coordinates: [g] }
    })
    const f = doc.features[at] as { geometry: { type: string; coordinates: unknown } }
    if (f.geometry.type === 'MultiPolygon') f.geometry.coordinates = [f.geometry.coordinates]
    return { name: `bowtie-${k}.geojson`, bytes: enc(doc), feature: at, codes: [R.SELF_INTERSECTION] }
  },
  outOfRange: (r, k) => {
    const { doc, at } = withBad(r, (r) => {
      const g = ring(r)
      const i = r.int(1, g.length - 2)
      g[i] = r.pick([[g[i][0] + 200, g[i][1]], [g[i][0], 91 + r.next() * 100], [g[i][1], g[i][0]], [-181, g[i][1]]])
      return { type: 'Polygon', coordinates: [g] }
    })
    return { name: `range-${k}.geojson`, bytes: enc(doc), feature: at, codes: [R.OUT_OF_RANGE] }
  },
  projected: (r, k) => {
    const scale = r.pick([111_320, 1e5, 3.6e5])
    const shift = r.pick([0, 39_000_000])
    const g = { type: 'Polygon', coordinates: [ring(r).map(([x, y]) => [x * scale + shift, y * scale])] }
    return { name: `metres-${k}.geojson`, bytes: enc({ type: 'FeatureCollection', features: [feat(0, g)] }), codes: [R.PROJECTED_COORDINATES] }
  },
  notANumber: (r, k) => {
    const { doc, at } = withBad(r, (r) => {
      const g: unknown[][] = ring(r)
      const i = r.int(0, g.length - 2)
      g[i] = [...g[i]]
      g[i][r.int(0, 1)] = r.pick(['abc', null, '116.3', true, {}, '', 'NaN'])
      return { type: 'Polygon', coordinates: [g] }
    })
    return { name: `nan-${k}.geojson`, bytes: enc(doc), feature: at, codes: [R.NOT_A_NUMBER] }
  },
  nanLiteral: (r, k) => {
    const text = JSON.stringify(withBad(r, polygon).doc).replace(/\d+\.\d+/, r.pick(['NaN', 'Infinity', '-Infinity']))
    return { name: `nanlit-${k}.geojson`, bytes: enc(text), codes: [R.JSON_SYNTAX] }
  },
  wrongLayer: (r, k) => {
    const point = (r: Rng) => ({ type: 'Point', coordinates: ring(r)[0] })
    const line = (r: Rng) => ({ type: 'LineString', coordinates: ring(r).slice(0, 3) })
    const layer = r.pick(['grids', 'communities', 'services', 'roads'] as const)
    const bad = layer === 'services' ? r.pick([polygon, line]) : layer === 'roads' ? r.pick([polygon, point]) : r.pick([point, line])
    const { doc, at } = withBad(r, bad)
    return { name: `layer-${k}.geojson`, bytes: enc(doc), opts: { layer, crs: 'wgs84' }, feature: at, codes: [R.WRONG_GEOMETRY_FOR_LAYER] }
  },
  badValue: (r, k) => {
    const { doc, at } = withBad(r, polygon, r.pick([{ 专职网格员: 'abc' }, { 专职网格员: -3 }, { 专职网格员: 1000 }, { 网格类型: '其他' }, { 党支部: '也许' }, { 网格编码: 'x'.repeat(80) }]))
    return { name: `value-${k}.geojson`, bytes: enc(doc), opts: { layer: 'grids', crs: 'wgs84' }, feature: at, codes: [R.INVALID_PROPERTY] }
  },
  duplicateId: (r, k) => {
    const { doc } = withBad(r, polygon)
    doc.features.push(feat(0, polygon(r)))
    return { name: `dup-${k}.geojson`, bytes: enc(doc), opts: { layer: 'grids', crs: 'wgs84' }, feature: doc.features.length - 1, codes: [R.DUPLICATE_ID] }
  },
  notGeoJson: (r, k) => {
    const v = r.pick<unknown>([42, 'text', null, true, [], [1, 2], { type: 'Feature' + 's' }, { type: 'FeatureCollection', features: {} },
      { type: 'FeatureCollection', features: [1] }, { type: 'Topology' }, {}, { type: 'GeometryCollection', geometries: [] },
      { type: 'FeatureCollection', features: [{ type: 'Feature', properties: [], geometry: null }] }])
    return { name: `notgeo-${k}.json`, bytes: enc(v) }
  },
  randomBytes: (r, k) => {
    const b = new Uint8Array(r.int(0, 3000))
    for (let i = 0; i < b.length; i++) b[i] = r.int(0, 255)
    return { name: `noise-${k}${r.pick(['.geojson', '.json', '.kml', '.zip', '.kmz', '', '.dat', '.shp'])}`, bytes: b }
  },
  tooLarge: (r, k) => {
    const bytes = enc(withBad(r, polygon).doc)
    return { name: `big-${k}.geojson`, bytes, opts: { maxBytes: r.int(1, bytes.length - 1) }, codes: [R.TOO_LARGE] }
  },
  brokenZip: (r, k) => {
    const { shp, shx } = makeShp([{ polygon: ring(r) as [number, number][] }])
    const dbf = makeDbf([{ name: 'ID', type: 'C', length: 8 }], [['a']])
    const zip = makeZip([{ name: 'a.shp', data: shp }, { name: 'a.shx', data: shx }, { name: 'a.dbf', data: dbf }])
    const cut = zip.subarray(0, r.int(0, zip.length - 1))
    return { name: `cut-${k}.zip`, bytes: cut, codes: [R.SHAPEFILE_BROKEN, R.UNSUPPORTED_FORMAT, R.JSON_SYNTAX] }
  },
  brokenKml: (r, k) => {
    const text = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>网格</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(r).map((p) => p.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`
    return { name: `cut-${k}.kml`, bytes: enc(text.slice(0, r.int(1, text.length - 1))), codes: [R.KML_BROKEN, R.UNSUPPORTED_FORMAT, R.EMPTY] }
  },
}

function check(c: Case, res: ImportResult) {
  const why = `${c.name}: ${JSON.stringify(res.issues.slice(0, 3))}`
  expect(res.ok, why).toBe(false)
  const errors = res.issues.filter((i) => i.severity === 'error')
  expect(errors.length, why).toBeGreaterThan(0)
  for (const i of res.issues) {
    expect(R.ALL_CODES.has(i.code), why).toBe(true)
    expect(i.message.startsWith(`${c.name}: `), why).toBe(true)
    if (i.feature !== undefined) expect(i.message).toContain(`feature ${i.feature}`)
  }
  if (c.codes) expect(errors.some((e) => c.codes!.includes(e.code)), why).toBe(true)
  if (c.feature !== undefined) {
    const hit = errors.find((e) => e.feature === c.feature)
    expect(hit, why).toBeDefined()
    expect(hit!.message).toMatch(new RegExp(`^${c.name.replace('.', '\\.')}: feature ${c.feature} \\(".+"\\): `))
  }
}

describe('import fuzz', () => {
  const PER_KIND = 70
  it(`rejects ${PER_KIND} seeded cases of each of ${Object.keys(GENERATORS).length} kinds cleanly`, async () => {
    const r = rng(20240601)
    let n = 0
    for (const [kind, gen] of Object.entries(GENERATORS)) {
      for (let k = 0; k < PER_KIND; k++) {
        const c = gen(r, k)
        c.name = `${kind}-${c.name}`
        const res = await importFile(c.name, c.bytes, { layer: 'grids', ...c.opts })
        check(c, res)
        n++
      }
    }
    expect(n).toBeGreaterThanOrEqual(1000)
  })

  it('survives arbitrary JSON values and byte strings (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue().map((v) => enc(v)), fc.uint8Array({ maxLength: 512 })), async (bytes) => {
      const res = await importFile('prop.geojson', bytes, { layer: 'grids' })
      expect(res.issues.every((i) => R.ALL_CODES.has(i.code) && i.message.startsWith('prop.geojson: '))).toBe(true)
      if (!res.ok) expect(res.issues.some((i) => i.severity === 'error')).toBe(true)
    }), { numRuns: 300, seed: 7 })
  })

  it('does not overflow the stack on absurdly deep nesting', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const geo = `{"type":"Feature","properties":{"name":"深"},"geometry":{"type":"Polygon","coordinates":${deep}}}`
    const a = await importFile('deep.geojson', enc(geo))
    check({ name: 'deep.geojson', bytes: new Uint8Array(), feature: 0, codes: [R.WRONG_NESTING, R.JSON_SYNTAX] }, a)
    const b = await importFile('deeper.json', enc('{"a":' + '['.repeat(200_000)))
    check({ name: 'deeper.json', bytes: new Uint8Array(), codes: [R.JSON_SYNTAX] }, b)
  })

  it('refuses a real 100 MB+ buffer by size, quickly', async () => {
    const big = new Uint8Array(100 * 2 ** 20 + 1).fill(0x20)
    big[0] = 0x7b // '{'
    const t = performance.now()
    const res = await importFile('huge.geojson', big)
    const ms = performance.now() - t
    check({ name: 'huge.geojson', bytes: big, codes: [R.TOO_LARGE] }, res)
    expect(res.issues[0].message).toMatch(/100\.0 MiB, over the 64\.0 MiB limit/)
    expect(ms).toBeLessThan(200)
  })

  // Chinese exports name GBK in many ways, or write UTF-8 over GBK bytes: every one must give the right text.
  const CPG_VARIANTS = [undefined, '936', 'CP936', 'cp936', 'ANSI 936', 'GBK', 'gbk', 'GB2312', 'gb2312', 'GB18030', 'UTF-8', 'utf8', 'windows-936', '  936\r\n', 'no-such-code-page']
  it(`reads GBK Shapefiles whose .cpg is each of ${CPG_VARIANTS.length} variants without mojibake`, async () => {
    const r = rng(936)
    const NAMES = ['卢沟桥网格', '丰台𠀀区网格', '东高地第三网格', '𪚥望园网格', '新村街道网格']
    const COMMUNITIES = ['卢沟桥社区', '东高地社区', '𠀁家园社区']
    for (const cpg of CPG_VARIANTS) {
      const n = r.int(1, 6)
      const names = Array.from({ length: n }, () => r.pick(NAMES))
      const comms = Array.from({ length: n }, () => r.pick(COMMUNITIES))
      const shapes = Array.from({ length: n }, () => ({ polygon: ring(r).reverse() as [number, number][] }))
      const { shp, shx } = makeShp(shapes)
      const fields = [
        { name: gb18030('网格编码'), type: 'C' as const, length: 10 },
        { name: gb18030('名称'), type: 'C' as const, length: 30 },
        { name: gb18030('所属社区'), type: 'C' as const, length: 30 },
      ]
      const dbf = makeDbf(fields, names.map((nm, i) => [`G${i}`, gb18030(nm), gb18030(comms[i])]))
      const files = [{ name: '网格.shp', data: shp }, { name: '网格.shx', data: shx }, { name: '网格.dbf', data: dbf }]
      if (cpg !== undefined) files.push({ name: '网格.cpg', data: enc(cpg) })
      const res = await importFile('gbk.zip', makeZip(files), { layer: 'grids', crs: 'wgs84' })
      const why = `cpg ${JSON.stringify(cpg)}: ${JSON.stringify(res.issues.slice(0, 3))}`
      expect(res.ok, why).toBe(true)
      if (!res.ok) continue
      expect(res.mapping.mapped, why).toMatchObject({ id: '网格编码', name: '名称', community: '所属社区' })
      expect(res.features.map((f) => f.properties!.name), why).toEqual(names)
      expect(res.features.map((f) => f.properties!.community), why).toEqual(comms)
      const codes = res.issues.map((i) => `${i.severity}:${i.code}`)
      if (cpg === 'UTF-8' || cpg === 'utf8') expect(codes, why).toContain(`warning:${R.DECODED_AS_GBK}`)
      if (cpg === 'no-such-code-page') expect(codes, why).toContain(`warning:${R.UNKNOWN_CODE_PAGE}`)
      if (cpg === undefined) expect(codes, why).toContain(`info:${R.DECODED_AS_GBK}`)
    }
  })
})
