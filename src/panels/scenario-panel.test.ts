import { describe, expect, it } from 'vitest'
import { LEVERS, SCENARIO_PRESETS, scenarioPreset } from '../../sim/api.ts'
import { getLang } from '../i18n/i18n.ts'
import { sourceText } from './scenario-panel.ts'

// "book ch. C.S.P" (chapter, section, part) is the one form a book citation takes (docs/domain.md § Citations);
// the book has nine chapters.
const BOOK = /\bbook ch\. (\d+(?:\.\d+)*(?:, \d+(?:\.\d+)*)*)/g
const sources = [...LEVERS.map((l) => l.source), ...SCENARIO_PRESETS.flatMap((p) => scenarioPreset(p).sources)]

describe('lever and preset sources', () => {
  it('cite the book by chapter and section, chapters 1–9', () => {
    const cites = sources.flatMap((s) => [...s.matchAll(BOOK)].flatMap((m) => m[1].split(', ')))
    expect(cites.length).toBeGreaterThan(20)
    for (const c of cites) expect(c, c).toMatch(/^[1-9](\.\d){0,2}$/)
    for (const s of sources) expect(s.replace(BOOK, ''), s).not.toMatch(/\bbook\b/) // no other form of book citation
  })

  it('read in Chinese on the zh-CN page with the same chapter and section', () => {
    expect(getLang()).toBe('zh-CN')
    const perGrid = LEVERS.find((l) => l.path === 'gridWorkers.perGrid')!
    expect(sourceText(perGrid.source)).toBe('原书第 9.2.4 节（每格一人）')
    expect(sourceText('book ch. 5.2.2, table 5-1 (a survey)')).toBe('原书第 5.2.2 节, 表 5-1 (a survey)') // no Chinese text: the citation still reads
    expect(sourceText('assumption (book ch. 5.2.3, 8.1.3, 4.3.2: x)')).toBe('假设 (原书第 5.2.3、8.1.3、4.3.2 节: x)')
    for (const l of LEVERS) {
      const zh = sourceText(l.source)
      expect(zh, l.path).not.toMatch(/\bbook ch\./)
      const en = [...l.source.matchAll(BOOK)].map((m) => m[1].replace(/, /g, '、'))
      const back = [...zh.matchAll(/原书第 ([\d.、]+) 节/g)].map((m) => m[1])
      expect(back, l.path).toEqual(en)
      // every lever's source has its Chinese text: no English word but place names' and sources' acronyms
      expect(zh.replace(/\b\d[\w-]*/g, '').match(/[A-Za-z]{2,}/g) ?? [], `${l.path}: ${zh}`).toEqual([])
    }
  })
})
