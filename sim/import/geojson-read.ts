// GeoJSON text -> raw features. Only the envelope is checked here (collection, feature, geometry
// object); coordinates are checked by geometry-check.ts for every format alike.
import { msg } from './messages.ts'
import { EMPTY, JSON_SYNTAX, NOT_GEOJSON, UNSUPPORTED_GEOMETRY } from './reasons.ts'
import type { Issues } from './issues.ts'
import { parseJson } from './json-syntax.ts'
import type { RawFeature, ReadResult } from './types.ts'

export const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function kindOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  return `a ${typeof v}`
}

export function readGeoJson(text: string, issues: Issues): ReadResult | null {
  const parsed = parseJson(text)
  if (!parsed.ok) {
    issues.error(JSON_SYNTAX, msg('jsonSyntax', { line: parsed.line, column: parsed.column, problem: parsed.problem }))
    return null
  }
  return readGeoJsonValue(parsed.value, issues)
}

export function readGeoJsonValue(root: unknown, issues: Issues): ReadResult | null {
  if (!isObject(root)) {
    const arrayOfFeatures = Array.isArray(root) && root.length > 0 && isObject(root[0]) && root[0].type === 'Feature'
    issues.error(NOT_GEOJSON, arrayOfFeatures
      ? 'the top level is a bare array of features; wrap it as {"type": "FeatureCollection", "features": [...]}'
      : `the top level is ${kindOf(root)}; GeoJSON must be an object with a "type" such as "FeatureCollection"`)
    return null
  }
  const crsHints = crsMember(root)
  const type = root.type
  if (type === 'FeatureCollection') {
    const list = root.features
    if (!Array.isArray(list)) {
      issues.error(NOT_GEOJSON, `"features" is ${kindOf(list)}, not an array of features`, { path: 'features' })
      return null
    }
    if (list.length === 0) {
      issues.error(EMPTY, msg('noFeatures'))
      return null
    }
    const features: RawFeature[] = []
    for (let i = 0; i < list.length; i++) {
      const f = readFeature(list[i], `features[${i}]`, i, issues)
      if (f) features.push(f)
    }
    return issues.errorCount ? null : { features, crsHints }
  }
  if (type === 'Feature') {
    const f = readFeature(root, '', 0, issues)
    return f ? { features: [f], crsHints } : null
  }
  if (type === 'GeometryCollection') {
    issues.error(UNSUPPORTED_GEOMETRY, 'a GeometryCollection cannot be imported: split it into a FeatureCollection with one feature per geometry')
    return null
  }
  if (typeof type === 'string' && (GEOMETRY_TYPES as readonly string[]).includes(type)) {
    return { features: [{ geometry: root, properties: {}, path: '' }], crsHints }
  }
  issues.error(NOT_GEOJSON, notGeoJsonReason(root))
  return null
}

function notGeoJsonReason(root: Record<string, unknown>): string {
  if (root.type === 'Topology') return 'this is TopoJSON, not GeoJSON; convert it (e.g. with mapshaper) and import the GeoJSON'
  if (Array.isArray(root.features) && isObject(root.features[0]) && 'attributes' in root.features[0]) {
    return 'this looks like Esri JSON (features with "attributes"); export GeoJSON instead (QGIS or ArcGIS "Features To JSON" with the GeoJSON option)'
  }
  if (root.type === undefined) return 'there is no "type" member; GeoJSON starts with {"type": "FeatureCollection", ...}'
  return `"type" is ${JSON.stringify(String(root.type)).slice(0, 60)}; expected FeatureCollection, Feature or a geometry type`
}

function readFeature(v: unknown, path: string, index: number, issues: Issues): RawFeature | null {
  const where = { feature: index, path }
  if (!isObject(v)) {
    issues.error(NOT_GEOJSON, `is ${kindOf(v)}, not a Feature object`, where)
    return null
  }
  if (v.type !== 'Feature') {
    const geometryInstead = typeof v.type === 'string' && (GEOMETRY_TYPES as readonly string[]).includes(v.type)
    issues.error(NOT_GEOJSON, geometryInstead
      ? `is a bare ${v.type} geometry; inside a FeatureCollection it must be wrapped as {"type": "Feature", "geometry": ..., "properties": {...}}`
      : `has "type" ${JSON.stringify(v.type ?? null)?.slice(0, 40)}; expected "Feature"`, where)
    return null
  }
  let properties: Record<string, unknown> = {}
  if (isObject(v.properties)) properties = v.properties
  else if (v.properties !== null && v.properties !== undefined) {
    issues.error(NOT_GEOJSON, `"properties" is ${kindOf(v.properties)}; it must be an object or null`, { ...where, path: `${path}.properties` })
    return null
  }
  const f: RawFeature = { geometry: v.geometry, properties, path: path ? `${path}.geometry` : 'geometry' }
  if (v.id !== undefined) f.id = v.id
  return f
}

/** The 2008 GeoJSON "crs" member, dropped by RFC 7946 but still written by many tools. */
function crsMember(root: Record<string, unknown>): ReadResult['crsHints'] {
  const crs = root.crs
  if (!isObject(crs)) return []
  const props = isObject(crs.properties) ? crs.properties : {}
  const parts = [crs.type, props.name, props.href, props.code].filter((x) => typeof x === 'string' || typeof x === 'number')
  return parts.length ? [{ source: 'the "crs" member', text: parts.map(String).join(' ').slice(0, 200) }] : []
}
