// The staff a scenario puts on a world and their cost: the people of every pool staffing.ts builds, volunteers
// counted unpaid, paid hours following the hours levers, and the same figures in a run's result.
import { describe, expect, it } from 'vitest'
import { buildWorld } from '../world/generate/generate-world.ts'
import { compileWorld } from '../world/compile.ts'
import { parseScenario, setPath } from '../scenario/schema.ts'
import { scenarioPreset } from '../scenario/presets.ts'
import { simulate } from '../run/simulate.ts'
import { staffOf, STAFF_ROLES, UNIT_COST_YUAN } from './staff-cost.ts'
import { staffPools } from './staffing.ts'

const w = compileWorld(buildWorld({ preset: 'street', seed: 1 }))
const base = parseScenario(scenarioPreset('hotline-reform'))
const variant = (edits: Record<string, unknown>) => {
  const sc = structuredClone(base) as unknown as Record<string, unknown>
  for (const [k, v] of Object.entries(edits)) setPath(sc, k, v)
  return parseScenario(sc)
}

describe('staff and cost of a scenario', () => {
  it('counts the people of every pool and adds up', () => {
    const s = staffOf(w, base)
    const pools = staffPools(w, base)
    expect(s.people.grid).toBe(pools.gridPeople.reduce((a, b) => a + b, 0))
    expect(s.people.community).toBe(pools.commWorkers.reduce((a, b) => a + b, 0))
    expect(s.people.office).toBe(base.street.officeStaff * w.streets.n)
    expect(s.people.volunteers).toBe((base.volunteers.perCommunity + base.stewards.perCommunity) * w.communities.n)
    expect(s.cost.volunteers).toBe(0)
    expect(s.people.grid).toBeGreaterThan(100)
    expect(s.headcount).toBeCloseTo(STAFF_ROLES.reduce((t, k) => t + s.people[k], 0), 0)
    expect(s.costYuan).toBe(STAFF_ROLES.reduce((t, k) => t + s.cost[k], 0))
    expect(s.cost.community).toBe(s.people.community * UNIT_COST_YUAN.community)
  })

  it('follows the staffing levers: more grid workers cost more, fewer hours cost less but leave the headcount', () => {
    const s = staffOf(w, base)
    const per2 = staffOf(w, variant({ 'gridWorkers.perGrid': 2 }))
    expect(per2.people.grid).toBe(2 * w.grids.n)
    expect(per2.cost.grid).toBe(2 * w.grids.n * UNIT_COST_YUAN.grid)
    const half = staffOf(w, variant({ 'gridWorkers.perGrid': 2, 'gridWorkers.hoursPerWeek': 20 }))
    expect(half.people.grid).toBe(per2.people.grid)
    expect(half.cost.grid).toBe(per2.cost.grid / 2)
    const vol = staffOf(w, variant({ 'volunteers.perCommunity': base.volunteers.perCommunity + 10 }))
    expect(vol.headcount).toBeCloseTo(s.headcount + 10 * w.communities.n, 1)
    expect(vol.costYuan).toBe(s.costYuan)
    const social = staffOf(w, variant({ 'socialOrgs.perCommunity': 5, 'socialOrgs.budgetPerCommunity': 30 }))
    expect(social.cost.social).toBe(30 * 10_000 * w.communities.n)
    expect(social.people.social).toBeGreaterThan(0)
  })

  it('is reported in every run and the same for every seed', () => {
    const a = simulate(w, base, { seed: 1, days: 2, detail: false })
    const b = simulate(w, base, { seed: 2, days: 2, detail: false })
    const s = staffOf(w, base)
    expect(a.staff).toEqual({ headcount: s.headcount, cost: s.costYuan, people: s.people, costByRole: s.cost })
    expect(b.staff).toEqual(a.staff)
  })
})
