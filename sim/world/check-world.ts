// The grid rules over a whole world, and over one community at a time for the editor.
import { assignPoints } from '../geometry/assign-buildings.ts'
import { countBySeverity, FINDING, type Finding, type Severity } from '../geometry/findings.ts'
import { gridStats, type GridStats } from '../geometry/grid-stats.ts'
import { centroidOf } from '../geometry/measure.ts'
import { interiorPoint } from '../geometry/interior-point.ts'
import { indexGridLayer, type BuildingRec, type GridLayerIndex, type GridLayerInput } from './grid-layer-index.ts'
import { validateCommunity, type ValidateOptions } from '../geometry/validate-community.ts'

export interface CommunityCheck {
  community: string
  findings: Finding[]
  grids: GridStats[]
}

export function checkCommunity(ix: GridLayerIndex, communityId: string, opts: ValidateOptions = {}): CommunityCheck {
  const c = ix.communities.get(communityId)
  if (!c) throw new Error(`unknown community "${communityId}"`)
  const grids = ix.gridsByCommunity.get(communityId) ?? []
  const buildings = ix.buildingsByCommunity.get(communityId) ?? []
  const findings = validateCommunity(c, grids, buildings, opts)
  const owner = assignPoints(grids.map((g) => g.geometry), buildings.map((b) => b.pos))
  const held: BuildingRec[][] = grids.map(() => [])
  buildings.forEach((b, k) => {
    if (owner[k] >= 0) held[owner[k]].push(b)
  })
  const stats = grids.map((g, gi) => gridStats(g.id, communityId, g.geometry, g.base ?? (g.geometry.length ? interiorPoint(g.geometry) : [0, 0]), held[gi]))
  return { community: communityId, findings, grids: stats }
}

export interface WorldReport {
  counts: Record<string, number>
  totals: { households: number; residents: number }
  summary: Record<Severity, number>
  grids: GridStats[]
  findings: Finding[]
}

export function checkWorld(w: GridLayerInput, opts: ValidateOptions = {}): WorldReport {
  const ix = indexGridLayer(w)
  const findings: Finding[] = []
  const grids: GridStats[] = []
  for (const id of ix.communities.keys()) {
    const r = checkCommunity(ix, id, opts)
    for (const f of r.findings) findings.push(f)
    for (const g of r.grids) grids.push(g)
  }
  for (const g of ix.orphanGrids) {
    findings.push({
      code: FINDING.UNKNOWN_COMMUNITY,
      severity: 'error',
      message: `grid ${g.id} names community "${g.community}", which is not in the communities layer`,
      location: g.geometry.length ? centroidOf(g.geometry) : [0, 0],
      features: [{ layer: 'grids', id: g.id }],
    })
  }
  for (const b of ix.orphanBuildings) {
    findings.push({
      code: FINDING.UNASSIGNED_BUILDING,
      severity: 'error',
      message: `building ${b.id} (${b.households} households) lies in no community`,
      location: b.pos,
      features: [{ layer: 'buildings', id: b.id }],
    })
  }
  let households = 0
  let residents = 0
  for (const f of w.buildings.features) {
    households += f.properties.households ?? 0
    residents += f.properties.residents ?? 0
  }
  return {
    counts: { communities: w.communities.features.length, grids: w.grids.features.length, buildings: w.buildings.features.length },
    totals: { households, residents },
    summary: countBySeverity(findings),
    grids,
    findings,
  }
}
