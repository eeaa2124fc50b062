// Per-grid statistics a planner balances: households against the band, residents, area, compactness, and
// how far the grid worker walks from the grid's base.
import type { Position } from 'geojson'
import { areaM2, compactness, distanceM, type Polys } from './measure.ts'

/** Walking speed, km/h (docs/domain.md § Hierarchy, assumption). */
export const WALK_SPEED_KMH = 4.5
/** Street-network walk over straight line (assumption: typical circuity of urban street networks, 1.2–1.4). */
export const DETOUR_FACTOR = 1.3

export const walkMinutes = (metres: number): number => (metres / 1000 / WALK_SPEED_KMH) * 60

export interface GridStats {
  id: string
  community: string
  households: number
  residents: number
  buildings: number
  areaM2: number
  /** Polsby–Popper 4πA/P² */
  compactness: number
  parts: number
  base: Position
  /** walk from the base to the farthest building of the grid, m (straight line × detour factor) */
  farthestHouseholdWalkM: number
  /** walk from the base to the farthest corner of the grid, m */
  farthestWalkM: number
  farthestWalkMin: number
}

export interface StatsBuilding {
  pos: Position
  households: number
  residents: number
}

export function gridStats(id: string, community: string, geometry: Polys, base: Position, members: StatsBuilding[]): GridStats {
  let far = 0
  for (const poly of geometry) for (const p of poly[0]) far = Math.max(far, distanceM(base, p))
  let farB = 0
  for (const m of members) farB = Math.max(farB, distanceM(base, m.pos))
  const round = (x: number, d = 1) => Math.round(x * d) / d
  const farthestWalkM = far * DETOUR_FACTOR
  return {
    id,
    community,
    households: members.reduce((s, m) => s + m.households, 0),
    residents: members.reduce((s, m) => s + m.residents, 0),
    buildings: members.length,
    areaM2: round(areaM2(geometry)),
    compactness: round(compactness(geometry), 1000),
    parts: geometry.length,
    base,
    farthestHouseholdWalkM: round(farB * DETOUR_FACTOR),
    farthestWalkM: round(farthestWalkM),
    farthestWalkMin: round(walkMinutes(farthestWalkM), 10),
  }
}
