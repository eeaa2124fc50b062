// Regenerates docs/screenshot.png: the built app on the fengtai world, one street in view, a grid selected.
// Run: npx tsx test/e2e/screenshot.ts [out.png]
import { buildAndServe, launch, openApp, mapIdle, mapShot } from './harness.ts'
import { writeFileSync } from 'node:fs'
const s = await buildAndServe()
const b = await launch()
const page = await b.newPage({ viewport: { width: 1600, height: 1000 } })
await openApp(page, s.url)
await page.evaluate(() => {
  const app = (window as any).__gongzhi.app
  const w = app.opts.world
  const st = w.streets.features.find((f: any) => f.properties.name.startsWith('卢沟桥')) ?? w.streets.features[0]
  const c = w.communities.features.find((f: any) => f.properties.street === st.properties.id)
  const g = app.store.state.doc.grids.find((x: any) => x.properties.community === c.properties.id)
  app.store.select([g.properties.id])
  const flat = st.geometry.coordinates.flat(3)
  const xs = []; const ys = []
  for (let i = 0; i < flat.length; i += 2) { xs.push(flat[i]); ys.push(flat[i + 1]) }
  app.view.fit([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)])
})
await mapIdle(page)
await mapShot(page)
writeFileSync(process.argv[2] ?? 'docs/screenshot.png', await page.screenshot())
await b.close(); await s.close()
