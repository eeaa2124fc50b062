// How a district's census population is shared out among its real streets and communities. The census gives only
// the district total; the split below it is synthetic: every community draws a size keyed by its own code, villages
// (村) are smaller than 社区, and streets whose communities cover much land (suburban and rural towns) get fewer people
// per community than the dense inner streets. docs/default-world.md explains the choices.
import { createRng } from '../../engine/rng.ts'
import { areaM2 } from '../../geometry/measure.ts'
import { communitiesOf, streetsOf, type DistrictInfo, type RealCommunity, type RealStreet } from './real-data.ts'
import { splitInteger } from './settlement.ts'

/** persons per household — assumption near Beijing's 2020 census average (2.31 家庭户, more in villages) */
export const HOUSEHOLD_SIZE = { community: 2.45, village: 2.75 } as const
/** a village's expected size against a 社区 of the same street — assumption */
const VILLAGE_WEIGHT = 0.45
/** land per community (km²) at which a street counts as typical inner-city — assumption */
const REF_KM2_PER_COMMUNITY = 0.25
const HH = { lo: 600, hi: 2950, loSmall: 320 }

export interface PlannedCommunity extends RealCommunity {
  street: string
  households: number
  residents: number
}

export interface PlannedStreet extends RealStreet {
  communities: PlannedCommunity[]
  residents: number
  households: number
}

const clamp = (x: number, a: number, b: number) => Math.min(b, Math.max(a, x))
export const householdSize = (rural: boolean): number => (rural ? HOUSEHOLD_SIZE.village : HOUSEHOLD_SIZE.community)

/** Streets and communities of a district with their synthetic populations, summing exactly to the census. */
export function planDistrict(d: DistrictInfo, seed: number): PlannedStreet[] {
  const streets = streetsOf(d).map((s) => ({ s, cs: communitiesOf(s.code) }))
  const all: { c: RealCommunity; street: string; w: number; size: number }[] = []
  for (const { s, cs } of streets) {
    const km2PerCommunity = areaM2(s.polys) / 1e6 / Math.max(1, cs.length)
    const urbanity = clamp((REF_KM2_PER_COMMUNITY / km2PerCommunity) ** 0.3, 0.55, 1.45)
    for (const c of cs) {
      const rng = createRng(seed, `community/${c.code}`).stream('size')
      const w = (c.rural ? VILLAGE_WEIGHT : 1) * urbanity * clamp(rng.normal(1, 0.22), 0.55, 1.6)
      all.push({ c, street: s.code, w, size: householdSize(c.rural) })
    }
  }
  const residents = shareOut(d.residents, all)
  const byStreet = new Map<string, PlannedCommunity[]>()
  all.forEach(({ c, street, size }, i) => {
    const list = byStreet.get(street) ?? []
    list.push({ ...c, street, residents: residents[i], households: Math.max(1, Math.round(residents[i] / size)) })
    byStreet.set(street, list)
  })
  return streets.map(({ s }) => {
    const communities = byStreet.get(s.code) ?? []
    return { ...s, communities, residents: communities.reduce((a, c) => a + c.residents, 0), households: communities.reduce((a, c) => a + c.households, 0) }
  })
}

/** Split `total` by the weights, keeping each community's households in the standard 600–2,950 where the total allows. */
function shareOut(total: number, items: { w: number; size: number }[]): number[] {
  const w = items.map((x) => x.w)
  const room = items.reduce((s, x) => s + HH.lo * x.size, 0)
  // Sparse rural districts cannot give every community 600 households; their small villages stay small.
  const lo = total >= room * 1.2 ? HH.lo : HH.loSmall
  let out = splitInteger(total, w)
  for (let it = 0; it < 60; it++) {
    let moved = false
    out.forEach((r, i) => {
      const hh = r / items[i].size
      if (hh > HH.hi) { w[i] *= (HH.hi - 30) / hh; moved = true }
      else if (hh < lo && total >= items.length * lo * items[i].size) { w[i] *= (lo + 30) / Math.max(1, hh); moved = true }
    })
    if (!moved) break
    out = splitInteger(total, w)
  }
  return out
}
