// Queue sweep throughput (prints figures; no assertions). Run: npm run bench:queue [-- --runs N --days D]
// Starts its own redis-server on a free loopback port (no persistence), then times the same plan four ways, wall
// clock from spawning the sweep to its exit: the local sweep with 1 and 2 worker threads, and the queue sweep with
// 1 and 2 `gongzhi worker` processes (started and idle beforehand, as on a cluster; each builds its world on its
// first job, which counts). Every CSV is checked equal to the local one. The load average is printed beside the
// figures: on a shared machine they are a lower bound.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '24' }, days: { type: 'string', default: '60' } } })
const runs = Number(values.runs)
const days = Number(values.days)
const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-queue-'))
const plan = join(dir, 'plan.json')
const scales = Array.from({ length: runs / 2 }, (_, k) => Math.round((0.5 + k * 0.1) * 100) / 100)
writeFileSync(plan, JSON.stringify({ preset: 'street', scenario: 'hotline-reform', days, replicates: 2, levers: { 'gridWorkers.scale': scales } }))

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port
    s.close(() => resolve(p))
  })
})
if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) throw new Error('redis-server is not installed: apt-get install redis-server')
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
const url = `redis://127.0.0.1:${port}`
await new Promise((r) => setTimeout(r, 500))

const cli = ['bin/gongzhi.js']
function timed(args: string[]): number {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [...cli, ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`gongzhi ${args.join(' ')} failed: ${r.stderr}`)
  return (performance.now() - t0) / 1000
}

async function workers(n: number): Promise<ChildProcess[]> {
  const ws = Array.from({ length: n }, () => spawn(process.execPath, [...cli, 'worker', '--queue', url], { stdio: ['ignore', 'ignore', 'pipe'] }))
  await Promise.all(ws.map((w) => new Promise<void>((resolve) => w.stderr!.on('data', (d) => String(d).includes('waiting for jobs') && resolve()))))
  return ws
}

const rows: { how: string; s: number }[] = []
const local = join(dir, 'local-1.csv')
// the CLI bundle is built once before anything is timed
timed(['--help'])
rows.push({ how: 'local sweep, 1 worker thread', s: timed(['sweep', '--plan', plan, '--workers', '1', '--out', local]) })
rows.push({ how: 'local sweep, 2 worker threads', s: timed(['sweep', '--plan', plan, '--workers', '2', '--out', join(dir, 'local-2.csv')]) })
for (const n of [1, 2]) {
  const ws = await workers(n)
  const out = join(dir, `queue-${n}.csv`)
  rows.push({ how: `queue, ${n} worker process${n > 1 ? 'es' : ''}`, s: timed(['sweep', '--plan', plan, '--queue', url, '--out', out]) })
  if (readFileSync(out, 'utf8') !== readFileSync(local, 'utf8')) throw new Error(`${out} differs from the local sweep's CSV`)
  ws.forEach((w) => w.kill('SIGTERM'))
  await Promise.all(ws.map((w) => new Promise((r) => w.once('exit', r))))
}
redis.kill('SIGTERM')
rmSync(dir, { recursive: true, force: true })

console.log(`${runs} street runs × ${days} days (hotline-reform), ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (a shared machine: figures are lower bounds)`)
for (const r of rows) console.log(`${r.how.padEnd(32)} ${r.s.toFixed(1).padStart(6)} s  ${(runs / r.s).toFixed(2).padStart(6)} runs/s`)
