// End-to-end: the charts tab and the printable report on the small `street` world — a 60-day single run draws
// every chart with marks, the time-to-close histogram adds up to the run's closed issues (read from the
// exported JSON), charts export as valid SVG and as PNG; a 2-replicate comparison draws A beside B with
// intervals, and its report prints on exactly one A4 page.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { pngVariety, useServedApp } from './harness.ts'
import { download, newStreetPage, setRun, waitState } from './steps.ts'

const fx = useServedApp()
const newPage = () => newStreetPage(fx)

const values = async (page: Page, name: string) => JSON.parse((await page.getAttribute(`[data-testid=chart-${name}]`, 'data-values'))!) as Record<string, any>

/** a screenshot of the charts tab with the drawer opened up, kept for a person to look at when E2E_SHOTS is set */
async function chartsShot(page: Page, name: string): Promise<Buffer> {
  // the drawer takes the whole page: the side panels and the map step aside
  await page.addStyleTag({ content: '.results { height: auto !important; max-height: none !important; } .side, .edit-side, #map { display: none !important; }' })
  const png = await page.locator('[data-testid=charts]').screenshot()
  const v = pngVariety(png)
  expect(v.sd).toBeGreaterThan(8)
  expect(v.colours).toBeGreaterThan(12)
  if (process.env.E2E_SHOTS) {
    mkdirSync(process.env.E2E_SHOTS, { recursive: true })
    writeFileSync(join(process.env.E2E_SHOTS, `charts-${name}.png`), png)
  }
  return png
}

const SINGLE = ['close-hist', 'rates', 'daily-counts', 'daily-rates', 'utilization', 'wait', 'whistles', 'shares', 'channels']

describe('charts and the report (e2e)', () => {
  it('draws every chart of a 60-day single run, adds the histogram up to the closed issues, and exports SVG and PNG', async () => {
    const page = await newPage()
    await setRun(page, 60, 1, 7)
    await page.click('[data-testid=run]')
    await waitState(page, 'done')
    await page.click('[data-testid=tab-charts]')
    await page.waitForSelector('[data-testid=charts][data-kind=run]')
    const run = JSON.parse((await download(page, 'export-json')).toString('utf8')) as { issues: { closed: number; known: number }; daily: Record<string, number[]>; closeHistogram: { byCategory: Record<string, number[]> }; whistles: { count: number } }
    for (const name of SINGLE) {
      const svg = page.locator(`[data-testid=chart-${name}] > svg`)
      expect(await svg.count(), name).toBe(1)
      // Plot marks are <g aria-label="…"> groups: each chart draws some shapes
      const shapes = await svg.locator('g[aria-label] rect, g[aria-label] path, g[aria-label] line').count()
      expect(shapes, name).toBeGreaterThan(2)
      expect(await page.textContent(`[data-testid=chart-${name}] figcaption`)).not.toBe('')
    }
    expect(Number(await page.getAttribute('[data-testid=charts]', 'data-charts'))).toBe(SINGLE.length)
    // the histogram's bars add up to the run's closed issues; the daily series to its known and closed issues
    expect(Number(await page.getAttribute('[data-testid=chart-close-hist]', 'data-total'))).toBe(run.issues.closed)
    const hist = await values(page, 'close-hist')
    expect(hist.run.counts.reduce((s: number, c: number) => s + c, 0)).toBe(run.issues.closed)
    expect(hist.run.p50).toBeLessThanOrEqual(hist.run.p90)
    expect(await page.locator('[data-testid=chart-close-hist] svg rect').count()).toBeGreaterThanOrEqual(13)
    const daily = await values(page, 'daily-counts')
    expect(daily.days).toBe(60)
    expect(daily.known).toBe(run.issues.known)
    expect(daily.closed).toBe(run.issues.closed)
    expect((await values(page, 'whistles')).total).toBe(run.daily.whistles.reduce((s, x) => s + x, 0))
    const rates = await values(page, 'daily-rates')
    expect(rates.response.points).toBeGreaterThan(50)
    // one category's slice adds up to that category's histogram
    await page.locator('[data-testid=chart-close-hist-pick]').selectOption('category:environment')
    expect(Number(await page.getAttribute('[data-testid=chart-close-hist]', 'data-total'))).toBe(run.closeHistogram.byCategory.environment.reduce((s, c) => s + c, 0))
    await page.locator('[data-testid=chart-close-hist-pick]').selectOption('overall')
    // SVG export: a well-formed standalone SVG with the title and the axis text
    const svgText = (await download(page, 'chart-close-hist-svg')).toString('utf8')
    const errors: string[] = []
    const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svgText, 'image/svg+xml')
    expect(errors).toEqual([])
    expect(doc.documentElement?.nodeName).toBe('svg')
    expect(doc.documentElement?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg')
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '')
    expect(texts.length).toBeGreaterThan(10)
    expect(texts.some((t) => t.includes('P50'))).toBe(true)
    expect(svgText).toContain(await page.textContent('[data-testid=chart-close-hist] .chart-title'))
    // PNG export at 2×: the magic bytes, a real size, not blank
    const png = await download(page, 'chart-close-hist-png')
    if (process.env.E2E_SHOTS) writeFileSync(join(process.env.E2E_SHOTS, 'export-close-hist.png'), png)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.length).toBeGreaterThan(5000)
    expect(png.readUInt32BE(16)).toBe(2 * Number(await page.locator('[data-testid=chart-close-hist] > svg').getAttribute('width')))
    const v = pngVariety(png)
    expect(v.sd).toBeGreaterThan(5)
    // the report of a single run: its rates without intervals, one page
    await page.click('[data-testid=report]')
    expect(Number(await page.getAttribute('[data-testid=report-response-run]', 'data-value'))).toBe(Number(await page.getAttribute('[data-testid=rate-response]', 'data-value')))
    expect(await page.locator('[data-testid=report-diff]').count()).toBe(0)
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
    expect(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)).toHaveLength(1)
    await page.click('[data-testid=report-close]')
    await chartsShot(page, 'run')
    // a language switch redraws the charts in English
    await page.click('[data-testid=lang]')
    expect(await page.textContent('[data-testid=chart-close-hist] .chart-title')).toContain('Time to close')
    expect(await page.textContent('[data-testid=chart-wait]')).toContain('Erlang C (analytic baseline)')
    await chartsShot(page, 'run-en')
    await page.context().close()
  })

  it('draws A beside B for a 2-replicate comparison and prints the report on one A4 page', async () => {
    const page = await newPage()
    await page.locator('[data-testid=scenario-picker]').selectOption('baseline-pre-reform')
    await page.locator('[data-testid=compare-picker]').selectOption('hotline-reform')
    await setRun(page, 60, 2, 3)
    await page.click('[data-testid=compare]')
    await waitState(page, 'done')
    await page.click('[data-testid=tab-charts]')
    await page.waitForSelector('[data-testid=charts][data-kind=compare]')
    const cmp = JSON.parse((await download(page, 'export-json')).toString('utf8')) as { a: { runs: { issues: { closed: number } }[] }; b: { runs: { issues: { closed: number } }[] } }
    // no daily series in replicate runs: those charts are left out, the rest show A and B
    expect(await page.locator('[data-testid=chart-daily-counts]').count()).toBe(0)
    const hist = await values(page, 'close-hist')
    const meanClosed = (rs: { issues: { closed: number } }[]) => rs.reduce((s, r) => s + r.issues.closed, 0) / rs.length
    expect(hist.A.total).toBeCloseTo(meanClosed(cmp.a.runs), 1)
    expect(hist.B.total).toBeCloseTo(meanClosed(cmp.b.runs), 1)
    for (const name of ['close-hist', 'rates', 'utilization', 'wait', 'whistles', 'shares', 'channels']) {
      const text = await page.textContent(`[data-testid=chart-${name}]`)
      expect(text, name).toContain('A · ')
      expect(text, name).toContain('B · ')
      const vals = await values(page, name)
      expect(Object.keys(vals), name).toEqual(expect.arrayContaining(['A', 'B']))
    }
    const rates = await values(page, 'rates')
    for (const [side, cell] of [['A', 'a'], ['B', 'b']] as const) {
      const r = rates[side].resolution as { mean: number; lo: number; hi: number }
      expect(r.mean).toBeCloseTo(Number(await page.getAttribute(`[data-testid=compare-resolution-${cell}]`, 'data-value')), 4)
      expect(r.lo).toBeLessThanOrEqual(r.mean)
      expect(r.hi).toBeGreaterThanOrEqual(r.mean)
    }
    // interval whiskers drawn for both groups in each of the four rates
    expect(await page.locator('[data-testid=chart-rates] svg g[aria-label=rule] line').count()).toBeGreaterThanOrEqual(8)
    // the report: scenarios, the levers that differ, the rates with intervals and B − A, three charts
    await page.click('[data-testid=report]')
    const report = page.locator('[data-testid=report-view]')
    await report.waitFor()
    expect(await page.locator('[data-testid=report-scenarios] [data-scenario]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')))).toEqual(['baseline-pre-reform', 'hotline-reform'])
    expect(Number(await page.getAttribute('[data-testid=report-diff]', 'data-rows'))).toBeGreaterThan(0)
    // a choice lever's option list and a switch's on/off are no units to print after a value
    expect(await page.locator('[data-testid=report-diff] td').allTextContents()).not.toContainEqual(expect.stringMatching(/\||on\/off/))
    for (const k of ['response', 'resolution', 'satisfaction', 'onTime']) {
      const key = k === 'onTime' ? 'ontime' : k
      const a = Number(await page.getAttribute(`[data-testid=report-${k}-a]`, 'data-value'))
      const b = Number(await page.getAttribute(`[data-testid=report-${k}-b]`, 'data-value'))
      expect(a).toBeCloseTo(Number(await page.getAttribute(`[data-testid=compare-${key}-a]`, 'data-value')), 4)
      expect(Number(await page.getAttribute(`[data-testid=report-${k}-diff]`, 'data-value'))).toBeCloseTo(b - a, 4)
      expect(await page.getAttribute(`[data-testid=report-${k}-a]`, 'data-ci')).toMatch(/^[\d.]+,[\d.]+$/)
    }
    expect(await report.locator('.report-chart:not(.report-map) > svg').count()).toBe(3)
    expect(await report.locator('[data-testid=report-map] > svg').count()).toBe(1) // the small result map of B − A
    expect(await page.textContent('[data-testid=report-meta]')).toMatch(/西罗园/)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    if (process.env.E2E_SHOTS) writeFileSync(join(process.env.E2E_SHOTS, 'report.pdf'), pdf)
    const text = pdf.toString('latin1')
    expect(text.startsWith('%PDF')).toBe(true)
    expect(text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)).toHaveLength(1)
    if (process.env.E2E_SHOTS) {
      // what the printer gets: print media at A4 width (794 CSS px)
      await page.emulateMedia({ media: 'print' })
      await page.setViewportSize({ width: 794, height: 1123 })
      writeFileSync(join(process.env.E2E_SHOTS, 'report.png'), await page.screenshot({ fullPage: true }))
      await page.emulateMedia({ media: 'screen' })
      await page.setViewportSize({ width: 1400, height: 900 })
    }
    await page.click('[data-testid=report-close]')
    expect(await page.locator('[data-testid=report-view]').count()).toBe(0)
    await chartsShot(page, 'compare')
    await page.context().close()
  })
})
