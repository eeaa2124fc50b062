// End-to-end: the analyst's workspace on the small `street` world — pick a scenario, edit and validate a lever,
// run in the worker with progress, read the headline rates, cancel a long run, and check the page's numbers
// against the CLI's for the same world, scenario, days and seed.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { mapShot, openApp, useServedApp } from './harness.ts'
import { newStreetPage, parseCsv, setRun, waitState } from './steps.ts'

const fx = useServedApp()
const newPage = () => newStreetPage(fx)
const tmp = mkdtempSync(join(tmpdir(), 'gongzhi-analyst-'))


afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

const state = (page: Page) => page.getAttribute('[data-testid=run-panel]', 'data-state')
const rate = async (page: Page, id: string) => Number(await page.getAttribute(`[data-testid=${id}]`, 'data-value'))

describe("the analyst's workspace (e2e)", () => {
  it('picks the default scenario, names an invalid lever, runs 90 days × 3 replicates and shows the rates with intervals', async () => {
    const page = await newPage()
    const picker = page.locator('[data-testid=scenario-picker]')
    const names = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    expect(names.length).toBeGreaterThanOrEqual(10)
    const def = await picker.inputValue()
    await picker.selectOption(names[2])
    await picker.selectOption(def)
    expect(await picker.inputValue()).toBe(def)
    // a lever shows unit, range, default and source; an out-of-range value is named and explained
    await page.click('[data-testid=lever-group-gridWorkers] summary')
    const row = page.locator('[data-testid="lever-gridWorkers.perGrid"]')
    expect(await row.textContent()).toMatch(/人 \/ 网格.*0–20.*原书第 9\.2\.4 节/)
    await row.locator('input').fill('400')
    await row.locator('input').press('Tab')
    const errors = await page.locator('[data-testid=scenario-errors]').textContent()
    expect(errors).toContain("网格员每网格人数（覆盖底图）：须 ≤ 20，当前为 400") // the lever by its label, in Chinese
    expect(await page.getAttribute('[data-testid=scenario-errors] li[data-path="gridWorkers.perGrid"]', 'data-problem')).toBe('scenario.gridWorkers.perGrid: must be ≤ 20, got 400')
    expect(await row.getAttribute('class')).toContain('invalid')
    await page.click('[data-testid=run]')
    expect(await state(page)).toBe('failed')
    await page.click('[data-testid=scenario-reset]')
    expect(await page.locator('[data-testid=scenario-errors] li').count()).toBe(0)
    expect(await page.inputValue('[data-testid=days]')).toBe('90')
    expect(await page.inputValue('[data-testid=replicates]')).toBe('3')
    await page.click('[data-testid=run]')
    await waitState(page, 'done')
    expect(Number(await page.getAttribute('[data-testid=progress]', 'value'))).toBe(1)
    for (const id of ['rate-response', 'rate-resolution', 'rate-satisfaction', 'rate-ontime']) {
      const v = await rate(page, id)
      expect(v).toBeGreaterThan(0)
      expect(v).toBeLessThanOrEqual(1)
      const [lo, hi] = (await page.getAttribute(`[data-testid=${id}]`, 'data-ci'))!.split(',').map(Number)
      expect(lo).toBeLessThanOrEqual(v)
      expect(hi).toBeGreaterThanOrEqual(v)
    }
    await page.locator('[data-testid=run-panel]').scrollIntoViewIfNeeded()
    await mapShot(page)
    // the scenario choice and run settings are saved in the project: a reload brings them back
    await picker.selectOption(names[3])
    await setRun(page, 30, 1, 5)
    await page.waitForTimeout(400) // autosave debounce (250 ms)
    await openApp(page, `${fx.served.url}?preset=street`)
    expect(await page.locator('[data-testid=scenario-picker]').inputValue()).toBe(names[3])
    expect(await page.inputValue('[data-testid=days]')).toBe('30')
    await page.context().close()
  })

  it('cancels a long run and stays responsive while it runs', async () => {
    const page = await newPage()
    await setRun(page, 3650, 1, 1)
    await page.click('[data-testid=run]')
    await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('[data-testid=progress]')?.value) > 0.005, undefined, { timeout: 30_000 })
    const t0 = Date.now()
    await page.evaluate(() => document.title)
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(await page.textContent('[data-testid=run-status]')).toMatch(/3650/)
    await page.click('[data-testid=cancel]')
    await waitState(page, 'cancelled', 20_000)
    const p = Number(await page.getAttribute('[data-testid=progress]', 'value'))
    expect(p).toBeLessThan(1)
    const day = Number(/(\d+)\/3650/.exec((await page.textContent('[data-testid=run-status]'))!)![1])
    expect(day).toBeLessThan(3650)
    expect(await page.getAttribute('[data-testid=rate-response]', 'data-value')).toBeNull()
    await mapShot(page)
    await page.context().close()
  })

  it("shows exactly the CLI's rates for the same world, scenario, days and seed", async () => {
    const [scenario, days, seed] = ['grid-management', 60, 7]
    const out = join(tmp, 'run.json')
    const cli = promisify(execFile)(process.execPath, ['bin/gongzhi.js', 'run', '--preset', 'street', '--world-seed', '1', '--scenario', scenario, '--days', String(days), '--seed', String(seed), '--out', out])
    const page = await newPage()
    await page.locator('[data-testid=scenario-picker]').selectOption(scenario)
    await setRun(page, days, 1, seed)
    await page.click('[data-testid=run]')
    await waitState(page, 'done')
    await cli
    const r = JSON.parse(readFileSync(out, 'utf8')) as { rates: Record<string, number>; days: number; seed: number }
    expect(r.days).toBe(days)
    expect(r.seed).toBe(seed)
    expect(await rate(page, 'rate-response')).toBe(r.rates.response)
    expect(await rate(page, 'rate-resolution')).toBe(r.rates.resolution)
    expect(await rate(page, 'rate-satisfaction')).toBe(r.rates.satisfaction)
    expect(await rate(page, 'rate-ontime')).toBe(r.rates.onTime)
    // the run uses the current edited world: delete a grid and the next run sees one grid fewer
    const grids = Number(await page.getAttribute('[data-testid=run-panel]', 'data-grids'))
    expect(grids).toBeGreaterThan(10)
    await page.evaluate(() => {
      const app = (window as any).__gongzhi.app
      app.store.select([app.store.state.doc.grids[0].properties.id])
    })
    await page.click('[data-testid=delete]')
    await page.click('[data-testid=run]')
    await waitState(page, 'done')
    expect(Number(await page.getAttribute('[data-testid=run-panel]', 'data-grids'))).toBe(grids - 1)
    await mapShot(page)
    await page.context().close()
  })

  it('compares two scenarios on the same seeds, shows B − A, and exports the runs as CSV and JSON', async () => {
    const page = await newPage()
    await page.locator('[data-testid=scenario-picker]').selectOption('baseline-pre-reform')
    await page.locator('[data-testid=compare-picker]').selectOption('hotline-reform')
    await setRun(page, 60, 2, 3)
    expect(await page.isDisabled('[data-testid=export-csv]')).toBe(true)
    await page.click('[data-testid=compare]')
    await waitState(page, 'done')
    const cell = async (id: string) => Number(await page.getAttribute(`[data-testid=${id}]`, 'data-value'))
    for (const m of ['response', 'resolution', 'satisfaction', 'ontime']) {
      const [a, b, d] = [await cell(`compare-${m}-a`), await cell(`compare-${m}-b`), await cell(`compare-${m}-diff`)]
      expect(d).toBeCloseTo(b - a, 4)
      for (const side of ['a', 'b']) {
        const [lo, hi] = (await page.getAttribute(`[data-testid=compare-${m}-${side}]`, 'data-ci'))!.split(',').map(Number)
        expect(lo).toBeLessThanOrEqual(side === 'a' ? a : b)
        expect(hi).toBeGreaterThanOrEqual(side === 'a' ? a : b)
      }
    }
    expect(await cell('compare-resolution-b')).toBeGreaterThan(await cell('compare-resolution-a'))
    expect(await cell('compare-resolution-diff')).toBeGreaterThan(0)
    // the CSV: one row per run (2 scenarios × 2 seeds) with the seeds, the differing levers and the rates
    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')])
    const csv = parseCsv(readFileSync((await csvDl.path())!, 'utf8').replace(/^\ufeff/, ''))
    const cols = csv[0]
    for (const c of ['scenario', 'seed', 'days', 'rates.response', 'rates.resolution', 'rates.satisfaction', 'rates.onTime']) expect(cols).toContain(c)
    expect(cols.length).toBeGreaterThan(8) // some levers differ from the defaults
    const rows = csv.slice(1).map((l) => Object.fromEntries(l.map((v, i) => [cols[i], v])))
    expect(rows.every((r) => Object.keys(r).length === cols.length)).toBe(true)
    expect(rows).toHaveLength(4)
    expect(rows.map((r) => `${r.scenario}:${r.seed}:${r.days}`)).toEqual(['baseline-pre-reform:3:60', 'baseline-pre-reform:4:60', 'hotline-reform:3:60', 'hotline-reform:4:60'])
    const meanOf = (sc: string) => rows.filter((r) => r.scenario === sc).reduce((s, r) => s + Number(r['rates.resolution']), 0) / 2
    expect(meanOf('baseline-pre-reform')).toBeCloseTo(await cell('compare-resolution-a'), 3)
    expect(meanOf('hotline-reform')).toBeCloseTo(await cell('compare-resolution-b'), 3)
    // the JSON: the comparison with both summaries and the runs
    const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')])
    const j = JSON.parse(readFileSync((await jsonDl.path())!, 'utf8')) as { kind: string; seeds: number[]; a: { runs: unknown[] }; b: { runs: unknown[] }; diff: Record<string, number> }
    expect(j.kind).toBe('comparison')
    expect(j.seeds).toEqual([3, 4])
    expect(j.a.runs).toHaveLength(2)
    expect(j.diff['rates.resolution']).toBe(await cell('compare-resolution-diff'))
    await page.locator('[data-testid=compare-result]').scrollIntoViewIfNeeded()
    await mapShot(page)
    await page.context().close()
  })

  it('compares three scenarios, one a pinned edited variant, with paired intervals, and keeps the table in the project', async () => {
    const page = await newPage()
    await page.locator('[data-testid=scenario-picker]').selectOption('grid-management')
    // pin the preset as it is, then edit a lever: the current scenario (A) now differs from the pinned version
    await page.click('[data-testid=compare-pin]')
    await page.click('[data-testid=lever-group-gridWorkers] summary')
    const row = page.locator('[data-testid="lever-gridWorkers.perGrid"]')
    await row.locator('input').fill('3')
    await row.locator('input').press('Tab')
    expect(await page.locator('[data-testid=compare-picker-2]').inputValue()).toBe('grid-management v1')
    await page.locator('[data-testid=compare-picker]').selectOption('baseline-pre-reform')
    await setRun(page, 30, 2, 11)
    await page.click('[data-testid=compare]')
    await waitState(page, 'done')
    const cell = async (id: string) => Number(await page.getAttribute(`[data-testid=${id}]`, 'data-value'))
    for (const m of ['response', 'resolution', 'satisfaction', 'ontime']) {
      const a = await cell(`compare-${m}-a`)
      for (const [col, diff] of [['b', `compare-${m}-diff`], ['c', `compare-${m}-c-diff`]]) {
        const d = await cell(diff)
        expect(d).toBeCloseTo((await cell(`compare-${m}-${col}`)) - a, 4)
        const [lo, hi] = (await page.getAttribute(`[data-testid=${diff}]`, 'data-ci'))!.split(',').map(Number)
        expect(lo).toBeLessThanOrEqual(d + 1e-9)
        expect(hi).toBeGreaterThanOrEqual(d - 1e-9)
      }
    }
    await page.locator('[data-testid=compare-result]').scrollIntoViewIfNeeded()
    await mapShot(page)
    // the header names the pinned variant in words (its id is in data-scenario)
    expect(await page.locator('[data-testid=compare-table] tr').first().locator('th[data-scenario="grid-management v1"]').count()).toBe(1)
    // the charts and the printable report carry the third scenario too
    await page.click('[data-testid=tab-charts]')
    await page.waitForSelector('[data-testid=chart-rates][data-values]')
    const rates = JSON.parse((await page.getAttribute('[data-testid=chart-rates]', 'data-values'))!) as Record<string, { resolution: { mean: number } }>
    expect(Object.keys(rates)).toEqual(['A', 'B', 'C'])
    expect(rates.C.resolution.mean).toBeCloseTo(await cell('compare-resolution-c'), 4)
    await page.click('[data-testid=report]')
    await page.waitForSelector('[data-testid=report-page]')
    expect(Number(await page.getAttribute('[data-testid=report-resolution-c-diff]', 'data-value'))).toBeCloseTo(await cell('compare-resolution-c-diff'), 4)
    await page.waitForTimeout(400) // autosave debounce
    await openApp(page, `${fx.served.url}?preset=street`)
    // the drawer opens as the user left it; its comparison tab holds the kept table
    await page.click('[data-testid=tab-compare]')
    await page.waitForSelector('[data-testid=compare-saved]')
    expect(await page.locator('[data-testid=compare-picker-2]').inputValue()).toBe('grid-management v1')
    expect(await cell('compare-resolution-c-diff')).toBeCloseTo((await cell('compare-resolution-c')) - (await cell('compare-resolution-a')), 4)
    await page.context().close()
  })

  it("offers the book's systems and typical models in both languages, and maps the 民情图 needs layer", async () => {
    const page = await newPage()
    const picker = page.locator('[data-testid=scenario-picker]')
    await picker.selectOption('jianghan-cooperative')
    // options show scenario names; their values are the preset ids
    expect(await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(expect.arrayContaining(['shenyang-self-governing', 'shanghai-government-led']))
    await page.click('[data-testid=tab-layers]')
    await page.locator('[data-testid=layer-needs] input[type=checkbox]').check()
    await page.click('[data-testid=tab-run]')
    for (const [group, lever, layer] of [
      ['社区社会组织（三社联动）', '每个社区的社区社会组织数', '民情图'],
      ['Social organisations (三社联动)', 'community social organisations per community', "People's-conditions map"],
    ] as const) {
      const g = page.locator('[data-testid=lever-group-socialOrgs]')
      await page.waitForFunction((text) => document.querySelector('[data-testid=lever-group-socialOrgs] summary')?.textContent?.includes(text), group)
      if (!(await g.getAttribute('open'))) await g.locator('summary').click()
      expect(await g.textContent()).toContain(lever)
      for (const k of ['consultation', 'owners', 'stewards', 'participation', 'needs', 'parked']) expect(await page.locator(`[data-testid=lever-group-${k}] summary`).textContent(), k).not.toContain('lever.group')
      await page.click('[data-testid=tab-layers]')
      expect(await page.locator('[data-testid=layer-needs]').textContent()).toContain(layer)
      await mapShot(page)
      await page.click('[data-testid=tab-run]')
      await page.click('#lang')
    }
    await page.context().close()
  }, 180_000)

  it('runs on the full fengtai district in the page and maps every grid', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?panel=run`, 120_000)
    const grids = await page.evaluate(() => (window as unknown as { __gongzhi: { app: { store: { state: { doc: { grids: { properties: { layer?: string } }[] } } } } } }).__gongzhi.app.store.state.doc.grids.filter((g) => g.properties.layer !== 'party').length)
    expect(grids).toBeGreaterThan(1500)
    await page.locator('[data-testid=scenario-picker]').selectOption('grid-management')
    await setRun(page, 20, 1, 2)
    await page.click('[data-testid=run]')
    await waitState(page, 'done', 120_000)
    expect(Number(await page.getAttribute('[data-testid=run-panel]', 'data-grids'))).toBe(grids)
    for (const id of ['rate-response', 'rate-resolution', 'rate-satisfaction', 'rate-ontime']) {
      const v = await rate(page, id)
      expect(v).toBeGreaterThan(0.3)
      expect(v).toBeLessThanOrEqual(1)
    }
    // every grid gets a class or the no-data class on the per-grid map
    await page.selectOption('[data-testid=result-metric]', 'householdsPerWorker')
    await page.waitForSelector('[data-testid=result-map-panel][data-features]')
    const styled = Number(await page.getAttribute('[data-testid=result-map-panel]', 'data-features'))
    const nodata = Number(await page.getAttribute('[data-testid=result-map-panel]', 'data-nodata'))
    expect(styled + nodata).toBe(grids)
    expect(styled).toBeGreaterThan(grids * 0.9)
    await mapShot(page)
    await ctx.close()
  }, 240_000)
})
