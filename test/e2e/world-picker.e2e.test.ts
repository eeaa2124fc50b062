// The world picker: a district builds in the worker with progress, choosing another world reloads onto it, and the
// whole city opens as a city run (src/city/), in the page's language.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openApp, useServedApp } from './harness.ts'

const fx = useServedApp()
type G = { __gongzhi: { app: any; ready: boolean; error?: string } }

async function newPage(): Promise<Page> {
  const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await ctx.newPage()
  // record what the loading screen said while the world was built
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __loading: string[] }).__loading = [])
    new MutationObserver(() => {
      const t = document.getElementById('loading')?.textContent
      if (t && seen[seen.length - 1] !== t) seen.push(t)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  return page
}

describe('world picker', () => {
  it('builds a district with progress and switches to another one', async () => {
    const page = await newPage()
    await openApp(page, `${fx.served.url}?preset=shijingshan`, 180_000)
    const world = await page.evaluate(() => {
      const w = (window as unknown as G).__gongzhi.app.opts.world
      return { preset: w.meta.preset, streets: w.streets.features.length, district: w.district.features[0].properties.name }
    })
    expect(world).toEqual({ preset: 'shijingshan', streets: 9, district: '石景山区' })
    const seen = await page.evaluate(() => (window as unknown as { __loading: string[] }).__loading)
    expect(seen.some((t) => /已完成 \d+\/9 个街道/.test(t))).toBe(true)
    expect(await page.locator('[data-testid=world-picker]').inputValue()).toBe('shijingshan')
    expect(await page.locator('[data-testid=world-picker] option[value=dongcheng]').textContent()).toBe('东城区')
    await Promise.all([page.waitForURL(/preset=dongcheng/), page.selectOption('[data-testid=world-picker]', 'dongcheng')])
    await page.waitForFunction(() => (window as unknown as G).__gongzhi?.ready, undefined, { timeout: 180_000 })
    expect(await page.evaluate(() => (window as unknown as G).__gongzhi.app.opts.world.meta.preset)).toBe('dongcheng')
    await page.context().close()
  }, 400_000)

  it('opens the whole city as a city run, in either language', async () => {
    for (const [q, text] of [['', '全市运行'], ['&lang=en', 'City run']] as const) {
      const page = await newPage()
      await page.goto(`${fx.served.url}?preset=beijing&districts=dongcheng${q}`)
      await page.waitForFunction(() => (window as unknown as G).__gongzhi?.ready)
      expect(await page.locator('#run-panel h2').textContent()).toContain(text)
      expect(await page.locator('[data-testid=world-picker] option[value=beijing]').isDisabled()).toBe(false)
      await page.context().close()
    }
  })
})
