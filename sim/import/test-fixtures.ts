// Byte builders for tests: a tiny shapefile writer and a stored/deflated zip writer. No shapefile
// writer is installed and the format is small, so the tests build exactly the bytes they need.

export type Ring = [number, number][]
export type DbfValue = string | number | Uint8Array

function crc32(b: Uint8Array): number {
  let c = ~0
  for (let i = 0; i < b.length; i++) {
    c ^= b[i]
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

export interface ZipInput {
  name: string
  data: Uint8Array
  /** raw-deflated form of data; when given the entry is stored with method 8 */
  deflated?: Uint8Array
}

export function makeZip(files: ZipInput[]): Uint8Array {
  const enc = new TextEncoder()
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const f of files) {
    const name = enc.encode(f.name)
    const body = f.deflated ?? f.data
    const crc = crc32(f.data)
    const lh = new DataView(new ArrayBuffer(30))
    lh.setUint32(0, 0x04034b50, true); lh.setUint16(4, 20, true); lh.setUint16(6, 0x800, true)
    lh.setUint16(8, f.deflated ? 8 : 0, true); lh.setUint32(14, crc, true)
    lh.setUint32(18, body.length, true); lh.setUint32(22, f.data.length, true); lh.setUint16(26, name.length, true)
    const local = concat([new Uint8Array(lh.buffer), name, body])
    const ch = new DataView(new ArrayBuffer(46))
    ch.setUint32(0, 0x02014b50, true); ch.setUint16(4, 20, true); ch.setUint16(6, 20, true); ch.setUint16(8, 0x800, true)
    ch.setUint16(10, f.deflated ? 8 : 0, true); ch.setUint32(16, crc, true)
    ch.setUint32(20, body.length, true); ch.setUint32(24, f.data.length, true); ch.setUint16(28, name.length, true)
    ch.setUint32(42, offset, true)
    centrals.push(concat([new Uint8Array(ch.buffer), name]))
    locals.push(local)
    offset += local.length
  }
  const cd = concat(centrals)
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054b50, true); end.setUint16(8, files.length, true); end.setUint16(10, files.length, true)
  end.setUint32(12, cd.length, true); end.setUint32(16, offset, true)
  return concat([...locals, cd, new Uint8Array(end.buffer)])
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0))
  let at = 0
  for (const p of parts) { out.set(p, at); at += p.length }
  return out
}

/** .shp and .shx bytes for polygons (one part per polygon) or points. */
export function makeShp(shapes: { polygon?: Ring; point?: [number, number] }[]): { shp: Uint8Array; shx: Uint8Array } {
  const type = shapes[0]?.point ? 1 : 5
  const contents = shapes.map((s) => {
    if (s.point) {
      const v = new DataView(new ArrayBuffer(20))
      v.setInt32(0, 1, true); v.setFloat64(4, s.point[0], true); v.setFloat64(12, s.point[1], true)
      return new Uint8Array(v.buffer)
    }
    const ring = s.polygon!
    const v = new DataView(new ArrayBuffer(44 + 4 + 16 * ring.length))
    const xs = ring.map((p) => p[0])
    const ys = ring.map((p) => p[1])
    v.setInt32(0, 5, true)
    ;[xs.reduce((a, b) => Math.min(a, b)), ys.reduce((a, b) => Math.min(a, b)), xs.reduce((a, b) => Math.max(a, b)), ys.reduce((a, b) => Math.max(a, b))].forEach((x, i) => v.setFloat64(4 + 8 * i, x, true))
    v.setInt32(36, 1, true); v.setInt32(40, ring.length, true); v.setInt32(44, 0, true)
    ring.forEach((p, i) => { v.setFloat64(48 + 16 * i, p[0], true); v.setFloat64(56 + 16 * i, p[1], true) })
    return new Uint8Array(v.buffer)
  })
  const header = (lengthBytes: number) => {
    const h = new DataView(new ArrayBuffer(100))
    h.setInt32(0, 9994); h.setInt32(24, lengthBytes / 2); h.setInt32(28, 1000, true); h.setInt32(32, type, true)
    return new Uint8Array(h.buffer)
  }
  const records: Uint8Array[] = []
  const index: Uint8Array[] = []
  let offset = 100
  contents.forEach((c, i) => {
    const rh = new DataView(new ArrayBuffer(8))
    rh.setInt32(0, i + 1); rh.setInt32(4, c.length / 2)
    records.push(new Uint8Array(rh.buffer), c)
    const ix = new DataView(new ArrayBuffer(8))
    ix.setInt32(0, offset / 2); ix.setInt32(4, c.length / 2)
    index.push(new Uint8Array(ix.buffer))
    offset += 8 + c.length
  })
  return { shp: concat([header(offset), ...records]), shx: concat([header(100 + 8 * shapes.length), ...index]) }
}

/** A dBase III table; strings are UTF-8 unless given as raw bytes (e.g. GBK). */
export function makeDbf(fields: { name: string | Uint8Array; type: 'C' | 'N'; length: number }[], rows: DbfValue[][]): Uint8Array {
  const enc = new TextEncoder()
  const headerLen = 32 + 32 * fields.length + 1
  const recLen = 1 + fields.reduce((s, f) => s + f.length, 0)
  const h = new DataView(new ArrayBuffer(headerLen))
  h.setUint8(0, 3); h.setUint8(1, 125); h.setUint8(2, 1); h.setUint8(3, 1)
  h.setUint32(4, rows.length, true); h.setUint16(8, headerLen, true); h.setUint16(10, recLen, true)
  fields.forEach((f, i) => {
    const o = 32 + 32 * i
    const nb = (f.name instanceof Uint8Array ? f.name : enc.encode(f.name)).subarray(0, 10)
    nb.forEach((b, k) => h.setUint8(o + k, b))
    h.setUint8(o + 11, f.type.charCodeAt(0)); h.setUint8(o + 16, f.length)
  })
  h.setUint8(headerLen - 1, 0x0d)
  const body = new Uint8Array(rows.length * recLen).fill(0x20)
  rows.forEach((row, r) => {
    let o = r * recLen + 1
    fields.forEach((f, i) => {
      const v = row[i]
      const bytes = v instanceof Uint8Array ? v : enc.encode(String(v))
      const cut = bytes.subarray(0, f.length)
      body.set(cut, f.type === 'N' ? o + f.length - cut.length : o)
      o += f.length
    })
  })
  return concat([new Uint8Array(h.buffer), body, new Uint8Array([0x1a])])
}

let gbTable: Map<string, number> | undefined

/** GB18030 bytes of a string (Node has no GB encoder; the table is built once from its decoder): two bytes for
 *  the GBK repertoire, four for characters outside the BMP such as 𠀀 (U+20000). */
export function gb18030(s: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map()
    const dec = new TextDecoder('gb18030')
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue
      const c = dec.decode(new Uint8Array([a, b]))
      if (c.length === 1 && c !== '\ufffd' && !gbTable.has(c)) gbTable.set(c, (a << 8) | b)
    }
  }
  const out: number[] = []
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) out.push(cp)
    else if (gbTable.has(ch)) out.push(gbTable.get(ch)! >> 8, gbTable.get(ch)! & 0xff)
    else if (cp >= 0x10000) {
      let i = cp - 0x10000
      const b4 = 0x30 + (i % 10); i = Math.floor(i / 10)
      const b3 = 0x81 + (i % 126); i = Math.floor(i / 126)
      const b2 = 0x30 + (i % 10); i = Math.floor(i / 10)
      out.push(0x90 + i, b2, b3, b4)
    } else throw new Error(`no GB18030 bytes for ${ch} in this table`)
  }
  return new Uint8Array(out)
}

export const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
export const MERCATOR_PRJ = 'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]'
