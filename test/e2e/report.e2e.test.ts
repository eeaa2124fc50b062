// End-to-end on the small `street` world, one page at 1280×800: the merged world picker, a new project named in the
// page's dialog, a two-replicate comparison mapped as B − A per grid and per community (diverging legend, zero in
// the middle), and the printed report with its small result map, every differing lever and buttons clear of its
// title — in zh-CN, then in English and at 1440×900.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { mapIdle, mapShot, openApp, useServedApp } from './harness.ts'
import { setRun, waitState } from './steps.ts'
import { wrongLanguage } from './text-walk.ts'

/** the report's scenario line names each scenario once, A's and B's names apart, in the page's language */
async function scenarioLine(page: Page): Promise<string[]> {
  const names = await page.locator('[data-testid=report-scenarios] b').allTextContents()
  const line = (await page.textContent('[data-testid=report-scenarios]'))!
  expect(names).toHaveLength(2)
  expect(names[0]).not.toBe(names[1])
  for (const n of names) expect(line.split(n).length - 1, `${n} in "${line}"`).toBe(1)
  return names
}

const fx = useServedApp()
type G = { __gongzhi: { app: any } }

/** a whole-page screenshot kept for a person to look at when E2E_SHOTS is set */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `report-${name}.png`), await page.screenshot())
}

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** at 1280×800 and 1440×900 (ending on `last`): the report's buttons are on screen and clear of its title and
 *  scenario line */
async function buttonsClear(page: Page, lang: string, last: 1280 | 1440): Promise<void> {
  const sizes = [{ width: 1280, height: 800 }, { width: 1440, height: 900 }]
  for (const size of last === 1280 ? sizes.reverse() : sizes) {
    await page.setViewportSize(size)
    for (const id of ['report-print', 'report-close']) {
      const b = (await page.locator(`[data-testid=${id}]`).boundingBox())!
      expect(b.y).toBeGreaterThanOrEqual(0)
      for (const sel of ['.report-page h1', '[data-testid=report-scenarios]']) expect(overlaps(b, (await page.locator(sel).boundingBox())!), `${id} over ${sel}`).toBe(false)
    }
    await shot(page, `report-${size.width}-${lang}`)
  }
}

describe('comparison map, report and projects (e2e)', () => {
  it('maps a comparison, prints its report with a result map, names a new project, lists worlds in one picker', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await ctx.newPage()
    page.setDefaultNavigationTimeout(180_000) // a loaded machine serves the page slowly
    await openApp(page, `${fx.served.url}?preset=street&panel=run`, 180_000)

    // one world picker: the built-in worlds in their group (this browser has built none from data)
    expect(await page.locator('[data-testid=world-picker] optgroup[data-group=preset] option').count()).toBe(18)
    expect(await page.locator('[data-testid=world-picker] optgroup[data-group=data]').count()).toBe(0)
    expect(await page.locator('[data-testid=world-picker]').inputValue()).toBe('street')

    // 新建 asks for a name in the page's dialog; cancel changes nothing, an empty name is refused
    const before = await page.evaluate(() => (window as unknown as G).__gongzhi.app.project.id)
    await page.click('[data-testid=proj-new]')
    await page.waitForSelector('[data-testid=name-dialog][open]')
    await page.click('[data-testid=name-cancel]')
    await page.waitForSelector('[data-testid=name-dialog]', { state: 'detached' })
    expect(await page.evaluate(() => (window as unknown as G).__gongzhi.app.project.id)).toBe(before)
    await page.click('[data-testid=proj-new]')
    await page.fill('[data-testid=name-input]', '  ')
    await page.click('[data-testid=name-ok]')
    expect(await page.textContent('[data-testid=name-error]')).toBe('请填写项目名称')
    await page.fill('[data-testid=name-input]', '西罗园方案甲')
    await shot(page, 'new-project-zh')
    await page.click('[data-testid=name-ok]')
    await page.waitForFunction(() => (window as unknown as G).__gongzhi.app.project.name === '西罗园方案甲', undefined, { timeout: 60_000 })
    await page.waitForFunction(() => document.querySelector('[data-testid=project-select] option:checked')?.textContent === '西罗园方案甲', undefined, { timeout: 60_000 })

    // a comparison on two seeds, each run keeping its per-area figures
    await setRun(page, 10, 2, 3)
    await page.locator('[data-testid=compare-picker]').selectOption('hotline-reform')
    await page.click('[data-testid=compare]')
    await waitState(page, 'done', 240_000)
    await page.waitForSelector('[data-testid=compare-map-open]', { timeout: 60_000 })
    await page.click('[data-testid=compare-map-open]')
    await page.waitForSelector('[data-testid=result-map-panel][data-state=compare] [data-testid=result-legend][data-kind=diff]', { timeout: 60_000 })
    const counts = async () => ({
      styled: Number(await page.getAttribute('[data-testid=result-map-panel]', 'data-features')),
      nodata: Number(await page.getAttribute('[data-testid=result-map-panel]', 'data-nodata')),
    })
    const nGrids = await page.evaluate(() => (window as unknown as G).__gongzhi.app.store.gridsFc('governance').features.length)
    const byGrid = await counts()
    expect(byGrid.styled + byGrid.nodata).toBe(nGrids)
    expect(byGrid.styled).toBeGreaterThan(nGrids / 2)
    // seven classes symmetric about zero, zero in the middle row, units on every row, and a no-data row
    const breaks = (await page.getAttribute('[data-testid=result-legend]', 'data-breaks'))!.split(',').map(Number)
    expect(breaks).toHaveLength(6)
    for (let i = 0; i < 3; i++) expect(breaks[i]).toBeCloseTo(-breaks[5 - i], 9)
    const rows = await page.locator('[data-testid=result-legend] .result-legend-row').allTextContents()
    expect(rows).toHaveLength(8)
    expect(rows[3]).toMatch(/^0（±[\d.,]+ h）\(\d+\)$/)
    for (const r of rows.slice(0, 7)) expect(r).toMatch(/ h/)
    expect(await page.textContent('[data-testid=result-legend] .result-legend-title')).toContain('B − A')
    const visible = await page.evaluate(() => (window as unknown as G).__gongzhi.app.view.map.getLayoutProperty('result-fill', 'visibility'))
    expect(visible).toBe('visible')
    await mapIdle(page)
    await mapShot(page)
    await shot(page, 'compare-map-grid-zh')
    // per community: every community is an area of the map
    await page.selectOption('[data-testid=result-level]', 'community')
    await page.selectOption('[data-testid=result-metric]', 'resolution')
    await page.waitForFunction(() => document.querySelector('[data-testid=result-legend] .result-legend-title')?.textContent?.includes('解决率'), undefined, { timeout: 30_000 })
    const nComm = await page.evaluate(() => (window as unknown as G).__gongzhi.app.opts.world.communities.features.length)
    const byComm = await counts()
    expect(byComm.styled + byComm.nodata).toBe(nComm)
    expect(await page.locator('[data-testid=result-legend] .result-legend-row').nth(3).textContent()).toMatch(/个百分点/)
    await mapIdle(page)
    await shot(page, 'compare-map-community-zh')

    // the report: the result map drawn from the grids, every differing lever, numbers with separators
    await page.click('[data-testid=tab-charts]')
    await page.waitForSelector('[data-testid=charts][data-kind=compare] [data-testid=report]', { timeout: 60_000 })
    await page.click('[data-testid=report]')
    await page.waitForSelector('[data-testid=report-map] svg path', { timeout: 60_000 })
    expect(await page.locator('[data-testid=report-map] svg path').count()).toBe(nGrids)
    expect(Number(await page.getAttribute('[data-testid=report-map]', 'data-styled'))).toBeGreaterThan(nGrids / 2)
    expect(await page.textContent('[data-testid=report-map] figcaption')).toContain('B − A')
    const diffRows = Number(await page.getAttribute('[data-testid=report-diff]', 'data-rows'))
    expect(diffRows).toBeGreaterThan(0)
    expect(await page.locator('[data-testid=report-diff] tr[data-path]').count()).toBe(diffRows)
    expect(await page.textContent('[data-testid=report-view]')).not.toMatch(/未列出|not listed/)
    expect(await page.textContent('[data-testid=report-meta]')).toMatch(/\d,\d{3} 户/)
    const zhNames = await scenarioLine(page)
    expect(zhNames[1]).toBe('接诉即办（北京 2019）')
    await buttonsClear(page, 'zh', 1440)

    // in English: the report and the comparison map speak it
    await page.click('[data-testid=report-close]')
    await page.click('[data-testid=lang]')
    await page.waitForFunction(() => document.querySelector('[data-testid=result-legend] .result-legend-title')?.textContent?.includes('B − A'), undefined, { timeout: 30_000 })
    expect(await page.locator('[data-testid=result-legend] .result-legend-row').nth(3).textContent()).toMatch(/^0 \(±[\d.,]+ pp\)/)
    await page.click('[data-testid=tab-charts]')
    await page.click('[data-testid=report]')
    await page.waitForSelector('[data-testid=report-map] svg path', { timeout: 60_000 })
    expect(await page.textContent('[data-testid=report-map] figcaption')).toMatch(/^Comparison map: .*B − A \(by grid\)$/)
    expect(await page.textContent('[data-testid=report-meta]')).toMatch(/\d,\d{3} households/)
    // scenario names and lever labels follow the page's language; the project's typed name stays as typed
    const enNames = await scenarioLine(page)
    expect(enNames[1]).toBe('接诉即办 respond on receipt (Beijing 2019)')
    expect(enNames[0]).not.toBe(zhNames[0])
    expect(await wrongLanguage(page, 'en')).toEqual([])
    expect(await page.evaluate(() => (window as unknown as G).__gongzhi.app.project.name)).toBe('西罗园方案甲')
    await buttonsClear(page, 'en', 1280)
    await ctx.close()
  }, 240_000)
})
