// The book's community-level systems move their outputs the way the book says (docs/book-systems.md), over
// replicates on the default `street` world. Comparisons are paired (common random numbers: both arms see the same
// issues and the same resident choices), every pair must point the same way, and the mean beyond a margin.
import { describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, parseScenario, scenarioPreset, setScenarioPath, simulate, type SimResult } from '../api.ts'

const world = compileWorld(buildWorld({ preset: 'street', seed: 1 }))
const SEEDS = [11, 12, 13]
const DAYS = 30

function scenario(base: string | null, edits: Record<string, unknown> = {}) {
  const s = (base ? structuredClone(scenarioPreset(base)) : {}) as Record<string, unknown>
  for (const [p, v] of Object.entries(edits)) setScenarioPath(s, p, v)
  return parseScenario(s)
}
const runs = (sc: ReturnType<typeof scenario>, days = DAYS) => SEEDS.map((seed) => simulate(world, sc, { seed, days, detail: false }))
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/** every paired difference f(b) − f(a) above 0 and their mean above `margin` */
function expectRaises(a: SimResult[], b: SimResult[], f: (r: SimResult) => number, margin: number) {
  const d = a.map((r, k) => f(b[k]) - f(r))
  for (const x of d) expect(x).toBeGreaterThan(0)
  expect(mean(d)).toBeGreaterThan(margin)
}
const cat = (c: string) => (r: SimResult) => r.byCategory[c]
const off = runs(scenario(null))

describe("the book's community systems (street world, 3 replicates × 30 days)", () => {
  it('are off by default: no consultation, social-organisation case, steward find or parked case', () => {
    const s = off[0].systems
    expect([s.consultation.issues, s.socialOrgs.cases, s.stewards.found, s.parked.parked, s.owners.companiesReplaced]).toEqual([0, 0, 0, 0, 0])
    expect(off[0].utilization.socialOrg.people).toBe(0)
  })

  it('consultation (议事协商) raises resolution and satisfaction of the categories it covers, delays them and builds participation', () => {
    const on = runs(scenario(null, { 'consultation.intervalDays': 30, 'consultation.scope': 'disputes' }))
    expectRaises(off, on, (r) => cat('dispute')(r).resolution, 0.02)
    expectRaises(off, on, (r) => cat('dispute')(r).satisfaction, 0.01)
    expectRaises(off, on, (r) => cat('dispute')(r).hoursToClose.mean!, 24)
    expectRaises(off, on, (r) => r.systems.participation.mean, 0.005)
    // out of scope: welfare cases are neither delayed nor consulted
    expect(Math.abs(mean(on.map((r) => cat('welfare')(r).hoursToClose.mean!)) - mean(off.map((r) => cat('welfare')(r).hoursToClose.mean!)))).toBeLessThan(6)
    expect(on[0].systems.consultation.issues).toBeGreaterThan(0)
  })

  it('more social-organisation capacity (三社联动) shortens welfare cases', () => {
    const some = runs(scenario(null, { 'socialOrgs.perCommunity': 10, 'socialOrgs.budgetPerCommunity': 10 }))
    const more = runs(scenario(null, { 'socialOrgs.perCommunity': 10, 'socialOrgs.budgetPerCommunity': 60 }))
    expectRaises(more, some, (r) => cat('welfare')(r).hoursToClose.mean!, 2)
    expectRaises(more, off, (r) => cat('welfare')(r).hoursToClose.mean!, 2)
    expect(more[0].systems.socialOrgs.cases).toBeGreaterThan(0)
  })

  it("owners' committees (业委会) improve property outcomes", () => {
    const with1 = runs(scenario(null, { 'owners.committeeShare': 1, 'owners.supervisionGain': 0.5 }))
    expectRaises(off, with1, (r) => cat('property')(r).resolution, 0.005)
    expectRaises(off, with1, (r) => cat('property')(r).satisfaction, 0.003)
    expect(with1[0].systems.owners.withCommitteeStart).toBe(1)
  })

  it('alley stewards and street chiefs (小巷管家 / 街巷长) raise public-space discovery', () => {
    const pre = runs(scenario('baseline-pre-reform'))
    const walk = runs(scenario('baseline-pre-reform', { 'stewards.perCommunity': 20, 'stewards.chiefPatrolsPerWeek': 1 }))
    expectRaises(pre, walk, (r) => r.publicSpace.discovery, 0.1)
    // with grid workers patrolling, stewards still add to what is found
    const grid = runs(scenario(null, { 'stewards.perCommunity': 20 }))
    expectRaises(off, grid, (r) => r.publicSpace.discovery, 0.002)
  })

  it('the people’s-conditions map (民情图) lifts visits to high-need households to the 90 % norm', () => {
    const burden = { 'communityWorkers.adminBurden': 0.8 }
    const even = runs(scenario(null, burden), 7)
    const map = runs(scenario(null, { ...burden, 'needs.priorityShare': 0.5 }), 7)
    expect(even[0].systems.needs.visitedHighNeed).toBeLessThan(0.9)
    expect(map[0].systems.needs.visitedHighNeed).toBeGreaterThanOrEqual(0.9)
    expect(map[0].systems.needs.households.highNeed).toBeGreaterThan(0)
  })

  it('parked cases (挂账) are counted apart and a policy change reopens and solves some', () => {
    const parked = runs(scenario(null, { 'parked.enabled': true, 'parked.reopenDay': 20 }))
    for (const r of parked) {
      expect(r.systems.parked.reopened).toBeGreaterThan(0)
      expect(r.systems.parked.solvedAfterReopening).toBeGreaterThan(0)
    }
    // still parked ones are left out of the rates
    expectRaises(off, parked, (r) => r.rates.resolution, 0.02)
  })

  it('participation starts at the survey’s distribution (table 8-2)', () => {
    const p = off[0].systems.participation
    for (const [band, share] of Object.entries(p.survey)) expect(Math.abs((p.distribution as Record<string, number>)[band] - share), band).toBeLessThan(0.05)
  })

  it('the three typical models order as book ch. 2.2 describes', () => {
    const [sh, sy, jh] = ['shanghai-government-led', 'shenyang-self-governing', 'jianghan-cooperative'].map((n) => runs(scenario(n)))
    // Shanghai: quick and efficient, at the highest cost in paid staff
    expectRaises(sh, sy, (r) => r.hoursToClose.mean!, 5)
    expectRaises(sh, jh, (r) => r.hoursToClose.mean!, 5)
    const staff = (r: SimResult) => r.utilization.communityWorker.people + r.utilization.streetOffice.people + r.utilization.enforcement.people + r.utilization.socialOrg.people
    expect(staff(sh[0])).toBeGreaterThan(staff(jh[0]))
    expect(staff(jh[0])).toBeGreaterThan(staff(sy[0]))
    // Shenyang: broader participation than either
    expectRaises(sh, sy, (r) => r.systems.participation.mean, 0.01)
    expectRaises(jh, sy, (r) => r.systems.participation.mean, 0.01)
    // Jianghan: the residents' committee freed and social organisations taking on services: welfare cases fastest
    expectRaises(jh, sh, (r) => cat('welfare')(r).hoursToClose.mean!, 2)
    expectRaises(jh, sy, (r) => cat('welfare')(r).hoursToClose.mean!, 2)
  })
})
