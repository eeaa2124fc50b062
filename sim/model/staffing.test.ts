import { describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, defaultScenario, parseScenario, scenarioPreset } from '../api.ts'
import { Model } from './model.ts'
import { ROLE, ROLES } from './roles.ts'
import { DISTRICT_RESIDENTS, HOURS_PER_WEEK, PROPERTY_AVAILABILITY, staffPools, WORK_HOURS_PER_WEEK } from './staffing.ts'

const w = compileWorld(buildWorld({ preset: 'street', seed: 1 }))
const withLevers = (edit: (s: ReturnType<typeof defaultScenario>) => void) => {
  const s = structuredClone(defaultScenario())
  edit(s)
  return parseScenario(s)
}

describe('staffing', () => {
  const sc = scenarioPreset('hotline-reform')
  const st = staffPools(w, sc)
  const roleOf = (p: number) => ROLES[st.poolRole[p]]

  it('lays the pools out by role: grids, communities, property companies, offices, enforcement, departments, social organisations', () => {
    const withCompany = Array.from(w.compounds.property).filter((x) => x > 0).length
    const streets = Math.max(1, w.streets.n)
    expect(st.servers.length).toBe(w.grids.n + w.communities.n + withCompany + 2 * streets + 1 + w.communities.n)
    expect([st.commPool0, st.propPool0, st.officePool0, st.enfPool0, st.deptPool, st.socialPool0]).toEqual([w.grids.n, w.grids.n + w.communities.n, w.grids.n + w.communities.n + withCompany, w.grids.n + w.communities.n + withCompany + streets, st.servers.length - 1 - w.communities.n, st.servers.length - w.communities.n])
    expect(roleOf(st.socialPool0)).toBe('socialOrg')
    // no social organisations are funded by default: their pools have no servers
    expect(st.servers[st.socialPool0]).toBe(0)
    expect(roleOf(0)).toBe('gridWorker')
    expect(roleOf(st.commPool0)).toBe('communityWorker')
    expect(roleOf(st.propPool0)).toBe('property')
    expect(roleOf(st.officePool0)).toBe('streetOffice')
    expect(roleOf(st.enfPool0)).toBe('enforcement')
    expect(roleOf(st.deptPool)).toBe('departments')
    // availability is a share of time: positive and at most the whole of it
    for (const a of st.poolAvail) expect(a > 0 && a <= 1).toBe(true)
  })

  it('gives office staff their 40 of 168 hours, property companies 30 % and community workers their week less admin and visits', () => {
    expect(st.poolAvail[st.officePool0]).toBeCloseTo(WORK_HOURS_PER_WEEK / HOURS_PER_WEEK, 12)
    if (st.propPool0 < st.officePool0) expect(st.poolAvail[st.propPool0]).toBe(PROPERTY_AVAILABILITY)
    const c = sc.communityWorkers
    expect(st.poolAvail[st.commPool0]).toBeCloseTo((c.hoursPerWeek / HOURS_PER_WEEK) * (1 - c.adminBurden) * (1 - c.visitShare), 12)
    for (let k = 0; k < w.communities.n; k++) expect(st.commWorkers[k]).toBeGreaterThanOrEqual(c.minPerCommunity)
  })

  it("gives a world its share of the district departments: staff × residents / Fengtai's residents", () => {
    let residents = 0
    for (let c = 0; c < w.communities.n; c++) residents += w.communities.residents[c]
    expect(residents).toBeGreaterThan(0)
    expect(st.poolPeople[st.deptPool]).toBeCloseTo((sc.departments.staff * residents) / DISTRICT_RESIDENTS, 9)
  })

  it('follows the allocation rule: one per grid puts one person in every grid, scaled', () => {
    const one = staffPools(w, withLevers((s) => ((s.gridWorkers.allocation = 'one-per-grid'), (s.gridWorkers.scale = 2))))
    expect(Array.from(one.gridPeople).every((x) => x === 2)).toBe(true)
    const none = staffPools(w, withLevers((s) => (s.gridWorkers.scale = 0)))
    expect(Array.from(none.servers.subarray(0, w.grids.n)).every((x) => x === 0)).toBe(true)
  })

  it('a crew on a 7-day calendar has fewer on duty at a time, working the same hours', () => {
    const office = staffPools(w, sc)
    const week = staffPools(w, withLevers((s) => ((s.grids.dutyDays = 7), (s.grids.dutyHours = 12))))
    expect(week.servers[week.deptPool]).toBeLessThan(office.servers[office.deptPool])
    expect(week.poolPeople[week.deptPool]).toBe(office.poolPeople[office.deptPool])
  })

  it('is the table the model runs on', () => {
    const m = new Model(w, sc, { seed: 1, days: 1 })
    expect(Array.from(m.pools.servers)).toEqual(Array.from(st.servers))
    expect(Array.from(m.poolAvail)).toEqual(Array.from(st.poolAvail))
    expect(m.poolRole[m.deptPool]).toBe(ROLE.DEPARTMENT)
  })
})
