// The book's community-level systems in a run's result (docs/book-systems.md, docs/results-schema.md § systems):
// participation beside the survey, the people's-conditions map and 入户率, owners' committees, consultation,
// social organisations, alley stewards and parked cases. Pure: reads the final model state.
import { CH, Model, PHASE } from '../model/model.ts'
import { F2_SOCIAL } from '../model/ids.ts'
import { participationReport } from '../model/participation.ts'
import { needsReport } from '../model/needs.ts'
import { ownersReport } from '../model/owners.ts'
import { parkedReport } from '../model/parked.ts'

export function systemsReport(m: Model, endMin: number) {
  let social = 0
  let stewardFound = 0
  for (let i = 0; i < m.n; i++) {
    if (m.flags2[i] & F2_SOCIAL) social++
    if (m.phase[i] !== PHASE.LATENT && m.channel[i] === CH.STEWARD) stewardFound++
  }
  let roadM = 0
  for (const x of m.stewards.roadM) roadM += x
  return {
    participation: participationReport(m.participation),
    needs: needsReport(m.needs, m.w, m.hhStart, m.visitRate),
    owners: ownersReport(m.owners, endMin),
    consultation: { issues: m.consulted },
    socialOrgs: { cases: social },
    stewards: { found: stewardFound, roadKm: Math.round(roadM) / 1000 },
    parked: parkedReport(m),
  }
}
