// KML -> raw features via @tmcw/togeojson. Workers have no DOMParser, so @xmldom/xmldom stands in,
// loaded only when needed. KML has no multi-geometry types: a Placemark's MultiGeometry arrives as a
// GeometryCollection, which we fold back into Multi* when its parts are all of one kind.
import { EMPTY, KML_BROKEN } from './reasons.ts'
import type { Issues } from './issues.ts'
import type { RawFeature, ReadResult } from './types.ts'

// Renderer styling that togeojson copies into properties; not data anyone maps onto a layer.
const STYLE_KEYS = new Set(['styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity', 'icon', 'icon-scale', 'icon-color', 'icon-opacity', 'icon-offset', 'icon-offset-units', 'label-scale', 'label-color', 'label-opacity', 'visibility'])

async function parseXml(text: string): Promise<{ doc?: Document; problem?: string }> {
  const Native = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser
  if (Native) {
    const doc = new Native().parseFromString(text, 'text/xml')
    const err = doc.getElementsByTagName('parsererror')[0]
    return err ? { problem: (err.textContent ?? 'malformed XML').trim().split('\n')[0].slice(0, 160) } : { doc }
  }
  const { DOMParser: XmlDomParser } = await import('@xmldom/xmldom')
  try {
    // onError keeps xmldom from printing recoverable problems; fatal ones still throw
    const doc = new XmlDomParser({ onError: () => {} }).parseFromString(text, 'text/xml')
    return { doc: doc as unknown as Document }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    return { problem: msg.replace(/\s*\n[\s\S]*$/, '').replace(/^\[xmldom \w+\]\s*/, '').slice(0, 160) }
  }
}

export async function readKml(text: string, issues: Issues): Promise<ReadResult | null> {
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
  const { kml } = await import('@tmcw/togeojson')
  let fc: { features: { geometry: unknown; properties: Record<string, unknown> | null; id?: unknown }[] }
  try {
    fc = kml(doc as never) as typeof fc
  } catch (e) {
    issues.error(KML_BROKEN, `the KML cannot be converted (${e instanceof Error ? e.message : String(e)})`)
    return null
  }
  if (fc.features.length === 0) {
    issues.error(EMPTY, 'the KML has no Placemarks')
    return null
  }
  const features: RawFeature[] = fc.features.map((f, i) => {
    const properties: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(f.properties ?? {})) if (!STYLE_KEYS.has(k)) properties[k] = v
    const raw: RawFeature = { geometry: foldCollection(f.geometry), properties, path: `Placemark ${i}` }
    if (f.id !== undefined) raw.id = f.id
    return raw
  })
  // KML is WGS84 by definition, but Chinese tools export GCJ-02 KML all the same, so it is no hint.
  return { features, crsHints: [] }
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
