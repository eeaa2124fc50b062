// End-to-end: the Sweep tab on the small `street` world — workers per grid over 3 values × 2 replicates × 30
// days on 2 workers: the curve has 3 points, each mean lies in its interval, the table's means are the means of
// the exported CSV rows per lever value, the answer is the cheapest row meeting the target; 1 worker gives the
// very same numbers; the settings survive a reload.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { mapShot, openApp, useServedApp } from './harness.ts'
import { fill, parseCsv } from './steps.ts'

const fx = useServedApp()

const waitSweep = (page: Page, s: string, timeout = 120_000) => page.waitForSelector(`[data-testid=sweep-panel][data-state=${s}]`, { timeout })

interface Row {
  lever: number
  mean: number
  lo: number
  hi: number
  meets: boolean
}
const tableRows = (page: Page): Promise<Row[]> =>
  page.$$eval('[data-testid=sweep-table] tr[data-lever]', (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset
      return { lever: Number(d.lever), mean: Number(d.mean), lo: Number(d.lo), hi: Number(d.hi), meets: d.meets === 'true' }
    }),
  )

describe('the sweep tab (e2e)', () => {
  it('sweeps workers per grid on 2 workers and on 1 with the same numbers, and names the cheapest setting', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?preset=street&panel=run`, 150_000)
    // a scenario with grid workers (the pre-reform baseline has none, so their number would change nothing)
    await page.locator('[data-testid=scenario-picker]').selectOption('grid-management')
    await page.click('[data-testid=tab-sweep]')
    await page.waitForSelector('[data-testid=sweep]')
    await page.locator('[data-testid=sweep-lever-0]').selectOption('gridWorkers.perGrid')
    await fill(page, 'sweep-from-0', 1)
    await fill(page, 'sweep-to-0', 3)
    await fill(page, 'sweep-steps-0', 3)
    await fill(page, 'sweep-replicates', 2)
    await fill(page, 'sweep-days', 30)
    await fill(page, 'sweep-seed', 4)
    await fill(page, 'sweep-workers', 2)
    await page.locator('[data-testid=sweep-metric]').selectOption('rates.discovery')
    expect(await page.inputValue('[data-testid=sweep-op]')).toBe('>=')
    expect(await page.isDisabled('[data-testid=sweep-csv]')).toBe(true)
    await page.click('[data-testid=sweep]')
    await waitSweep(page, 'done')
    expect(Number(await page.getAttribute('[data-testid=sweep-progress]', 'value'))).toBe(1)
    expect(await page.getAttribute('[data-testid=sweep-panel]', 'data-workers')).toBe('2')
    expect(await page.getAttribute('[data-testid=sweep-panel]', 'data-runs')).toBe('6')
    // the curve: 3 points (an SVG from Plot) and each mean inside its interval
    expect(await page.getAttribute('[data-testid=sweep-curve]', 'data-points')).toBe('3')
    expect(await page.locator('[data-testid=sweep-curve] svg').count()).toBeGreaterThan(0)
    const rows = await tableRows(page)
    expect(rows.map((r) => r.lever)).toEqual([1, 2, 3])
    expect(new Set(rows.map((r) => r.mean)).size).toBeGreaterThan(1) // the lever does something
    for (const r of rows) {
      expect(r.mean).toBeGreaterThan(0)
      expect(r.lo).toBeLessThanOrEqual(r.mean)
      expect(r.hi).toBeGreaterThanOrEqual(r.mean)
    }
    // the CSV: one row per run (lever value, seed, metrics); the table's means are the CSV's means per value
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=sweep-csv]')])
    const csv = parseCsv(readFileSync((await dl.path())!, 'utf8').replace(/^\ufeff/, ''))
    const cols = csv[0]
    const runs = csv.slice(1).map((l) => Object.fromEntries(l.map((v, i) => [cols[i], v])))
    expect(runs).toHaveLength(6)
    for (const r of rows) {
      const mine = runs.filter((x) => Number(x['gridWorkers.perGrid']) === r.lever)
      expect(mine.map((x) => Number(x.seed))).toEqual([4, 5])
      expect(mine.every((x) => x.days === '30')).toBe(true)
      expect(mine.reduce((s, x) => s + Number(x['rates.discovery']), 0) / mine.length).toBeCloseTo(r.mean, 4)
    }
    // the answer: with the target at the middle point's mean, the cheapest (lowest) value whose mean meets it
    const target = [...rows].sort((a, b) => a.mean - b.mean)[1].mean
    // rates are typed and shown as percentages, like everywhere else on the page
    await fill(page, 'sweep-threshold', target * 100)
    const after = await tableRows(page)
    const meanCells = await page.$$eval('[data-testid=sweep-table] tr[data-lever] td:nth-child(2)', (tds) => tds.map((td) => td.textContent ?? ''))
    for (const [i, r] of after.entries()) expect(meanCells[i]).toBe(`${(r.mean * 100).toFixed(1)} %`)
    expect(await page.textContent('[data-testid=sweep-answer]')).toMatch(/\d+\.\d %/)
    // every setting carries its staff and their cost; more workers per grid, more staff
    const staff = await page.$$eval('[data-testid=sweep-table] tr[data-lever]', (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.headcount)))
    expect(staff[1]).toBeGreaterThan(staff[0])
    expect(staff[2]).toBeGreaterThan(staff[1])
    for (const r of after) expect(r.meets).toBe(r.mean >= target)
    const expected = after.filter((r) => r.mean >= target).map((r) => r.lever)[0]
    expect(Number(await page.getAttribute('[data-testid=sweep-answer]', 'data-value'))).toBe(expected)
    expect(await page.textContent('[data-testid=sweep-answer]')).toContain(`网格员每网格人数（覆盖底图） = ${expected}`) // the lever by its label: no Latin path in the zh page
    // strict: the lower bound must meet it too — the answer, if any, is a value whose lower bound does
    await page.check('[data-testid=sweep-strict]')
    const strict = (await tableRows(page)).filter((r) => r.mean >= target && r.lo >= target).map((r) => r.lever)[0]
    expect(await page.getAttribute('[data-testid=sweep-answer]', 'data-value')).toBe(strict === undefined ? '' : String(strict))
    await page.uncheck('[data-testid=sweep-strict]')
    // a target no setting meets
    await fill(page, 'sweep-threshold', 150)
    expect(await page.getAttribute('[data-testid=sweep-answer]', 'data-value')).toBe('')
    await fill(page, 'sweep-threshold', target * 100)
    // the objective "fewest staff": the setting meeting the target with the smallest headcount
    await page.locator('[data-testid=sweep-objective]').selectOption('staff.headcount')
    const meeting = (await page.$$eval('[data-testid=sweep-table] tr[data-lever]', (trs) => trs.map((tr) => ({ lever: Number((tr as HTMLElement).dataset.lever), meets: (tr as HTMLElement).dataset.meets === 'true', staff: Number((tr as HTMLElement).dataset.headcount) })))).filter((r) => r.meets)
    const fewest = meeting.reduce((a, b) => (b.staff < a.staff ? b : a))
    expect(Number(await page.getAttribute('[data-testid=sweep-answer]', 'data-headcount'))).toBe(fewest.staff)
    expect(Number(await page.getAttribute('[data-testid=sweep-answer]', 'data-value'))).toBe(fewest.lever)
    await page.locator('[data-testid=sweep-objective]').selectOption('lever')
    const shots = process.env.E2E_SHOTS
    if (shots) {
      mkdirSync(shots, { recursive: true })
      // the whole tab, not only the part the drawer shows
      await page.evaluate(() => (document.querySelector<HTMLElement>('#results')!.style.maxHeight = 'none'))
      await page.locator('[data-testid=sweep-panel]').screenshot({ path: join(shots, 'sweep-panel.png') })
      await page.evaluate(() => (document.querySelector<HTMLElement>('#results')!.style.maxHeight = ''))
    }
    await mapShot(page)
    // the same sweep on 1 worker: identical numbers
    await fill(page, 'sweep-workers', 1)
    await page.click('[data-testid=sweep]')
    await waitSweep(page, 'done')
    expect(await page.getAttribute('[data-testid=sweep-panel]', 'data-workers')).toBe('1')
    expect(await tableRows(page)).toEqual(after)
    // a short single run: rate cards and a result layer on the map
    await page.click('[data-testid=tab-run]')
    await fill(page, 'days', 7)
    await fill(page, 'replicates', 1)
    await page.click('[data-testid=run]')
    await page.waitForSelector('[data-testid=run-panel][data-state=done]', { timeout: 120_000 })
    await page.selectOption('[data-testid=result-metric]', 'p90HoursToClose')
    await page.waitForSelector('[data-testid=result-legend]')
    const features = await page.getAttribute('[data-testid=result-map-panel]', 'data-features')
    const cards = () => page.$$eval('[data-testid=rate-cards] .rate-card', (cs) => cs.map((c) => [(c as HTMLElement).dataset.value, c.textContent]))
    const cardsBefore = await cards()
    expect(cardsBefore.every(([v]) => v !== undefined && Number.isFinite(Number(v)))).toBe(true)
    // move the map somewhere of the analyst's own
    type Hook = { __gongzhi: { app: { view: { map: { jumpTo(o: object): void; once(e: string, f: () => void): void; getCenter(): { lng: number; lat: number }; getZoom(): number } } } } }
    await page.evaluate(() => new Promise<void>((res) => {
      const map = (window as unknown as Hook).__gongzhi.app.view.map
      map.once('moveend', () => res())
      const c = map.getCenter()
      map.jumpTo({ center: [c.lng + 0.004, c.lat - 0.003], zoom: map.getZoom() + 0.7 })
    }))
    const viewOf = () => page.evaluate(() => {
      const map = (window as unknown as Hook).__gongzhi.app.view.map
      const c = map.getCenter()
      return { lng: c.lng, lat: c.lat, zoom: map.getZoom() }
    })
    const view = await viewOf()
    // the settings, the sweep's table and curve, the rate cards, the result layer and the map view are kept in
    // the project (IndexedDB) across a reload
    await page.waitForTimeout(400) // autosave debounce (250 ms)
    await openApp(page, `${fx.served.url}?preset=street&panel=run`, 150_000)
    const back = await viewOf()
    expect(back.lng).toBeCloseTo(view.lng, 6)
    expect(back.lat).toBeCloseTo(view.lat, 6)
    expect(back.zoom).toBeCloseTo(view.zoom, 6)
    await page.waitForSelector('[data-testid=rate-cards][data-saved=true]')
    expect(await cards()).toEqual(cardsBefore)
    await page.waitForSelector('[data-testid=result-legend]', { timeout: 30_000 })
    expect(await page.inputValue('[data-testid=result-metric]')).toBe('p90HoursToClose')
    expect(await page.getAttribute('[data-testid=result-map-panel]', 'data-features')).toBe(features)
    await page.click('[data-testid=tab-sweep]')
    await page.waitForSelector('[data-testid=sweep-saved]')
    expect(await page.inputValue('[data-testid=sweep-days]')).toBe('30')
    expect(await page.inputValue('[data-testid=sweep-workers]')).toBe('1')
    expect((await tableRows(page)).map(({ lever, mean, lo, hi }) => ({ lever, mean, lo, hi }))).toEqual(after.map(({ lever, mean, lo, hi }) => ({ lever, mean, lo, hi })))
    expect(await page.locator('[data-testid=sweep-curve] svg').count()).toBeGreaterThan(0)
    await ctx.close()
  }, 420_000)

  it('sweeps two levers (one line per value of the second) in English, with a target to stay under', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?preset=street&lang=en&panel=run`)
    await page.locator('[data-testid=scenario-picker]').selectOption('grid-management')
    await page.click('[data-testid=tab-sweep]')
    await page.waitForSelector('[data-testid=sweep]')
    await fill(page, 'sweep-from-0', 1)
    await fill(page, 'sweep-to-0', 2)
    await fill(page, 'sweep-steps-0', 2)
    await page.locator('[data-testid=sweep-lever-1]').selectOption('street.officeStaff')
    await fill(page, 'sweep-from-1', 2)
    await fill(page, 'sweep-to-1', 8)
    await fill(page, 'sweep-steps-1', 2)
    await fill(page, 'sweep-replicates', 2)
    await fill(page, 'sweep-days', 20)
    await page.locator('[data-testid=sweep-metric]').selectOption('hoursToClose.p90')
    expect(await page.inputValue('[data-testid=sweep-op]')).toBe('<=')
    await page.click('[data-testid=sweep]')
    await waitSweep(page, 'done')
    const rows = await page.$$eval('[data-testid=sweep-table] tr[data-lever]', (trs) => trs.map((tr) => ({ a: Number((tr as HTMLElement).dataset.lever), b: Number((tr as HTMLElement).dataset.lever2), mean: Number((tr as HTMLElement).dataset.mean) })))
    expect(rows.map((r) => `${r.a}/${r.b}`)).toEqual(['1/2', '1/8', '2/2', '2/8'])
    // the largest mean as the ceiling: every setting meets it, and the cheapest is the lowest of both levers
    await fill(page, 'sweep-threshold', Math.max(...rows.map((r) => r.mean)))
    expect(await page.getAttribute('[data-testid=sweep-answer]', 'data-value')).toBe('1')
    expect(await page.getAttribute('[data-testid=sweep-answer]', 'data-value2')).toBe('2')
    expect(await page.textContent('[data-testid=sweep-answer]')).toMatch(/^Cheapest setting that meets Hours to close, P90 ≤/)
    expect(await page.textContent('[data-testid=sweep-panel]')).toContain('street office ticket handlers counts staff')
    // a line and a band per value of the second lever
    expect(await page.locator('[data-testid=sweep-curve] svg [aria-label=line] path').count()).toBe(2)
    const shots = process.env.E2E_SHOTS
    if (shots) {
      mkdirSync(shots, { recursive: true })
      await page.evaluate(() => (document.querySelector<HTMLElement>('#results')!.style.maxHeight = 'none'))
      await page.locator('[data-testid=sweep-panel]').screenshot({ path: join(shots, 'sweep-two-levers.png') })
    }
    await ctx.close()
  })

  it('cancels a sweep', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?preset=street&panel=run`)
    await page.click('[data-testid=tab-sweep]')
    await page.waitForSelector('[data-testid=sweep]')
    await fill(page, 'sweep-days', 3650)
    await fill(page, 'sweep-workers', 1)
    await page.click('[data-testid=sweep]')
    await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('[data-testid=sweep-progress]')?.value) > 0.001, undefined, { timeout: 60_000 })
    await page.click('[data-testid=sweep-cancel]')
    await waitSweep(page, 'cancelled', 30_000)
    expect(await page.locator('[data-testid=sweep-table]').count()).toBe(0)
    await ctx.close()
  })
})
