import { describe, expect, it } from 'vitest'
import { defaultScenario, type SimResult } from '../../sim/api.ts'
import type { RunOutcome } from '../sim-client.ts'
import { ResultsHub } from './results-hub.ts'
import { gridP90Changes, headlineDiff, headlineValue, layoutChanged, layoutDiff, leverChanges } from './run-diff.ts'

const sq = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] })
const grid = (id: string, x: number, extra: Record<string, unknown> = {}) => ({ type: 'Feature', geometry: sq(x), properties: { id, community: 'c', layer: 'governance', ...extra } })

function result(resolution: number, p90: (number | null)[], ids = p90.map((_, k) => `g${k}`), perGrid = 1): SimResult {
  const params = defaultScenario()
  params.gridWorkers = { ...params.gridWorkers, perGrid }
  return {
    params, days: 30,
    rates: { response: 0.9, resolution, satisfaction: 0.8, onTime: 0.7, discovery: 0.5, proactive: 0.2 },
    hoursToClose: { n: 10, mean: 30, p50: 20, p90: 60 },
    issues: { open: 12 },
    utilization: { gridWorker: { utilization: 0.4 } },
    byGrid: { ids, p90HoursToClose: p90 },
  } as unknown as SimResult
}
const outcome = (...results: SimResult[]): RunOutcome => ({ results, summary: null, cancelled: false, seconds: 1 })

describe('the diff against the last run', () => {
  it('headline changes are current − previous, rates as shares', () => {
    const rows = headlineDiff(outcome(result(0.5, [])), outcome(result(0.65, [])))
    const res = rows.find((r) => r.id === 'resolution')!
    expect(res.change).toBe(0.65 - 0.5)
    expect(rows.find((r) => r.id === 'response')!.change).toBe(0)
    expect(rows.find((r) => r.id === 'backlog')!.current).toBe(12)
    expect(rows.find((r) => r.id === 'util-grid')!.previous).toBe(0.4)
    expect(rows.map((r) => r.id)).toEqual(['response', 'resolution', 'satisfaction', 'ontime', 'discovery', 'proactive', 'p50', 'p90', 'backlog', 'util-grid'])
  })

  it('a replicate run uses its summary mean, else the mean over runs', () => {
    const o = outcome(result(0.4, []), result(0.6, []))
    expect(headlineValue(o, 'rates.resolution')).toBeCloseTo(0.5, 12)
    const withSummary = { ...o, summary: { metrics: { 'rates.resolution': { mean: 0.55, sd: 0, ci95: [0, 1] } } } } as unknown as RunOutcome
    expect(headlineValue(withSummary, 'rates.resolution')).toBe(0.55)
    expect(headlineValue(o, 'no.such')).toBeNull()
  })

  it('layout: added, removed, reshaped and restaffed grids by id; party grids do not count', () => {
    const keep = grid('a', 0)
    const prev = { grids: [keep, grid('b', 1), grid('c', 2), grid('d', 3), grid('p', 9, { layer: 'party' })] }
    const cur = { grids: [keep, grid('b', 1), grid('c', 2.5), grid('d', 3, { workersFullTime: 2 }), grid('e', 5)] }
    const d = layoutDiff(prev, cur)
    expect(d).toEqual({ added: ['e'], removed: [], reshaped: ['c'], restaffed: ['d'], unchanged: 2 })
    expect(layoutChanged(d)).toBe(true)
    const del = layoutDiff(prev, { grids: prev.grids.filter((g) => g.properties.id !== 'b') })
    expect(del.removed).toEqual(['b'])
    expect(del.added).toEqual([])
    expect(layoutChanged(layoutDiff(prev, prev))).toBe(false)
  })

  it('lever changes come from the two runs’ scenarios', () => {
    const rows = leverChanges(outcome(result(0.5, [], [], 1)), outcome(result(0.5, [], [], 2)))
    expect(rows.map((r) => [r.path, r.a, r.b])).toEqual([['gridWorkers.perGrid', 1, 2]])
  })

  it('per-grid P90 changes: grids in both with values, largest change first, at most top', () => {
    const a = result(0, [10, 20, null, 40], ['g0', 'g1', 'g2', 'g3'])
    const b = result(0, [15, 5, 30, 40, 99], ['g0', 'g1', 'g2', 'g3', 'g9'])
    const ch = gridP90Changes(a, b)
    // g3 did not change: an unchanged grid is not a change to list
    expect(ch.map((c) => [c.id, c.change])).toEqual([['g1', -15], ['g0', 5]])
    expect(gridP90Changes(a, b, 1)).toHaveLength(1)
    expect(gridP90Changes(a, { ...b, byGrid: undefined })).toEqual([])
  })

  it('the hub keeps the last run (and its layout) across a comparison in between', () => {
    const hub = new ResultsHub()
    const docA = { grids: [] }
    const docB = { grids: [] }
    const run1 = { kind: 'run' as const, outcome: outcome(result(0.5, [])), scenario: 's' }
    hub.publish(run1, docA)
    expect(hub.last!.previousRun).toBeNull()
    hub.publish({ kind: 'compare', comparison: {} as never }, docB)
    expect(hub.last!.previous!.kind).toBe('run')
    expect(hub.last!.previousRun!.result).toBe(run1)
    const run2 = { kind: 'run' as const, outcome: outcome(result(0.6, [])), scenario: 's' }
    hub.publish(run2, docB)
    expect(hub.last!.previous!.kind).toBe('compare')
    expect(hub.last!.previousRun).toEqual({ result: run1, doc: docA })
    expect(hub.last!.previousDoc).toBe(docB)
  })
})
