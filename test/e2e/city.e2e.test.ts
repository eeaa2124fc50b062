// The city run in the page (issue 14 §1): ?preset=beijing runs the city sharded by district on Web Workers. The
// whole city takes minutes of CPU to build (87 s for its 16 districts on this machine), so CI runs two of its
// districts (东城, 西城: ?districts=) for three days on 2 workers — the same code path as all 16 — and checks the
// district table, the district and street choropleths, sorting and cancel.
import { describe, expect, it } from 'vitest'
import { openApp, useServedApp } from './harness.ts'

const fx = useServedApp()
type Hook = { __gongzhi: { city: { progressPaints: number; outcome: { seconds: number; workers: number; runs: { city: { issues: { arisen: number } }; districts: { issues: { arisen: number } }[] }[] } | null; running: boolean; longestFrameMs: number } } }

describe('city run in the page', () => {
  it('runs two districts of beijing on 2 workers and shows the district table and choropleths', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?preset=beijing&districts=dongcheng,xicheng&lang=en`, 120_000)
    expect(await page.locator('[data-testid=world-picker] option[value=beijing]').isDisabled()).toBe(false)
    await page.fill('[data-testid=city-days]', '3')
    await page.fill('[data-testid=city-workers]', '2')
    await page.dispatchEvent('[data-testid=city-days]', 'change')
    await page.dispatchEvent('[data-testid=city-workers]', 'change')

    // cancel stops at once and leaves the page ready for another run
    await page.fill('[data-testid=city-days]', '365')
    await page.dispatchEvent('[data-testid=city-days]', 'change')
    await page.click('[data-testid=city-run]')
    await page.click('[data-testid=city-cancel]')
    await page.waitForFunction(() => document.querySelector('[data-testid=city-status]')?.textContent === 'Cancelled', undefined, { timeout: 30_000 })
    expect(await page.locator('[data-testid=district-table]').count()).toBe(0)

    await page.fill('[data-testid=city-days]', '3')
    await page.dispatchEvent('[data-testid=city-days]', 'change')
    await page.click('[data-testid=city-run]')
    await page.waitForSelector('[data-testid=district-table] tbody tr[data-id]', { timeout: 300_000 })
    const out = await page.evaluate(() => (window as unknown as Hook).__gongzhi.city.outcome!)
    expect(out.workers).toBe(2)
    // progress repaints at most once a second (each is a frame the software GPU composites while the cores run
    // districts), the first and the last always
    const paints = await page.evaluate(() => (window as unknown as Hook).__gongzhi.city.progressPaints)
    expect(paints).toBeGreaterThanOrEqual(2)
    expect(paints).toBeLessThanOrEqual(Math.ceil(out.seconds) + 2)
    expect(out.runs[0].districts.reduce((s, d) => s + d.issues.arisen, 0)).toBe(out.runs[0].city.issues.arisen)
    expect(await page.locator('[data-testid=city-status]').textContent()).toMatch(/Done: 2 districts, \d+ streets/)

    const ids = () => page.locator('[data-testid=district-table] tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id))
    expect((await ids()).sort()).toEqual(['110101', '110102'])
    const names = await page.locator('[data-testid=district-table] tbody tr[data-id] td:first-child').allTextContents()
    expect(names.sort()).toEqual(['Dongcheng District', 'Xicheng District'])
    // sorting by a column flips with a second click
    await page.click('[data-testid=district-table] th[data-key=arisen]')
    const desc = await ids()
    expect(await page.locator('[data-testid=district-table] th[data-key=arisen]').getAttribute('aria-sort')).toBe('descending')
    await page.click('[data-testid=district-table] th[data-key=arisen]')
    expect(await ids()).toEqual(desc.slice().reverse())

    const fills = await page.locator('[data-testid=district-choropleth] path[data-id]').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')))
    expect(fills).toHaveLength(2)
    expect(fills.every((f) => f && f !== '#d9d9d9')).toBe(true)
    expect(await page.locator('[data-testid=city-legend] .city-swatch').count()).toBe(6)
    // the colours themselves are on the canvas under the paths (src/city/city-canvas.ts): a share of it is painted
    // in the district's colour
    const painted = await page.locator('[data-testid=district-choropleth]').evaluate((svg, fill) => {
      const c = svg.parentElement!.querySelector('canvas')!
      const d = c.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, c.width, c.height).data
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16))
      let n = 0
      for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b) n++
      return n / (c.width * c.height)
    }, fills[0]!)
    expect(painted).toBeGreaterThan(0.02)
    await page.selectOption('[data-testid=city-level]', 'street')
    const streets = await page.locator('[data-testid=street-choropleth] path[data-id]').count()
    expect(streets).toBeGreaterThan(20)
    expect(await page.locator('[data-testid=street-table] tbody tr[data-id]').count()).toBe(streets)
    await page.selectOption('[data-testid=city-level]', 'district')
    await page.screenshot({ path: process.env.CITY_SHOT ?? '/tmp/city-e2e.png' })
    await ctx.close()
  }, 400_000)
})
