// The planner's map at city scale (issue 14 §3): a district's real outlines are on screen, with the data notice and
// a progress line, before its generated interior arrives; at street zoom the community names are drawn from a font
// atlas of the names in view, not of every name in the world. Chaoyang: the district with the most streets, whose
// interior takes long enough that the outlines come clearly first.
import { describe, expect, it } from 'vitest'
import { mapIdle, mapShot, openApp, useServedApp } from './harness.ts'

const fx = useServedApp()
type G = { __gongzhi: { app: any; ready: boolean; timings: Record<string, number> } }

describe('the city map (e2e)', () => {
  it('draws the outlines before the interior, then community names at street zoom', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    page.setDefaultTimeout(180_000)
    await page.goto(`${fx.served.url}?preset=chaoyang&lang=en`)
    await page.waitForFunction(() => (window as unknown as G).__gongzhi?.timings.outlines)
    await mapShot(page) // outlines and street names, not an empty map
    const line = await page.locator('[data-testid=loading]').textContent()
    const notice = await page.locator('[data-testid=notice]').textContent()
    const panel = await page.locator('[data-testid=layer-panel]').textContent()
    const lang = await page.locator('[data-testid=lang]').textContent()
    // all of the above was seen before the world's interior had arrived
    expect(await page.evaluate(() => (window as unknown as G).__gongzhi.timings.world)).toBeUndefined()
    expect(await page.locator('[data-testid=loading]').evaluate((el) => el.classList.contains('compact'))).toBe(true)
    // nothing animates over the map meanwhile: a spinner made the compositor redraw the whole map every frame, which on
    // software GL took a core from the worker building the world
    expect(await page.evaluate(() => document.getAnimations().map((a) => (a as CSSAnimation).animationName))).toEqual([])
    expect(line).toMatch(/District and street outlines \(real data\) shown; generating communities, grids and buildings… \d+ of 43 streets done/)
    expect(notice).toMatch(/^About the data: Real: street and town boundaries/)
    // the panels say why they are empty; the language button is labelled
    expect(panel).toMatch(/^Layers, grid editing and scenarios open once the communities, grids and buildings are generated/)
    expect(lang).toBe('中文')
    await openApp(page, page.url(), 180_000)
    const t = await page.evaluate(() => (window as unknown as G).__gongzhi.timings)
    expect(t.outlines).toBeLessThan(t.world)
    await mapShot(page)

    // street zoom over one community: its name is drawn, the atlas holds the names around, not the district's
    const r = await page.evaluate(() => {
      const app = (window as unknown as G).__gongzhi.app
      const c = app.opts.world.communities.features[0]
      const g = app.store.state.doc.grids.find((x: any) => x.properties.community === c.properties.id)
      app.view.map.jumpTo({ center: app.store.state.stats.get(g.properties.id).base, zoom: 13.5 })
      const all = new Set<string>()
      for (const f of app.opts.world.communities.features) for (const ch of f.properties.name) all.add(ch)
      return { all: all.size }
    })
    await mapIdle(page)
    const labels = await page.evaluate(() => {
      const l = (window as unknown as G).__gongzhi.app.view.overlay._deck.props.layers.find((x: { id: string }) => x.id === 'labels')
      return { communities: l.props.data.filter((d: { level: number }) => d.level === 1).length, chars: l.props.characterSet.size }
    })
    expect(labels.communities).toBeGreaterThan(0)
    expect(labels.chars).toBeLessThan(r.all)
    await mapShot(page)
    await ctx.close()
  }, 400_000)
})
