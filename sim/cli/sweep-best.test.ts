// `gongzhi sweep best` reads back the CSV the sweep core writes and parses its target: the rows it gets are the
// rows that were written, so its answer is the core's bestSetting on them (the page's sweep tab uses the same).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { csvText } from '../sweep/csv.ts'
import { jobsOf, parseSweepPlan } from '../sweep/plan.ts'
import { rowCells, rowOf, sweepHeader, type RunMetrics } from '../sweep/rows.ts'
import { SUMMARY_METRICS } from '../run/simulate.ts'
import { parseTarget, readRows } from './sweep-best.ts'

describe('sweep best', () => {
  it('reads the sweep CSV back row for row', () => {
    const plan = parseSweepPlan({ preset: 'street', replicates: 2, levers: { 'gridWorkers.perGrid': [1, 2] } })
    const rows = jobsOf(plan).map((j) => rowOf(plan, 'hotline-reform', j, Object.fromEntries(SUMMARY_METRICS.map((m, k) => [m, j.index + k / 10])) as RunMetrics))
    const file = join(mkdtempSync(join(tmpdir(), 'gz-best-')), 'p.csv')
    writeFileSync(file, csvText(sweepHeader(plan), rows.map(rowCells)))
    expect(readRows(file, plan)).toEqual(rows)
    writeFileSync(file, csvText(['id', 'x'], []))
    expect(() => readRows(file, plan)).toThrow(/header differs/)
  })

  it('parses a target and names a bad one', () => {
    expect(parseTarget('rates.response>=0.9', false)).toEqual({ metric: 'rates.response', op: '>=', value: 0.9, strict: false })
    expect(parseTarget('hoursToClose.p90 <= 48', true).op).toBe('<=')
    expect(() => parseTarget('rates.respons>=0.9', false)).toThrow(/unknown metric/)
    expect(() => parseTarget('rates.response=0.9', false)).toThrow(/METRIC>=VALUE/)
  })
})
