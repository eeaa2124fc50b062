import { buildAndServe, launch } from '../test/e2e/harness.ts'
const served = await buildAndServe()
const browser = await launch()
try {
  const page = await browser.newPage()
  page.on('console', (m) => console.log('console:', m.text().slice(0, 300)))
  page.on('pageerror', (e) => console.log('pageerror:', String(e)))
  const t0 = Date.now()
  await page.goto(`${served.url}?preset=street`)
  for (let i = 0; i < 120; i++) {
    const s = await page.evaluate(() => { const g = (window as any).__gongzhi; return { ready: g?.ready, error: g?.error, t: g?.timings, text: document.getElementById('loading-text')?.textContent } })
    if (s.ready || s.error || i % 10 === 0) console.log((Date.now() - t0) / 1000, JSON.stringify(s))
    if (s.ready || s.error) break
    await new Promise((r) => setTimeout(r, 1000))
  }
  // edit then reload: is the edit restored?
  const n = await page.evaluate(() => { const st = (window as any).__gongzhi.app.store; const d = st.state.doc; st.commit({ ...d, grids: d.grids.slice(1) }); return st.state.doc.grids.length })
  await page.waitForTimeout(3000)
  await page.reload()
  await page.waitForFunction(() => (window as any).__gongzhi?.ready, undefined, { timeout: 120000 })
  console.log('after reload', n, await page.evaluate(() => (window as any).__gongzhi.app.store.state.doc.grids.length))
} finally {
  await browser.close()
  await served.close()
}
