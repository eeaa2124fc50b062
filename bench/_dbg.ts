import { buildAndServe, launch } from '../test/e2e/harness.ts'
const served = await buildAndServe()
const browser = await launch()
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
page.on('pageerror', (e) => console.log('pageerror', String(e)))
await page.goto(served.url + '?mode=trainer&preset=street&days=2&lesson=whistle&lang=en&t=1800&issue=5&videoSeconds=2')
await page.waitForFunction(() => (window as any).__gongzhi?.ready || (window as any).__gongzhi?.error, undefined, { timeout: 200000 })
const pt = await page.evaluate(() => {
  const p = (window as any).__gongzhi.trainer.panes[1]
  const r = document.querySelector('[data-testid=pane-1]')!.getBoundingClientRect()
  const st = p.replay.state
  for (let i = 0; i < st.length; i++) {
    if (!(st[i] >= 3 && st[i] <= 5) || i === 5) continue
    const s = p.view.map.project(p.where(i)!)
    if (s.x > 120 && s.y > 60 && s.x < r.width - 220 && s.y < r.height - 60) return { i, x: r.left + s.x, y: r.top + s.y, near: p.nearest(s.x, s.y), drawn: p.drawn.length }
  }
  return null
})
console.log(JSON.stringify(pt))
await page.evaluate(() => (window as any).__gongzhi.trainer.panes[1].view.map.once('click', (e: any) => console.log('map click', e.point.x, e.point.y)))
page.on('console', (m) => console.log('console', m.text().slice(0, 200)))
await page.mouse.click(pt!.x, pt!.y)
await page.waitForTimeout(1500)
console.log(await page.getAttribute('[data-testid=issue-story]', 'data-issue'))
await page.click('[data-testid=export-video]')
await page.waitForFunction(() => !!(window as any).__gongzhi.trainer.lastVideo, undefined, { timeout: 60_000 })
console.log(await page.evaluate(async () => {
  const blob = (window as any).__gongzhi.trainer.lastVideo
  const v = document.createElement('video'); v.muted = true; v.src = URL.createObjectURL(blob)
  const ok = await new Promise((r) => { v.onloadedmetadata = () => r('meta'); v.onerror = () => r('error ' + v.error?.message) })
  return JSON.stringify({ size: blob.size, ok, rs: v.readyState, w: v.videoWidth })
}))
await browser.close()
await served.close()
