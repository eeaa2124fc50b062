// Repair as the planner sees it: which communities it works on (the selected grids' communities, else the
// chosen community, else every community with a gap, overlap or grid outside its boundary in the findings),
// and a report in the user's language that names each community and grid and says what was done.
import { DEFAULT_BAND, FINDING, type Finding, type RepairStep, type World } from '../../sim/api.ts'
import { fmtInt, t } from '../i18n/i18n.ts'
import type { Doc } from '../store/store.ts'
import { repairCommunity } from './grid-ops.ts'

const TILING = new Set<string>([FINDING.GAP, FINDING.OVERLAP, FINDING.CROSSES_COMMUNITY, FINDING.UNASSIGNED_BUILDING, FINDING.MULTIPART])

export interface RepairView {
  doc: Doc
  selected: string[]
  community: string | null
  findings: Finding[]
}

/** The communities a click on 修复 repairs. */
export function repairScope(s: RepairView): string[] {
  const communityOf = new Map(s.doc.grids.map((g) => [g.properties.id, g.properties.community]))
  if (s.selected.length) return [...new Set(s.selected.map((id) => communityOf.get(id)).filter((c): c is string => !!c))]
  if (s.community) return [s.community]
  const out = new Set<string>()
  for (const f of s.findings) {
    if (!TILING.has(f.code)) continue
    for (const r of f.features) {
      const c = r.layer === 'communities' ? r.id : r.layer === 'grids' ? communityOf.get(r.id) : undefined
      if (c) out.add(c)
    }
  }
  return [...out]
}

export interface CommunityRepair {
  community: string
  steps: RepairStep[]
  ids: string[]
}

export function repairMany(doc: Doc, w: World, communities: readonly string[]): { doc: Doc; reports: CommunityRepair[] } {
  const reports: CommunityRepair[] = []
  for (const c of communities) {
    const r = repairCommunity(doc, w, c)
    if (!r) continue
    doc = r.doc
    reports.push({ community: c, steps: r.steps, ids: r.ids })
  }
  return { doc, reports }
}

export interface Names {
  community(id: string): string
  grid(id: string): string
}

function stepText(s: RepairStep, ids: string[], names: Names): string {
  const g = (i: number) => names.grid(ids[i])
  const area = `${fmtInt(s.kind === 'kept-covered' ? 0 : s.areaM2)} m²`
  switch (s.kind) {
    case 'cut-outside':
      return t('repair.cutOutside', { g: g(s.grid), area })
    case 'kept-covered':
      return t('repair.keptCovered', { g: g(s.grid) })
    case 'took-piece':
      return t('repair.tookPiece', { g: g(s.grid), area, len: fmtInt(s.borderM) })
    case 'shared-piece':
      return t('repair.sharedPiece', { gs: s.grids.map(g).join(t('list.sep')), area, ...DEFAULT_BAND })
    case 'merged-sliver':
      return t('repair.mergedSliver', { g: g(s.grid), into: g(s.into), area })
  }
}

/** The message after a repair: a header, then per community its name and what changed. */
export function repairMessage(reports: readonly CommunityRepair[], names: Names): string {
  if (!reports.length) return t('repair.nothing')
  const n = reports.reduce((k, r) => k + r.steps.length, 0)
  const lines = [t('msg.repaired', { n })]
  for (const r of reports) {
    const c = names.community(r.community)
    if (!r.steps.length) lines.push(t('repair.clean', { c }))
    else lines.push(t('repair.community', { c, n: r.steps.length }), ...r.steps.map((s) => `· ${stepText(s, r.ids, names)}`))
  }
  return lines.join('\n')
}
