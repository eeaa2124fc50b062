// The sweep core on its own: today's plan files parse, jobs and seeds come out in plan order, the CSV defuses
// spreadsheet formulas (but not negative numbers) and reads back what it wrote, rows merge into the same means and
// intervals as meanCi, and the feed loop hands every job out once.
import { describe, expect, it } from 'vitest'
import { meanCi, SUMMARY_METRICS } from '../run/simulate.ts'
import { METRICS, targetOp } from '../metrics/registry.ts'
import { BOM, cellText, csvRecords, csvText } from './csv.ts'
import { feed } from './feed.ts'
import { jobAt, jobCount, jobsOf, parseSweepPlan, PlanError } from './plan.ts'
import { rowCells, rowOf, sweepHeader, type RunMetrics } from './rows.ts'
import { bestSetting, meetsTarget, summarizeRows } from './summary.ts'

const metrics = (x: number): RunMetrics => Object.fromEntries(SUMMARY_METRICS.map((m) => [m, x])) as RunMetrics

describe('sweep plan and jobs', () => {
  it('reads a plan file of today (preset, scenario, days, seed, replicates, levers) and expands it in order', () => {
    const p = parseSweepPlan({ preset: 'street', scenario: 'whistle', days: 7, seed: 4, replicates: 2, levers: { 'gridWorkers.perGrid': [1, 2], 'street.officeStaff': [3, 5, 8] } })
    expect(jobCount(p)).toBe(12)
    const jobs = jobsOf(p)
    expect(jobs.map((j) => j.seed)).toEqual([4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5])
    expect(jobs.map((j) => j.setting)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    expect(jobs[3]).toEqual({ index: 3, id: '[5,1,5]', setting: 1, replicate: 1, seed: 5, values: [1, 5] })
    expect(jobAt(p, 11).values).toEqual([2, 8])
    expect(() => parseSweepPlan({ days: 0 })).toThrow(PlanError)
    expect(() => parseSweepPlan({ replicates: 1001 })).toThrow('plan.replicates: must be ≤ 1000')
  })
})

describe('sweep CSV', () => {
  it('guards text a spreadsheet would run, keeps numbers, and reads back what it wrote', () => {
    for (const s of ['=1+1', '+1', '-cmd', '@SUM(A1)', '\tx', '\rx']) expect(cellText(s)).toBe(`'${s}`)
    expect(cellText(-0.5)).toBe('-0.5')
    expect(cellText(NaN)).toBe('')
    expect(cellText([1, 'a'])).toBe('[1,"a"]')
    const text = csvText(['id', 'name', 'x'], [['[1,2]', '=HYPERLINK("x")', -3], ['[2,2]', 'a,"b"\nc', 4]])
    expect(text.startsWith(BOM)).toBe(true)
    expect(csvRecords(text).map((r) => r.fields)).toEqual([
      ['id', 'name', 'x'],
      ['[1,2]', `'=HYPERLINK("x")`, '-3'],
      ['[2,2]', 'a,"b"\nc', '4'],
    ])
  })

  it('writes one row per run in the CLI columns', () => {
    const p = parseSweepPlan({ scenario: 'whistle', days: 3, replicates: 2, levers: { 'gridWorkers.perGrid': [1, 2] } })
    const row = rowOf(p, 'whistle', jobAt(p, 1), metrics(0.5))
    expect(sweepHeader(p).slice(0, 6)).toEqual(['id', 'seed', 'scenario', 'days', 'gridWorkers.perGrid', 'issues.arisen'])
    expect(rowCells(row).slice(0, 6)).toEqual(['[2,1]', 2, 'whistle', 3, 1, 0.5])
  })
})

describe('sweep summaries', () => {
  it('merge the rows of each setting with meanCi, in any order, leaving a setting without rows empty', () => {
    const p = parseSweepPlan({ scenario: 'whistle', days: 3, replicates: 3, levers: { 'gridWorkers.perGrid': [1, 2, 3] } })
    const rows = [5, 2, 0, 1, 4].map((i) => rowOf(p, 'whistle', jobAt(p, i), metrics(i / 10)))
    const [a, b, c] = summarizeRows(p, rows)
    expect(a).toMatchObject({ setting: 0, levers: { 'gridWorkers.perGrid': 1 }, n: 3, seeds: [1, 2, 3] })
    expect(a.metrics['rates.resolution']).toEqual(meanCi([0, 0.1, 0.2], [0, 1]))
    // 0.1 − 4.303 × 0.1 / √3 = −0.148: a share's interval stops at 0
    expect(a.metrics['rates.resolution'].ci95).toEqual([0, 0.3484])
    expect(b).toMatchObject({ n: 2, seeds: [2, 3] })
    expect(c.n).toBe(0)
    expect(c.metrics['rates.resolution'].mean).toBeNaN()
  })
})

describe('the cheapest setting that meets a target', () => {
  // three settings of grid workers per grid: the response rate rises with them, and so do staff and cost — but
  // the third setting cuts hours, so it is cheaper than the second with more people
  const plan = parseSweepPlan({ preset: 'street', replicates: 2, levers: { 'gridWorkers.perGrid': [1, 2, 3] } })
  const at = (response: [number, number], headcount: number, cost: number): RunMetrics[] => response.map((r) => ({ ...metrics(0), 'rates.response': r, 'staff.headcount': headcount, 'staff.cost': cost }))
  const runs = [at([0.8, 0.82], 300, 3e7), at([0.9, 0.94], 450, 4.5e7), at([0.95, 0.951], 600, 4e7)]
  const rows = jobsOf(plan).map((j) => rowOf(plan, 'x', j, runs[j.setting][j.replicate]))
  const sums = summarizeRows(plan, rows)
  const target = { metric: 'rates.response', op: '>=', value: 0.9 } as const

  it('meets on the mean, or strictly on the interval’s unfavourable end', () => {
    expect(sums.map((s) => meetsTarget(s, target))).toEqual([false, true, true])
    expect(sums.map((s) => meetsTarget(s, { ...target, strict: true }))).toEqual([false, false, true])
  })

  it('minimises total staff or their cost, or a key of the lever values', () => {
    expect(bestSetting(sums, target, 'staff.headcount')?.levers).toEqual({ 'gridWorkers.perGrid': 2 })
    expect(bestSetting(sums, target, 'staff.cost')?.levers).toEqual({ 'gridWorkers.perGrid': 3 })
    expect(bestSetting(sums, target, (s) => [-(s.levers['gridWorkers.perGrid'] as number)])?.levers).toEqual({ 'gridWorkers.perGrid': 3 })
    expect(bestSetting(sums, { ...target, value: 0.99 }, 'staff.cost')).toBeNull()
  })
})

describe('feed', () => {
  it('hands every job to exactly one runner and stops a runner that says so', async () => {
    const seen: [string, number][] = []
    await feed(['a', 'b'], [1, 2, 3, 4, 5], async (r, j) => {
      await new Promise((res) => setTimeout(res, r === 'a' ? 5 : 1))
      seen.push([r, j])
    })
    expect(seen.map(([, j]) => j).sort()).toEqual([1, 2, 3, 4, 5])
    const ran: number[] = []
    await feed(['a'], [1, 2, 3], async (_r, j) => (ran.push(j), j < 2))
    expect(ran).toEqual([1, 2])
    await expect(feed(['a', 'b'], [1, 2], async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
  })
})

describe('metric registry', () => {
  it('names every summary metric in both languages, with the way a target points', () => {
    for (const m of SUMMARY_METRICS) {
      expect(METRICS[m].label.zh, m).toMatch(/[\u4e00-\u9fff]/)
      expect(METRICS[m].label.en, m).toMatch(/[A-Za-z]/)
    }
    expect(targetOp('rates.resolution')).toBe('>=')
    expect(targetOp('hoursToClose.p90')).toBe('<=')
    expect(targetOp('issues.arisen')).toBe('<=')
  })
})
