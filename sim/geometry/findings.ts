// What a grid-layer check can find. Codes are constants so that the editor, the CLI and tests agree on them
// and the UI can translate them; the message is the English fallback.
import type { Position } from 'geojson'

export const FINDING = {
  GAP: 'grid-gap',
  OVERLAP: 'grid-overlap',
  CROSSES_COMMUNITY: 'grid-crosses-community',
  UNASSIGNED_BUILDING: 'building-unassigned',
  HOUSEHOLDS_BELOW: 'households-below-band',
  HOUSEHOLDS_ABOVE: 'households-above-band',
  MULTIPART: 'grid-multipart',
  INVALID_GEOMETRY: 'grid-invalid-geometry',
  UNKNOWN_COMMUNITY: 'grid-unknown-community',
  NO_GRIDS: 'community-without-grids',
  OPERATION_FAILED: 'geometry-operation-failed',
} as const
export type FindingCode = (typeof FINDING)[keyof typeof FINDING]
export type Severity = 'error' | 'warning' | 'info'

export interface FeatureRef {
  layer: 'grids' | 'communities' | 'buildings'
  id: string
}

export interface Finding {
  code: FindingCode
  severity: Severity
  message: string
  /** a point to zoom to, [lon, lat] */
  location: Position
  features: FeatureRef[]
  /** area of the gap, overlap or outside part, m² */
  areaM2?: number
  /** the measured value for band findings */
  value?: number
}

export function countBySeverity(fs: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 }
  for (const f of fs) c[f.severity]++
  return c
}
