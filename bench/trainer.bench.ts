// Trainer benchmark:
//  1. the cost of recording a run for playback (binary event batches joined into a recording) against a plain run:
//     a Fengtai day of the hotline-reform scenario, in Node
//  2. frame times while that Fengtai day plays in headless Chromium (software WebGL: llvmpipe; relative figures),
//     at one hour, one day and one week per second (the fastest speed), with where the page's main thread spent the
//     one-hour run (a CPU profile through the DevTools protocol: native work, garbage collection, the top functions)
// Run: npm run bench:trainer
import { buildWorld, compileWorld, scenarioPreset, simulate, BatchEncoder, RecordingBuilder, Replay } from '../sim/api.ts'
import { buildAndServe, launch } from '../test/e2e/harness.ts'

const SCENARIO = 'hotline-reform'
const RUNS = Number(process.env.RUNS ?? 5)
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]
}
const med = (xs: number[]) => q(xs, 0.5)

// ---- 1. recording against a plain run
const w = compileWorld(buildWorld({ preset: 'fengtai', seed: 1 }))
const sc = scenarioPreset(SCENARIO)
simulate(w, sc, { seed: 1, days: 1 }) // warm-up
const plain: number[] = []
const rec: number[] = []
let events = 0
let bytes = 0
let replayMs = 0
for (let r = 0; r < RUNS; r++) {
  let t0 = performance.now()
  simulate(w, sc, { seed: 1, days: 1 })
  plain.push(performance.now() - t0)
  t0 = performance.now()
  const enc = new BatchEncoder()
  const b = new RecordingBuilder()
  simulate(w, sc, {
    seed: 1,
    days: 1,
    onEvent: (e) => {
      enc.push(e)
      if (enc.full) b.add(enc.take()!)
    },
  })
  const last = enc.take()
  if (last) b.add(last)
  const recording = b.finish(1440)
  rec.push(performance.now() - t0)
  events = recording.n
  bytes = recording.n * (1 + 8 + 4 + 4 + 4 + 4)
  t0 = performance.now()
  new Replay(recording).seekIndex(recording.n)
  replayMs = performance.now() - t0
}
console.log(`fengtai, 1 day of ${SCENARIO}: ${events.toLocaleString('en')} events, ${(bytes / 1e6).toFixed(1)} MB of batches`)
console.log(`  plain run      ${med(plain).toFixed(0)} ms (median of ${RUNS})`)
console.log(`  recorded run   ${med(rec).toFixed(0)} ms (+${((med(rec) / med(plain) - 1) * 100).toFixed(0)} %)`)
console.log(`  replaying all events with keyframes: ${replayMs.toFixed(0)} ms`)

// ---- 2. frame times in the browser
const served = await buildAndServe()
const browser = await launch()
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  const t0 = Date.now()
  await page.goto(`${served.url}?mode=trainer&preset=fengtai&days=1&scenario=${SCENARIO}`)
  await page.waitForFunction(() => (window as any).__gongzhi?.ready || (window as any).__gongzhi?.error, undefined, { timeout: 600_000 })
  const err = await page.evaluate(() => (window as any).__gongzhi.error)
  if (err) throw new Error(err)
  console.log(`trainer page on fengtai ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (world built and 1 day recorded in the worker)`)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  for (const speed of [60, 1440, 10080]) {
    if (speed === 60) await cdp.send('Profiler.start')
    // a string, so the bundler's helpers (tsx's __name) do not end up in the page
    const frames = (await page.evaluate(`(async () => {
      const p = window.__gongzhi.trainer.player
      p.frames.length = 0
      p.seek(0)
      p.speed = ${speed}
      p.play()
      const t0 = performance.now()
      while (p.playing && performance.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 50))
      p.pause()
      return p.frames.slice()
    })()`)) as number[]
    console.log(`  ${speed === 60 ? "1 hour/s (10 s)" : speed === 1440 ? "1 day/s" : "1 week/s"}: ${frames.length} frames, frame time median ${med(frames)?.toFixed(1)} ms, p95 ${q(frames, 0.95)?.toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms`)
    if (speed === 60) printProfile(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile)
  }
} finally {
  await browser.close()
  await served.close()
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[]
  samples: number[]
  timeDeltas: number[]
}

/** self time by function over the sampled run: what a frame's cost is made of */
function printProfile(p: CpuProfile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  p.samples.forEach((id, k) => {
    const f = byId.get(id)!.callFrame
    const key = f.url ? `${f.functionName || '(anonymous)'} (${f.url.split('/').pop()})` : f.functionName
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[k] ?? 0) / 1000)
  })
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)
  console.log(`    main thread over that run (${(total / 1000).toFixed(1)} s sampled): ${top.map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join('; ')}`)
}
