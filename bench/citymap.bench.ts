// The planner's map on the whole city (issue 14 §3): ?preset=beijing&planner=1 in headless Chromium (software GL,
// llvmpipe — the figures are relative, for before/after on one machine, not what a user's GPU does). Prints
//   - time to the city's real outlines (drawn while the interior is still generated) and to the first full map:
//     navigation → the world arrived from its worker → the map drawn and idle
//   - frame times (requestAnimationFrame deltas) while panning and zooming at city, district, street and community
//     zoom: median, p95, max; and the longest main-thread task (PerformanceObserver 'longtask') during them
//   - one grid edit: the store's commit incl. the map's update, and the longest task after it until the map is idle
//   - JS heap after loading and after the pans
// `npm run bench:citymap` (CITYMAP_SHOTS=dir keeps a screenshot per zoom level; PRESET=fengtai for a quick look;
// CITYMAP_TRACE=file.json records a Chrome trace of the load, for chrome://tracing or Perfetto).
import { mkdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { buildAndServe, launch, mapIdle, openApp } from '../test/e2e/harness.ts'

const PRESET = process.env.PRESET ?? 'beijing'
const SHOTS = process.env.CITYMAP_SHOTS
const TRACE = process.env.CITYMAP_TRACE
const load = () => `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN
}
const ms = (x: number) => `${x.toFixed(0)} ms`
const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`

/** Dongcheng/Xicheng: the densest part of the city; each level is the zoom a planner looks at that unit with */
const CENTER = [116.397, 39.915]
const LEVELS: { name: string; zoom: number }[] = [
  { name: 'city', zoom: 8.6 },
  { name: 'district', zoom: 11 },
  { name: 'street', zoom: 13.5 },
  { name: 'community', zoom: 15.5 },
]

type G = { __gongzhi: { app: { view: { map: any } } }; __frames: number[]; __tasks: number[]; __rec: boolean }

async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as G
    w.__frames = []
    w.__tasks = []
    if (w.__rec) return
    w.__rec = true
    let prev = 0
    const tick = (now: number) => {
      if (prev) w.__frames.push(now - prev)
      prev = now
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask', buffered: false })
  })
}

const take = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as G
    const out = { frames: w.__frames.slice(), tasks: w.__tasks.slice() }
    w.__frames = []
    w.__tasks = []
    return out
  })

/** pan 300 px right, back, zoom in one step and out again: each an eased camera move of 1 s */
async function panAndZoom(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const map = (window as unknown as G).__gongzhi.app.view.map
    const move = (f: () => void) => new Promise<void>((r) => (map.once('moveend', () => r()), f()))
    await move(() => map.panBy([300, 0], { duration: 1000 }))
    await move(() => map.panBy([-300, 150], { duration: 1000 }))
    await move(() => map.zoomTo(map.getZoom() + 1, { duration: 1000 }))
    await move(() => map.zoomTo(map.getZoom() - 1, { duration: 1000 }))
  })
}

const heap = (page: Page) => page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize)

const served = await buildAndServe()
const browser = await launch()
try {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  // tsx names the functions it compiles with a helper the page does not have
  await ctx.addInitScript({ content: 'globalThis.__name = (f) => f' })
  const page = await ctx.newPage()
  // the whole city's world takes minutes to build on a loaded machine: no step may time out before it
  page.setDefaultTimeout(1_800_000)
  await page.addInitScript(() => {
    const w = window as unknown as { __loadTasks: number[] }
    w.__loadTasks = []
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__loadTasks.push(e.duration))).observe({ type: 'longtask', buffered: true })
  })
  console.log(`# ${PRESET}: the planner's map in headless Chromium, software GL (${load()})`)
  if (TRACE) await browser.startTracing(page, { path: TRACE, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'toplevel', 'disabled-by-default-v8.cpu_profiler'] })
  const t0 = Date.now()
  const opening = openApp(page, `${served.url}?preset=${PRESET}&planner=1&lang=en`, 1_800_000)
  // what the user sees while the interior is generated
  const outlinesShot = SHOTS
    ? page.waitForFunction(() => (window as unknown as { __gongzhi?: { timings: { outlines?: number } } }).__gongzhi?.timings.outlines, undefined, { polling: 100 }).then(() => {
        mkdirSync(SHOTS, { recursive: true })
        return page.screenshot({ path: join(SHOTS, 'outlines.png') })
      })
    : null
  await opening
  await outlinesShot
  const wall = Date.now() - t0
  if (TRACE) await browser.stopTracing()
  const tm = await page.evaluate(() => (window as unknown as { __gongzhi: { timings: Record<string, number> } }).__gongzhi.timings)
  const loadTasks = await page.evaluate(() => (window as unknown as { __loadTasks: number[] }).__loadTasks)
  const counts = await page.evaluate(() => {
    const w = (window as unknown as { __gongzhi: { app: { store: { state: { world: Record<string, { features: unknown[] }>; doc: { grids: unknown[] } } } } } }).__gongzhi.app.store.state
    return { communities: w.world.communities.features.length, grids: w.doc.grids.length, buildings: w.world.buildings.features.length }
  })
  console.log(`world: ${counts.communities} communities, ${counts.grids} grids, ${counts.buildings} buildings`)
  console.log(`time to first map (navigation → map drawn and idle)      ${ms(wall)}`)
  // the real outlines drawn while the interior is still generated (src/world-load/preview.ts)
  console.log(`time to the city's outlines (navigation → drawn)          ${tm.outlines ? ms(tm.outlines - tm.start) : 'not shown'}`)
  console.log(`  of which the world built in its worker and received      ${ms(tm.world - tm.start)}`)
  console.log(`  world received → map drawn and idle                      ${ms(tm.ready - tm.world)}`)
  console.log(`  longest main-thread task while loading                   ${ms(Math.max(0, ...loadTasks))}`)
  console.log(`JS heap after loading                                      ${mb(await heap(page))}`)

  // a district preset: its own centre (the app opened fitted to it)
  const center = PRESET === 'beijing' ? CENTER : await page.evaluate(() => (window as unknown as G).__gongzhi.app.view.map.getCenter().toArray())
  await startRecording(page)
  const all: number[] = []
  let longest = 0
  for (const lv of LEVELS) {
    // nothing returned: jumpTo answers the map, which Playwright would serialize on the page's thread (a long task of
    // its own, about a second for the whole city's map, counted as the view's)
    await page.evaluate(({ c, z }) => void (window as unknown as G).__gongzhi.app.view.map.jumpTo({ center: c, zoom: z }), { c: center, z: lv.zoom })
    await mapIdle(page)
    // the first visit to a level: what it builds then (at street zoom, the community names' font atlas); read before
    // the screenshot, whose readback under software GL is a long task of its own
    const arrival = Math.max(0, ...(await take(page)).tasks)
    console.log(`${`first view at ${lv.name} zoom (${lv.zoom})`.padEnd(40)} longest task ${ms(arrival)}`)
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: join(SHOTS, `${LEVELS.indexOf(lv)}-${lv.name}.png`) })
      await take(page)
    }
    await panAndZoom(page)
    const { frames, tasks } = await take(page)
    all.push(...frames)
    const task = Math.max(0, ...tasks)
    longest = Math.max(longest, task)
    console.log(`${`pan + zoom at ${lv.name} zoom (${lv.zoom})`.padEnd(40)} frames ${String(frames.length).padStart(4)}: median ${ms(q(frames, 0.5))}, p95 ${ms(q(frames, 0.95))}, max ${ms(Math.max(...frames))}; longest task ${ms(task)}`)
  }
  console.log(`${'all pans and zooms'.padEnd(40)} frames ${String(all.length).padStart(4)}: median ${ms(q(all, 0.5))}, p95 ${ms(q(all, 0.95))}, max ${ms(Math.max(...all))}; longest task ${ms(longest)}`)
  console.log(`JS heap after panning and zooming                          ${mb(await heap(page))}`)

  // one edit at street zoom: a grid's vertex moved, as the editor commits it
  await page.evaluate(({ c }) => void (window as unknown as G).__gongzhi.app.view.map.jumpTo({ center: c, zoom: 13.5 }), { c: center })
  await mapIdle(page)
  await take(page)
  const commit = await page.evaluate(() => {
    const store = (window as any).__gongzhi.app.store
    const grids = store.state.doc.grids
    const g = grids[Math.floor(grids.length / 2)]
    const ring = (g.geometry.type === 'Polygon' ? g.geometry.coordinates[0] : g.geometry.coordinates[0][0]).map((p: number[]) => p.slice())
    ring[1] = [ring[1][0] + 0.00005, ring[1][1] + 0.00003]
    const doc = store.state.doc
    const next = { ...doc, grids: doc.grids.map((x: any) => (x === g ? { ...g, geometry: { type: 'Polygon', coordinates: [ring] } } : x)) }
    const t = performance.now()
    store.commit(next)
    return performance.now() - t
  })
  await mapIdle(page)
  const after = await take(page)
  console.log(`one grid edit: commit incl. the map's update                ${ms(commit)}; longest task until idle ${ms(Math.max(0, ...after.tasks))}`)
  console.log(`(${load()})`)
  await ctx.close()
} finally {
  await browser.close()
  await served.close()
}
