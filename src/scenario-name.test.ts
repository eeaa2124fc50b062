import { describe, expect, it, vi } from 'vitest'
import { setLang } from './i18n/i18n.ts'
import { issueDetail } from './i18n/scenario-issues.ts'
import { parseScenario, ScenarioError, type ScenarioIssue } from '../sim/api.ts'
import { scenarioName } from './scenario-name.ts'

describe('scenario names and problems in the page language', () => {
  it('names presets, edited and pinned versions in words, never by id in zh-CN', () => {
    vi.stubGlobal('document', { documentElement: {} }) // setLang marks the page's language
    setLang('zh-CN')
    for (const id of ['grid-management', 'grid-management+3', 'grid-management v2', 'hotline-reform']) expect(scenarioName(id)).not.toMatch(/[a-z]{2,}/)
    expect(scenarioName('grid-management+3')).toContain('改动 3 项')
    expect(scenarioName('grid-management v2')).toContain('第 2 版')
    expect(scenarioName('my-file')).toBe('my-file') // not a preset: shown as the user named it
    const issues = (input: unknown): ScenarioIssue[] => {
      try {
        parseScenario(input)
      } catch (e) {
        if (e instanceof ScenarioError) return e.issues
      }
      return []
    }
    expect(issues({ gridWorkers: { scale: 99 } }).map(issueDetail)).toEqual(['须 ≤ 10，当前为 99'])
    expect(issues({ foo: 1 }).map(issueDetail)).toEqual(['没有这个参数'])
    setLang('en')
    expect(scenarioName('grid-management v2')).toMatch(/ v2$/)
    setLang('zh-CN')
    vi.unstubAllGlobals()
  })
})
