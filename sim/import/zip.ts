// A minimal zip reader: central directory, stored and deflated entries. Ours rather than shpjs's so we
// can see every member before parsing (missing .dbf, two shapefiles, a projected .prj) and cap how
// much a member may inflate to (a small zip can expand to gigabytes).

export class ZipError extends Error {}

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
  encrypted: boolean
}

export function listZip(b: Uint8Array): ZipEntry[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength)
  let eocd = -1
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) { eocd = i; break }
  }
  if (eocd < 0) throw new ZipError('it is not a complete zip archive (no end-of-archive record; truncated download?)')
  const count = dv.getUint16(eocd + 10, true)
  const cdOffset = dv.getUint32(eocd + 16, true)
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('it is a ZIP64 archive, which is not supported; zip it again with ordinary zip')
  const entries: ZipEntry[] = []
  let p = cdOffset
  const names = new TextDecoder()
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) throw new ZipError('its table of contents is damaged')
    const nameLen = dv.getUint16(p + 28, true)
    const extraLen = dv.getUint16(p + 30, true)
    const commentLen = dv.getUint16(p + 32, true)
    if (p + 46 + nameLen > b.length) throw new ZipError('its table of contents is damaged')
    entries.push({
      name: names.decode(b.subarray(p + 46, p + 46 + nameLen)),
      method: dv.getUint16(p + 10, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
      encrypted: (dv.getUint16(p + 8, true) & 1) === 1,
    })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

export async function readEntry(b: Uint8Array, e: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  if (e.encrypted) throw new ZipError(`${e.name} is password-protected`)
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const o = e.localOffset
  if (o + 30 > b.length || dv.getUint32(o, true) !== 0x04034b50) throw new ZipError(`${e.name} is damaged (bad local header)`)
  const start = o + 30 + dv.getUint16(o + 26, true) + dv.getUint16(o + 28, true)
  const data = b.subarray(start, start + e.compressedSize)
  if (data.length < e.compressedSize) throw new ZipError(`${e.name} is cut short (truncated archive?)`)
  if (e.method === 0) return data
  if (e.method !== 8) throw new ZipError(`${e.name} uses compression method ${e.method}; only stored and deflate are supported`)
  return inflateRaw(data, Math.min(maxBytes, e.size + 1024), e.name)
}

async function inflateRaw(data: Uint8Array, limit: number, name: string): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') throw new ZipError('this browser cannot decompress zip files (no DecompressionStream)')
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'))
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    while (true) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.length
      if (total > limit) {
        await reader.cancel().catch(() => {})
        throw new ZipError(`${name} inflates to more than its declared size or the size limit; the archive is damaged or hostile`)
      }
      chunks.push(value)
    }
  } catch (err) {
    if (err instanceof ZipError) throw err
    throw new ZipError(`${name} cannot be decompressed (${err instanceof Error ? err.message : String(err)})`)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) { out.set(c, at); at += c.length }
  return out
}
