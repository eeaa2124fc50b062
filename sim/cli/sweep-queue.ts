// A sweep spread over machines through a BullMQ queue on Redis. The collector (`sweep --plan … --queue redis://…`)
// stores the plan once under its hash, adds one job per run with the id HASH-INDEX (adding again is a no-op, so a
// collector started again re-adds nothing that Redis still holds), and writes each finished run's row once, checked
// against the plan; workers (`gongzhi worker --queue …`) run the jobs on threads, building each world once. A worker
// killed mid-run loses its lock; BullMQ's stalled-job check hands the job to another worker.
import { appendFileSync, existsSync, unlinkSync } from 'node:fs'
import { connect } from 'node:net'
// bullmq is loaded only by the queue commands, so every other command starts as fast as before
import type { Job } from 'bullmq'
import { WorldFileError, type Scenario } from '../api.ts'
import { jobAt, jobCount, type SweepPlan } from '../sweep/plan.ts'
import { csvLine } from '../sweep/csv.ts'
import { rowCells, rowOf, sweepHeader, type RunMetrics } from '../sweep/rows.ts'
import { UsageError } from './args.ts'
import { loadPlan, planWorld } from './sweep.ts'
import { lockFile, resumeCsv, writeHeader } from './sweep-csv.ts'
import { jobIndex, planHash, sortRows } from './sweep-shard.ts'

export const QUEUE_NAME = 'gongzhi-sweep'
export const planKey = (hash: string) => `gongzhi:sweep-plan:${hash}`
/** what a job carries: the plan's hash (its plan is stored once under planKey) and the job's index in it */
export interface QueueJob {
  hash: string
  i: number
}
/** what a worker returns: the hash and id it ran, so a row is only taken for the plan and run it belongs to */
export interface QueueResult {
  hash: string
  id: string
  metrics: RunMetrics
}
export interface StoredPlan {
  plan: SweepPlan
  base: Scenario
}

const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n')

export function redisUrl(v: string): { host: string; port: number } {
  let u: URL
  try {
    u = new URL(v)
  } catch {
    throw new UsageError(`--queue must be redis://HOST:PORT, got "${v}"`)
  }
  if (u.protocol !== 'redis:' || !u.hostname) throw new UsageError(`--queue must be redis://HOST:PORT, got "${v}"`)
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : 6379 }
}

/** the Redis server answers a TCP connection within 3 s, or one line saying it does not (ioredis alone would retry
 *  silently for ever) */
export function reachable(url: string, c: { host: string; port: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = connect(c.port, c.host)
    const fail = (why: string) => {
      s.destroy()
      reject(new WorldFileError(url, `cannot reach Redis: ${why}; start redis-server there or give another --queue`))
    }
    s.setTimeout(3000, () => fail('no answer in 3 s'))
    s.once('error', (e) => fail(e.message))
    s.once('connect', () => {
      s.end()
      resolve()
    })
  })
}

export const connection = (c: { host: string; port: number }) => ({ host: c.host, port: c.port, maxRetriesPerRequest: null })

/** `gongzhi sweep --plan FILE --queue redis://HOST:PORT --out FILE.csv` */
export async function collect(planFile: string, url: string, out: string): Promise<number> {
  const c = redisUrl(url)
  const { plan, base } = loadPlan(planFile)
  await reachable(url, c)
  const hash = planHash(plan, base)
  const header = sweepHeader(plan)
  const release = lockFile(out)
  const created = !existsSync(out)
  const { Queue, QueueEvents } = await import('bullmq')
  const queue = new Queue<QueueJob, QueueResult>(QUEUE_NAME, { connection: connection(c) })
  const events = new QueueEvents(QUEUE_NAME, { connection: connection(c) })
  let written = 0
  try {
    // the world is built here once before any job is queued: a plan whose world cannot be read fails at once,
    // in one line, not on every worker
    planWorld(plan, planFile)
    if (created) writeHeader(out, header)
    const { done, dropped } = resumeCsv(out, header, plan, base.name)
    if (dropped) err(`${out}: ${dropped}; it is collected again`)
    const total = jobCount(plan)
    const index = jobIndex(plan)
    const client = await queue.getBackend().client
    await client.set(planKey(hash), JSON.stringify({ plan, base } satisfies StoredPlan))
    await events.waitUntilReady()
    let finish: () => void = () => {}
    let fail: (e: Error) => void = () => {}
    const finished = new Promise<void>((res, rej) => ((finish = res), (fail = rej)))
    const take = (jobId: string | undefined, r: QueueResult | undefined) => {
      if (!jobId?.startsWith(`${hash}-`) || !r) return
      const i = Number(jobId.slice(hash.length + 1))
      const j = jobAt(plan, i)
      // a result of another plan or another run (a stale worker, a tampered job) is not a row of this sweep
      if (r.hash !== hash || r.id !== j.id) return fail(new Error(`job ${jobId} came back with the result of another plan or run (${r.hash} ${r.id}); stop the stale worker and run the sweep again`))
      if (done.has(j.id)) return
      appendFileSync(out, csvLine(rowCells(rowOf(plan, base.name, j, r.metrics))))
      done.add(j.id)
      written++
      err(`queue: ${done.size}/${total} runs`)
      if (done.size === total) finish()
    }
    events.on('completed', ({ jobId, returnvalue }) => take(jobId, typeof returnvalue === 'string' ? JSON.parse(returnvalue) : (returnvalue as unknown as QueueResult)))
    events.on('failed', ({ jobId, failedReason }) => {
      if (jobId.startsWith(`${hash}-`)) void queue.getJob(jobId).then((job) => job && job.attemptsMade >= (job.opts.attempts ?? 1) && fail(new Error(`job ${jobId} failed on every attempt: ${failedReason}`)))
    })
    const todo: number[] = []
    for (let i = 0; i < total; i++) if (!done.has(jobAt(plan, i).id)) todo.push(i)
    err(`sweep: ${total} runs on ${url} (plan ${hash}), ${total - todo.length} already in ${out}`)
    if (!todo.length) finish()
    for (let k = 0; k < todo.length; k += 1000)
      await queue.addBulk(todo.slice(k, k + 1000).map((i) => ({ name: 'run', data: { hash, i }, opts: { jobId: `${hash}-${i}`, attempts: 3, removeOnComplete: false, removeOnFail: false } })))
    // results that finished while no collector listened (or before this one subscribed) are read from Redis
    // a job that failed on every attempt: queued again when a collector starts (the sweep is being run again), an
    // error once this collector is waiting for it
    const sweepStored = async (starting: boolean) => {
      for (let k = 0; k < todo.length && done.size < total; k += 200) {
        const jobs = await Promise.all(todo.slice(k, k + 200).filter((i) => !done.has(jobAt(plan, i).id)).map((i) => queue.getJob(`${hash}-${i}`)))
        for (const job of jobs as (Job<QueueJob, QueueResult> | undefined)[]) {
          if (job?.finishedOn && job.returnvalue) take(job.id, job.returnvalue)
          else if (job?.finishedOn && (await job.isFailed())) {
            if (starting) await job.retry('failed')
            else if (job.attemptsMade >= (job.opts.attempts ?? 1)) fail(new Error(`job ${job.id} failed on every attempt: ${job.failedReason}; run the sweep again to retry it`))
          }
        }
      }
    }
    await sweepStored(true)
    const timer = setInterval(() => void sweepStored(false).catch(fail), 5000)
    try {
      await finished
    } finally {
      clearInterval(timer)
    }
    sortRows(out, 1, (f) => index.get(f[0]) ?? Infinity)
    // the rows are safe on disk: this plan's jobs leave Redis (a run again with this CSV has nothing to do)
    for (let k = 0; k < total; k += 500) await Promise.all(Array.from({ length: Math.min(500, total - k) }, (_, d) => queue.remove(`${hash}-${k + d}`)))
    await client.del(planKey(hash))
    err(`sweep done: ${total} runs → ${out}`)
    return 0
  } catch (e) {
    if (written > 0) err(`${out}: the ${written} runs collected are kept; run the sweep again to resume`)
    if (created && written === 0 && existsSync(out))
      try {
        unlinkSync(out)
      } catch {
        // never written
      }
    throw e
  } finally {
    await events.close()
    await queue.close()
    release()
  }
}
