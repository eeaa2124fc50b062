// `gongzhi worker --queue redis://HOST:PORT [--concurrency N]`: takes sweep jobs from the queue and runs each on one
// of N threads (the simulation would otherwise block the event loop that renews BullMQ's job locks, and a long run
// would look stalled). The world is built once per world key and sent to a thread only when its world changes.
import type { Job } from 'bullmq'
import { checkRunBounds, worldToMessage, type CompiledWorld, type WorldMessage } from '../api.ts'
import { jobAt, scenarioOfJob } from '../sweep/plan.ts'
import { intOpt, parseOptions, UsageError } from './args.ts'
import { connection, planKey, QUEUE_NAME, reachable, redisUrl, type QueueJob, type QueueResult, type StoredPlan } from './sweep-queue.ts'
import { planWorld } from './sweep.ts'
import { planHash } from './sweep-shard.ts'
import { SweepThread } from './sweep-threads.ts'

const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n')

interface Slot {
  thread: SweepThread
  busy: boolean
}

export async function workerCmd(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { queue: { type: 'string' }, concurrency: { type: 'string' }, 'lock-seconds': { type: 'string' } })
  if (!values.queue) throw new UsageError('--queue redis://HOST:PORT is required')
  const c = redisUrl(values.queue)
  const n = intOpt('concurrency', values.concurrency, 1, 1, 64)
  // how long a job stays with a worker that stopped answering before another worker takes it over
  const lockMs = intOpt('lock-seconds', values['lock-seconds'], 30, 1, 3600) * 1000
  await reachable(values.queue, c)
  const { Queue, Worker } = await import('bullmq')
  const plans = new Map<string, StoredPlan>()
  const worlds = new Map<string, { compiled: CompiledWorld; message: WorldMessage }>()
  const queue = new Queue(QUEUE_NAME, { connection: connection(c) })
  const client = await queue.getBackend().client
  const slots: Slot[] = []
  const slot = (): Slot => {
    const free = slots.find((s) => !s.busy)
    if (free) return free
    const s: Slot = { thread: new SweepThread(), busy: false }
    slots.push(s)
    return s
  }
  let ran = 0
  const run = async (job: Job<QueueJob, QueueResult>, token?: string): Promise<QueueResult> => {
    const { hash, i } = job.data
    err(`worker: running job ${job.id}`)
    let stored = plans.get(hash)
    if (!stored) {
      const text = await client.get(planKey(hash))
      if (!text) throw new Error(`plan ${hash} is no longer in Redis (its sweep finished or was removed)`)
      stored = JSON.parse(text) as StoredPlan
      // the plan under that key is the one the job was made for, or the job is refused
      if (planHash(stored.plan, stored.base) !== hash) throw new Error(`plan ${hash} in Redis does not hash to its key`)
      plans.set(hash, stored)
    }
    const { plan, base } = stored
    const key = JSON.stringify({ preset: plan.preset, worldSeed: plan.worldSeed, world: plan.world })
    let w = worlds.get(key)
    if (!w) {
      // building a world holds the event loop for seconds, so the lock could not be renewed meanwhile: it is
      // extended beforehand, or the job would look stalled and run twice
      if (token) await job.extendLock(token, Math.max(lockMs, 600_000))
      const compiled = planWorld(plan, `plan ${hash}`)
      w = { compiled, message: worldToMessage(compiled) }
      worlds.set(key, w)
      err(`worker: built world ${key}`)
    }
    const j = jobAt(plan, i)
    const scenario = scenarioOfJob(plan, base, j)
    checkRunBounds(w.compiled, scenario, plan.days)
    const s = slot()
    s.busy = true
    try {
      await s.thread.load(key, w.message)
      const metrics = await s.thread.run(j.id, scenario, j.seed, plan.days)
      err(`worker: ran job ${job.id} (${++ran} so far)`)
      return { hash, id: j.id, metrics }
    } catch (e) {
      // a thread that threw is not reused
      slots.splice(slots.indexOf(s), 1)
      void s.thread.terminate()
      throw e
    } finally {
      s.busy = false
    }
  }
  const worker = new Worker<QueueJob, QueueResult>(QUEUE_NAME, run, { connection: connection(c), concurrency: n, lockDuration: lockMs, stalledInterval: Math.max(500, lockMs / 2), maxStalledCount: 3 })
  worker.on('error', (e) => err(`worker: ${e.message}`))
  err(`worker: waiting for jobs on ${values.queue} (${n} at a time)`)
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await worker.close()
  await queue.close()
  await Promise.all(slots.map((s) => s.thread.terminate()))
  return 0
}
