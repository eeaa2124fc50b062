// KML -> raw features via @tmcw/togeojson. Workers have no DOMParser, so @xmldom/xmldom stands in,
// loaded only when needed. KML has no multi-geometry types: a Placemark's MultiGeometry arrives as a
// GeometryCollection, which we fold back into Multi* when its parts are all of one kind.
import { EMPTY, KML_BROKEN, TOO_LARGE } from './reasons.ts'
import type { Issues } from './issues.ts'
import type { RawFeature, ReadResult } from './types.ts'

// Renderer styling that togeojson copies into properties; not data anyone maps onto a layer.
const STYLE_KEYS = new Set(['styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity', 'icon', 'icon-scale', 'icon-color', 'icon-opacity', 'icon-offset', 'icon-offset-units', 'label-scale', 'label-color', 'label-opacity', 'visibility'])

// loaded on first use and kept: a file read placemark by placemark would otherwise import them thousands of times
let xmldom: typeof import('@xmldom/xmldom') | undefined
let togeojson: typeof import('@tmcw/togeojson') | undefined

async function parseXml(text: string): Promise<{ doc?: Document; problem?: string }> {
  const Native = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser
  if (Native) {
    const doc = new Native().parseFromString(text, 'text/xml')
    const err = doc.getElementsByTagName('parsererror')[0]
    return err ? { problem: (err.textContent ?? 'malformed XML').trim().split('\n')[0].slice(0, 160) } : { doc }
  }
  xmldom ??= await import('@xmldom/xmldom')
  const XmlDomParser = xmldom.DOMParser
  try {
    // onError keeps xmldom from printing recoverable problems; fatal ones still throw
    const doc = new XmlDomParser({ onError: () => {} }).parseFromString(text, 'text/xml')
    return { doc: doc as unknown as Document }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    return { problem: msg.replace(/\s*\n[\s\S]*$/, '').replace(/^\[xmldom \w+\]\s*/, '').slice(0, 160) }
  }
}

// A DOM of the whole file costs ≈ 30 bytes of memory per byte of KML and xmldom's time grows with it, so a file
// of many placemarks is parsed one Placemark at a time (wrapped in its file's own <kml> start tag, which carries
// the namespace declarations); past MAX_KML_PLACEMARKS it is refused outright.
/** the most placemarks one KML may hold (docs: README § Command line, import) */
export const MAX_KML_PLACEMARKS = 50_000
const WHOLE_DOCUMENT_UP_TO = 2_000
const PLACEMARK_START = /<(?:[\w.-]+:)?Placemark[\s>/]/g
const PLACEMARK = /<((?:[\w.-]+:)?)Placemark(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/\1Placemark\s*>)/g

type TgFeature = { geometry: unknown; properties: Record<string, unknown> | null; id?: unknown }

export async function readKml(text: string, issues: Issues): Promise<ReadResult | null> {
  // KML has no use for a DTD's entities; a few nested or repeated ones expand a small file into gigabytes.
  if (/<!ENTITY/i.test(text)) {
    issues.error(KML_BROKEN, 'the file declares XML entities (<!ENTITY …>), which KML does not use and which can expand a small file into gigabytes; export it again without a DOCTYPE')
    return null
  }
  let placemarks = 0
  PLACEMARK_START.lastIndex = 0
  while (PLACEMARK_START.exec(text)) placemarks++
  if (placemarks > MAX_KML_PLACEMARKS) {
    issues.error(TOO_LARGE, `the KML has ${placemarks.toLocaleString('en-US')} placemarks, over the limit of ${MAX_KML_PLACEMARKS.toLocaleString('en-US')}: split it, or convert it to GeoJSON or a zipped Shapefile, which are read without an XML tree`)
    return null
  }
  const read = placemarks > WHOLE_DOCUMENT_UP_TO ? await readByPlacemark(text, issues) : await readWhole(text, issues)
  if (!read) return null
  if (read.length === 0) {
    issues.error(EMPTY, 'the KML has no Placemarks')
    return null
  }
  const features: RawFeature[] = read.map((f, i) => {
    const properties: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(f.properties ?? {})) if (!STYLE_KEYS.has(k)) properties[k] = v
    const raw: RawFeature = { geometry: foldCollection(f.geometry), properties, path: `Placemark ${i}` }
    if (f.id !== undefined) raw.id = f.id
    return raw
  })
  // KML is WGS84 by definition, but Chinese tools export GCJ-02 KML all the same, so it is no hint.
  return { features, crsHints: [] }
}

async function toGeoJson(doc: Document, issues: Issues): Promise<TgFeature[] | null> {
  togeojson ??= await import('@tmcw/togeojson')
  try {
    return (togeojson.kml(doc as never) as { features: TgFeature[] }).features
  } catch (e) {
    issues.error(KML_BROKEN, `the KML cannot be converted (${e instanceof Error ? e.message : String(e)})`)
    return null
  }
}

async function readWhole(text: string, issues: Issues): Promise<TgFeature[] | null> {
  const { doc, problem } = await parseXml(text)
  if (!doc) {
    issues.error(KML_BROKEN, `the XML is malformed: ${problem}`)
    return null
  }
  const root = doc.documentElement
  if (!root || (root.localName ?? root.nodeName) !== 'kml') {
    issues.error(KML_BROKEN, `the root element is <${root?.nodeName ?? 'none'}>, not <kml>`)
    return null
  }
  return toGeoJson(doc, issues)
}

async function readByPlacemark(text: string, issues: Issues): Promise<TgFeature[] | null> {
  const rootTag = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<((?:[\w.-]+:)?)([\w.-]+)\b[^>]*>/.exec(text)
  if (!rootTag || rootTag[2] !== 'kml') {
    issues.error(KML_BROKEN, rootTag ? `the root element is <${rootTag[1]}${rootTag[2]}>, not <kml>` : 'the XML is malformed: no root element')
    return null
  }
  const open = rootTag[0].endsWith('/>') ? rootTag[0].slice(0, -2) + '>' : rootTag[0]
  const close = `</${rootTag[1]}kml>`
  const out: TgFeature[] = []
  PLACEMARK.lastIndex = 0
  let m: RegExpExecArray | null
  let i = 0
  while ((m = PLACEMARK.exec(text))) {
    const { doc, problem } = await parseXml(open + m[0] + close)
    if (!doc) {
      issues.error(KML_BROKEN, `the XML is malformed: ${problem}`, { path: `Placemark ${i}`, feature: i })
      return null
    }
    const fs = await toGeoJson(doc, issues)
    if (!fs) return null
    for (const f of fs) out.push(f)
    i++
  }
  return out
}

type G = { type: string; coordinates?: unknown; geometries?: G[] }

function foldCollection(g: unknown): unknown {
  const c = g as G | null
  if (!c || c.type !== 'GeometryCollection' || !Array.isArray(c.geometries)) return g
  const parts = c.geometries
  const all = (...types: string[]) => parts.length > 0 && parts.every((p) => types.includes(p.type))
  if (all('Polygon', 'MultiPolygon')) {
    return { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : (p.coordinates as unknown[]))) }
  }
  if (all('LineString', 'MultiLineString')) {
    return { type: 'MultiLineString', coordinates: parts.flatMap((p) => (p.type === 'LineString' ? [p.coordinates] : (p.coordinates as unknown[]))) }
  }
  if (all('Point')) return { type: 'MultiPoint', coordinates: parts.map((p) => p.coordinates) }
  return g
}
