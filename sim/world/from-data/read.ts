// Reading one of the user's files for a world: the importer does formats, geometry checks and the coordinate
// system; here its answer is turned back into the file's own columns, so the user can see the first rows and
// choose which column feeds which field (the importer's automatic choice is only the starting point).
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson'
import { importFile } from '../../import/index.ts'
import type { CrsReport, ImportIssue } from '../../import/types.ts'
import { FEATURE_ID } from '../../import/props.ts'
import { MISSING_FIELD } from '../../import/reasons.ts'

export const DATA_LAYERS = ['communities', 'streets', 'buildings', 'grids'] as const
export type DataLayer = (typeof DATA_LAYERS)[number]

/** The geometry each of the user's layers may have. */
export type DataGeometry = Polygon | MultiPolygon | Point

export interface DataLayerRead {
  file: string
  layer: DataLayer
  crs: CrsReport
  /** the file's columns, in first-seen order */
  columns: string[]
  /** every feature's properties under the file's own column names */
  rows: Record<string, unknown>[]
  /** WGS84, checked and rounded by the importer */
  geometries: DataGeometry[]
  /** the importer's automatic choice: our field → the file's column */
  auto: Record<string, string>
  issues: ImportIssue[]
}

export type ReadOutcome = { ok: true; read: DataLayerRead } | { ok: false; file: string; issues: ImportIssue[] }

/** Read one file as one of the world's layers; errors come back as the importer's messages. A field no column
 *  gives is not reported missing: the world derives or generates it. */
export async function readDataLayer(file: string, bytes: Uint8Array, layer: DataLayer, crs: 'auto' | 'wgs84' | 'gcj02' | 'bd09' = 'auto'): Promise<ReadOutcome> {
  const r = await importFile(file, bytes, { layer, crs })
  if (!r.ok) return { ok: false, file: r.file, issues: r.issues }
  // a GeoJSON feature's own id shows as the column "(feature id)", so it can be mapped like any other
  const mapped = Object.entries(r.mapping.mapped).map(([ours, theirs]): [string, string] => [ours, theirs === 'feature.id' ? FEATURE_ID : theirs])
  const rows = r.features.map((f: Feature) => rawRow(f.properties ?? {}, mapped))
  const columns: string[] = []
  const seen = new Set<string>()
  for (const row of rows.slice(0, 1000)) for (const k of Object.keys(row)) if (!seen.has(k)) { seen.add(k); columns.push(k) }
  return {
    ok: true,
    read: { file: r.file, layer, crs: r.crs, columns, rows, geometries: r.features.map((f) => f.geometry as DataGeometry), auto: Object.fromEntries(mapped), issues: r.issues.filter((i) => i.code !== MISSING_FIELD) },
  }
}

/** The importer's properties back under the file's column names: mapped fields return to their column, `extra` is unpacked. */
function rawRow(props: Record<string, unknown>, mapped: [string, string][]): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  const put = (k: string, v: unknown) => Object.defineProperty(row, k, { value: v, enumerable: true, writable: true, configurable: true })
  for (const [ours, theirs] of mapped) if (props[ours] !== undefined) put(theirs, props[ours])
  const extra = props.extra
  if (extra && typeof extra === 'object' && !Array.isArray(extra)) for (const [k, v] of Object.entries(extra)) put(k, v)
  return row
}
