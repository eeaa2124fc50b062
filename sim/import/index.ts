// The importer: GeoJSON, KML/KMZ or a zipped shapefile -> features of one of our layers, in WGS84,
// or a list of problems a person can act on. Runs in a Web Worker or Node; never throws for bad input.
import { msg } from './messages.ts'
import type { Feature } from 'geojson'
import { LAYER_GEOMETRY, LAYER_KINDS, type LayerKind } from '../world/schema.ts'
import { forEachPosition, mapPositions, type Geom } from './coords.ts'
import { crsLabel, detectCrs } from './crs.ts'
import { finishGeometry } from './finish.ts'
import { readGeoJson } from './geojson-read.ts'
import { checkShape, newStats, normalizeGeometry } from './geometry-check.ts'
import { Issues } from './issues.ts'
import { readKml } from './kml.ts'
import { guessLayer } from './layer-guess.ts'
import { columnTable, featureLabel, FEATURE_ID, mapProperties, planMapping, rosterCounts } from './props.ts'
import * as R from './reasons.ts'
import { guessProjection, unprojector, type ProjectionGuess } from './projected.ts'
import { readShapefileZip } from './shapefile.ts'
import { decodeText, extensionOf, sniffFormat } from './sniff.ts'
import type { ImportOptions, ImportResult, ReadResult } from './types.ts'
import { listZip, readEntry, ZipError } from './zip.ts'

export type { ColumnChoice, ColumnTable, CrsName, CrsReport, ImportIssue, ImportOptions, ImportResult, PropertyMapping, Severity } from './types.ts'
export * from './reasons.ts'

export const DEFAULT_MAX_BYTES = 64 * 2 ** 20
const CRS_SAMPLE = 20_000

const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`

export async function importFile(fileName: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const file = (typeof fileName === 'string' && fileName.split(/[\\/]/).pop()) || '(unnamed file)'
  const issues = new Issues(file)
  try {
    const result = await run(file, bytes, opts ?? {}, issues)
    if (result) return result
  } catch (e) {
    issues.error(R.INTERNAL, `the importer failed unexpectedly (${e instanceof Error ? e.message : String(e)}); please report this file`)
  }
  if (!issues.errorCount) issues.error(R.INTERNAL, 'the import stopped without saying why; please report this file')
  return { ok: false, file, issues: issues.list() }
}

function checkOptions(bytes: unknown, opts: ImportOptions, issues: Issues): boolean {
  if (!(bytes instanceof Uint8Array)) issues.error(R.BAD_OPTION, 'the file content must be given as a Uint8Array')
  if (opts.crs !== undefined && !['auto', 'wgs84', 'gcj02', 'bd09'].includes(opts.crs)) issues.error(R.BAD_OPTION, `crs option "${String(opts.crs)}" is not one of auto, wgs84, gcj02, bd09`)
  if (opts.layer !== undefined && opts.layer !== 'auto' && !(LAYER_KINDS as readonly string[]).includes(opts.layer)) issues.error(R.BAD_OPTION, `layer option "${String(opts.layer)}" is not one of auto, ${LAYER_KINDS.join(', ')}`)
  if (opts.maxBytes !== undefined && !(typeof opts.maxBytes === 'number' && opts.maxBytes > 0)) issues.error(R.BAD_OPTION, 'maxBytes must be a positive number')
  const cols = opts.columns
  if (cols !== undefined && !(typeof cols === 'object' && cols !== null && typeof cols.fields === 'object' && cols.fields !== null && Array.isArray(cols.ignore) && Object.values(cols.fields).every((v) => typeof v === 'string'))) {
    issues.error(R.BAD_OPTION, 'columns must be { fields: { ourField: "their column" }, ignore: ["their column", …] }')
  }
  return issues.errorCount === 0
}

async function read(file: string, bytes: Uint8Array, maxBytes: number, issues: Issues): Promise<ReadResult | null> {
  const format = sniffFormat(file, bytes, issues)
  if (format === 'geojson' || format === 'kml') {
    const text = decodeText(bytes, issues)
    if (text === null) return null
    return format === 'geojson' ? readGeoJson(text, issues) : readKml(text, issues)
  }
  if (format !== 'zip') return null
  try {
    const entries = listZip(bytes)
    const kmls = entries.filter((e) => /\.kml$/i.test(e.name) && !e.name.includes('__MACOSX'))
    if (!entries.some((e) => /\.shp$/i.test(e.name)) && kmls.length) {
      const doc = kmls.find((e) => /(^|\/)doc\.kml$/i.test(e.name)) ?? kmls[0]
      if (doc.size > maxBytes) { issues.error(R.TOO_LARGE, `${doc.name} unpacks to ${mib(doc.size)}, over the ${mib(maxBytes)} limit`); return null }
      const text = decodeText(await readEntry(bytes, doc, maxBytes), issues)
      return text === null ? null : readKml(text, issues)
    }
    return await readShapefileZip(bytes, entries, maxBytes, issues)
  } catch (e) {
    if (!(e instanceof ZipError)) throw e
    issues.error(extensionOf(file) === 'kmz' ? R.KML_BROKEN : R.SHAPEFILE_BROKEN, `the zip cannot be read: ${e.message}`)
    return null
  }
}

async function run(file: string, bytes: Uint8Array, opts: ImportOptions, issues: Issues): Promise<ImportResult | null> {
  if (!checkOptions(bytes, opts, issues)) return null
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.byteLength > maxBytes) {
    issues.error(R.TOO_LARGE, msg('tooLarge', { size: mib(bytes.byteLength), limit: mib(maxBytes) }))
    return null
  }
  const src = await read(file, bytes, maxBytes, issues)
  if (!src || issues.errorCount) return null

  // 1. structure and numbers, per feature
  const stats = newStats()
  const labels = src.features.map((f) => featureLabel(f.properties, f.id))
  const where = (i: number) => ({ feature: i, featureName: labels[i], path: src.features[i].path })
  let geoms: (Geom | null)[] = src.features.map((f, i) => normalizeGeometry(f.geometry, where(i), issues, stats))
  if (issues.errorCount) return null

  // 2. projected metres show up everywhere at once: reprojected when the numbers say which projection, else one error
  let projection: ProjectionGuess | null = null
  if (stats.positions > 0 && stats.outside === stats.positions) {
    projection = unproject(file, src, geoms, opts, issues)
    if (!projection) {
      const e = stats.example!
      issues.error(R.PROJECTED_COORDINATES, msg('projectedUnknown', { prj: src.projectedPrj ?? '', x: +e[0].toFixed(2), y: +e[1].toFixed(2) }))
      return null
    }
  }
  geoms = geoms.map((g, i) => (g ? checkShape(g, where(i), issues, stats) : null))
  if (issues.errorCount) return null
  const shapes = geoms as Geom[]

  // 3. which layer, and does the geometry fit it
  let layer: LayerKind
  if (opts.layer && opts.layer !== 'auto') layer = opts.layer
  else {
    const guess = guessLayer(file, shapes, src.features.map((f) => f.properties))
    layer = guess.layer
    issues.info(R.LAYER_GUESSED, msg('layerGuessed', { layer, reason: guess.reason }))
  }
  const allowed = LAYER_GEOMETRY[layer]
  shapes.forEach((g, i) => {
    if (!allowed.includes(g.type)) {
      issues.error(R.WRONG_GEOMETRY_FOR_LAYER, msg('wrongGeometry', { type: g.type, layer, allowed: allowed.join(' or '), guessed: opts.layer && opts.layer !== 'auto' ? 0 : 1 }), where(i))
    }
  })
  if (issues.errorCount) return null

  // 4. coordinate system
  const keys = [...new Set(src.features.slice(0, 1000).flatMap((f) => Object.keys(f.properties)))]
  const crsValues = src.features.slice(0, 50).flatMap((f) => Object.entries(f.properties)
    .filter(([k, v]) => /crs|srs|coord|datum|坐标/i.test(k) && typeof v === 'string' && v.length < 60).map(([, v]) => v as string))
  const hints = [
    // Gauss–Krüger on CGCS2000 unprojects to CGCS2000 lon/lat (WGS84 to a few cm); Web Mercator may still hide GCJ-02
    ...(projection && projection.projection.epsg !== 3857 ? [{ source: `the projection (${projection.projection.label})`, text: 'CGCS2000' }] : []),
    ...(src.projectedPrj && !projection ? [{ source: `the .prj (projected "${src.projectedPrj}", converted by proj4)`, text: 'WGS84' }] : []),
    ...src.crsHints,
    { source: 'the file name', text: file, weak: true },
    { source: 'the property names', text: keys.join(' ').slice(0, 4000), weak: true },
    ...(crsValues.length ? [{ source: 'a coordinate-system column', text: crsValues.join(' ') }] : []),
  ]
  let total = 0
  for (const g of shapes) forEachPosition(g, () => total++)
  const stride = Math.max(1, Math.ceil(total / CRS_SAMPLE))
  const sample: number[][] = []
  let k = 0
  for (const g of shapes) forEachPosition(g, (p) => { if (k++ % stride === 0) sample.push(p) })
  const detected = detectCrs({ option: opts.crs, hints, sample, reference: opts.reference })
  const crs = projection ? { ...detected, projection: projection.projection.label, ...(projection.confidence === 'unsure' && detected.confidence !== 'certain' ? { confidence: 'unsure' as const } : {}) } : detected
  if (crs.confidence === 'unsure') {
    issues.warn(R.CRS_UNSURE, msg('crsUnsure', { reason: crs.reason }))
  } else if (crs.overruled) {
    issues.warn(R.CRS_UNSURE, msg('crsOverruled', { applied: crsLabel(crs.applied), overruled: crsLabel(crs.overruled), reason: crs.reason }))
  } else if (!opts.crs || opts.crs === 'auto') {
    issues.info(R.CRS_DETECTED, msg('crsDetected', { applied: crsLabel(crs.applied), confidence: crs.confidence, reason: crs.reason }))
  }

  // 5. convert, round, rewind
  let rewound = 0
  const finished: Geom[] = []
  shapes.forEach((g, i) => {
    const r = finishGeometry(g, crs.applied)
    if (r.rewound) rewound++
    if (r.collapsed) issues.error(R.TOO_FEW_POINTS, `${r.collapsed} collapses to fewer than 4 positions at 7-decimal (1 cm) precision`, where(i))
    finished.push(r.geometry)
  })
  if (issues.errorCount) return null
  if (rewound) issues.warn(R.WINDING_FIXED, msg('windingFixed', { n: rewound }))
  if (stats.repeats) issues.info(R.REPEATED_POSITIONS_DROPPED, msg('repeatsDropped', { n: stats.repeats }))
  if (stats.altitude) issues.info(R.ALTITUDE_DROPPED, msg('altitudeDropped', { n: stats.altitude }))

  // 6. properties
  const rawProps = src.features.map((f) => f.properties)
  const plan = planMapping(layer, rawProps, src.features.some((f) => typeof f.id === 'string' || typeof f.id === 'number'), opts.columns)
  for (const note of plan.notes ?? []) issues.warn(R.VALUE_KEPT, note)
  const props = mapProperties(plan, src.features.map((f, i) => ({ index: i, label: labels[i], props: f.properties, id: f.id })), issues)
  if (!props || issues.errorCount) return null
  if (layer === 'grids') rosterCounts(props, plan)
  const mapped = { ...plan.mapped }
  if (mapped.id === FEATURE_ID) mapped.id = 'feature.id'
  const features: Feature[] = finished.map((geometry, i) => ({ type: 'Feature', geometry, properties: props[i] }))
  const table = columnTable(layer, rawProps, plan)
  return { ok: true, file, layer, features, crs, mapping: { mapped, unmapped: plan.unmapped, missing: plan.missing, ignored: plan.ignored }, table, issues: issues.list() }
}

/** Guess the projection and turn every geometry into lon/lat in place; null when no projection fits. */
function unproject(file: string, src: ReadResult, geoms: (Geom | null)[], opts: ImportOptions, issues: Issues): ProjectionGuess | null {
  const sample: number[][] = []
  for (const g of geoms) if (g && sample.length < 2_000) forEachPosition(g, (p) => { if (sample.length < 2_000) sample.push(p) })
  const hints = [...(src.projectedPrj ? [{ source: 'the .prj', text: src.projectedPrj }] : []), ...src.crsHints, { source: 'the file name', text: file, weak: true }]
  const guess = guessProjection(sample, hints, opts.reference)
  if (!guess) return null
  const conv = unprojector(guess.projection)
  for (let i = 0; i < geoms.length; i++) { const g = geoms[i]; if (g) geoms[i] = mapPositions(g, conv) }
  const say = guess.confidence === 'unsure' ? issues.warn.bind(issues) : issues.info.bind(issues)
  say(R.PROJECTED_CONVERTED, msg('projectedConverted', { confidence: guess.confidence, reason: guess.reason }))
  return guess
}
