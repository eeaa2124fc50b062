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
  /** stands for the findings of one kind past the per-community listing cap (`of`, count in `value`) */
  NOT_LISTED: 'findings-not-listed',
  /** pairs of grids whose extents overlap, left unexamined once the overlap cap was reached (count in `value`) */
  OVERLAPS_NOT_EXAMINED: 'grid-overlaps-not-examined',
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
  /** the measured value for band findings; the count left out for summary findings */
  value?: number
  /** for a `findings-not-listed` summary: the kind of finding it stands for */
  of?: FindingCode
}

/** How many findings of one kind a community lists; the rest become one summary finding. */
export const LIST_CAP = 100

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Keep the first `cap` findings of each code; replace the rest of a code by one summary finding. */
export function capFindings(fs: Finding[], cap: number, where: { community: string; location: Finding['location'] }): Finding[] {
  const seen = new Map<FindingCode, number>()
  const over = new Map<FindingCode, { n: number; severity: Severity }>()
  const out: Finding[] = []
  for (const f of fs) {
    const k = seen.get(f.code) ?? 0
    seen.set(f.code, k + 1)
    if (k < cap || f.code === FINDING.NOT_LISTED || f.code === FINDING.OVERLAPS_NOT_EXAMINED) {
      out.push(f)
      continue
    }
    const o = over.get(f.code) ?? { n: 0, severity: f.severity }
    o.n++
    if (RANK[f.severity] < RANK[o.severity]) o.severity = f.severity
    over.set(f.code, o)
  }
  for (const [code, o] of over) {
    out.push({
      code: FINDING.NOT_LISTED,
      severity: o.severity,
      message: `community ${where.community}: ${o.n} more ${code} findings not listed (the first ${cap} are)`,
      location: where.location,
      features: [{ layer: 'communities', id: where.community }],
      value: o.n,
      of: code,
    })
  }
  return out
}

export function countBySeverity(fs: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 }
  for (const f of fs) c[f.severity]++
  return c
}
