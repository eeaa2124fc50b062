// Zipped shapefile -> raw features, via shpjs for the geometry (and proj4 reprojection when a .prj
// allows it). Headers are checked first: shpjs trusts the record counts it reads, and a damaged
// .dbf claiming four billion rows would keep it busy forever.
import { DECODED_AS_GBK, MISSING_FIELD, MULTIPLE_LAYERS, SHAPEFILE_BROKEN, TOO_LARGE, UNKNOWN_CODE_PAGE } from './reasons.ts'
import { dbfEncoding, notUtf8 } from './dbf-encoding.ts'
import type { Issues } from './issues.ts'
import type { RawFeature, ReadResult } from './types.ts'
import { readEntry, ZipError, type ZipEntry } from './zip.ts'

const MAX_PARTS = 10_000 // shpjs matches holes to shells pairwise, so parts per record must stay modest

const extOf = (n: string) => n.slice(n.lastIndexOf('.') + 1).toLowerCase()
const stem = (n: string) => n.slice(0, n.lastIndexOf('.')).toLowerCase()

export async function readShapefileZip(bytes: Uint8Array, entries: ZipEntry[], maxBytes: number, issues: Issues): Promise<ReadResult | null> {
  const files = entries.filter((e) => !e.name.includes('__MACOSX') && !e.name.endsWith('/'))
  const shps = files.filter((e) => extOf(e.name) === 'shp')
  if (shps.length === 0) {
    const list = files.slice(0, 8).map((e) => e.name).join(', ') || 'nothing'
    issues.error(SHAPEFILE_BROKEN, `the zip holds no .shp file (it holds ${list}); zip the .shp, .shx, .dbf and .prj of one layer`)
    return null
  }
  if (shps.length > 1) {
    issues.error(MULTIPLE_LAYERS, `the zip holds ${shps.length} shapefiles (${shps.slice(0, 5).map((e) => e.name).join(', ')}); import one layer per zip`)
    return null
  }
  const base = stem(shps[0].name)
  const sibling = (ext: string) => files.find((e) => stem(e.name) === base && extOf(e.name) === ext)
  const [shpE, dbfE, prjE, cpgE] = [shps[0], sibling('dbf'), sibling('prj'), sibling('cpg')]
  const declared = [shpE, dbfE, prjE, cpgE].reduce((s, e) => s + (e?.size ?? 0), 0)
  if (declared > maxBytes) {
    issues.error(TOO_LARGE, `the shapefile unpacks to ${(declared / 2 ** 20).toFixed(1)} MiB, over the ${(maxBytes / 2 ** 20).toFixed(0)} MiB limit; split it or clip it to the district`)
    return null
  }
  let shp: Uint8Array, dbf: Uint8Array | undefined, prj: string | undefined, cpg: string | undefined
  try {
    shp = await readEntry(bytes, shpE, maxBytes)
    dbf = dbfE && (await readEntry(bytes, dbfE, maxBytes))
    prj = prjE && new TextDecoder().decode(await readEntry(bytes, prjE, 1 << 16)).trim()
    cpg = cpgE && new TextDecoder().decode(await readEntry(bytes, cpgE, 1 << 10)).trim()
  } catch (e) {
    issues.error(SHAPEFILE_BROKEN, `the zip cannot be read: ${e instanceof ZipError ? e.message : String(e)}`)
    return null
  }
  const shpProblem = checkShpHeader(shp)
  if (shpProblem) { issues.error(SHAPEFILE_BROKEN, `${shpE.name} ${shpProblem}`); return null }
  const dbfProblem = dbf && checkDbfHeader(dbf)
  if (dbfProblem) { issues.error(SHAPEFILE_BROKEN, `${dbfE!.name} ${dbfProblem}`); return null }
  if (!dbf) issues.warn(MISSING_FIELD, `the zip has no ${base}.dbf, so the features have no attributes`)

  const shpjs = await import('shpjs')
  let geoms: unknown[]
  let rows: Record<string, unknown>[] = []
  const enc = dbfEncoding(cpg)
  if (enc.label === null) issues.warn(UNKNOWN_CODE_PAGE, `${cpgE!.name} names the code page "${enc.unknown}", which is not known; the text is read as UTF-8, or as GB18030 where it is not UTF-8`)
  try {
    geoms = shpjs.parseShp(shp, prj)
    // shpjs hands the .cpg text to TextDecoder as is; it gets the label TextDecoder knows instead
    if (dbf) rows = shpjs.parseDbf(dbf, enc.label ?? 'utf-8')
  } catch (e) {
    issues.error(SHAPEFILE_BROKEN, `${shpE.name} cannot be read (${e instanceof Error ? e.message : String(e)}); is it complete?`)
    return null
  }
  if (dbf && (enc.label === null || enc.label === 'utf-8') && notUtf8(rows)) {
    // Chinese shapefiles without a .cpg, or with one that says UTF-8 regardless, are nearly always GBK.
    try {
      rows = shpjs.parseDbf(dbf, 'gb18030')
      if (enc.label !== null && enc.from === 'default') issues.info(DECODED_AS_GBK, `${base}.dbf has no .cpg and is not UTF-8; read its text as GB18030 (GBK)`)
      else if (enc.label !== null) issues.warn(DECODED_AS_GBK, `${cpgE!.name} says UTF-8 but ${base}.dbf is not UTF-8; read its text as GB18030 (GBK): check the names and values`)
    } catch { /* keep the UTF-8 reading */ }
  }
  if (geoms.length === 0) {
    issues.error(SHAPEFILE_BROKEN, `${shpE.name} has no records`)
    return null
  }
  const features: RawFeature[] = geoms.map((geometry, i) => ({ geometry, properties: rows[i] ?? {}, path: `${shpE.name} record ${i}` }))
  const projected = prj && /^\s*PROJ(CS|CRS)\s*\[\s*"([^"]*)"/i.exec(prj)
  const hints = prj && !projected ? [{ source: 'the .prj file', text: prj.slice(0, 200) }] : []
  return { features, crsHints: hints, ...(projected ? { projectedPrj: projected[2] } : {}) }
}

function checkShpHeader(b: Uint8Array): string | null {
  if (b.length < 100) return 'is shorter than a shapefile header (100 bytes)'
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength)
  if (dv.getInt32(0) !== 9994) return 'does not start like a shapefile (file code is not 9994)'
  const type = dv.getInt32(32, true)
  for (let off = 100; off + 8 <= b.length;) {
    const words = dv.getInt32(off + 4)
    if (words < 0 || off + 8 + words * 2 > b.length) return `has a record at byte ${off} that runs past the end of the file`
    const t = words >= 2 ? dv.getInt32(off + 8, true) : 0
    if (t !== 0 && t !== type) return `mixes shape types (${type} and ${t} at byte ${off})`
    if ([3, 5, 13, 15, 23, 25].includes(t) && words * 2 >= 44) {
      const parts = dv.getInt32(off + 8 + 36, true)
      const points = dv.getInt32(off + 8 + 40, true)
      if (parts < 0 || points < 0 || parts > points || parts > MAX_PARTS) return `has a record at byte ${off} with ${parts} parts and ${points} points, which cannot be right`
      if (44 + 4 * parts + 16 * points > words * 2) return `has a record at byte ${off} whose points run past its end`
    }
    off += 8 + words * 2
  }
  return null
}

function checkDbfHeader(b: Uint8Array): string | null {
  if (b.length < 32) return 'is shorter than a dBase header'
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const records = dv.getUint32(4, true)
  const headerLen = dv.getUint16(8, true)
  const recLen = dv.getUint16(10, true)
  if (headerLen < 33 || headerLen > b.length) return 'has a damaged header'
  if (records > 0 && (recLen < 1 || headerLen + records * recLen > b.length + 1)) return `claims ${records} rows of ${recLen} bytes, more than the file holds`
  return null
}
