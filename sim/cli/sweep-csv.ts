// The sweep's CSV on disk (the format is sim/sweep's): one row per finished run, appended whole; on resume every row is validated against the
// plan (a row cut off by a crash is dropped and run again; anything else wrong is named by line), and a lock file
// keeps a second sweep from writing the same CSV.
import { closeSync, existsSync, openSync, readFileSync, truncateSync, unlinkSync, writeSync } from 'node:fs'
import { WorldFileError } from '../api.ts'
import { jobAt, type SweepPlan } from '../sweep/plan.ts'
import { BOM, cellText, csvRecords, type CsvRecord } from '../sweep/csv.ts'

export { csvCell, csvLine, csvRecords } from '../sweep/csv.ts'

/** a shard CSV (`sweep --shard K/N`): a first line naming the plan and slice, and a `job` column before the id */
export interface ShardHead {
  /** the first line, without its line break: `# gongzhi sweep shard K/N plan=HASH jobs=TOTAL` */
  line: string
  /** whether job index i belongs to this shard */
  owns: (i: number) => boolean
}

export interface Resume {
  /** ids of the runs already in the file */
  done: Set<string>
  /** why a cut-off last row was dropped (it is run again) */
  dropped?: string
}

/** reads an existing sweep CSV: every complete row must be a run of this plan; a last row without its line break
 *  (the sweep was killed while writing it) is cut off the file and run again */
export function resumeCsv(file: string, header: string[], plan: SweepPlan, scenarioName: string, shard?: ShardHead): Resume {
  const s = readFileSync(file, 'utf8')
  const records = csvRecords(s)
  const head = shard ? [shard.line, ['job', ...header].join(',')] : [header.join(',')]
  const done = new Set<string>()
  let dropped: string | undefined
  const last = records[records.length - 1]
  // a crash mid-write leaves a row (or the header) without its line break: it is cut off the file (once every other
  // row has passed, so a file refused below is left as it was) and the next row starts on a line of its own
  const cut = last && last.end === -1 ? (records.pop(), last) : undefined
  const keep = records.length ? records[records.length - 1].end : 0
  if (cut) dropped = `dropped the cut-off row on line ${cut.line}`
  if (records.length < head.length) {
    writeHead(file, head, !shard)
    return { done, dropped }
  }
  const bad = (r: CsvRecord, why: string) => new WorldFileError(file, `line ${r.line}: ${why}; fix or remove that row, or use another --out`)
  if (shard && records[0].fields.join(',') !== shard.line) throw new WorldFileError(file, `is not a shard file of this plan and slice (its first line should be "${shard.line}"): remove it or use another --out`)
  if (records[head.length - 1].fields.join(',') !== head[head.length - 1]) throw new WorldFileError(file, 'exists with different columns (another plan?): remove it or use another --out')
  const lineOf = new Map<string, number>()
  const nLevers = plan.levers.length
  for (const r of records.slice(head.length)) {
    let f = r.fields
    if (shard) {
      const i = Number(f[0])
      if (!/^\d+$/.test(f[0]) || !shard.owns(i) || jobAt(plan, i).id !== f[1]) throw bad(r, `job ${JSON.stringify(f[0])} is not this shard's job for the run ${f[1]}`)
      f = f.slice(1)
    }
    if (f.length !== header.length) throw bad(r, `${f.length} fields where the header has ${header.length}`)
    let id: unknown
    try {
      id = JSON.parse(f[0])
    } catch {
      throw bad(r, `the id "${f[0]}" is not a run id`)
    }
    if (!Array.isArray(id) || id.length !== nLevers + 1) throw bad(r, `the id "${f[0]}" is not a run of this plan`)
    const [seed, ...values] = id as unknown[]
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < plan.seed || seed >= plan.seed + plan.replicates) throw bad(r, `seed ${JSON.stringify(seed)} is not one of this plan's seeds`)
    values.forEach((v, k) => {
      const [path, vs] = plan.levers[k]
      if (!vs.some((x) => JSON.stringify(x) === JSON.stringify(v))) throw bad(r, `${path} = ${JSON.stringify(v)} is not one of this plan's values`)
      if (f[4 + k] !== cellText(v)) throw bad(r, `the ${path} column says ${f[4 + k]} where the id says ${cellText(v)}`)
    })
    if (f[1] !== String(seed) || f[2] !== cellText(scenarioName) || f[3] !== String(plan.days)) throw bad(r, `seed, scenario or days (${f.slice(1, 4).join(', ')}) differ from this plan's (${seed}, ${scenarioName}, ${plan.days})`)
    // an empty cell is a metric the run could not give (older CSVs wrote null)
    for (let k = 4 + nLevers; k < f.length; k++) if (f[k] !== '' && f[k] !== 'null' && (f[k].trim() === '' || !Number.isFinite(Number(f[k])))) throw bad(r, `${header[k]} is "${f[k]}", not a number`)
    const key = f[0]
    if (lineOf.has(key)) throw bad(r, `repeats the run of line ${lineOf.get(key)}`)
    lineOf.set(key, r.line)
    done.add(key)
  }
  if (cut) truncateSync(file, keep)
  return { done, dropped }
}

export function writeHeader(file: string, header: string[]): void {
  writeHead(file, [header.join(',')], true)
}

/** the first lines of a new CSV (a shard's line, then the header); a sweep's CSV starts with a BOM, a shard's
 *  (read by `sweep merge`, not by a spreadsheet) with its shard line */
export function writeHead(file: string, lines: string[], bom: boolean): void {
  const fd = openSync(file, 'w')
  try {
    writeSync(fd, (bom ? BOM : '') + lines.map((l) => l + '\n').join(''))
  } finally {
    closeSync(fd)
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM'
  }
}

/** an exclusive FILE.lock holding this process's id; a lock left by a process that no longer runs is taken over.
 *  Returns the release function (also run on exit, Ctrl-C and SIGTERM). */
export function lockFile(file: string): () => void {
  const lock = `${file}.lock`
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx')
      writeSync(fd, `${process.pid}\n`)
      closeSync(fd)
      break
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw new WorldFileError(lock, `cannot create the lock file: ${(e as Error).message}`)
      let pid = NaN
      try {
        pid = Number.parseInt(readFileSync(lock, 'utf8'), 10)
      } catch {
        // removed in between: try again
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new WorldFileError(file, `another sweep (process ${pid}) is writing it; wait for it to finish, or remove ${lock} if no sweep is running`)
      if (attempt >= 2) throw new WorldFileError(lock, 'cannot take over this stale lock file: remove it')
      // stale (its process is gone) or unreadable: take it over
      try {
        unlinkSync(lock)
      } catch {
        // another sweep took it over first; the next attempt sees its lock
      }
    }
  }
  let held = true
  const release = () => {
    if (!held) return
    held = false
    try {
      if (existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(process.pid)) unlinkSync(lock)
    } catch {
      // already gone
    }
  }
  const onSignal = (sig: NodeJS.Signals) => {
    release()
    process.exit(sig === 'SIGINT' ? 130 : 143)
  }
  process.once('exit', release)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return () => {
    release()
    process.off('exit', release)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
