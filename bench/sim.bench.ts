// Simulation benchmarks (prints figures; no assertions). Run: npx tsx bench/sim.bench.ts [--quick]
//  - a full `fengtai` year (365 days, one replicate) in a fresh process: time and peak RSS (target ≤ 10 s, ≤ 1.5 GB)
//  - a `street` year (target ≤ 0.5 s)
//  - engine events/second next to a bare binary-heap push/pop loop in the same process (target ≥ 25 %)
//  - sweep throughput with 2 workers against 1 (target ≥ 1.7×): 64 street runs × 730 days (≈16 s on one worker, so the
//    fixed start — CLI process, world build, worker boot — is a small, honest part of it), wall clock from spawn to
//    exit and steady state after every worker was ready, best of 2 alternating trials (the machine is shared)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildWorld, compileWorld, scenarioPreset, simulate, type Preset } from '../sim/api.ts'
import { Model } from '../sim/model/model.ts'

const self = fileURLToPath(import.meta.url)

function child(preset: Preset): void {
  const t0 = performance.now()
  const world = compileWorld(buildWorld({ preset, seed: 1 }))
  const t1 = performance.now()
  const r = simulate(world, scenarioPreset('hotline-reform'), { seed: 1, days: 365 })
  const t2 = performance.now()
  console.log(
    JSON.stringify({ preset, worldMs: Math.round(t1 - t0), simMs: Math.round(t2 - t1), events: r.events, issues: r.issues.arisen, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }),
  )
}

/** the bare reference: a binary min-heap of (time, seq) keys in typed arrays, push/pop only */
function bareHeap(ops: number, size: number): number {
  const cap = size + 2
  const key = new Float64Array(cap)
  let n = 0
  let x = 1
  const rnd = () => ((x = (x * 16807) % 2147483647) / 2147483647)
  const push = (k: number) => {
    let i = n++
    while (i > 0) {
      const p = (i - 1) >> 1
      if (key[p] <= k) break
      key[i] = key[p]
      i = p
    }
    key[i] = k
  }
  const pop = () => {
    const top = key[0]
    const last = key[--n]
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const c = l + 1 < n && key[l + 1] < key[l] ? l + 1 : l
      if (key[c] >= last) break
      key[i] = key[c]
      i = c
    }
    key[i] = last
    return top
  }
  let now = 0
  for (let k = 0; k < size; k++) push(rnd() * 1000)
  const t0 = performance.now()
  for (let k = 0; k < ops; k++) {
    now = pop()
    push(now + rnd() * 1000)
  }
  return ops / ((performance.now() - t0) / 1000)
}

/** wall seconds of a sweep and the seconds after every worker had booted (from the CLI's last line) */
function sweepSeconds(workers: number, plan: string, dir: string): { wall: number; steady: number } {
  const t0 = performance.now()
  const out = join(dir, `sweep-${workers}.csv`)
  rmSync(out, { force: true }) // a fresh sweep every time, not a resumed one
  const r = spawnSync(process.execPath, ['bin/gongzhi.js', 'sweep', '--plan', plan, '--workers', String(workers), '--out', out], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  const m = /\(([\d.]+) s after every worker was ready\)/.exec(r.stderr)
  return { wall: (performance.now() - t0) / 1000, steady: m ? Number(m[1]) : NaN }
}

function main(): void {
  const quick = process.argv.includes('--quick')
  console.log('# simulation year (fresh process, hotline-reform, seed 1)')
  for (const preset of (quick ? ['street'] : ['street', 'fengtai']) as Preset[]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', preset], { encoding: 'utf8', maxBuffer: 1 << 26 })
    const row = JSON.parse(r.stdout.trim().split('\n').pop()!)
    console.log(
      `${preset.padEnd(8)} sim ${(row.simMs / 1000).toFixed(2).padStart(6)} s  (world build+compile ${(row.worldMs / 1000).toFixed(1)} s)  ${row.issues} issues  ${row.events} events  peak RSS ${row.peakRssMB} MB`,
    )
  }

  console.log('\n# street year, in process (median of 5)')
  const street = compileWorld(buildWorld({ preset: 'street', seed: 1 }))
  const sc = scenarioPreset('hotline-reform')
  simulate(street, sc, { seed: 1, days: 365 }) // warm-up
  const times: number[] = []
  let events = 0
  let simOnly = 0
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now()
    const r = simulate(street, sc, { seed: 1 + k, days: 365, detail: false })
    times.push(performance.now() - t0)
    events = r.events
  }
  times.sort((a, b) => a - b)
  console.log(`street year ${(times[2] / 1000).toFixed(3)} s (${events} events)`)

  console.log('\n# engine events/second vs a bare binary-heap push/pop loop')
  let engineEvents = 0
  for (let k = 0; k < 3; k++) {
    const m = new Model(street, sc, { seed: 9 + k, days: 365 })
    const t0 = performance.now()
    for (let d = 0; d < 365; d++) m.runDay(d)
    simOnly += performance.now() - t0
    engineEvents += m.sched.processed
  }
  const engineRate = engineEvents / (simOnly / 1000)
  const bare = bareHeap(5_000_000, 2_000)
  console.log(`engine (model handlers included, reporting excluded) ${(engineRate / 1e6).toFixed(2)} M events/s; bare heap ${(bare / 1e6).toFixed(2)} M push+pop/s; ratio ${((100 * engineRate) / bare).toFixed(1)} %`)

  if (!quick) {
    console.log('\n# sweep throughput (street, 64 runs × 730 days; wall time includes the CLI start, the world build and the workers booting)')
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-'))
    const plan = join(dir, 'plan.json')
    writeFileSync(plan, JSON.stringify({ preset: 'street', scenario: 'hotline-reform', days: 730, replicates: 32, levers: { 'gridWorkers.scale': [1, 2] } }))
    const best = (a: { wall: number; steady: number }, b: { wall: number; steady: number }) => ({ wall: Math.min(a.wall, b.wall), steady: Math.min(a.steady, b.steady) })
    let one = sweepSeconds(1, plan, dir)
    let two = sweepSeconds(2, plan, dir)
    one = best(one, sweepSeconds(1, plan, dir))
    two = best(two, sweepSeconds(2, plan, dir))
    console.log(`wall: 1 worker ${one.wall.toFixed(2)} s, 2 workers ${two.wall.toFixed(2)} s: speed-up ${(one.wall / two.wall).toFixed(2)}×`)
    console.log(`after boot: 1 worker ${one.steady.toFixed(2)} s, 2 workers ${two.steady.toFixed(2)} s: speed-up ${(one.steady / two.steady).toFixed(2)}×`)
  }
}

const k = process.argv.indexOf('--child')
if (k >= 0) child(process.argv[k + 1] as Preset)
else main()
