// Alley stewards and street chiefs (小巷管家 / 街巷长, book ch. 4.2.2, 4.3.2: 日巡周查月评季通报): stewards walk their
// community's roads every day and street chiefs walk all of them each week; either can see a visible issue at a
// building on a road. The roads are the world's road layer (compiled as samples); a road belongs to the community
// of the nearest building within ASSIGN_M, and a building is on a road when a sample lies within FRONTAGE_M of it.
import type { CompiledWorld } from '../world/compile.ts'
import type { Scenario } from '../scenario/schema.ts'
import { MIN_PER_WEEK } from '../engine/calendar.ts'
import { DETOUR, WALK_M_PER_MIN } from './ids.ts'

/** a building point this close to a road is seen from it: a building point stands for a block of flats, so this is
 *  about half a block's depth (assumption; on the street world ≈ 36 % of households) */
export const FRONTAGE_M = 80
/** a road stretch belongs to the community of the nearest building within this distance */
const ASSIGN_M = 2 * FRONTAGE_M
/** a street chief's weekly walk is an inspection: the chance it notices a visible issue it passes (assumption) */
export const CHIEF_DETECT_PER_WALK = 0.3
const HOURS_PER_WEEK = 168

export interface Stewards {
  /** per building: on a road (1) or not */
  onRoad: Uint8Array
  /** per community: metres of road, and the discovery rate per minute of a visible issue on a road */
  roadM: Float64Array
  rate: Float64Array
}

export const stewardsActive = (sc: Scenario): boolean => (sc.stewards.perCommunity > 0 && sc.stewards.hoursPerWeek > 0 && sc.stewards.detect > 0) || sc.stewards.chiefPatrolsPerWeek > 0

export function initStewards(w: CompiledWorld, sc: Scenario): Stewards {
  const C = w.communities.n
  const onRoad = new Uint8Array(w.buildings.n)
  const roadM = new Float64Array(C)
  const rate = new Float64Array(C)
  if (!stewardsActive(sc)) return { onRoad, roadM, rate }
  const r = w.roads
  const bx = w.buildings.x
  const by = w.buildings.y
  for (let k = 0; k < r.n; k++) {
    const near = w.buildingIndex.within(r.x[k], r.y[k], ASSIGN_M)
    let best = -1
    let bestD = Infinity
    for (const b of near) {
      const d = (bx[b] - r.x[k]) ** 2 + (by[b] - r.y[k]) ** 2
      if (d <= FRONTAGE_M * FRONTAGE_M) onRoad[b] = 1
      if (d < bestD) {
        bestD = d
        best = b
      }
    }
    if (best >= 0 && w.buildings.community[best] >= 0) roadM[w.buildings.community[best]] += r.lenM[k]
  }
  const st = sc.stewards
  const perPass = sc.gridWorkers.detectPerPass * st.detect
  for (let c = 0; c < C; c++) {
    if (roadM[c] <= 0) continue
    // stewards: metres walked a minute (at the week's average) over the community's road length = passes a minute
    const passes = (st.perCommunity * (st.hoursPerWeek / HOURS_PER_WEEK) * WALK_M_PER_MIN) / (roadM[c] * DETOUR)
    rate[c] = passes * perPass + (st.chiefPatrolsPerWeek / MIN_PER_WEEK) * CHIEF_DETECT_PER_WALK
  }
  return { onRoad, roadM, rate }
}
