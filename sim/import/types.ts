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
  /** complete sentence naming file, feature and problem */
  message: string
}

export interface CrsReport {
  detected: CrsName | 'unsure'
  confidence: 'certain' | 'likely' | 'unsure'
  reason: string
  applied: CrsName
  /** a file or column name named this system, but the coordinates fit `applied` instead */
  overruled?: CrsName
}

export interface PropertyMapping {
  /** ours -> theirs */
  mapped: Record<string, string>
  /** their keys kept under properties.extra */
  unmapped: string[]
  /** required fields of ours with no source */
  missing: string[]
}

export type ImportResult =
  | { ok: true; file: string; layer: LayerKind; features: Feature[]; crs: CrsReport; mapping: PropertyMapping; issues: ImportIssue[] }
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
