// The page's scenario from a saved project: the schema is strict now, so an edit saved by an older version under a
// lever path that no longer exists is left out (and listed), rather than making the whole project unrunnable.
import { describe, expect, it } from 'vitest'
import { scenarioIssueText } from '../../sim/api.ts'
import { scenarioOf } from './scenario-panel.ts'

describe('scenarioOf', () => {
  it('an old saved project with an edit of a lever that no longer exists still loads; the edit is listed as dropped', () => {
    const s = scenarioOf({ base: 'hotline-reform', edits: { 'gridWorkers.scale': 2, 'gridWorkers.oldLever': 3, 'retired.group': true }, days: 30, replicates: 1, seed: 1 })
    expect(s.problems).toEqual([])
    expect(s.dropped).toEqual(['gridWorkers.oldLever', 'retired.group'])
    expect(s.input?.gridWorkers?.scale).toBe(2)
    expect(s.input?.name).toBe('hotline-reform+1')
  })

  it('a saved edit under a prototype path is dropped and never reaches Object.prototype', () => {
    const s = scenarioOf({ base: 'whistle', edits: JSON.parse('{"__proto__.polluted": 1, "constructor.prototype.polluted": 1, "__proto__": {"polluted": 1}}'), days: 30, replicates: 1, seed: 1 })
    expect(s.input).not.toBeNull()
    expect(s.dropped).toHaveLength(3)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('a bad value of a known lever is still a problem naming the field', () => {
    const s = scenarioOf({ base: 'whistle', edits: { 'gridWorkers.perGrid': 400 }, days: 30, replicates: 1, seed: 1 })
    expect(s.input).toBeNull()
    expect(s.problems.map(scenarioIssueText)).toEqual(['scenario.gridWorkers.perGrid: must be ≤ 20, got 400'])
    expect(s.problems[0]).toMatchObject({ code: 'tooBig', lever: 'gridWorkers.perGrid', params: { limit: 20, got: '400' } })
    expect(s.dropped).toEqual([])
  })
})
