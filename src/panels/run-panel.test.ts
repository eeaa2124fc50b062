import { describe, expect, it } from 'vitest'
import { defaultScenario, type SimResult } from '../../sim/api.ts'
import { compareOf, runsCsv } from './run-panel.ts'

const fake = (scenario: string, seed: number, resolution: number, perGrid: number | null, label = 'x'): SimResult => {
  const params = { ...defaultScenario(), name: scenario, label, sources: [`${scenario} source, with a comma`] }
  params.gridWorkers = { ...params.gridWorkers, perGrid }
  return { scenario, seed, days: 30, params, rates: { response: 0.9, resolution, satisfaction: 0.8, onTime: 0.7 }, issues: { arisen: 10, known: 8, closed: 6 } } as unknown as SimResult
}

describe('compare and export', () => {
  it('compareOf: B − A of the means on the same seeds', () => {
    const c = compareOf([fake('a', 1, 0.5, 1), fake('a', 2, 0.6, 1)], [fake('b', 1, 0.7, 2), fake('b', 2, 0.8, 2)])
    expect(c.seeds).toEqual([1, 2])
    expect(c.a.summary.metrics['rates.resolution'].mean).toBe(0.55)
    expect(c.diff['rates.resolution']).toBe(0.2)
    expect(c.diff['rates.response']).toBe(0)
  })

  it('runsCsv: one row per run, the levers that differ from the defaults, the metrics, no formulas', () => {
    const csv = runsCsv([fake('=cmd', 1, 0.5, 3), fake('b', 2, 0.7, defaultScenario().gridWorkers.perGrid as number)]).replace(/^\ufeff/, '').trim().split('\n')
    const cols = csv[0].split(',')
    expect(cols.slice(0, 3)).toEqual(['scenario', 'seed', 'days'])
    expect(cols).toContain('gridWorkers.perGrid')
    expect(cols).not.toContain('label')
    expect(cols).not.toContain('sources') // the presets' citations are no lever
    expect(cols).toContain('rates.resolution')
    expect(csv).toHaveLength(3)
    expect(csv[1].startsWith("'=cmd,1,30,")).toBe(true)
    expect(csv[2].split(',')[cols.indexOf('rates.resolution')]).toBe('0.7')
  })
})
