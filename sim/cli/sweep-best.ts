// `gongzhi sweep best`: read a finished sweep's CSV back (local, merged shards or queue: the same columns), merge
// its rows per lever setting and name the setting that meets a target with the fewest staff or at the lowest
// yearly cost — the sweep core's summarizeRows and bestSetting, as the page's sweep tab does.
import { readFileSync } from 'node:fs'
import { isSummaryMetric, WorldFileError, type SummaryMetric } from '../api.ts'
import { bestSetting, meetsTarget, SWEEP_OBJECTIVES, summarizeRows, type SettingSummary, type SweepObjective, type SweepTarget } from '../sweep/summary.ts'
import { csvRecords, stripBom } from '../sweep/csv.ts'
import { sweepHeader, type RunMetrics, type SweepRow } from '../sweep/rows.ts'
import { parseOptions, UsageError } from './args.ts'
import { loadPlan } from './sweep.ts'
import { jobIndex } from './sweep-shard.ts'
import { jobAt, type SweepPlan } from '../sweep/plan.ts'

/** "rates.response>=0.9" → the target */
export function parseTarget(s: string, strict: boolean): SweepTarget {
  const m = /^\s*([\w.]+)\s*(>=|<=)\s*(-?[\d.]+(?:e-?\d+)?)\s*$/i.exec(s)
  if (!m) throw new UsageError(`--target: expected METRIC>=VALUE or METRIC<=VALUE (e.g. rates.response>=0.9), got ${JSON.stringify(s)}`)
  if (!isSummaryMetric(m[1])) throw new UsageError(`--target: unknown metric ${m[1]}`)
  return { metric: m[1] as SummaryMetric, op: m[2] as '>=' | '<=', value: Number(m[3]), strict }
}

/** the rows of a sweep CSV written for this plan (header checked, every row's id a job of the plan) */
export function readRows(file: string, plan: SweepPlan): SweepRow[] {
  const records = csvRecords(stripBom(readFileSync(file, 'utf8')))
  const header = sweepHeader(plan)
  if (!records.length || records[0].fields.join(',') !== header.join(',')) throw new WorldFileError(file, 'is not a sweep CSV of this plan (its header differs)')
  const index = jobIndex(plan)
  return records.slice(1).map((r) => {
    const i = index.get(r.fields[0])
    if (i === undefined || r.fields.length !== header.length) throw new WorldFileError(file, `line ${r.line}: not a run of this plan`)
    const metrics = {} as RunMetrics
    header.forEach((h, k) => {
      if (isSummaryMetric(h)) metrics[h] = r.fields[k] === '' ? NaN : Number(r.fields[k])
    })
    return { job: jobAt(plan, i), scenario: r.fields[2], days: Number(r.fields[3]), metrics }
  })
}

const n = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: 4 }) : '–')

export function sweepBestCmd(args: string[]): number {
  const { values, positionals } = parseOptions(args, { plan: { type: 'string' }, target: { type: 'string' }, objective: { type: 'string' }, strict: { type: 'boolean' } }, 1)
  if (!values.plan) throw new UsageError('--plan FILE.json is required')
  if (!positionals[0]) throw new UsageError('the sweep CSV is required: gongzhi sweep best --plan FILE.json FILE.csv --target METRIC>=VALUE')
  if (!values.target) throw new UsageError('--target METRIC>=VALUE is required')
  const objective = (values.objective ?? 'staff.headcount') as SweepObjective
  if (!SWEEP_OBJECTIVES.includes(objective)) throw new UsageError(`--objective: one of ${SWEEP_OBJECTIVES.join(', ')}, got ${objective}`)
  const target = parseTarget(values.target, !!values.strict)
  const { plan } = loadPlan(values.plan)
  const sums = summarizeRows(plan, readRows(positionals[0], plan))
  const line = (s: SettingSummary) => {
    const m = s.metrics[target.metric]
    const levers = Object.entries(s.levers).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')
    return `${levers}  ${target.metric} ${n(m.mean)} 95% [${n(m.ci95[0])}, ${n(m.ci95[1])}]  staff ${n(s.metrics['staff.headcount'].mean)}  cost ${n(s.metrics['staff.cost'].mean)} yuan/year  (${s.n} runs)`
  }
  const meeting = sums.filter((s) => meetsTarget(s, target))
  const out = [`target ${target.metric} ${target.op} ${target.value}${target.strict ? ' (interval)' : ' (mean)'}: ${meeting.length} of ${sums.length} settings meet it`]
  for (const s of sums) out.push(`${meetsTarget(s, target) ? '✓' : '✗'} ${line(s)}`)
  const best = bestSetting(sums, target, objective)
  out.push(best ? `cheapest by ${objective}: ${line(best)}` : `no setting meets the target`)
  process.stdout.write(out.join('\n') + '\n')
  return best ? 0 : 1
}
