// Array-job shards: `sweep --shard K/N` runs the jobs whose index i has i mod N = K (interleaved rather than
// contiguous, so every shard gets a share of each lever setting and shards take about as long as one another), and
// `sweep merge` checks that the parts are of one plan and cover it exactly once before writing the CSV a local sweep
// writes, byte for byte. A shard CSV starts with a line naming the plan's hash, the slice and the plan's job count,
// and carries a `job` column (the job's index in the plan) before the id.
import { createHash } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { WorldFileError, type Scenario } from '../api.ts'
import { jobAt, jobCount, type SweepPlan } from '../sweep/plan.ts'
import { BOM, csvRecords, fieldsLine } from '../sweep/csv.ts'
import { UsageError } from './args.ts'
import type { ShardHead } from './sweep-csv.ts'

/** what makes two sweeps the same: the parsed plan (defaults filled in, levers in order) and the base scenario's
 *  content (not just its name, so an edited scenario file is another plan). A `world` directory counts by its path. */
export function planHash(plan: SweepPlan, base: Scenario): string {
  return createHash('sha256').update(JSON.stringify({ plan, base })).digest('hex').slice(0, 16)
}

export interface Shard {
  k: number
  n: number
}

/** `K/N` with 0 ≤ K < N (0-based, as $SLURM_ARRAY_TASK_ID from --array=0-(N-1) and $JOB_COMPLETION_INDEX are) */
export function parseShard(v: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(v.trim())
  const k = m ? Number(m[1]) : NaN
  const n = m ? Number(m[2]) : NaN
  if (!m || n < 1 || n > 100_000 || k >= n) throw new UsageError(`--shard must be K/N with 0 ≤ K < N (K counts from 0), got "${v}"`)
  return { k, n }
}

const HEAD = /^# gongzhi sweep shard (\d+)\/(\d+) plan=([0-9a-f]+) jobs=(\d+)$/

export function shardHead(plan: SweepPlan, hash: string, s: Shard): ShardHead {
  return { line: `# gongzhi sweep shard ${s.k}/${s.n} plan=${hash} jobs=${jobCount(plan)}`, owns: (i) => i % s.n === s.k }
}

/** rewrites a finished CSV with its rows in plan order (by job index), so that a sweep's CSV does not depend on the
 *  order its runs happened to finish in; written beside it and renamed over it, so a crash leaves one or the other */
export function sortRows(file: string, headLines: number, indexOf: (fields: string[]) => number): void {
  const text = readFileSync(file, 'utf8')
  const records = csvRecords(text)
  const head = records.slice(0, headLines).map((r) => r.fields)
  const rows = records.slice(headLines).map((r) => ({ i: indexOf(r.fields), f: r.fields }))
  rows.sort((a, b) => a.i - b.i)
  const tmp = `${file}.sorting`
  writeFileSync(tmp, (text.startsWith(BOM) ? BOM : '') + head.map((f) => f.join(',') + '\n').join('') + rows.map((r) => fieldsLine(r.f)).join(''))
  renameSync(tmp, file)
}

/** the id → job index map of a plan (made once per sweep: 100,000 jobs take ≈ 0.1 s) */
export function jobIndex(plan: SweepPlan): Map<string, number> {
  const m = new Map<string, number>()
  const total = jobCount(plan)
  for (let i = 0; i < total; i++) m.set(jobAt(plan, i).id, i)
  return m
}

interface Part {
  file: string
  k: number
  n: number
  hash: string
  jobs: number
  header: string
  rows: Map<number, string[]>
}

function readPart(file: string): Part {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new WorldFileError(file, `cannot be read: ${(e as Error).message}`)
  }
  const records = csvRecords(text)
  const m = records[0] && HEAD.exec(records[0].fields.join(','))
  if (!m) throw new WorldFileError(file, 'is not a shard CSV (its first line should be "# gongzhi sweep shard K/N plan=… jobs=…"; make it with gongzhi sweep --shard K/N)')
  if (records.length < 2 || records[1].fields[0] !== 'job') throw new WorldFileError(file, 'line 2: the header should start with the "job" column')
  const p: Part = { file, k: Number(m[1]), n: Number(m[2]), hash: m[3], jobs: Number(m[4]), header: records[1].fields.slice(1).join(','), rows: new Map() }
  const width = records[1].fields.length
  for (const r of records.slice(2)) {
    if (r.end === -1) throw new WorldFileError(file, `line ${r.line}: the last row is cut off (the shard was stopped while writing it); run shard ${p.k}/${p.n} again to finish it`)
    const i = Number(r.fields[0])
    if (!/^\d+$/.test(r.fields[0]) || i >= p.jobs || i % p.n !== p.k) throw new WorldFileError(file, `line ${r.line}: job "${r.fields[0]}" is not a job of shard ${p.k}/${p.n}`)
    if (r.fields.length !== width) throw new WorldFileError(file, `line ${r.line}: ${r.fields.length} fields where the header has ${width}`)
    if (p.rows.has(i)) throw new WorldFileError(file, `line ${r.line}: job ${i} is there twice`)
    p.rows.set(i, r.fields.slice(1))
  }
  return p
}

const listed = (xs: number[], max = 8) => xs.slice(0, max).join(', ') + (xs.length > max ? `, … (${xs.length} in all)` : '')

/** checks that `files` are the N shards of one plan, each once and complete, and writes their rows in plan order to
 *  `out` (the same bytes `gongzhi sweep` writes for that plan) */
export function mergeShards(files: string[], out: string): { jobs: number; shards: number } {
  if (!files.length) throw new UsageError('sweep merge needs the shard CSVs: gongzhi sweep merge part-*.csv --out all.csv')
  const parts = files.map(readPart)
  const first = parts[0]
  for (const p of parts.slice(1)) {
    if (p.hash !== first.hash || p.jobs !== first.jobs) throw new WorldFileError(p.file, `is a shard of another plan (plan=${p.hash}, ${p.jobs} jobs) than ${first.file} (plan=${first.hash}, ${first.jobs} jobs)`)
    if (p.n !== first.n) throw new WorldFileError(p.file, `is shard ${p.k}/${p.n} but ${first.file} is shard ${first.k}/${first.n}: the plan was split two ways`)
    if (p.header !== first.header) throw new WorldFileError(p.file, `has other columns than ${first.file}`)
  }
  const byK = new Map<number, Part>()
  for (const p of parts) {
    const twin = byK.get(p.k)
    if (twin) throw new WorldFileError(p.file, `duplicates shard ${p.k}/${p.n}, already given as ${twin.file}: give each shard once`)
    byK.set(p.k, p)
  }
  const missing = Array.from({ length: first.n }, (_, k) => k).filter((k) => !byK.has(k))
  if (missing.length) {
    const jobs = missing.flatMap((k) => Array.from({ length: Math.ceil((first.jobs - k) / first.n) }, (_, j) => k + j * first.n))
    throw new WorldFileError(files.length === 1 ? files[0] : 'sweep merge', `shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${first.n}`).join(', ')} missing (jobs ${listed(jobs)}): run ${missing.length > 1 ? 'them' : 'it'} and merge again`)
  }
  for (const p of parts) {
    const lacking: number[] = []
    for (let i = p.k; i < p.jobs; i += p.n) if (!p.rows.has(i)) lacking.push(i)
    if (lacking.length) throw new WorldFileError(p.file, `shard ${p.k}/${p.n} is unfinished: jobs ${listed(lacking)} have no row; run the shard again (it resumes) and merge again`)
  }
  // the CSV a local sweep writes: BOM, header, rows in plan order
  const lines: string[] = [BOM + first.header + '\n']
  for (let i = 0; i < first.jobs; i++) lines.push(fieldsLine(byK.get(i % first.n)!.rows.get(i)!))
  const tmp = `${out}.merging`
  writeFileSync(tmp, lines.join(''))
  renameSync(tmp, out)
  return { jobs: first.jobs, shards: first.n }
}
