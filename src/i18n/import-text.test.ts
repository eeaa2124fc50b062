import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, type ImportIssue } from '../../sim/api.ts'
import { LATIN_ALLOWED } from '../../test/e2e/text-walk.ts'
import { setLang } from './i18n.ts'
import { importIssueText } from './import-text.ts'
import { zhHeaderRow } from '../panels/csv-headers.ts'

const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o))
const sq = (x: number, y: number, d = 0.002) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] })
const latin = (s: string) => (s.replace(/\b\d[\w-]*/g, '').match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => w.length > 1 && !LATIN_ALLOWED.includes(w))

// setLang writes the page's lang attribute
beforeAll(() => void ((globalThis as { document?: unknown }).document = { documentElement: {} }))
afterAll(() => setLang('zh-CN'))

async function issuesOf(name: string, body: unknown): Promise<ImportIssue[]> {
  return (await importFile(name, enc(body), { layer: 'grids' })).issues
}

describe('import issues in the page language', () => {
  it('say the same issue in Chinese (no English words) and, in English, as the CLI does', async () => {
    const all = [
      ...(await issuesOf('cut.geojson', '{"type":"FeatureCollection","features":[{"type":')),
      ...(await issuesOf('empty.geojson', { type: 'FeatureCollection', features: [] })),
      ...(await issuesOf('table.csv', 'a,b\n1,2')),
      ...(await issuesOf('网格.geojson', { type: 'FeatureCollection', features: [
        { type: 'Feature', properties: { 名称: '一网格', 所属社区: 'c1', 户数: '很多' }, geometry: sq(116.39, 39.86) },
        { type: 'Feature', properties: { 名称: '二网格', 所属社区: 'c1', 户数: 300 }, geometry: sq(116.395, 39.86) },
      ] })),
      ...(await issuesOf('far.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x', community: 'c' }, geometry: sq(116.39, 39.86) }, { type: 'Feature', properties: { name: 'y', community: 'c' }, geometry: sq(116.39, 95) }] })),
    ]
    const codes = new Set(all.map((i) => i.code))
    for (const c of ['JSON_SYNTAX', 'EMPTY', 'UNSUPPORTED_FORMAT', 'OUT_OF_RANGE']) expect(codes).toContain(c)
    expect(all.filter((i) => i.msg).length).toBeGreaterThan(all.length / 2) // most carry an id, not only a code
    setLang('zh-CN')
    for (const i of all) {
      const zh = importIssueText(i)
      expect(zh.startsWith(`${i.file}：`)).toBe(true)
      expect(latin(zh.slice(i.file.length)), zh).toEqual([])
    }
    const kept = all.find((i) => i.code === 'VALUE_KEPT')
    if (kept) expect(importIssueText(kept)).toMatch(/列“户数”.*字段“户数”/)
    setLang('en')
    for (const i of all) expect(importIssueText(i)).toBe(i.message)
    expect(importIssueText(all.find((i) => i.code === 'JSON_SYNTAX')!)).toMatch(/^cut\.geojson: not valid JSON at line 1/)
  })
})

describe('CSV headers in Chinese', () => {
  it('rename the header row only, keeping the BOM and the rows', () => {
    setLang('zh-CN')
    const csv = '\ufeffscenario,seed,days,gridWorkers.perGrid,rates.onTime\r\nbaseline,1,30,2,0.8\r\n'
    const out = zhHeaderRow(csv)
    expect(out.startsWith('\ufeff情景,随机种子,模拟天数,')).toBe(true)
    expect(out.endsWith('\r\nbaseline,1,30,2,0.8\r\n')).toBe(true)
    expect(latin(out.split('\r\n')[0])).toEqual([])
  })
})
