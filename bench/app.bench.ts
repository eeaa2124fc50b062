// App benchmark in headless Chromium (software WebGL: llvmpipe), full fengtai world:
//  1. navigation → interactive map (world built in the worker, map loaded and idle, editor ready)
//  2. re-validation after editing one grid (the store's incremental check of that grid's community)
// Run: npx tsx bench/app.bench.ts   (figures measure a CPU rasterizer, not a user's GPU; treat as relative)
import { buildAndServe, launch, openApp } from '../test/e2e/harness.ts'

const RUNS = Number(process.env.RUNS ?? 3)
const EDITS = Number(process.env.EDITS ?? 30)

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]
}

const served = await buildAndServe()
const browser = await launch()
try {
  const loads: number[] = []
  const worlds: number[] = []
  const phases: number[][] = []
  let checks: number[] = []
  let commits: number[] = []
  for (let r = 0; r < RUNS; r++) {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await ctx.newPage()
    const t0 = Date.now()
    await openApp(page, served.url, 120_000)
    loads.push(Date.now() - t0)
    const tm = await page.evaluate(() => (window as any).__gongzhi.timings)
    worlds.push(tm.world - tm.start)
    phases.push([tm.start, tm.world - tm.start, tm.store - tm.world, tm.mapLoad - tm.store, tm.ready - tm.mapLoad])
    if (r === 0) {
      const res = await page.evaluate((n) => {
        const app = (window as any).__gongzhi.app
        const store = app.store
        const check: number[] = []
        const commit: number[] = []
        const grids = store.state.doc.grids
        for (let i = 0; i < n; i++) {
          const g = grids[(i * 67) % grids.length]
          const ring = (g.geometry.type === 'Polygon' ? g.geometry.coordinates[0] : g.geometry.coordinates[0][0]).map((p: number[]) => p.slice())
          ring[1] = [ring[1][0] + 0.00005, ring[1][1] + 0.00003]
          const doc = store.state.doc
          const next = { ...doc, grids: doc.grids.map((x: any) => (x === g ? { ...g, geometry: { type: 'Polygon', coordinates: [ring] } } : x)) }
          const t = performance.now()
          store.commit(next)
          commit.push(performance.now() - t)
          check.push(store.lastCheckMs)
        }
        return { check, commit }
      }, EDITS)
      checks = res.check
      commits = res.commit
    }
    await ctx.close()
  }
  const f = (x: number) => x.toFixed(0)
  console.log(`fengtai world, ${RUNS} cold navigations (new browser context each), Chromium + llvmpipe`)
  console.log(`  navigation → interactive map: median ${f(q(loads, 0.5))} ms, max ${f(Math.max(...loads))} ms   (target ≤ 5000 ms)`)
  console.log(`    of which world build in the worker: median ${f(q(worlds, 0.5))} ms`)
  for (const [i, name] of ['page + scripts', 'world build (worker) + transfer', 'index + check all grids (main)', 'map style (loads in parallel with the world)', 'first full render (deck + map idle)'].entries())
    console.log(`      ${name}: median ${f(q(phases.map((p) => p[i]), 0.5))} ms`)
  console.log(`re-validate after editing one grid (${EDITS} edits):`)
  console.log(`  check of the community: median ${q(checks, 0.5).toFixed(1)} ms, p95 ${q(checks, 0.95).toFixed(1)} ms   (target ≤ 100 ms)`)
  console.log(`  whole commit incl. map data + panels: median ${q(commits, 0.5).toFixed(1)} ms, p95 ${q(commits, 0.95).toFixed(1)} ms`)
} finally {
  await browser.close()
  await served.close()
}
