// Simulation benchmarks (prints figures; no assertions). Run: npx tsx bench/sim.bench.ts [--quick | --sweep-only | --no-sweep] [--trials N]
//  [--year-trials N]; the bench runs from an esbuild bundle, as the CLI does (bundled.ts)
//  - a full `fengtai` year (365 days, one replicate) in a fresh process: time and peak RSS (target ≤ 5 s, ≤ 1.5 GB)
//  - a `street` year (target ≤ 0.5 s)
//  - engine events/second next to a bare binary-heap push/pop loop in the same process (target ≥ 40 %): the engine
//    proper (hold model, trivial handler) and, labelled apart, the engine with the model's handlers (a street year)
//  - sweep throughput with 2 workers against 1 (target ≥ 1.7×): 64 street runs × 730 days (≈17 s on one worker, so the
//    fixed start — CLI process, world build, worker boot — is a small, honest part of it), wall clock from spawn to
//    exit and steady state after every worker was ready; 1 and 2 workers alternate over several trials (the machine
//    is shared, so every trial, the median, the spread and the load average are printed). `--trials N` (default 3).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildWorld, compileWorld, scenarioPreset, simulate, type Preset } from '../sim/api.ts'
import { Model } from '../sim/model/model.ts'
import { Scheduler } from '../sim/engine/scheduler.ts'
import { isBundled, rerunBundled } from './bundled.ts'

/** this bench's code, to run it again in a fresh process: its bundle (see bundled.ts), or the source through tsx */
const self = fileURLToPath(import.meta.url)
const selfArgs = isBundled() ? [self] : ['--import', 'tsx', self]

function child(preset: Preset): void {
  const t0 = performance.now()
  const world = compileWorld(buildWorld({ preset, seed: 1 }))
  const t1 = performance.now()
  const c1 = process.cpuUsage()
  const r = simulate(world, scenarioPreset('hotline-reform'), { seed: 1, days: 365 })
  const c2 = process.cpuUsage(c1)
  const t2 = performance.now()
  const cpuMs = Math.round((c2.user + c2.system) / 1000)
  console.log(
    JSON.stringify({ preset, worldMs: Math.round(t1 - t0), simMs: Math.round(t2 - t1), cpuMs, events: r.events, issues: r.issues.arisen, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }),
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

/** the engine proper on bareHeap's workload (the classic hold model): the Scheduler's run loop pops the next event
 *  from its EventQueue and dispatches it to a trivial handler, which schedules one event at now + U·1000 min (same
 *  PRNG), with `size` events in flight; events/s. The loop runs until a simulated time that takes ≈`ops` events
 *  (`size` events whose mean hold is 500 min: size / 500 per minute); the rate counts the events it really processed. */
function engineHold(ops: number, size: number): number {
  const s = new Scheduler<0>()
  let x = 1
  const rnd = () => ((x = (x * 16807) % 2147483647) / 2147483647)
  for (let k = 0; k < size; k++) s.at(rnd() * 1000, 0, k)
  const dispatch = (_kind: 0, arg: number): void => s.at(s.now + rnd() * 1000, 0, arg)
  const t0 = performance.now()
  const n = s.run((ops * 500) / size, dispatch)
  return n / ((performance.now() - t0) / 1000)
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
  if (process.argv.includes('--sweep-only')) return sweepBench()
  const k = process.argv.indexOf('--year-trials')
  const yearTrials = k >= 0 ? Math.max(1, Number(process.argv[k + 1])) : 1
  console.log(`# simulation year (fresh process each, ${isBundled() ? 'bundled as the CLI runs it' : 'through tsx'}, hotline-reform, seed 1; wall and CPU time of simulation + reporting)`)
  for (const preset of (quick ? ['street'] : ['street', 'fengtai']) as Preset[]) {
    const rows = []
    for (let t = 0; t < yearTrials; t++) {
      const r = spawnSync(process.execPath, [...selfArgs, '--child', preset], { encoding: 'utf8', maxBuffer: 1 << 26 })
      const row = JSON.parse(r.stdout.trim().split('\n').pop()!)
      rows.push(row)
      console.log(
        `${preset.padEnd(8)} sim ${(row.simMs / 1000).toFixed(2).padStart(6)} s wall, ${(row.cpuMs / 1000).toFixed(2)} s CPU  (world build+compile ${(row.worldMs / 1000).toFixed(1)} s)  ${row.issues} issues  ${row.events} events  peak RSS ${row.peakRssMB} MB  load ${loadavg()[0].toFixed(1)}`,
      )
    }
    if (yearTrials > 1) {
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] / 1000
      console.log(`${preset.padEnd(8)} median of ${yearTrials}: ${med(rows.map((r) => r.simMs)).toFixed(2)} s wall, ${med(rows.map((r) => r.cpuMs)).toFixed(2)} s CPU`)
    }
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
  // the engine proper and the bare heap alternate (median of 3 each), as the machine is shared
  const holds: number[] = []
  const bares: number[] = []
  engineHold(1_000_000, 2_000) // warm-up
  bareHeap(1_000_000, 2_000)
  for (let k = 0; k < 3; k++) {
    holds.push(engineHold(5_000_000, 2_000))
    bares.push(bareHeap(5_000_000, 2_000))
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
  const hold = median(holds)
  const bare = median(bares)
  const m = (r: number) => `${(r / 1e6).toFixed(2)} M`
  console.log(`bare heap (binary heap of keys, push+pop, 2,000 in flight): ${m(bare)} events/s`)
  console.log(`engine proper (Scheduler + EventQueue + dispatch, hold model, trivial handler, same workload): ${m(hold)} events/s; ratio ${((100 * hold) / bare).toFixed(1)} % (target ≥ 40 %)`)
  console.log(`engine with the model's handlers (street year, reporting excluded): ${m(engineRate)} events/s; ratio ${((100 * engineRate) / bare).toFixed(1)} %`)

  if (!quick && !process.argv.includes('--no-sweep')) sweepBench()
}

function sweepBench(): void {
  const RUNS = 64
  const k = process.argv.indexOf('--trials')
  const trials = k >= 0 ? Math.max(1, Number(process.argv[k + 1])) : 3
  console.log(`\n# sweep throughput (street, ${RUNS} runs × 730 days; wall time includes the CLI start, the world build and the workers booting)`)
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-'))
  const plan = join(dir, 'plan.json')
  writeFileSync(plan, JSON.stringify({ preset: 'street', scenario: 'hotline-reform', days: 730, replicates: RUNS / 2, levers: { 'gridWorkers.scale': [1, 2] } }))
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ')
  console.log(`load average (1, 5, 15 min) before: ${load()} on ${cpus().length} cores`)
  const one: { wall: number; steady: number }[] = []
  const two: { wall: number; steady: number }[] = []
  for (let t = 0; t < trials; t++) {
    const a = sweepSeconds(1, plan, dir)
    const b = sweepSeconds(2, plan, dir)
    one.push(a)
    two.push(b)
    console.log(
      `trial ${t + 1}: 1 worker ${a.wall.toFixed(2)} s (${(RUNS / a.wall).toFixed(2)} runs/s), 2 workers ${b.wall.toFixed(2)} s (${(RUNS / b.wall).toFixed(2)} runs/s): ${(a.wall / b.wall).toFixed(2)}× wall, ${(a.steady / b.steady).toFixed(2)}× after boot; load ${load()}`,
    )
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`
  const w1 = one.map((r) => r.wall)
  const w2 = two.map((r) => r.wall)
  const ratios = one.map((r, t) => r.wall / two[t].wall)
  const steady = one.map((r, t) => r.steady / two[t].steady)
  console.log(`wall, median of ${trials}: 1 worker ${med(w1).toFixed(2)} s (${(RUNS / med(w1)).toFixed(2)} runs/s, range ${range(w1)} s), 2 workers ${med(w2).toFixed(2)} s (${(RUNS / med(w2)).toFixed(2)} runs/s, range ${range(w2)} s)`)
  console.log(`speed-up on wall clock: ${(med(w1) / med(w2)).toFixed(2)}× of the medians; per trial ${range(ratios)}×`)
  console.log(`speed-up after boot: ${(med(one.map((r) => r.steady)) / med(two.map((r) => r.steady))).toFixed(2)}× of the medians; per trial ${range(steady)}×`)
  console.log(`start-up (wall − after boot), median: 1 worker ${med(one.map((r) => r.wall - r.steady)).toFixed(2)} s, 2 workers ${med(two.map((r) => r.wall - r.steady)).toFixed(2)} s`)
  rmSync(dir, { recursive: true, force: true })
}

const c = process.argv.indexOf('--child')
if (c >= 0) child(process.argv[c + 1] as Preset)
else if (!(await rerunBundled(import.meta.url))) main()
