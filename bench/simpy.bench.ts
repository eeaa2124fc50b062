// Peer benchmark: the same open M/M/c queueing network in Gongzhi's engine (sim/engine through sim/api.ts: the event
// queue, the scheduler and the staffed pools the model uses) and in SimPy (bench/simpy_mmc.py), side by side in one
// run. Prints each pool's mean wait in queue with a 95 % interval over replicates beside the Erlang C value, and the
// events per second of both (target: Gongzhi ≥ 10× SimPy), on CPU time (the machine is shared, and both sides
// run one thread). Gongzhi's side runs bundled, as the CLI does (bundled.ts). Run: npm run bench:simpy [-- --customers N --replicates R]
//
// Network (Jackson, so every pool is an M/M/c queue and Erlang C gives its exact mean wait): Poisson arrivals at
// λ = 2.4/min into A (3 servers, μ = 1/min, ρ = 0.8); then B with probability ½ (2 servers, μ = 0.8, ρ = 0.75), else
// C (4 servers, μ = 0.4, ρ = 0.75); then out. FIFO everywhere. Events, counted alike on both sides: one arrival and
// one service completion per pool visited (3 per customer).
//
// SimPy comes from Debian (`python3-simpy`, SimPy 2.3 under /usr/bin/python3); when no Python has SimPy the bench
// installs it with apt-get, and says so clearly if it cannot.
import { spawnSync } from 'node:child_process'
import { loadavg, cpus } from 'node:os'
import { dirname, join } from 'node:path'
import { createRng, erlangCWait, meanCi, Pools, Scheduler } from '../sim/api.ts'
import { benchSource, rerunBundled } from './bundled.ts'

const arg = (name: string, dflt: number) => {
  const k = process.argv.indexOf(`--${name}`)
  return k >= 0 ? Number(process.argv[k + 1]) : dflt
}

const PARAMS = {
  lambda: 2.4,
  pB: 0.5,
  pools: [
    { name: 'A', c: 3, mu: 1 },
    { name: 'B', c: 2, mu: 0.8 },
    { name: 'C', c: 4, mu: 0.4 },
  ],
  customers: arg('customers', 100_000),
  warmup: 2_000,
  replicates: arg('replicates', 8),
  seed: 1,
}
type Params = typeof PARAMS
interface Replicate {
  waits: (number | null)[]
  customers: number
  seconds: number
}

const ARRIVE = 0
const DONE = 1

/** one replicate in Gongzhi's engine */
function gongzhiRun(p: Params, seed: number): Replicate {
  const rng = createRng(seed, 'mmc-network')
  const exp = (rate: number) => -Math.log(1 - rng.next()) / rate
  const n = p.customers
  const pools = new Pools(p.pools.map((q) => q.c))
  const mu = p.pools.map((q) => q.mu)
  const at = new Int8Array(n) // the pool a customer is in
  const entered = new Float64Array(n)
  const waitSum = new Float64Array(3)
  const waitN = new Float64Array(3)
  const sched = new Scheduler<typeof ARRIVE | typeof DONE>()
  let done = 0
  const start = (j: number, t: number) => {
    const k = at[j]
    const waited = t - entered[j]
    if (j >= p.warmup) {
      waitSum[k] += waited
      waitN[k]++
    }
    const service = exp(mu[k])
    pools.started(k, waited, service)
    sched.at(t + service, DONE, j)
  }
  const enter = (j: number, k: number, t: number) => {
    at[j] = k
    entered[j] = t
    if (pools.offer(k, j, t, false)) start(j, t)
  }
  // one dispatch function, as the model's (sim/model/model.ts#dispatch)
  const dispatch = (kind: typeof ARRIVE | typeof DONE, j: number) => {
    const t = sched.now
    if (kind === ARRIVE) {
      enter(j, 0, t)
      if (j + 1 < n) sched.at(t + exp(p.lambda), ARRIVE, j + 1)
      return
    }
    const k = at[j]
    const next = pools.finish(k, t, t - entered[j])
    if (next >= 0) start(next, t)
    if (k === 0) enter(j, rng.next() < p.pB ? 1 : 2, t)
    else done++
  }
  const t0 = process.cpuUsage()
  sched.at(0, ARRIVE, 0)
  sched.run(Infinity, dispatch)
  const used = process.cpuUsage(t0)
  const seconds = (used.user + used.system) / 1e6
  return { waits: [0, 1, 2].map((k) => (waitN[k] ? waitSum[k] / waitN[k] : null)), customers: done, seconds }
}

/** a Python with SimPy (3/4 as `simpy`, or Debian's 2.3 as `SimPy`), installing Debian's package if none has it */
function findSimpy(): string | null {
  const pythons = ['python3', '/usr/bin/python3']
  const has = (py: string) => spawnSync(py, ['-c', 'try:\n import simpy\nexcept ImportError:\n import SimPy.Simulation'], { encoding: 'utf8' }).status === 0
  for (const py of pythons) if (has(py)) return py
  console.log('SimPy not found: installing Debian\'s python3-simpy with apt-get …')
  let r = spawnSync('apt-get', ['install', '-y', '-q', 'python3-simpy'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { encoding: 'utf8' })
    r = spawnSync('apt-get', ['install', '-y', '-q', 'python3-simpy'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  }
  for (const py of pythons) if (has(py)) return py
  const why = r.error ? r.error.message : (r.stderr || r.stdout || '').trim().split('\n').slice(-2).join(' ')
  console.log(`SimPy could not be installed (apt-get install python3-simpy: ${why || `exit ${r.status}`}).`)
  console.log('Install it by hand (as root: apt-get install python3-simpy) and run the benchmark again; the SimPy side is skipped.')
  return null
}

const fmt = (x: number, d = 3) => x.toFixed(d)
const ci = (xs: number[]) => {
  const s = meanCi(xs)
  return `${fmt(s.mean)} [${fmt(s.ci95[0])}, ${fmt(s.ci95[1])}]`
}

function main(): number {
  const p = PARAMS
  console.log(`# M/M/c network: λ = ${p.lambda}/min → A (c = 3, μ = 1) → B (c = 2, μ = 0.8) with p = ${p.pB}, else C (c = 4, μ = 0.4); FIFO`)
  console.log(`# ${p.replicates} replicates × ${p.customers.toLocaleString('en')} customers (waits after the first ${p.warmup.toLocaleString('en')}); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`)
  gongzhiRun({ ...p, customers: 200_000 }, 999) // warm the JIT (a short run measures the compiler, not the engine)
  const gz = Array.from({ length: p.replicates }, (_, r) => gongzhiRun(p, p.seed + r))
  const py = findSimpy()
  let sp: { simpy: string; python: string; replicates: Replicate[] } | null = null
  if (py) {
    const r = spawnSync(py, [join(dirname(benchSource(import.meta.url)), 'simpy_mmc.py'), JSON.stringify(p)], { encoding: 'utf8', maxBuffer: 1 << 24 })
    if (r.status !== 0) console.log(`SimPy run failed:\n${r.stderr}`)
    else sp = JSON.parse(r.stdout.trim().split('\n').pop()!)
  }
  const lambdas = [p.lambda, p.lambda * p.pB, p.lambda * (1 - p.pB)]
  console.log(`\nmean wait in queue (min), 95 % interval over replicates${sp ? `; SimPy ${sp.simpy}, Python ${sp.python}` : ''}`)
  console.log(`${'pool'.padEnd(6)}${'Erlang C'.padStart(10)}  ${'Gongzhi'.padEnd(26)}${sp ? 'SimPy' : ''}`)
  p.pools.forEach((q, k) => {
    const theory = erlangCWait(q.c, lambdas[k], 1 / q.mu)
    const g = ci(gz.map((r) => r.waits[k]!))
    console.log(`${q.name.padEnd(6)}${fmt(theory).padStart(10)}  ${g.padEnd(26)}${sp ? ci(sp.replicates.map((r) => r.waits[k]!)) : ''}`)
  })
  const rate = (rs: Replicate[]) => (3 * rs.reduce((s, r) => s + r.customers, 0)) / rs.reduce((s, r) => s + r.seconds, 0)
  const gRate = rate(gz)
  console.log(`\nevents per CPU second (3 per customer: arrival + two service completions)`)
  console.log(`Gongzhi ${(gRate / 1e6).toFixed(2)} M events/s (${fmt(gz.reduce((s, r) => s + r.seconds, 0), 2)} s CPU in all)`)
  if (!sp) return 1
  const sRate = rate(sp.replicates)
  console.log(`SimPy   ${(sRate / 1e3).toFixed(1)} k events/s (${fmt(sp.replicates.reduce((s, r) => s + r.seconds, 0), 2)} s CPU in all)`)
  console.log(`Gongzhi / SimPy: ${(gRate / sRate).toFixed(1)}× (target ≥ 10×, moonshot ≥ 50×)`)
  return 0
}

if (!(await rerunBundled(import.meta.url))) process.exitCode = main()
