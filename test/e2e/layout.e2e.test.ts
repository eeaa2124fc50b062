// End-to-end: the page gives the map the screen at 1280×800 before and after a run (issue 10 §3), the
// drawer and panels remember their state, search finds pinyin and lists every match, and the zh-CN page shows
// no English words (issue 10 §4) in the panels a run opens.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { mapIdle, openApp, useServedApp } from './harness.ts'
import { setRun, waitState } from './steps.ts'
import { LATIN_ALLOWED, wrongLanguage } from './text-walk.ts'

const fx = useServedApp()

/** share of the viewport the map's visible rectangle takes */
const mapShare = (page: Page) =>
  page.evaluate(() => {
    const r = document.getElementById('map')!.getBoundingClientRect()
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0))
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0))
    return (w * h) / (innerWidth * innerHeight)
  })

/** visible text nodes in zh-CN with Latin words outside the allow-list (test/e2e/text-walk.ts) */
const latinWords = (page: Page, allowed: string[]) => wrongLanguage(page, 'zh', allowed)

async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SHOTS) return
  mkdirSync(process.env.E2E_SHOTS, { recursive: true })
  writeFileSync(join(process.env.E2E_SHOTS, `layout-${name}.png`), await page.screenshot())
}

describe('room for the map (e2e)', () => {
  it('keeps ≥ 60 % of a 1280×800 screen for the map before and after a run; search finds pinyin; zh-CN panels show no English', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?preset=street`, 120_000)
    await mapIdle(page)
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.6)
    expect(await page.isHidden('[data-testid=results]')).toBe(true) // nothing to show: no drawer
    expect(await page.isHidden('[data-testid=loading]')).toBe(true)
    await shot(page, 'before')

    // search: pinyin, every match with a count, closes when focus leaves
    await page.fill('[data-testid=search-input]', 'xiluoyuan')
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid=search-count]')?.dataset.count) > 0)
    const hits = await page.locator('[data-testid=search-results] li').allTextContents()
    expect(hits.some((x) => x.startsWith('西罗园'))).toBe(true)
    expect(Number(await page.getAttribute('[data-testid=search-count]', 'data-count'))).toBe(hits.length)
    await page.locator('[data-testid=search-results] li').first().click()
    expect(await page.evaluate(() => (window as any).__gongzhi.app.view.map.getSource('searched').serialize().data.features.length)).toBe(1)
    await page.fill('[data-testid=search-input]', '网格')
    await page.waitForSelector('[data-testid=search-results] li')
    await page.mouse.click(900, 600) // on the map, away from the list
    await page.waitForFunction(() => (document.querySelector('.search-pop') as HTMLElement).hidden)

    // a single run: cards in the side panel, the drawer only as its tab strip, the map keeps its share
    await page.click('[data-testid=tab-run]')
    await setRun(page, 5, 1, 3)
    await page.click('[data-testid=run]')
    await waitState(page, 'done')
    expect(await page.isVisible('[data-testid=results]')).toBe(true)
    expect(await page.isVisible('[data-testid=charts]')).toBe(false)
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.6)
    // rate cards fit their column: no card wider than the panel
    const overflow = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.rate-card')].filter((c) => c.scrollWidth > c.clientWidth + 1).length)
    expect(overflow).toBe(0)
    await shot(page, 'after-run')
    expect(await latinWords(page, LATIN_ALLOWED)).toEqual([])

    // the drawer remembers the user's choice across a reload; so does the left panel's tab
    await page.click('[data-testid=tab-charts]')
    await page.waitForSelector('[data-testid=charts]:not([hidden])')
    expect(await latinWords(page, LATIN_ALLOWED)).toEqual([])
    // a comparison: names in words, differences in 个百分点
    await setRun(page, 5, 2, 3)
    await page.click('[data-testid=compare]')
    await waitState(page, 'done')
    await page.click('[data-testid=tab-compare]')
    await page.waitForSelector('[data-testid=compare-table]')
    expect(await latinWords(page, LATIN_ALLOWED)).toEqual([])
    await page.click('[data-testid=tab-charts]')
    await page.waitForSelector('[data-testid=charts][data-kind=compare]')
    expect(await latinWords(page, LATIN_ALLOWED)).toEqual([])
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.35) // the user opened the drawer
    await shot(page, 'compare')
    // the sweep tab (its form; a sweep's result is covered by the sweep's own tests)
    await page.click('[data-testid=tab-sweep]')
    await page.waitForSelector('[data-testid=sweep]')
    await shot(page, 'sweep')
    await page.click('[data-testid=tab-run]')
    await page.click('[data-testid=results-tabs-toggle]')
    expect(await page.isHidden('[data-testid=charts]')).toBe(true)
    await openApp(page, `${fx.served.url}?preset=street`, 120_000)
    expect(await page.isVisible('[data-testid=run-panel]')).toBe(true)
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('gongzhi:drawer')))!)).toMatchObject({ collapsed: true, active: 'charts' })
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.6)
    await ctx.close()
  }, 480_000)
})
