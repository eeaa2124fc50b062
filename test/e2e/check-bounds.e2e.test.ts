// The page's re-check on a pile of overlapping grids (issue 16 §1/§3): importing 1,000 identical grids into one
// community used to throw RangeError (a spread of a huge findings array) and leave the findings list at 0.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { confirmImport, mapShot, openApp, useServedApp } from './harness.ts'

const fx = useServedApp()
type G = { __gongzhi: { app: any } }

async function newPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await ctx.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await openApp(page, url)
  return { page, errors }
}

describe('world check in the page, bounded', () => {
  it('importing 1,000 identical grids into one community re-checks it and lists capped findings', async () => {
    const { page, errors } = await newPage(`${fx.served.url}?preset=street`)
    const { community, ring } = await page.evaluate(() => {
      const app = (window as unknown as G).__gongzhi.app
      const g = app.store.state.doc.grids[0]
      return { community: g.properties.community as string, ring: (g.geometry.type === 'Polygon' ? g.geometry.coordinates : g.geometry.coordinates[0]) as number[][][] }
    })
    const fc = { type: 'FeatureCollection', features: Array.from({ length: 1000 }, (_, i) => ({ type: 'Feature', properties: { 网格编码: `PILE${i}`, 所属社区: community }, geometry: { type: 'Polygon', coordinates: ring } })) }
    const t0 = Date.now()
    await page.setInputFiles('[data-testid=file-input]', { name: 'pile.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) })
    await confirmImport(page)
    await page.waitForFunction(() => (window as unknown as G).__gongzhi.app.store.state.findings.some((f: any) => f.code === 'grid-overlaps-not-examined'), null, { timeout: 60_000 })
    const secs = (Date.now() - t0) / 1000
    const f = await page.evaluate(() => {
      const s = (window as unknown as G).__gongzhi.app.store.state
      const codes = s.findings.map((x: any) => x.code)
      return { n: codes.length, overlaps: codes.filter((c: string) => c === 'grid-overlap').length, rest: s.findings.find((x: any) => x.code === 'grid-overlaps-not-examined').value }
    })
    expect(f.overlaps).toBe(100)
    expect(f.rest).toBeGreaterThan(400_000)
    expect(f.n).toBeLessThan(1000)
    const text = await page.locator('[data-testid=findings] li[data-code=grid-overlaps-not-examined]').first().textContent()
    expect(text).toMatch(/另有 [\d,]+ 对范围相交的网格未逐一检查/)
    expect(errors).toEqual([])
    console.log(`1,000 identical grids imported and re-checked in ${secs.toFixed(1)} s`)
    await mapShot(page)
    await page.context().close()
  }, 180_000)
})
