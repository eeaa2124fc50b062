// The page's import respects the user's file (issue 10 §2): a mapping step shows each column and the field it fills,
// a 网格员 column of names is a roster (not a worker count), the file's 户数 reach the grid statistics, and
// "replace" swaps a community's grids for the file's without leaving overlaps.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mapShot, openApp, useServedApp } from './harness.ts'

const fx = useServedApp()
type G = { __gongzhi: { app: any } }

describe('import with a column-mapping step', () => {
  it('imports grids with a 网格员 name column and 户数, shows the households, and replace leaves no overlaps', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await ctx.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await openApp(page, `${fx.served.url}?preset=street`)
    // the community's box, halved west/east: both halves stick out of the community, and the file names the
    // community by its name, as hand-kept tables do
    const c = await page.evaluate(() => {
      const app = (window as unknown as G).__gongzhi.app
      const com = app.opts.world.communities.features[0]
      const pts = (com.geometry.type === 'Polygon' ? [com.geometry.coordinates] : com.geometry.coordinates).flat(2) as number[][]
      const xs = pts.map((p) => p[0])
      const ys = pts.map((p) => p[1])
      const before = app.store.state.doc.grids.filter((g: any) => g.properties.community === com.properties.id).length
      return { id: com.properties.id as string, name: com.properties.name as string, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], before }
    })
    const [x0, y0, x1, y1] = c.box
    const xm = (x0 + x1) / 2
    const rect = (a: number, b: number) => ({ type: 'Polygon', coordinates: [[[a, y0], [b, y0], [b, y1], [a, y1], [a, y0]]] })
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { 网格名称: '导入一网格', 所属社区: c.name, 网格员: '张三、李四', 户数: '420户', 人口: 1050, 备注: '临街' }, geometry: rect(x0, xm) },
      { type: 'Feature', properties: { 网格名称: '导入二网格', 所属社区: c.name, 网格员: '王五', 户数: 380, 人口: 960, 备注: '' }, geometry: rect(xm, x1) },
    ] }
    await page.setInputFiles('[data-testid=file-input]', { name: '网格.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) })
    // one community is too small a part of the district to tell WGS84 from GCJ-02: the guess is confirmed first
    await page.waitForSelector('[data-testid=crs-dialog][open], [data-testid=import-mapping][open], #message:not([hidden])', { timeout: 60_000 })
    if (await page.locator('[data-testid=crs-dialog][open]').count()) await page.click('[data-testid=crs-ok]')
    await page.waitForSelector('[data-testid=import-mapping][open], #message:not([hidden])', { timeout: 60_000 })
    expect(await page.locator('[data-testid=import-mapping][open]').count(), (await page.textContent('#message')) ?? '').toBe(1)
    const table = page.locator('[data-testid=import-mapping-table]')
    expect(await table.locator('tr').count()).toBe(7) // a header and six columns
    expect(await page.inputValue('[data-testid="import-col-网格员"]')).toBe('roster')
    expect(await page.inputValue('[data-testid="import-col-户数"]')).toBe('households')
    expect(await page.inputValue('[data-testid="import-col-备注"]')).toBe('__keep')
    expect(await table.textContent()).toContain('张三、李四')
    expect(await page.textContent('[data-testid=import-crs]')).toMatch(/WGS84/)
    // E2E_SHOTS=dir keeps the mapping step for a person to look at
    if (process.env.E2E_SHOTS) await page.screenshot({ path: join(process.env.E2E_SHOTS, 'import-mapping.png') })
    // the user drops the remarks column and chooses to replace the community's grids
    await page.selectOption('[data-testid="import-col-备注"]', '__ignore')
    await page.check('[data-testid=import-mode-replace]')
    await page.click('[data-testid=import-confirm]')
    await page.waitForFunction((id) => {
      const grids = (window as unknown as G).__gongzhi.app.store.state.doc.grids.filter((g: any) => g.properties.community === id)
      return grids.length === 2 && grids.every((g: any) => g.properties.name.startsWith('导入'))
    }, c.id, { timeout: 60_000 })
    const msg = await page.textContent('#message')
    expect(msg).toContain(`2 个网格加入社区：${c.name}（2）`)
    expect(msg).toContain(`替换了这些社区原有的 ${c.before} 个网格`)
    expect(msg).toMatch(/已对应的列：.*网格员 → 网格员名单.*户数 → 户数/)
    expect(msg).toContain('忽略的列：备注')
    // the file's households and roster reach the grid panel; the re-check finds no overlap anywhere
    const state = await page.evaluate((id) => {
      const app = (window as unknown as G).__gongzhi.app
      const grids = app.store.state.doc.grids.filter((g: any) => g.properties.community === id)
      app.store.setCommunity(id)
      app.store.select([grids[0].properties.id])
      return { props: grids.map((g: any) => g.properties), overlaps: app.store.state.findings.filter((f: any) => f.code === 'grid-overlap').length }
    }, c.id)
    expect(state.overlaps).toBe(0)
    expect(state.props[0]).toMatchObject({ roster: ['张三', '李四'], workersFullTime: 2, households: 420, residents: 1050 })
    expect(state.props[0].extra).toBeUndefined()
    await page.waitForFunction(() => document.querySelector('[data-testid=grid-stats] table.stats')?.textContent?.includes('文件 420'), undefined, { timeout: 30_000 })
    expect(await page.textContent('[data-testid=grid-roster]')).toContain('张三、李四')
    expect(errors).toEqual([])
    await mapShot(page)
    await ctx.close()
  }, 240_000)
})
