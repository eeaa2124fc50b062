import { describe, expect, it, vi } from 'vitest'
import { setLang } from './i18n/i18n.ts'
import { problemZh } from './panels/scenario-panel.ts'
import { scenarioName } from './scenario-name.ts'

describe('scenario names and problems in the page language', () => {
  it('names presets, edited and pinned versions in words, never by id in zh-CN', () => {
    vi.stubGlobal('document', { documentElement: {} }) // setLang marks the page's language
    setLang('zh-CN')
    for (const id of ['grid-management', 'grid-management+3', 'grid-management v2', 'hotline-reform']) expect(scenarioName(id)).not.toMatch(/[a-z]{2,}/)
    expect(scenarioName('grid-management+3')).toContain('改动 3 项')
    expect(scenarioName('grid-management v2')).toContain('第 2 版')
    expect(scenarioName('my-file')).toBe('my-file') // not a preset: shown as the user named it
    expect(problemZh('scenario.gridWorkers.scale: must be ≤ 10, got 99')).toBe('须 ≤ 10，当前为 99')
    expect(problemZh('scenario.foo: unknown field (did you mean x?)')).toBe('没有这个参数')
    setLang('en')
    expect(scenarioName('grid-management v2')).toMatch(/ v2$/)
    setLang('zh-CN')
    vi.unstubAllGlobals()
  })
})
