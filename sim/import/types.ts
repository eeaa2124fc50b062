// Public types of the importer; index.ts re-exports them.
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { LayerKind } from '../world/schema.ts'

export type CrsName = 'wgs84' | 'gcj02' | 'bd09'

export interface ImportOptions {
  /** default 'auto' */
  crs?: 'auto' | CrsName
  /** which of our layers the file is; 'auto' (default) guesses from geometry and properties */
  layer?: LayerKind | 'auto'
  /** WGS84 outline of the current world's district, used to tell the CRS apart */
  reference?: Polygon | MultiPolygon
  /** default 64 MiB; bigger input is refused before parsing */
  maxBytes?: number
  /** the column table from the mapping step; default: inferred from names and values */
  columns?: ColumnChoice
}

export type Severity = 'error' | 'warning' | 'info'

export interface ImportIssue {
  file: string
  /** 0-based index in the file's feature list */
  feature?: number
  featureName?: string
  /** JSON-ish path inside the file, e.g. features[3].geometry.coordinates[0] */
  path?: string
  code: string
  severity: Severity
  /** complete English sentence naming file, feature and problem (the CLI's text) */
  message: string
  /** the message's id and parameters (sim/import/messages.ts), for the page to say it in the user's language */
  msg?: string
  params?: Record<string, string | number>
}

export interface CrsReport {
  detected: CrsName | 'unsure'
  confidence: 'certain' | 'likely' | 'unsure'
  reason: string
  applied: CrsName
  /** a file or column name named this system, but the coordinates fit `applied` instead */
  overruled?: CrsName
  /** the file was in projected metres (EPSG:3857, CGCS2000 Gauss–Krüger) and was unprojected from this one */
  projection?: string
}

export interface PropertyMapping {
  /** ours -> theirs */
  mapped: Record<string, string>
  /** their keys kept under properties.extra */
  unmapped: string[]
  /** required fields of ours with no source */
  missing: string[]
  /** their keys the user chose to drop */
  ignored?: string[]
}

/** The user's column table: ours -> their column; columns in neither are kept as properties. */
export interface ColumnChoice {
  fields: Record<string, string>
  ignore: string[]
}

export type ImportResult =
  | { ok: true; file: string; layer: LayerKind; features: Feature[]; crs: CrsReport; mapping: PropertyMapping; table: ColumnTable; issues: ImportIssue[] }
  | { ok: false; file: string; issues: ImportIssue[] }

/** A feature as read from any format, before checks: nothing about it is trusted yet. */
export interface RawFeature {
  geometry: unknown
  properties: Record<string, unknown>
  id?: unknown
  /** where it sits in the source, for messages */
  path: string
}

/** What a format reader hands to the common pipeline. */
export interface ReadResult {
  features: RawFeature[]
  /** texts that may name the CRS (a GeoJSON crs member, a .prj), strongest first */
  crsHints: { source: string; text: string }[]
  /** a .prj said projected and the reader could not convert it */
  projectedPrj?: string
}

/** What the mapping step shows: the file's columns, its first rows, our fields and the plan as a choice. */
export interface ColumnTable {
  columns: string[]
  /** the first rows under the file's own columns (values shortened) */
  rows: Record<string, string>[]
  fields: string[]
  choice: ColumnChoice
  notes: string[]
}
