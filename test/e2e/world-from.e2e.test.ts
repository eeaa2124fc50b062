// End-to-end: "new project from my data" — a street office's community file (Chinese columns, GCJ-02) through
// the dialog (files, coordinate system, column mapping, what will be generated), a scenario run on the new
// world, and a browser restart that brings the project back with its communities.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import gcoord from 'gcoord'
import type { Position } from 'geojson'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildWorld } from '../../sim/api.ts'
import { interiorPoint } from '../../sim/geometry/interior-point.ts'
import { polysOf } from '../../sim/geometry/measure.ts'
import { clickAt, launchPersistent, mapIdle, mapShot, openApp, toScreen, useServedApp } from './harness.ts'
import { setRun, waitState } from './steps.ts'

const fx = useServedApp()
const street = buildWorld({ preset: 'street', seed: 1 })
const toGcj = (p: Position): Position => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as Position
const gcj = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? toGcj(c as Position) : (c as unknown[]).map(gcj))
const file = JSON.stringify({
  type: 'FeatureCollection',
  features: street.communities.features.map((f) => ({
    type: 'Feature',
    properties: { 社区代码: f.properties.id, 名称: f.properties.name, 户数: f.properties.households, 人口: f.properties.residents, 面积备注: '测绘' },
    geometry: { ...f.geometry, coordinates: gcj(f.geometry.coordinates) },
  })),
})
const households = Object.fromEntries(street.communities.features.map((f) => [f.properties.id, f.properties.households]))

interface G { __gongzhi: { ready: boolean; app: { opts: { world: ReturnType<typeof buildWorld> }; project: { name: string; preset: string } } } }
const worldOf = (page: Page) => page.evaluate(() => {
  const w = (window as unknown as G).__gongzhi.app.opts.world
  return { communities: w.communities.features.map((f) => [f.properties.id, f.properties.households, f.properties.origin]), origins: w.meta.origins, grids: w.grids.features.length }
})
const shots = process.env.E2E_SHOTS
const shot = async (page: Page, name: string) => {
  if (!shots) return
  mkdirSync(shots, { recursive: true })
  writeFileSync(join(shots, `world-from-${name}.png`), await page.screenshot())
}

describe('new project from my data (e2e)', () => {
  it('makes a project from a community file through the dialog, runs a scenario on it, and keeps it across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-from-profile-'))
    try {
      let ctx = await launchPersistent(dir)
      let page = ctx.pages()[0] ?? (await ctx.newPage())
      await openApp(page, `${fx.served.url}?preset=street`, 120_000)
      await page.click('[data-testid=from-data]')
      const dialog = page.locator('[data-testid=from-data-dialog]')
      expect(await dialog.locator('h2').textContent()).toBe('新建项目（我的数据）')
      expect(await page.isDisabled('[data-testid=fd-create]')).toBe(true)

      // a broken file: one message naming it, nothing created
      await page.setInputFiles('[data-testid=fd-file-communities]', { name: '坏文件.geojson', mimeType: 'application/json', buffer: Buffer.from('{"type":"FeatureCollection","features":[') })
      await page.waitForFunction(() => /坏文件\.geojson.*不是有效的 JSON/.test(document.querySelector('[data-testid=fd-status]')?.textContent ?? ''))
      expect(await page.isDisabled('[data-testid=fd-create]')).toBe(true)

      await page.setInputFiles('[data-testid=fd-file-communities]', { name: '西罗园社区边界.geojson', mimeType: 'application/json', buffer: Buffer.from(file) })
      await page.waitForSelector('[data-testid=fd-plan-communities]')
      // the coordinate system: confirmed by hand (the file does not say), the layers re-read in GCJ-02
      await page.selectOption('[data-testid=fd-crs]', 'gcj02')
      await page.waitForFunction(() => /GCJ02/.test(document.querySelector('.fd-read')?.textContent ?? ''))
      await page.waitForSelector('[data-testid=fd-plan-communities]')
      // the mapping table: 名称 → name, 户数 → households, an unknown column kept as a property, first rows shown
      expect(await page.inputValue('[data-testid="fd-col-communities-名称"]')).toBe('name')
      expect(await page.inputValue('[data-testid="fd-col-communities-户数"]')).toBe('households')
      expect(await page.inputValue('[data-testid="fd-col-communities-面积备注"]')).toBe('__keep')
      expect(await page.locator('[data-testid=fd-map-communities]').textContent()).toContain(street.communities.features[0].properties.name)
      expect(await page.textContent('[data-testid=fd-plan-communities]')).toBe(`社区：来自您的文件 (${street.communities.features.length})`)
      expect(await page.textContent('[data-testid=fd-plan-buildings]')).toContain('自动生成')
      expect(await page.textContent('[data-testid=fd-households]')).toContain(`${street.communities.features.length} 个来自文件`)

      // unmapping 户数 and 人口 asks for the area estimate, which must be accepted before create
      await page.selectOption('[data-testid="fd-col-communities-户数"]', '__ignore')
      await page.selectOption('[data-testid="fd-col-communities-人口"]', '__ignore')
      await page.waitForSelector('[data-testid=fd-estimate]')
      await shot(page, 'dialog-estimate')
      expect(await page.isDisabled('[data-testid=fd-create]')).toBe(true)
      await page.selectOption('[data-testid="fd-col-communities-户数"]', 'households')
      await page.selectOption('[data-testid="fd-col-communities-人口"]', 'residents')
      await page.waitForSelector('[data-testid=fd-estimate]', { state: 'detached' })
      await page.fill('[data-testid=fd-name]', '西罗园（街道数据）')
      await shot(page, 'dialog')
      expect(await page.isDisabled('[data-testid=fd-create]')).toBe(false)

      await Promise.all([page.waitForURL(/[?&]world=/, { timeout: 120_000 }), page.click('[data-testid=fd-create]')])
      await page.waitForFunction(() => (window as unknown as G).__gongzhi?.ready, undefined, { timeout: 120_000 })
      const url = page.url()
      const built = await worldOf(page)
      expect(built.communities).toHaveLength(street.communities.features.length)
      for (const [id, hh] of built.communities) expect(hh).toBe(households[id as string])
      expect(built.communities.every((c) => c[2] === 'file')).toBe(true)
      expect(built.origins).toMatchObject({ communities: 'file', streets: 'derived', buildings: 'generated', grids: 'generated' })
      const notice = await page.textContent('[data-testid=notice]')
      expect(notice).toContain('社区：来自您的文件')
      expect(notice).toContain('楼栋：自动生成')
      expect(await page.locator('[data-testid=project-select] option:checked').textContent()).toBe('西罗园（街道数据）')
      expect(await page.locator('[data-testid=findings]').textContent()).not.toMatch(/grid-gap|空隙/)

      // the inspector says where a clicked feature came from
      const c = street.communities.features[3]
      const at = await toScreen(page, interiorPoint(polysOf(c.geometry)))
      await clickAt(page, at)
      await page.waitForSelector('[data-testid=inspect-origin]')
      expect(await page.textContent('[data-testid=inspect-origin]')).toMatch(/来源(自动生成|来自您的文件)/)

      // a scenario runs on the new world
      await page.click('[data-testid=tab-run]')
      await setRun(page, 30, 1, 1)
      await page.click('[data-testid=run]')
      await waitState(page, 'done')
      const response = Number(await page.getAttribute('[data-testid=rate-response]', 'data-value'))
      expect(response).toBeGreaterThan(0.5)
      await mapIdle(page)
      await mapShot(page)
      await shot(page, 'after-run')
      await ctx.close()

      // a browser restart: the project and its world come back from IndexedDB
      ctx = await launchPersistent(dir)
      page = ctx.pages()[0] ?? (await ctx.newPage())
      await openApp(page, url, 120_000)
      const again = await worldOf(page)
      expect(again.communities).toEqual(built.communities)
      expect(again.grids).toBe(built.grids)
      expect(await page.locator('[data-testid=project-select] option:checked').textContent()).toBe('西罗园（街道数据）')
      expect(await page.textContent('[data-testid=notice]')).toContain('社区：来自您的文件')
      // the one world picker lists the built-in worlds and this one, which is the open one
      const mine = await page.locator('[data-testid=world-picker] optgroup[data-group=data] option').allTextContents()
      expect(mine).toEqual(['西罗园（街道数据）'])
      expect(await page.locator('[data-testid=world-picker] option:checked').textContent()).toBe('西罗园（街道数据）')
      expect(await page.locator('[data-testid=world-picker] optgroup[data-group=preset] option[value=fengtai]').count()).toBe(1)
      await mapIdle(page)
      await mapShot(page)
      await shot(page, 'after-restart')
      await ctx.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 600_000)
})
