// End-to-end: result maps and edit-then-simulate on the small `street` world — a single run coloured by P90 time
// to close, a clicked grid's numbers against the exported JSON, then a deleted grid and a second run whose diff
// names the removed grid and the change in each headline rate.
import { readFileSync, writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { clickAt, mapIdle, mapShot, openApp, toScreen, useServedApp } from './harness.ts'

const fx = useServedApp()
type G = { __gongzhi: { app: any } }

async function setRun(page: Page, days: number, replicates: number, seed: number): Promise<void> {
  for (const [id, v] of [['days', days], ['replicates', replicates], ['seed', seed]] as const) {
    await page.fill(`[data-testid=${id}]`, String(v))
    await page.press(`[data-testid=${id}]`, 'Tab')
  }
}

const waitState = (page: Page, s: string, timeout = 120_000) => page.waitForSelector(`[data-testid=run-panel][data-state=${s}]`, { timeout })
const attr = async (page: Page, sel: string, name: string) => (await page.getAttribute(sel, name))!
const RATES = ['response', 'resolution', 'satisfaction', 'ontime'] as const

async function run(page: Page): Promise<void> {
  await page.click('[data-testid=run]')
  await waitState(page, 'done')
}

describe('result maps and the diff against the last run (e2e)', () => {
  it('maps P90 time to close by grid, explains a clicked grid, and diffs a run after deleting a grid', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?preset=street&panel=run`)
    expect(await attr(page, '[data-testid=result-map-panel]', 'data-state')).toBe('empty')
    // a scenario with grid workers, so that removing a grid changes who patrols its buildings
    await page.selectOption('[data-testid=scenario-picker]', 'grid-management')
    await setRun(page, 60, 1, 7)
    await run(page)
    await page.waitForSelector('[data-testid=result-map-panel][data-state=ready]')
    await mapIdle(page)
    const before = await mapShot(page)

    // pick P90: the layer appears under the grid outlines, every grid is styled or marked as no data
    await page.selectOption('[data-testid=result-metric]', 'p90HoursToClose')
    await page.waitForSelector('[data-testid=result-legend]')
    const styled = Number(await attr(page, '[data-testid=result-map-panel]', 'data-features'))
    const nodata = Number(await attr(page, '[data-testid=result-map-panel]', 'data-nodata'))
    const nGrids = await page.evaluate(() => (window as unknown as G).__gongzhi.app.store.gridsFc('governance').features.length)
    expect(styled).toBeGreaterThan(nGrids / 2)
    expect(styled + nodata).toBe(nGrids)
    const legendRows = await page.locator('[data-testid=result-legend] .result-legend-row').count()
    expect(legendRows).toBeGreaterThanOrEqual(3)
    const layers = await page.evaluate(() => {
      const map = (window as unknown as G).__gongzhi.app.view.map
      const ids = map.getStyle().layers.map((l: { id: string }) => l.id)
      return { below: ids.indexOf('result-fill') < ids.indexOf('grids-line'), visible: map.getLayoutProperty('result-fill', 'visibility') }
    })
    expect(layers).toEqual({ below: true, visible: 'visible' })
    await mapIdle(page)
    const after = await mapShot(page)
    expect(after.equals(before)).toBe(false)
    writeFileSync('/tmp/result-map-shot.png', await page.screenshot())

    // the expected figures come from the exported JSON, not from the page's own table
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')])
    const json = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as { byGrid: { ids: string[]; p90HoursToClose: (number | null)[]; households: number[] } }
    const withP90 = json.byGrid.ids.map((id, k) => ({ id, p90: json.byGrid.p90HoursToClose[k] })).filter((g) => g.p90 !== null)
    const target = withP90.reduce((a, b) => (b.p90! > a.p90! ? b : a))
    const base = await page.evaluate((id) => {
      const app = (window as unknown as G).__gongzhi.app
      const st = app.store.state.stats.get(id)
      app.view.flyTo(st.base, 16.5)
      return st.base as number[]
    }, target.id)
    await mapIdle(page)
    await clickAt(page, await toScreen(page, base))
    await page.waitForSelector(`[data-testid=result-inspect][data-id="${target.id}"]`)
    expect(Number(await attr(page, '[data-testid=result-inspect-p90HoursToClose]', 'data-value'))).toBe(target.p90)
    const hh = json.byGrid.households[json.byGrid.ids.indexOf(target.id)]
    expect(Number(await attr(page, '[data-testid=result-inspect-households]', 'data-value'))).toBe(hh)
    expect(await page.locator('[data-testid=result-inspect] tr').count()).toBeGreaterThanOrEqual(12)

    // the diff tab before a second run: nothing to compare with yet
    await page.click('[data-testid=tab-diff]')
    expect(await attr(page, '#diff-panel', 'data-state')).toBe('first')
    const previous = Object.fromEntries(await Promise.all(RATES.map(async (k) => [k, Number(await attr(page, `[data-testid=rate-${k}]`, 'data-value'))] as const)))

    // edit then simulate: delete the grid and run again
    await page.evaluate((id) => (window as unknown as G).__gongzhi.app.store.select([id]), target.id)
    await page.click('[data-testid=delete]')
    await page.waitForFunction((id) => !(window as unknown as G).__gongzhi.app.store.grid(id), target.id)
    await run(page)
    await page.waitForSelector('#diff-panel[data-state=ready]')
    const layout = page.locator('[data-testid=diff-layout]')
    expect(await layout.getAttribute('data-removed')).toBe('1')
    expect(await layout.getAttribute('data-added')).toBe('0')
    expect(await layout.getAttribute('data-reshaped')).toBe('0')
    expect(await page.locator('[data-testid=diff-layout-removed]').textContent()).toContain(target.id)
    expect(await attr(page, '[data-testid=diff-scenario]', 'data-changes')).toBe('0')
    for (const k of RATES) {
      const current = Number(await attr(page, `[data-testid=rate-${k}]`, 'data-value'))
      expect(Number(await attr(page, `[data-testid=diff-${k}]`, 'data-value'))).toBeCloseTo(current - previous[k], 12)
    }
    const changes = await page.locator('[data-testid=run-diff-table] td[data-value]').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.value)))
    expect(changes).toHaveLength(10)
    expect(changes.some((d) => d !== 0)).toBe(true)
    const changed = await page.locator('[data-testid=diff-grids] tr[data-grid]').count()
    expect(changed).toBeGreaterThan(0)
    expect(changed).toBeLessThanOrEqual(10)
    expect(await page.locator(`[data-testid=diff-grids] tr[data-grid="${target.id}"]`).count()).toBe(0)
    // the map follows the new run: one grid fewer in the layout
    await page.waitForSelector('[data-testid=result-legend]')
    const styled2 = Number(await attr(page, '[data-testid=result-map-panel]', 'data-features'))
    const nodata2 = Number(await attr(page, '[data-testid=result-map-panel]', 'data-nodata'))
    expect(styled2 + nodata2).toBe(nGrids - 1)
    await page.locator('[data-testid=results]').scrollIntoViewIfNeeded()
    writeFileSync('/tmp/result-diff-shot.png', await page.screenshot())

    // community level, and the hide toggle
    await page.selectOption('[data-testid=result-level]', 'community')
    const nComm = await page.evaluate(() => (window as unknown as G).__gongzhi.app.opts.world.communities.features.length)
    expect(Number(await attr(page, '[data-testid=result-map-panel]', 'data-features')) + Number(await attr(page, '[data-testid=result-map-panel]', 'data-nodata'))).toBe(nComm)
    await page.uncheck('[data-testid=result-show]')
    expect(await page.evaluate(() => (window as unknown as G).__gongzhi.app.view.map.getLayoutProperty('result-fill', 'visibility'))).toBe('none')

    // replicate runs carry no per-area columns: the panel says so
    await setRun(page, 10, 2, 7)
    await run(page)
    await page.waitForSelector('[data-testid=result-needs-single]')
    expect(await page.locator('[data-testid=result-needs-single]').textContent()).toMatch(/重复次数 = 1/)
    expect(await page.evaluate(() => (window as unknown as G).__gongzhi.app.view.map.getLayoutProperty('result-fill', 'visibility'))).toBe('none')
    await ctx.close()
  })
})
