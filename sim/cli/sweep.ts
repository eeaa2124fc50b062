// `gongzhi sweep`: levers × replicates on worker threads, one CSV row per run. Everything that can be wrong with the
// plan, its scenario, its world or the CSV is found before the first run starts; the CSV is locked while the sweep
// writes it, gets only whole rows, and is resumed row by validated row.
import { appendFileSync, existsSync, unlinkSync } from 'node:fs'
import { cpus } from 'node:os'
import { buildWorld, checkRunBounds, compileWorld, WorldFileError, worldToMessage, type CompiledWorld, type Scenario } from '../api.ts'
import { checkLeverValues, jobAt, jobCount, parseSweepPlan, PlanError, scenarioOfJob, type SweepPlan } from '../sweep/plan.ts'
import { csvLine } from '../sweep/csv.ts'
import { feed } from '../sweep/feed.ts'
import { rowCells, rowOf, sweepHeader, type SweepRow } from '../sweep/rows.ts'
import { intOpt, parseOptions, UsageError } from './args.ts'
import { loadScenario, loadWorldDir, readJson, writableOut } from './inputs.ts'
import { lockFile, resumeCsv, writeHead } from './sweep-csv.ts'
import { jobIndex, mergeShards, parseShard, planHash, shardHead, sortRows } from './sweep-shard.ts'
import { SweepThread } from './sweep-threads.ts'

const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n')

export function readPlan(file: string): SweepPlan {
  try {
    return parseSweepPlan(readJson(file))
  } catch (e) {
    if (e instanceof PlanError) throw new WorldFileError(file, e.message)
    throw e
  }
}

export function planWorld(plan: SweepPlan, file: string): CompiledWorld {
  if (plan.world !== undefined) {
    try {
      return loadWorldDir(plan.world)
    } catch (e) {
      if (e instanceof WorldFileError) throw new WorldFileError(file, `plan.world: ${e.message}`)
      throw e
    }
  }
  return compileWorld(buildWorld({ preset: plan.preset ?? 'street', seed: plan.worldSeed ?? 1 }))
}

/** the plan file, its base scenario and lever values checked: everything a sweep needs before its world */
export function loadPlan(file: string): { plan: SweepPlan; base: Scenario } {
  const plan = readPlan(file)
  let base: Scenario
  try {
    base = loadScenario(plan.scenario)
  } catch (e) {
    if (e instanceof UsageError) throw new WorldFileError(file, `plan.scenario: "${plan.scenario}" is neither a preset nor a file`)
    throw e
  }
  try {
    checkLeverValues(plan, base)
  } catch (e) {
    if (e instanceof PlanError) throw new WorldFileError(file, e.message)
    throw e
  }
  return { plan, base }
}

export async function sweepCmd(args: string[]): Promise<number> {
  if (args[0] === 'best') return (await import('./sweep-best.ts')).sweepBestCmd(args.slice(1))
  if (args[0] === 'merge') {
    const { values, positionals } = parseOptions(args.slice(1), { out: { type: 'string' } }, Infinity)
    if (!values.out) throw new UsageError('--out FILE.csv is required')
    const r = mergeShards(positionals, writableOut(values.out))
    err(`merged ${r.shards} shards, ${r.jobs} runs → ${values.out}`)
    return 0
  }
  const { values } = parseOptions(args, { plan: { type: 'string' }, workers: { type: 'string' }, out: { type: 'string' }, shard: { type: 'string' }, queue: { type: 'string' } })
  if (!values.plan) throw new UsageError('--plan FILE.json is required')
  if (!values.out) throw new UsageError('--out FILE.csv is required')
  const out = writableOut(values.out)
  const nWorkers = intOpt('workers', values.workers, Math.max(1, cpus().length - 1), 1, 64)
  const shard = values.shard === undefined ? undefined : parseShard(values.shard)
  if (values.queue !== undefined) {
    if (shard) throw new UsageError('--queue and --shard do not go together: the queue hands out the jobs itself')
    if (values.workers !== undefined) throw new UsageError('--workers is for a local sweep: with --queue, start workers with gongzhi worker --queue … --concurrency N')
    const { collect } = await import('./sweep-queue.ts')
    return collect(values.plan, values.queue, out)
  }
  const { plan, base } = loadPlan(values.plan)
  // locked before anything is built (a second sweep is refused at once); a new CSV is made only once the world is
  // built (a plan whose world cannot be read leaves no file behind)
  const release = lockFile(out)
  const created = !existsSync(out)
  let written = 0
  try {
    const header = sweepHeader(plan)
    const sh = shard && shardHead(plan, planHash(plan, base), shard)
    const head = sh ? [sh.line, ['job', ...header].join(',')] : [header.join(',')]
    const { done, dropped } = created ? { done: new Set<string>(), dropped: undefined } : resumeCsv(out, header, plan, base.name, sh)
    if (dropped) err(`${out}: ${dropped}; it is run again`)
    const total = jobCount(plan)
    const todo: number[] = []
    const index = jobIndex(plan)
    for (let i = 0; i < total; i++) if ((!sh || sh.owns(i)) && !done.has(jobAt(plan, i).id)) todo.push(i)
    // said once the world is built, so that a world that cannot be read is the one line a failed sweep prints
    const mine = sh ? Math.ceil((total - shard!.k) / shard!.n) : total
    const started = () => err(`sweep${shard ? ` shard ${shard.k}/${shard.n}: ${mine} of` : ':'} ${total} runs (${total / plan.replicates} lever settings × ${plan.replicates} replicates), ${mine - todo.length} already in ${out}, ${nWorkers} workers`)
    if (!todo.length) started()
    const world = () => {
      const w = planWorld(plan, values.plan!)
      // a run too large for memory is refused here, in one line, rather than crashing a worker
      checkRunBounds(w, base, plan.days)
      if (created) writeHead(out, head, !sh)
      started()
      return w
    }
    await runJobs(plan, base, world, todo, Math.min(nWorkers, todo.length), (row) => {
      appendFileSync(out, csvLine(sh ? [row.job.index, ...rowCells(row)] : rowCells(row)))
      written++
    }, out)
    // rows in plan order, whatever order the runs finished in: the same plan gives the same bytes on any machine,
    // with any number of workers, and from merged shards
    sortRows(out, head.length, sh ? (f) => Number(f[0]) : (f) => index.get(f[0]) ?? Infinity)
    return 0
  } catch (e) {
    // the runs already written are whole rows: say so (the error itself follows, from the top-level handler)
    if (written > 0) err(`${out}: the ${written} runs finished are kept; run the sweep again to resume`)
    // nothing of this run's own in a file it created: leave no file at all
    if (created && written === 0) {
      try {
        unlinkSync(out)
      } catch {
        // never written
      }
    }
    throw e
  } finally {
    release()
  }
}

/** feeds the jobs to `nw` worker threads, one run in flight each; calls `row` for every finished run. `makeWorld`
 *  runs while the workers boot (and not at all when there is nothing to run). */
async function runJobs(plan: SweepPlan, base: Scenario, makeWorld: () => CompiledWorld, todo: number[], nw: number, row: (r: SweepRow) => void, out: string): Promise<void> {
  const t0 = performance.now()
  let finished = 0
  // every thread loads the simulation modules while the world is built here, then gets the compiled world
  const threads = Array.from({ length: nw }, () => new SweepThread())
  try {
    const compiled = nw > 0 ? makeWorld() : null
    const world = compiled && worldToMessage(compiled)
    await Promise.all(threads.map((t) => t.load('plan', world!)))
    const tReady = performance.now()
    await feed(threads, todo, async (t, i) => {
      const j = jobAt(plan, i)
      const scenario = scenarioOfJob(plan, base, j)
      // lever values (demand, surge) change the memory a run needs: each run is checked before it is sent
      checkRunBounds(compiled!, scenario, plan.days)
      row(rowOf(plan, base.name, j, await t.run(j.id, scenario, j.seed, plan.days)))
      err(`run ${++finished}/${todo.length}`)
    })
    const t1 = performance.now()
    err(`sweep done: ${todo.length} runs in ${((t1 - t0) / 1000).toFixed(1)} s (${((t1 - tReady) / 1000).toFixed(2)} s after every worker was ready) → ${out}`)
  } finally {
    await Promise.all(threads.map((t) => t.terminate()))
  }
}
