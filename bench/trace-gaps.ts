// Why a page missed frames: reads a Chrome trace (bench/city.bench.ts --trace FILE) and, for every gap between
// animation frames longer than --min ms after the click on Run, says what the page's threads were doing. On this
// 2-core machine, shared with other jobs, a wall-clock gap alone cannot tell the page's own work from a thread that
// waited for a core: each trace event's thread time (tdur) can. Causes, first that applies:
//   page work     the renderer's main thread ran (on a core) for at least a third of the gap
//   descheduled   the main thread was inside a task for at least half the gap but hardly ran: it waited for a core
//   gpu           the GPU process's main thread was inside a task for at least half the gap: compositing or
//                 rasterising on software GL (llvmpipe), whose own threads wait for a core as well
//   not scheduled none of them was busy: the display's frame timer itself did not get a core in time
// `npx tsx bench/trace-gaps.ts FILE [--min 50]`. The file is read line by line (Chrome writes one event a line), so
// traces of hundreds of MB do not have to fit in one string.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'

interface Ev {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { type?: string } }
}

export interface Gap {
  /** ms after the click on Run that the gap ended */
  at: number
  ms: number
  cause: 'page work' | 'descheduled' | 'gpu' | 'not scheduled'
  /** the main thread's wall and CPU ms inside tasks during the gap, and the GPU main thread's wall ms */
  mainWall: number
  mainCpu: number
  gpuWall: number
}

/** busy wall and thread ms of `tasks` (top-level, sorted) within [lo, hi]; CPU time is pro-rated over the overlap */
function busy(tasks: Ev[], lo: number, hi: number): { wall: number; cpu: number } {
  let wall = 0
  let cpu = 0
  for (const e of tasks) {
    const end = e.ts + (e.dur ?? 0)
    if (end <= lo || e.ts >= hi) continue
    const overlap = Math.min(end, hi) - Math.max(e.ts, lo)
    wall += overlap
    cpu += e.dur ? ((e.tdur ?? 0) * overlap) / e.dur : 0
  }
  return { wall: wall / 1000, cpu: cpu / 1000 }
}

export async function traceGaps(file: string, minMs = 50): Promise<Gap[]> {
  const names = new Map<string, string>()
  const tasks = new Map<string, Ev[]>()
  const frames = new Map<string, number[]>()
  let click = Infinity
  const key = (e: Ev) => `${e.pid}:${e.tid}`
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  for await (const raw of lines) {
    const line = raw.endsWith(',') ? raw.slice(0, -1) : raw
    if (!line.startsWith('{"')) continue
    let e: Ev
    try {
      e = JSON.parse(line) as Ev
    } catch {
      continue
    }
    if (e.ph === 'M' && e.name === 'thread_name') names.set(key(e), e.args?.name ?? '')
    else if (e.ph === 'X' && e.name === 'RunTask') (tasks.get(key(e)) ?? tasks.set(key(e), []).get(key(e))!).push(e)
    else if (e.ph === 'X' && e.name === 'FireAnimationFrame') (frames.get(key(e)) ?? frames.set(key(e), []).get(key(e))!).push(e.ts)
    else if (e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'click') click = Math.min(click, e.ts)
  }
  // the page's main thread is the renderer thread with the most animation frames; the GPU's is CrGpuMain
  const main = [...frames.entries()].sort((a, b) => b[1].length - a[1].length)[0]
  if (!main) return []
  const gpuKey = [...names.entries()].find(([, n]) => n === 'CrGpuMain')?.[0]
  const mainTasks = tasks.get(main[0]) ?? []
  const gpuTasks = gpuKey ? (tasks.get(gpuKey) ?? []) : []
  const ts = main[1].sort((a, b) => a - b).filter((t) => t >= click)
  const out: Gap[] = []
  for (let i = 1; i < ts.length; i++) {
    const ms = (ts[i] - ts[i - 1]) / 1000
    if (ms <= minMs) continue
    const m = busy(mainTasks, ts[i - 1], ts[i])
    const g = busy(gpuTasks, ts[i - 1], ts[i])
    const cause = m.cpu >= ms / 3 ? 'page work' : m.wall >= ms / 2 ? 'descheduled' : g.wall >= ms / 2 ? 'gpu' : 'not scheduled'
    out.push({ at: (ts[i] - click) / 1000, ms, cause, mainWall: m.wall, mainCpu: m.cpu, gpuWall: g.wall })
  }
  return out
}

/** one line a cause: how many gaps, the longest */
export function gapSummary(gaps: Gap[]): string[] {
  const causes = ['page work', 'descheduled', 'gpu', 'not scheduled'] as const
  return causes.map((c) => {
    const of = gaps.filter((g) => g.cause === c)
    const worst = of.reduce<Gap | null>((w, g) => (!w || g.ms > w.ms ? g : w), null)
    return `${c.padEnd(14)} ${String(of.length).padStart(3)} gaps${worst ? `, longest ${worst.ms.toFixed(0)} ms at ${(worst.at / 1000).toFixed(1)} s (main thread ${worst.mainCpu.toFixed(0)} ms CPU in ${worst.mainWall.toFixed(0)} ms of tasks)` : ''}`
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { min: { type: 'string', default: '50' } } })
  if (!positionals[0]) throw new Error('usage: tsx bench/trace-gaps.ts TRACE.json [--min 50]')
  const gaps = await traceGaps(positionals[0], Number(values.min))
  for (const g of gaps) console.log(`${(g.at / 1000).toFixed(2).padStart(8)} s  ${g.ms.toFixed(0).padStart(5)} ms  ${g.cause.padEnd(14)} main ${g.mainCpu.toFixed(0)} ms CPU / ${g.mainWall.toFixed(0)} ms in tasks, GPU main ${g.gpuWall.toFixed(0)} ms in tasks`)
  for (const l of gapSummary(gaps)) console.log(l)
}
