// The page never loses work silently: each test is named after a failure it pins (issue 16 §1). All on the small
// `street` world; IndexedDB persists within a browser context, so a reload in the same context is a restart.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { confirmImport, launchPersistent, mapShot, openApp, useServedApp } from './harness.ts'

const fx = useServedApp()
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type G = { __gongzhi: { app: any; ready: boolean } }

const gridIds = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as G).__gongzhi.app.store.state.doc.grids.map((g: { properties: { id: string } }) => g.properties.id))
const importedCount = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as G).__gongzhi.app.store.state.doc.imported.reduce((n: number, l: { n: number }) => n + l.n, 0))
const ready = (page: Page) => page.waitForFunction(() => (window as unknown as G).__gongzhi?.ready === true, undefined, { timeout: 60_000 })

/** Delete the i-th grid through the UI (select, Delete button); returns its id. */
async function deleteGrid(page: Page, i: number): Promise<string> {
  const id = await page.evaluate((k) => {
    const app = (window as unknown as G).__gongzhi.app
    const g = app.store.state.doc.grids[k]
    app.store.select([g.properties.id])
    return g.properties.id as string
  }, i)
  await page.click('[data-testid=delete]')
  return id
}
const savedAfter = (page: Page, t: number) => page.waitForFunction((t0) => (window as unknown as G).__gongzhi.app.autosaver.savedAt > t0, t)
const now = (page: Page): Promise<number> => page.evaluate(() => Date.now())

/** Make a GeoJSON file of n point features (or lines of `per` points) over the world's district inside the page
 * (handing tens of MB through the driver takes longer than the import), and drop it on the map. */
async function dropBigFile(page: Page, name: string, kind: 'points' | 'lines', n: number, per = 100): Promise<number> {
  const size = await page.evaluate(({ name, kind, n, per }) => {
    const b = [Infinity, Infinity, -Infinity, -Infinity]
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') {
        b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1])
      } else if (Array.isArray(c)) c.forEach(walk)
    }
    walk((window as unknown as G).__gongzhi.app.opts.world.district.features[0].geometry.coordinates)
    const [x0, y0, x1, y1] = b
    let seed = 1
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const at = () => [x0 + (x1 - x0) * (0.2 + 0.6 * rnd()), y0 + (y1 - y0) * (0.2 + 0.6 * rnd())]
    const parts: string[] = []
    // a long remark per point: megabytes without a million features
    const note = '社区便民服务点，提供代收快递、小家电维修、配钥匙、磨刀、缝补、政策咨询和老年人助餐等服务，开放时间为每日八点至二十点'.repeat(2)
    for (let i = 0; i < n; i++) {
      const [x, y] = at()
      if (kind === 'points') parts.push(`{"type":"Feature","properties":{"名称":"服务点${i}","备注":"${note}${i}"},"geometry":{"type":"Point","coordinates":[${x.toFixed(7)},${y.toFixed(7)}]}}`)
      else {
        const line = Array.from({ length: per }, (_, k) => `[${(x + k * 2e-5).toFixed(7)},${(y + Math.sin(k / 5) * 1e-4).toFixed(7)}]`)
        parts.push(`{"type":"Feature","properties":{"name":"road ${i}"},"geometry":{"type":"LineString","coordinates":[${line.join(',')}]}}`)
      }
    }
    const file = new File([`{"type":"FeatureCollection","features":[${parts.join(',\n')}]}`], name, { type: 'application/geo+json' })
    ;(window as unknown as { __file: File }).__file = file
    return file.size
  }, { name, kind, n, per })
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer()
    d.items.add((window as unknown as { __file: File }).__file)
    return d
  })
  await page.dispatchEvent('[data-testid=map]', 'drop', { dataTransfer: dt })
  // the import shows its progress (with a cancel button) until it is done or asks for the coordinate system
  expect(await page.locator('[data-testid=import-progress] [data-testid=import-cancel]').count()).toBe(1)
  await confirmImport(page)
  return size
}

async function withProfile<T>(f: (ctx: BrowserContext, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-rel-'))
  try {
    return await f(await launchPersistent(dir), dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('the page never loses work silently (e2e)', () => {
  it('an exception during a check (and in a view) still autosaves and shows an error', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?preset=street`)
    // the failure the issue found: re-checking threw RangeError; here a check and a view both throw it
    await page.evaluate(() => {
      const app = (window as unknown as G).__gongzhi.app
      app.store.check = () => {
        throw new RangeError('Maximum call stack size exceeded')
      }
      app.store.subscribe((_s: unknown, why: string) => {
        if (why === 'edit') throw new RangeError('Maximum call stack size exceeded')
      })
    })
    const t0 = await now(page)
    const first = await deleteGrid(page, 0)
    await page.waitForSelector('[data-testid=error-toast]:not([hidden])')
    expect(await page.locator('[data-testid=error-toast]').textContent()).toMatch(/(检查出错|界面更新出错).*Maximum call stack size exceeded/)
    await savedAfter(page, t0)
    // the findings list says where the check failed, and later edits (another community) are saved too
    expect(await page.evaluate(() => (window as unknown as G).__gongzhi.app.store.state.findings.some((f: { code: string }) => f.code === 'geometry-operation-failed'))).toBe(true)
    const t1 = await now(page)
    const second = await deleteGrid(page, 40)
    await savedAfter(page, t1)
    await mapShot(page)
    await page.reload()
    await openApp(page, `${fx.served.url}?preset=street`)
    const ids = await gridIds(page)
    expect(ids).not.toContain(first)
    expect(ids).not.toContain(second)
    await ctx.close()
  }, 240_000)

  it('a failed export says so, in the page’s language', async () => {
    for (const [lang, text] of [['', /导出失败（Error: 浏览器拒绝下载）/], ['&lang=en', /Export failed \(Error: 浏览器拒绝下载\)/]] as const) {
      const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
      const page = await ctx.newPage()
      await openApp(page, `${fx.served.url}?preset=street${lang}`)
      // the browser refuses the download's blob (as it does when out of memory)
      await page.evaluate(() => {
        URL.createObjectURL = () => {
          throw new Error('浏览器拒绝下载')
        }
      })
      for (const kind of ['world', 'csv']) {
        await page.evaluate(() => ((document.querySelector('[data-testid=error-toast]') as HTMLElement).hidden = true))
        await page.selectOption('#export', kind)
        await page.waitForSelector('[data-testid=error-toast]:not([hidden])')
        expect(await page.locator('[data-testid=error-toast]').textContent()).toMatch(text)
      }
      await ctx.close()
    }
  }, 240_000)

  it('a reload 0 ms after an edit keeps it', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?preset=street`)
    const gone: string[] = []
    for (let trial = 0; trial < 5; trial++) {
      // the edit and the reload in one task: nothing gets a chance to run in between
      const id = await page.evaluate((k) => {
        const app = (window as unknown as G).__gongzhi.app
        const g = app.store.state.doc.grids[k]
        app.store.select([g.properties.id])
        app.store.commit({ ...app.store.state.doc, grids: app.store.state.doc.grids.filter((x: unknown) => x !== g) })
        location.reload()
        return g.properties.id as string
      }, trial * 7)
      gone.push(id)
      await page.waitForLoadState('domcontentloaded')
      await ready(page)
      const ids = await gridIds(page)
      for (const g of gone) expect(ids, `trial ${trial}: ${g}`).not.toContain(g)
    }
    await ctx.close()
  }, 240_000)

  it('two tabs on one project never overwrite each other', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const a = await ctx.newPage()
    await openApp(a, `${fx.served.url}?preset=street`)
    const b = await ctx.newPage()
    await openApp(b, `${fx.served.url}?preset=street`)
    expect(await a.evaluate(() => (window as unknown as G).__gongzhi.app.project.id)).toBe(await b.evaluate(() => (window as unknown as G).__gongzhi.app.project.id))
    // the second tab is read-only and says so
    await b.waitForSelector('[data-testid=tab-banner]:not([hidden])')
    expect(await b.locator('[data-testid=tab-banner]').textContent()).toContain('只读')
    await b.bringToFront()
    await mapShot(b)
    const t0 = await now(a)
    const x = await deleteGrid(a, 1)
    await savedAfter(a, t0)
    const beforeB = await gridIds(b)
    await deleteGrid(b, 2)
    expect(await gridIds(b)).toEqual(beforeB) // refused, with a message
    expect(await b.locator('[data-testid=message]').textContent()).toContain('只读')
    // B takes over: it sees A's deletion, A becomes read-only
    await b.click('[data-testid=tab-take-over]')
    await b.waitForFunction((id) => !(window as unknown as G).__gongzhi.app.store.state.doc.grids.some((g: { properties: { id: string } }) => g.properties.id === id), x)
    await a.waitForSelector('[data-testid=tab-banner]:not([hidden])')
    expect(await a.locator('[data-testid=tab-banner]').textContent()).toContain('另一个标签页接管')
    await b.waitForFunction(() => !(window as unknown as G).__gongzhi.app.autosaver.readOnly)
    const t1 = await now(b)
    const y = await deleteGrid(b, 2)
    await savedAfter(b, t1)
    const beforeA = await gridIds(a)
    await deleteGrid(a, 3)
    expect(await gridIds(a)).toEqual(beforeA)
    // A writes behind the lock's back (a browser without Web Locks): the stale revision is refused and reported
    const z = await a.evaluate(() => {
      const app = (window as unknown as G).__gongzhi.app
      app.autosaver.readOnly = false
      const g = app.store.state.doc.grids[4]
      app.store.commit({ ...app.store.state.doc, grids: app.store.state.doc.grids.filter((q: unknown) => q !== g) })
      return g.properties.id as string
    })
    await a.waitForFunction(() => /另一个标签页保存/.test(document.querySelector('[data-testid=tab-banner]')?.textContent ?? ''))
    const c = await ctx.newPage()
    await b.close() // c opens as the only tab and sees what was saved
    await openApp(c, `${fx.served.url}?preset=street`)
    const ids = await gridIds(c)
    expect(ids).not.toContain(x)
    expect(ids).not.toContain(y)
    expect(ids).toContain(z)
    await ctx.close()
  }, 240_000)

  it('a project with a very large imported layer opens safely after a reload', async () => {
    await withProfile(async (ctx) => {
      const page = ctx.pages()[0] ?? (await ctx.newPage())
      await openApp(page, `${fx.served.url}?preset=street`)
      const t0 = await now(page)
      await dropBigFile(page, 'roads.geojson', 'lines', 3_000, 100) // 300k points
      await page.waitForFunction(() => (window as unknown as G).__gongzhi.app.store.state.doc.imported.reduce((n: number, l: { n: number }) => n + l.n, 0) === 3000, undefined, { timeout: 60_000 })
      await savedAfter(page, t0)
      await page.waitForFunction(() => /抽样/.test(document.querySelector('[data-testid=message]')?.textContent ?? '')) // the map draws a sample and says so
      // reload: the project record is small, the layer is read after the map is up, and a sample is drawn
      await page.reload()
      await openApp(page, `${fx.served.url}?preset=street`)
      await page.waitForFunction(() => (window as unknown as G).__gongzhi.app.store.state.doc.imported.reduce((n: number, l: { n: number }) => n + l.n, 0) === 3000, undefined, { timeout: 60_000 })
      await page.waitForFunction(() => localStorage.getItem('gongzhi:loading') === null, undefined, { timeout: 30_000 })
      await mapShot(page)
      // a load that never finished (the tab crashed): the next start offers a safe start
      const pid = await page.evaluate(() => (window as unknown as G).__gongzhi.app.project.id)
      await page.evaluate((id) => localStorage.setItem('gongzhi:loading', JSON.stringify({ pid: id, at: Date.now() })), pid)
      await page.reload()
      await page.waitForSelector('[data-testid=safe-start][open]')
      expect(await page.locator('[data-testid=safe-start]').textContent()).toMatch(/没有完成载入[\s\S]*1 个导入图层，共 300,000 个坐标点/)
      await page.screenshot({ path: join(tmpdir(), 'gongzhi-safe-start.png') })
      await page.click('[data-testid=safe-no-layers]')
      await ready(page)
      expect(await importedCount(page)).toBe(0)
      await page.waitForSelector('[data-testid=tab-banner]:not([hidden])')
      expect(await page.locator('[data-testid=tab-banner]').textContent()).toContain('未载入')
      // an edit in safe mode keeps the layer in the project
      const t1 = await now(page)
      const id = await deleteGrid(page, 0)
      await savedAfter(page, t1)
      await page.evaluate(() => (window as unknown as G).__gongzhi.app.autosaver.flush())
      await page.reload()
      await openApp(page, `${fx.served.url}?preset=street`)
      await page.waitForFunction(() => (window as unknown as G).__gongzhi.app.store.state.doc.imported.reduce((n: number, l: { n: number }) => n + l.n, 0) === 3000, undefined, { timeout: 60_000 })
      expect(await gridIds(page)).not.toContain(id)
      await ctx.close()
    })
  }, 240_000)

  it('a large import runs off the main thread, with progress', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    await openApp(page, `${fx.served.url}?preset=street`)
    // From the drop until the worker hands back its result (the progress box goes away), the main thread must keep
    // drawing frames and never block for long: a parse on the main thread blocks it for seconds. The 200 ms target
    // for the whole import, drawing included, is a figure printed by `npm run bench:import`, not a timed test.
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[]; __frames: number; __parsing: boolean }
      w.__long = []
      w.__frames = 0
      w.__parsing = false
      document.querySelector('[data-testid=map]')!.addEventListener('drop', () => {
        w.__parsing = true
        new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__parsing && w.__long.push(e.duration))).observe({ type: 'longtask' })
        const tick = () => {
          if (!w.__parsing) return
          if (!document.querySelector('[data-testid=import-progress]')) w.__parsing = false
          else {
            w.__frames++
            requestAnimationFrame(tick)
          }
        }
        requestAnimationFrame(tick)
      }, { capture: true, once: true })
    })
    const size = await dropBigFile(page, 'services.geojson', 'points', 60_000)
    expect(size).toBeGreaterThan(20 * 2 ** 20)
    await page.waitForFunction(() => (window as unknown as G).__gongzhi.app.store.state.doc.imported.reduce((n: number, l: { n: number }) => n + l.n, 0) === 60_000, undefined, { timeout: 120_000 })
    const { long, frames } = await page.evaluate(() => {
      const w = window as unknown as { __long: number[]; __frames: number }
      return { long: w.__long, frames: w.__frames }
    })
    const longest = long.reduce((m, d) => Math.max(m, d), 0)
    console.log(`import of ${(size / 2 ** 20).toFixed(1)} MB: ${frames} frames while the worker parsed, longest main-thread task ${longest.toFixed(0)} ms`)
    expect(frames).toBeGreaterThan(5)
    expect(longest, `long tasks: ${long.map((d) => d.toFixed(0)).join(', ')}`).toBeLessThan(1000)
    await ctx.close()
  }, 240_000)
})
