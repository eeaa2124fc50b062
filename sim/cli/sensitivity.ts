// `gongzhi sensitivity`: Morris elementary-effects screening (sim/run/morris.ts) of every numeric lever of a scenario
// for the three rates, time to close and discovery, run on worker threads (the sweep's worker, sim/run/sweep-worker.ts),
// printed as μ*, σ per lever and output with a bar of μ*, and written as CSV and JSON. docs/sensitivity.md reads it.
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { buildWorld, compileWorld, defaultScenario, worldToMessage, type CompiledWorld, type Scenario } from '../api.ts'
import { morrisDesign, morrisEffects, morrisFactors, MORRIS_OUTPUTS, ranked, type MorrisRow } from '../run/morris.ts'
import { intOpt, parseOptions, UsageError } from './args.ts'
import { loadScenario, loadWorldDir, presetOpt } from './inputs.ts'
import { SweepThread } from './sweep-threads.ts'
import { feed } from '../sweep/feed.ts'

const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n')
const BAR = 30

/** runs every scenario once on worker threads (the sweep's threads and feed loop); outputs in the order given */
async function runAll(world: CompiledWorld, jobs: { scenario: Scenario; seed: number }[], days: number, nw: number): Promise<Record<string, number>[]> {
  const results: Record<string, number>[] = new Array(jobs.length)
  let done = 0
  const t0 = performance.now()
  const message = worldToMessage(world)
  const threads = Array.from({ length: Math.min(nw, jobs.length) }, () => new SweepThread())
  try {
    await Promise.all(threads.map((t) => t.load('sensitivity', message)))
    await feed(threads, jobs.map((j, k) => ({ ...j, k })), async (t, j) => {
      results[j.k] = (await t.run(String(j.k), j.scenario, j.seed, days)) as Record<string, number>
      done++
      if (done % 20 === 0 || done === jobs.length) err(`run ${done}/${jobs.length}, ${Math.round((performance.now() - t0) / 1000)} s`)
    })
  } finally {
    await Promise.all(threads.map((t) => t.terminate()))
  }
  return results
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(3) : x.toFixed(4))

/** the table for one output: levers by μ*, with σ and a bar scaled to the largest μ* */
export function printTable(rows: MorrisRow[], output: string, top = Infinity): string {
  const r = ranked(rows, output)
  const max = r[0]?.muStar || 1
  const w = Math.max(...r.map((x) => x.lever.length))
  const lines = [`\n${output}: μ* (mean |effect| over the screening range), σ, range screened`]
  for (const x of r.slice(0, top)) lines.push(`  ${x.lever.padEnd(w)}  μ*=${fmt(x.muStar).padStart(8)}  σ=${fmt(x.sigma).padStart(8)}  [${fmt(x.lo)}, ${fmt(x.hi)}]  ${'█'.repeat(Math.round((x.muStar / max) * BAR))}`)
  return lines.join('\n')
}

export async function sensitivityCmd(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    preset: { type: 'string' },
    world: { type: 'string' },
    scenario: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    trajectories: { type: 'string' },
    workers: { type: 'string' },
    levers: { type: 'string' },
    out: { type: 'string' },
    top: { type: 'string' },
  })
  const days = intOpt('days', values.days, 30, 1, 3650)
  const seed = intOpt('seed', values.seed, 1, 0, 2 ** 31)
  const r = intOpt('trajectories', values.trajectories, 4, 1, 100)
  const nw = intOpt('workers', values.workers, Math.max(1, cpus().length), 1, 64)
  const top = intOpt('top', values.top, 1000, 1, 1000)
  const stem = values.out ?? 'sensitivity'
  const base = values.scenario ? loadScenario(values.scenario) : defaultScenario()
  let factors
  try {
    factors = morrisFactors(base, values.levers?.split(',').map((s) => s.trim()).filter(Boolean))
  } catch (e) {
    throw new UsageError(`--levers: ${(e as Error).message}`)
  }
  const world = values.world ? loadWorldDir(values.world) : compileWorld(buildWorld({ preset: presetOpt(values.preset ?? 'street'), seed: 1 }))
  const design = morrisDesign(base, factors, r, seed)
  err(`sensitivity: ${factors.length} levers × ${r} trajectories = ${design.points.length} runs of ${days} days on ${Math.min(nw, design.points.length)} workers (scenario ${base.name})`)
  const outputs = await runAll(world, design.points, days, nw)
  const rows = morrisEffects(design, outputs)
  for (const o of MORRIS_OUTPUTS) process.stdout.write(printTable(rows, o, top) + '\n')
  const csv = ['lever,output,mu_star,mu,sigma,lo,hi', ...rows.map((x) => [x.lever, x.output, x.muStar, x.mu, x.sigma, x.lo, x.hi].join(','))].join('\n') + '\n'
  writeFileSync(`${stem}.csv`, csv)
  writeFileSync(`${stem}.json`, JSON.stringify({ scenario: base.name, world: values.world ?? values.preset ?? 'street', days, seed, trajectories: r, levels: 4, outputs: MORRIS_OUTPUTS, rows }, null, 1) + '\n')
  err(`wrote ${stem}.csv and ${stem}.json`)
  return 0
}
