// Which reader a file goes to, and how its bytes become text. Extensions lie often enough
// (a .json that is a zip, a .txt that is GeoJSON) that the content decides when it is recognisable.
import { msg } from './messages.ts'
import { DECODED_AS_GBK, FORMAT_BY_CONTENT, TEXT_ENCODING, UNSUPPORTED_FORMAT } from './reasons.ts'
import type { Issues } from './issues.ts'

export type Format = 'geojson' | 'zip' | 'kml'

const BY_EXTENSION: Record<string, Format> = { geojson: 'geojson', json: 'geojson', zip: 'zip', kml: 'kml', kmz: 'zip' }

const HINTS: Record<string, string> = {
  shp: 'a shapefile is several files: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip',
  dbf: 'a shapefile is several files: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip',
  shx: 'a shapefile is several files: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip',
  prj: 'a shapefile is several files: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip',
  csv: 'tables without geometry cannot be imported as a layer; join them to a map layer in QGIS and export GeoJSON',
  xls: 'spreadsheets cannot be imported as a layer; export GeoJSON from a GIS',
  xlsx: 'spreadsheets cannot be imported as a layer; export GeoJSON from a GIS',
  topojson: 'TopoJSON is not supported; convert it to GeoJSON (e.g. with mapshaper)',
  gpx: 'GPX tracks are not supported; export GeoJSON or KML',
  dwg: 'CAD drawings are not supported; export GeoJSON with longitude/latitude from a GIS',
  dxf: 'CAD drawings are not supported; export GeoJSON with longitude/latitude from a GIS',
  gpkg: 'GeoPackage is not supported yet; export GeoJSON or a zipped shapefile from QGIS',
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

function byContent(bytes: Uint8Array): Format | 'xml' | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) return 'zip'
  let i = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3
  while (i < bytes.length && i < 4096 && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++
  const c = bytes[i]
  if (c === 0x7b || c === 0x5b) return 'geojson'
  if (c === 0x3c) {
    const head = new TextDecoder().decode(bytes.subarray(i, Math.min(bytes.length, i + 4096)))
    return /<(\w+:)?kml[\s>]/.test(head) ? 'kml' : 'xml'
  }
  return null
}

/** The format to read the file as, or null after reporting why it cannot be read. */
export function sniffFormat(fileName: string, bytes: Uint8Array, issues: Issues): Format | null {
  const ext = extensionOf(fileName)
  const claimed = BY_EXTENSION[ext]
  const seen = byContent(bytes)
  if (seen === 'xml') {
    if (claimed === 'kml') return 'kml'
    issues.error(UNSUPPORTED_FORMAT, msg('xmlNotKml'))
    return null
  }
  if (seen) {
    if (claimed && claimed !== seen) {
      issues.info(FORMAT_BY_CONTENT, `the name says .${ext} but the content is ${seen === 'zip' ? 'a zip archive' : seen === 'kml' ? 'KML' : 'JSON'}; read it as such`)
    } else if (!claimed && ext) {
      issues.info(FORMAT_BY_CONTENT, `read as ${seen === 'zip' ? 'a zip archive' : seen === 'kml' ? 'KML' : 'GeoJSON'} by its content`)
    }
    return seen
  }
  if (claimed) return claimed
  const hint = HINTS[ext]
  issues.error(UNSUPPORTED_FORMAT, msg('notRecognised', { ext, hint: hint ?? '' }))
  return null
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GBK, the usual encoding of Chinese GIS exports (read with the
 *  GB18030 decoder, GBK's superset: the 'gbk' decoder of Node's ICU refuses GB18030's 4-byte characters). */
export function decodeText(bytes: Uint8Array, issues: Issues): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    // not UTF-8; fall through
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes)
    issues.info(DECODED_AS_GBK, 'the text is not UTF-8; read it as GBK (Chinese Windows encoding)')
    return text
  } catch {
    // gbk unknown to this runtime, or not GBK either
  }
  const text = new TextDecoder('utf-8').decode(bytes)
  const bad = text.indexOf('\ufffd')
  issues.error(TEXT_ENCODING, `the text is neither UTF-8 nor GBK (first unreadable byte near character ${bad}); save it as UTF-8`)
  return null
}
