// End-to-end: Chinese throughout, English throughout (issue 10 §4). On one page load of the small `street` world, in
// zh-CN every visible text node of every panel and dialog shows no English after a run, a comparison, a sweep, an
// import with a column the importer keeps aside and an import error; switched to English, the same views show no
// Chinese but place names and the domain terms beside their translation.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openApp, useServedApp } from './harness.ts'
import { fill, setRun, waitState } from './steps.ts'
import { wrongLanguage, type Mode } from './text-walk.ts'

const fx = useServedApp()
type G = { __gongzhi: { app: any } }

async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SHOTS) return
  mkdirSync(process.env.E2E_SHOTS, { recursive: true })
  writeFileSync(join(process.env.E2E_SHOTS, `language-${name}.png`), await page.screenshot())
}

/** every view a user reaches after the work so far: the left panel's tabs, each drawer tab; each walked */
async function walkViews(page: Page, mode: Mode): Promise<string[]> {
  const found: string[] = []
  const walk = async (where: string) => found.push(...(await wrongLanguage(page, mode, undefined, true)).map((x) => `${where} ▸ ${x}`))
  for (const tab of ['tab-layers', 'tab-run', 'tab-sweep']) {
    if (!(await page.locator(`[data-testid=${tab}]`).count())) continue
    await page.click(`[data-testid=${tab}]`)
    await walk(tab)
  }
  for (const tab of await page.$$eval('button[data-testid^=tab-]', (els) => els.map((e) => e.getAttribute('data-testid')!).filter((x) => !['tab-layers', 'tab-run', 'tab-sweep'].includes(x)))) {
    if (!(await page.isVisible(`[data-testid=${tab}]`))) continue
    await page.click(`[data-testid=${tab}]`)
    await walk(tab)
  }
  return [...new Set(found)]
}

/** hover the toast so it stays while it is read */
async function holdToast(page: Page): Promise<string> {
  await page.waitForSelector('#message:not([hidden]) .toast-text', { timeout: 120_000 })
  await page.hover('#message')
  return (await page.textContent('#message .toast-text')) ?? ''
}

describe('one language at a time (e2e)', () => {
  it('zh-CN shows no English and English no Chinese after a run, a comparison, a sweep and imports', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await ctx.newPage()
    page.setDefaultNavigationTimeout(180_000) // a loaded machine serves the first page slowly
    page.setDefaultTimeout(120_000)
    await openApp(page, `${fx.served.url}?preset=street&panel=run`, 120_000)
    await page.locator('[data-testid=scenario-picker]').selectOption('grid-management')

    // a run, then a comparison of two arms
    await setRun(page, 3, 1, 3)
    await page.click('[data-testid=run]')
    await waitState(page, 'done', 180_000)
    await setRun(page, 3, 2, 3)
    await page.click('[data-testid=compare]')
    await waitState(page, 'done', 180_000)

    // a small sweep: workers per grid 1–2, one replicate of 3 days
    await page.click('[data-testid=tab-sweep]')
    await page.waitForSelector('[data-testid=sweep]')
    await page.locator('[data-testid=sweep-lever-0]').selectOption('gridWorkers.perGrid')
    for (const [id, v] of [['sweep-from-0', 1], ['sweep-to-0', 2], ['sweep-steps-0', 2], ['sweep-replicates', 1], ['sweep-days', 3], ['sweep-workers', 1]] as const) await fill(page, id, v)
    await page.click('[data-testid=sweep]')
    await page.waitForSelector('[data-testid=sweep-panel][data-state=done]', { timeout: 180_000 })
    await shot(page, 'zh-sweep')
    expect(await walkViews(page, 'zh')).toEqual([])

    // an import whose 户数 column does not fit: the mapping dialog, then the message with the kept column
    const box = await page.evaluate(() => {
      const com = (window as unknown as G).__gongzhi.app.opts.world.communities.features[0]
      const pts = (com.geometry.type === 'Polygon' ? [com.geometry.coordinates] : com.geometry.coordinates).flat(2) as number[][]
      return { name: com.properties.name as string, x: pts.map((p) => p[0]), y: pts.map((p) => p[1]) }
    })
    const [x0, x1, y0, y1] = [Math.min(...box.x), Math.max(...box.x), Math.min(...box.y), Math.max(...box.y)]
    const xm = (x0 + x1) / 2
    const rect = (a: number, b: number) => ({ type: 'Polygon', coordinates: [[[a, y0], [b, y0], [b, y1], [a, y1], [a, y0]]] })
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { 网格名称: '语言一网格', 所属社区: box.name, 户数: '很多', 楼栋数: '三' }, geometry: rect(x0, xm) },
      { type: 'Feature', properties: { 网格名称: '语言二网格', 所属社区: box.name, 户数: 380, 楼栋数: '四' }, geometry: rect(xm, x1) },
    ] }
    await page.setInputFiles('[data-testid=file-input]', { name: '网格.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) })
    await page.waitForSelector('[data-testid=crs-dialog][open], [data-testid=import-mapping][open]', { timeout: 120_000 })
    if (await page.locator('[data-testid=crs-dialog][open]').count()) {
      expect(await wrongLanguage(page, 'zh')).toEqual([])
      await page.click('[data-testid=crs-ok]')
      await page.waitForSelector('[data-testid=import-mapping][open]', { timeout: 120_000 })
    }
    expect(await wrongLanguage(page, 'zh')).toEqual([])
    await page.click('[data-testid=import-confirm]')
    const kept = await holdToast(page)
    expect(kept).toContain('户数')
    await shot(page, 'zh-import-kept')
    expect(await wrongLanguage(page, 'zh')).toEqual([])
    await page.click('#message .toast-close')

    // an import error: a file cut off mid-way
    await page.setInputFiles('[data-testid=file-input]', { name: '坏文件.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":') })
    const failed = await holdToast(page)
    expect(failed).toContain('坏文件.geojson')
    expect(failed).toMatch(/JSON/)
    await shot(page, 'zh-import-error')
    expect(await wrongLanguage(page, 'zh')).toEqual([])
    await page.click('#message .toast-close')

    // the same views in English: no Chinese but place names and terms beside their translation
    await page.click('#lang')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.setInputFiles('[data-testid=file-input]', { name: 'broken.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":') })
    expect(await holdToast(page)).toMatch(/not valid JSON at line 1/)
    await shot(page, 'en-import-error')
    expect(await walkViews(page, 'en')).toEqual([])
    await shot(page, 'en-sweep')
    await ctx.close()
  }, 480_000)
})
