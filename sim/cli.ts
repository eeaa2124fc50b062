// `gongzhi` command line: world build, world check, import, run, sweep, scenarios, calibrate. Exit codes: 0 fine,
// 1 findings of severity error or bad input, 2 usage.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import outline from '../data/outline/fengtai.geo.json' with { type: 'json' }
import {
  buildWorld,
  calibrate,
  checkWorld,
  diffScenarios,
  flattenScenario,
  importFile,
  PRESETS,
  replicateSeeds,
  SCENARIO_PRESETS,
  ScenarioError,
  scenarioPreset,
  simulate,
  summarize,
  worldToFiles,
  WorldFileError,
  type Preset,
} from './api.ts'
import { intOpt, parseOptions, UsageError } from './cli/args.ts'
import { loadScenario, loadWorld, presetOpt, readWorld, writableOut } from './cli/inputs.ts'
import { cityRun, isCityRun } from './cli/city-run.ts'
import { cpus } from 'node:os'
import { csvCell } from './cli/sweep-csv.ts'
import { sweepCmd } from './cli/sweep.ts'
import type { Polygon } from 'geojson'
import { worldFrom, WORLD_FROM_USAGE } from './cli/world-from.ts'
// a refused run (too large for memory) is reported in one line like a bad world file
import { isSummaryMetric, METRICS, RunBoundsError, RUN_LIMITS } from './api.ts'

const USAGE = `gongzhi — grid governance planner and simulator

  gongzhi world build --preset PRESET [--seed N] --out DIR
${WORLD_FROM_USAGE}
  gongzhi world check DIR | FILE...          (FILEs named communities.geojson, grids.geojson, buildings.geojson)
  gongzhi import FILE [--crs auto|wgs84|gcj02|bd09] [--layer auto|grids|communities|buildings|…] --out FILE
  gongzhi run (--world DIR | --preset PRESET [--world-seed N]) --scenario FILE|NAME --days N --seed S
              [--replicates R] [--workers N] --out FILE.json
              (--workers, or --preset beijing: a city run, districts on N worker threads, merged per district and street)
  gongzhi sweep --plan FILE.json [--workers N] [--shard K/N] --out FILE.csv   (resumes: rows already in the CSV are skipped)
  gongzhi sweep merge PART.csv... --out FILE.csv     (the shards of one plan, each once, into the local sweep's CSV)
  gongzhi sweep best --plan FILE.json FILE.csv --target METRIC>=X [--objective staff.headcount|staff.cost] [--strict]
  gongzhi sweep --plan FILE.json --queue redis://HOST:PORT --out FILE.csv     (queue the runs, collect the rows)
  gongzhi worker --queue redis://HOST:PORT [--concurrency N] [--lock-seconds S]   (run queued sweep jobs)
  gongzhi scenarios                      list the preset scenarios, one a line
  gongzhi scenarios diff A B             levers that differ between two scenarios (names or files)
  gongzhi calibrate [--preset street|fengtai] [--days N] [--seed S]   simulated vs published figures
  gongzhi sensitivity [--preset PRESET | --world DIR] [--scenario NAME|FILE] [--days N] [--trajectories R]
              [--levers A,B,…] [--workers N] [--out STEM]   Morris screening of every numeric lever → STEM.csv, STEM.json

  PRESET: fengtai (default district), street (西罗园), one of Beijing's 16 districts by pinyin
          (dongcheng xicheng chaoyang fengtai shijingshan haidian mentougou fangshan tongzhou shunyi changping
          daxing huairou pinggu miyun yanqing), or beijing (all 16)
`

const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n')
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n')

function worldBuild(args: string[]): number {
  const { values } = parseOptions(args, { preset: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } })
  if (!values.preset || !PRESETS.includes(values.preset as Preset)) throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}`)
  if (!values.out) throw new UsageError('--out DIR is required')
  const seed = intOpt('seed', values.seed, 1, 0, 2 ** 31)
  const t0 = performance.now()
  const world = buildWorld({ preset: values.preset as Preset, seed })
  mkdirSync(values.out, { recursive: true })
  for (const [name, text] of Object.entries(worldToFiles(world))) writeFileSync(join(values.out, name), text)
  err(`built ${values.preset} (seed ${seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${values.out}`)
  err(world.meta.notice)
  if (world.meta.leftOut?.length) err(`left out (no boundary polygon): ${world.meta.leftOut.map((z) => `${z.code} ${z.name}`).join(', ')}`)
  out(JSON.stringify({ counts: world.meta.counts, totals: world.meta.totals, seed, generator: world.meta.version }))
  return 0
}

function worldCheck(args: string[]): number {
  const { positionals } = parseOptions(args, {}, Infinity)
  if (positionals.length === 0) throw new UsageError('world check needs a DIR or FILEs')
  const world = readWorld(positionals)
  const report = checkWorld(world)
  out(JSON.stringify(report, null, 2))
  err(`${report.counts.grids} grids in ${report.counts.communities} communities: ${report.summary.error} errors, ${report.summary.warning} warnings, ${report.summary.info} notes`)
  return report.summary.error > 0 ? 1 : 0
}

async function importCmd(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { crs: { type: 'string', default: 'auto' }, layer: { type: 'string', default: 'auto' }, out: { type: 'string' } }, 1)
  const file = positionals[0]
  if (!file) throw new UsageError('import needs a FILE')
  if (!['auto', 'wgs84', 'gcj02', 'bd09'].includes(values.crs!)) throw new UsageError(`--crs must be auto, wgs84, gcj02 or bd09, got "${values.crs}"`)
  if (!values.out) throw new UsageError('--out FILE is required')
  if (!existsSync(file)) throw new WorldFileError(file, 'no such file')
  const reference = (outline as { features: { geometry: Polygon }[] }).features[0].geometry
  const result = await importFile(basename(file), new Uint8Array(readFileSync(file)), {
    crs: values.crs as 'auto',
    layer: values.layer as 'auto',
    reference,
  })
  for (const i of result.issues) err(`${i.severity}: ${i.message}`)
  if (!result.ok) return 1
  writeFileSync(values.out, JSON.stringify({ type: 'FeatureCollection', features: result.features }) + '\n')
  out(JSON.stringify({ file: result.file, layer: result.layer, features: result.features.length, crs: result.crs, mapping: result.mapping }, null, 2))
  return 0
}

const WORLD_OPTS = { world: { type: 'string' }, preset: { type: 'string' }, 'world-seed': { type: 'string' } } as const

async function runCmd(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { ...WORLD_OPTS, scenario: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' }, replicates: { type: 'string' }, out: { type: 'string' }, workers: { type: 'string' } })
  if (!values.scenario) throw new UsageError('--scenario FILE|NAME is required')
  if (!values.out) throw new UsageError('--out FILE.json is required')
  const days = intOpt('days', values.days, 365, RUN_LIMITS.days.min, RUN_LIMITS.days.max)
  const seed = intOpt('seed', values.seed, 1, 0, 2 ** 31)
  const reps = intOpt('replicates', values.replicates, 1, RUN_LIMITS.replicates.min, RUN_LIMITS.replicates.max)
  writableOut(values.out)
  const scenario = loadScenario(values.scenario)
  if (isCityRun(values.workers, values.preset)) {
    if (values.world && values.preset !== undefined) throw new UsageError('give --world DIR or --preset NAME, not both')
    const workers = intOpt('workers', values.workers, Math.max(1, cpus().length), 1, 64)
    return cityRun({ world: values.world, preset: presetOpt(values.preset), worldSeed: intOpt('world-seed', values['world-seed'], 1, 0, 2 ** 31), scenario, days, seed, replicates: reps, workers, out: values.out }, err)
  }
  const t0 = performance.now()
  const world = loadWorld(values)
  err(`world: ${world.grids.n} grids, ${world.communities.n} communities (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  const results = replicateSeeds(seed, reps).map((s, k) =>
    simulate(world, scenario, {
      seed: s,
      days,
      detail: reps === 1,
      onProgress: (d, n) => {
        if (d % 30 === 0 || d === n) err(`${reps > 1 ? `replicate ${k + 1}/${reps} ` : ''}day ${d}/${n}`)
      },
    }),
  )
  const output = reps === 1 ? results[0] : { summary: summarize(results), runs: results }
  writeFileSync(values.out, JSON.stringify(output) + '\n')
  const r = results[0]
  err(`${scenario.name}: ${r.issues.arisen} issues, resolution ${r.rates.resolution}, satisfaction ${r.rates.satisfaction} (${((performance.now() - t0) / 1000).toFixed(1)} s) → ${values.out}`)
  // each metric with its label in both languages, from the metric registry
  if (reps > 1) for (const [k, v] of Object.entries((output as { summary: ReturnType<typeof summarize> }).summary.metrics)) out(`${k.padEnd(26)} ${String(v.mean).padStart(10)}  95% [${v.ci95[0]}, ${v.ci95[1]}]${isSummaryMetric(k) ? `  ${METRICS[k].label.en} · ${METRICS[k].label.zh}` : ''}`)
  return 0
}

function scenariosCmd(args: string[]): number {
  const { positionals } = parseOptions(args, {}, 3)
  if (positionals.length === 0) {
    for (const name of SCENARIO_PRESETS) {
      const s = scenarioPreset(name)
      out(`${name.padEnd(22)} ${s.label}`)
    }
    return 0
  }
  if (positionals[0] === 'diff') {
    if (positionals.length !== 3) throw new UsageError('scenarios diff needs two scenarios: A B')
    const a = loadScenario(positionals[1])
    const b = loadScenario(positionals[2])
    const rows = diffScenarios(a, b)
    if (rows.length === 0) out('no lever differs')
    for (const r of rows) out(`${r.path.padEnd(36)} ${csvCell(r.a).padStart(8)} → ${csvCell(r.b).padEnd(8)} ${r.label} (${r.unit})`)
    return 0
  }
  if (positionals[0] === 'show' && positionals[1]) {
    out(JSON.stringify(flattenScenario(loadScenario(positionals[1])), null, 2))
    return 0
  }
  throw new UsageError(`unknown scenarios subcommand "${positionals.join(' ')}"`)
}

function calibrateCmd(args: string[]): number {
  const { values } = parseOptions(args, { ...WORLD_OPTS, days: { type: 'string' }, seed: { type: 'string' } })
  const days = intOpt('days', values.days, 365, RUN_LIMITS.days.min, RUN_LIMITS.days.max)
  const seed = intOpt('seed', values.seed, 1, 0, 2 ** 31)
  const world = loadWorld(values)
  const rows = calibrate(world, { seed, days, onScenario: (n) => err(`running ${n} (${days} days)…`) })
  const fmt = (x: number) => (Math.abs(x) < 1 ? x.toFixed(3) : x.toFixed(1))
  out(`${'figure'.padEnd(58)} ${'scenario'.padEnd(20)} ${'published'.padStart(9)} ${'simulated'.padStart(9)}  within`)
  for (const r of rows) out(`${r.figure.padEnd(58)} ${r.scenario.padEnd(20)} ${fmt(r.published).padStart(9)} ${fmt(r.simulated).padStart(9)}  ${r.within ? 'yes' : `NO (±${r.tolerance})`}`)
  err(`${rows.filter((r) => r.within).length}/${rows.length} figures within tolerance`)
  return 0
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv
  const tail = [sub, ...rest].filter((x) => x !== undefined)
  try {
    // `gongzhi run --help` asks for the usage, it does not misspell an option
    if (argv.includes('--help') || argv.includes('-h')) {
      out(USAGE)
      return 0
    }
    if (cmd === 'run') return await runCmd(tail)
    if (cmd === 'sweep') return await sweepCmd(tail)
    if (cmd === 'worker') return await (await import('./cli/queue-worker.ts')).workerCmd(tail)
    if (cmd === 'scenarios') return scenariosCmd(tail)
    if (cmd === 'calibrate') return calibrateCmd(tail)
    if (cmd === 'sensitivity') return await (await import('./cli/sensitivity.ts')).sensitivityCmd(tail)
    if (cmd === 'world' && sub === 'build') return worldBuild(rest)
    if (cmd === 'world' && sub === 'check') return worldCheck(rest)
    if (cmd === 'world' && sub === 'from') return await worldFrom(rest, { out, err })
    if (cmd === 'import') return await importCmd([sub, ...rest].filter((x) => x !== undefined))
    if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      out(USAGE)
      return 0
    }
    throw new UsageError(`unknown command "${argv.join(' ')}"`)
  } catch (e) {
    return failure(e)
  }
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, '; ')

/** every failure as one line on stderr: usage (exit 2), bad input (exit 1), or anything unexpected (exit 1, with
 *  its stack only when GONGZHI_DEBUG=1) — never a bare Node stack trace */
export function failure(e: unknown): number {
  if (e instanceof UsageError) {
    err(`gongzhi: ${oneLine(e.message)} (gongzhi --help shows the usage)`)
    return 2
  }
  if (e instanceof WorldFileError || e instanceof ScenarioError || e instanceof RunBoundsError) {
    err(`gongzhi: ${oneLine(e.message)}`)
    return 1
  }
  const debug = process.env.GONGZHI_DEBUG === '1'
  const x = e instanceof Error ? e : new Error(String(e))
  // a system error (ENOENT, EACCES, ENOSPC…) names its file; anything else is a fault of ours
  const code = (x as { code?: unknown }).code
  const system = typeof code === 'string' && /^E[A-Z]+$/.test(code)
  err(`gongzhi: ${system ? '' : `unexpected error (${x.name}): `}${oneLine(x.message)}${debug || system ? '' : ' (GONGZHI_DEBUG=1 shows where)'}`)
  if (debug && x.stack) err(x.stack)
  return 1
}
