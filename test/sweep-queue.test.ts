// The queue sweep against a real Redis (Debian's redis-server on a loopback port of its own, no persistence), with
// workers and collectors as child processes the way they run on other machines: one worker is killed with SIGKILL
// mid-job and the collector is killed and started again, and the CSV must still hold every run exactly once and be
// the local sweep's CSV byte for byte.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-queue-'))
const plan = join(dir, 'plan.json')
const children: ChildProcess[] = []
let url = ''

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** a child process whose stderr is kept, and a way to wait for a line in it */
function start(cmd: string, args: string[]) {
  const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(p)
  let log = ''
  p.stderr!.on('data', (d) => (log += d))
  p.stdout!.on('data', (d) => (log += d))
  const exited = new Promise<number | null>((resolve) => p.once('exit', (code) => resolve(code)))
  const until = async (test: (log: string) => boolean, ms: number, what: string) => {
    const t0 = Date.now()
    while (!test(log)) {
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}; log:\n${log}`)
      if (p.exitCode !== null) throw new Error(`${what}: the process exited (${p.exitCode}); log:\n${log}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  return { p, exited, until, log: () => log }
}
const gongzhi = (...args: string[]) => start(process.execPath, ['bin/gongzhi.js', ...args])
const rows = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').trim().split('\n').length - 1 : 0)

beforeAll(async () => {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' })
  // no silent skip: these tests need Redis, and CI (.ci/run) installs it
  if (which.status !== 0) throw new Error('redis-server is not installed: apt-get install redis-server (the queue tests need a real Redis)')
  const port = await freePort()
  const redis = start('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'])
  await redis.until((l) => l.includes('Ready to accept connections'), 10_000, 'redis-server to start')
  url = `redis://127.0.0.1:${port}`
  // 10 lever settings × 4 replicates = 40 runs of a few days each
  writeFileSync(plan, JSON.stringify({ preset: 'street', scenario: 'whistle', days: 8, replicates: 4, levers: { 'gridWorkers.scale': [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4] } }))
}, 20_000)

afterAll(async () => {
  // workers leave on SIGTERM; redis-server too (with --save '' it writes nothing)
  for (const c of children.reverse()) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM')
  await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)))
})

describe('gongzhi sweep --queue with gongzhi worker on a real Redis', () => {
  it('survives a worker killed mid-job and a collector stopped and started again: every run once, as the local sweep', async () => {
    const local = join(dir, 'local.csv')
    const l = spawnSync(process.execPath, ['bin/gongzhi.js', 'sweep', '--plan', plan, '--workers', '1', '--out', local], { encoding: 'utf8' })
    expect(l.status, l.stderr).toBe(0)

    const csv = join(dir, 'queue.csv')
    const collector = gongzhi('sweep', '--plan', plan, '--queue', url, '--out', csv)
    await collector.until((s) => s.includes('sweep: 40 runs on'), 60_000, 'the collector to queue the plan')
    // a short lock, so the killed worker's job is taken over within seconds
    const a = gongzhi('worker', '--queue', url, '--lock-seconds', '2')
    // A listens first, so that B cannot take every job before A has run two even on a loaded machine
    await a.until((s) => s.includes('waiting for jobs'), 60_000, 'worker A to start')
    const b = gongzhi('worker', '--queue', url, '--lock-seconds', '2')
    // worker A has finished a run and started its next: killed in the middle of that one
    await a.until((s) => /ran job .* \(2 so far\)[\s\S]*running job/.test(s), 120_000, 'worker A to run two jobs and start a third')
    a.p.kill('SIGKILL')
    await a.exited
    const running = [...a.log().matchAll(/running job (\S+)/g)].map((m) => m[1])
    const ran = new Set([...a.log().matchAll(/ran job (\S+)/g)].map((m) => m[1]))
    const cut = running.filter((id) => !ran.has(id))
    expect(cut, a.log()).toHaveLength(1)
    // the collector is killed too once some rows are in, and started again: it resumes from the CSV and Redis
    const t0 = Date.now()
    while (rows(csv) < 12 && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 100))
    collector.p.kill('SIGKILL')
    await collector.exited
    const kept = rows(csv)
    expect(kept).toBeGreaterThanOrEqual(12)
    expect(kept).toBeLessThan(40)
    const again = gongzhi('sweep', '--plan', plan, '--queue', url, '--out', csv)
    expect(await again.exited, again.log()).toBe(0)
    expect(again.log()).toContain(`${kept} already in`)

    const text = readFileSync(csv, 'utf8')
    const ids = text.trim().split('\n').slice(1).map((r) => r.slice(0, r.indexOf('"', 1) + 1))
    expect(ids).toHaveLength(40)
    expect(new Set(ids).size).toBe(40)
    expect(text).toBe(readFileSync(local, 'utf8'))
    // B did the rest, including the job A was killed in (taken over once A's lock ran out)
    expect(b.log()).toContain(`ran job ${cut[0]} `)
  }, 300_000)

  it('refuses an unreachable Redis and a bad URL in one line', async () => {
    const port = await freePort()
    const r = spawnSync(process.execPath, ['bin/gongzhi.js', 'sweep', '--plan', plan, '--queue', `redis://127.0.0.1:${port}`, '--out', join(dir, 'x.csv')], { encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain('cannot reach Redis')
    expect(existsSync(join(dir, 'x.csv'))).toBe(false)
    const u = spawnSync(process.execPath, ['bin/gongzhi.js', 'worker', '--queue', 'http://x'], { encoding: 'utf8' })
    expect(u.status).toBe(2)
    expect(u.stderr).toContain('--queue must be redis://HOST:PORT')
  }, 30_000)
})
