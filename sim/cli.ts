// `gongzhi` command line: world build, world check, import, run, sweep, scenarios, calibrate. Exit codes: 0 fine,
// 1 findings of severity error or bad input, 2 usage.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import outline from '../data/outline/fengtai.geo.json' with { type: 'json' }
import {
  buildWorld,
  calibrate,
  checkWorld,
  compileWorld,
  diffScenarios,
  flattenScenario,
  importFile,
  LAYER_FILES,
  parseScenario,
  PRESETS,
  replicateSeeds,
  SCENARIO_PRESETS,
  ScenarioError,
  scenarioPreset,
  setScenarioPath,
  simulate,
  summarize,
  SUMMARY_METRICS,
  worldFromFiles,
  worldToFiles,
  WorldFileError,
  worldToMessage,
  type WorldMessage,
  type CompiledWorld,
  type Preset,
  type Scenario,
} from './api.ts'
import type { Polygon } from 'geojson'
// a refused run (too large for memory) is reported in one line like a bad world file
import { RunBoundsError } from './api.ts'

const USAGE = `gongzhi — grid governance planner and simulator

  gongzhi world build --preset PRESET [--seed N] --out DIR
  gongzhi world check DIR | FILE...          (FILEs named communities.geojson, grids.geojson, buildings.geojson)
  gongzhi import FILE [--crs auto|wgs84|gcj02|bd09] [--layer auto|grids|communities|buildings|…] --out FILE
  gongzhi run (--world DIR | --preset PRESET [--world-seed N]) --scenario FILE|NAME --days N --seed S
              [--replicates R] --out FILE.json
  gongzhi sweep --plan FILE.json [--workers N] --out FILE.csv   (resumes: rows already in the CSV are skipped)
  gongzhi scenarios                      list the preset scenarios, one a line
  gongzhi scenarios diff A B             levers that differ between two scenarios (names or files)
  gongzhi calibrate [--preset street|fengtai] [--days N] [--seed S]   simulated vs published figures

  PRESET: fengtai (default district), street (西罗园), one of Beijing's 16 districts by pinyin
          (dongcheng xicheng chaoyang fengtai shijingshan haidian mentougou fangshan tongzhou shunyi changping
          daxing huairou pinggu miyun yanqing), or beijing (all 16)
`

class UsageError extends Error {}

const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n')
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n')

function worldBuild(args: string[]): number {
  const { values } = parseArgs({ args, options: { preset: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } })
  if (!values.preset || !PRESETS.includes(values.preset as Preset)) throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}`)
  if (!values.out) throw new UsageError('--out DIR is required')
  const seed = Number(values.seed)
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer, got "${values.seed}"`)
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

function readWorldInputs(paths: string[]): Record<string, string> {
  const files: Record<string, string> = {}
  const known = new Set([...Object.values(LAYER_FILES), 'world.json'])
  for (const p of paths) {
    if (!existsSync(p)) throw new WorldFileError(p, 'no such file or directory')
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p)) if (known.has(name)) files[name] = readFileSync(join(p, name), 'utf8')
    } else {
      const name = basename(p)
      if (!known.has(name)) throw new WorldFileError(p, `cannot tell which layer this is: name it one of ${[...known].join(', ')}`)
      files[name] = readFileSync(p, 'utf8')
    }
  }
  return files
}

function worldCheck(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} })
  if (positionals.length === 0) throw new UsageError('world check needs a DIR or FILEs')
  const world = worldFromFiles(readWorldInputs(positionals))
  const report = checkWorld(world)
  out(JSON.stringify(report, null, 2))
  err(`${report.counts.grids} grids in ${report.counts.communities} communities: ${report.summary.error} errors, ${report.summary.warning} warnings, ${report.summary.info} notes`)
  return report.summary.error > 0 ? 1 : 0
}

async function importCmd(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { crs: { type: 'string', default: 'auto' }, layer: { type: 'string', default: 'auto' }, out: { type: 'string' } } })
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

function loadScenario(arg: string): Scenario {
  if (SCENARIO_PRESETS.includes(arg)) return scenarioPreset(arg)
  if (existsSync(arg)) {
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(arg, 'utf8'))
    } catch (e) {
      throw new WorldFileError(arg, `not valid JSON: ${(e as Error).message}`)
    }
    return parseScenario(raw)
  }
  throw new UsageError(`--scenario: "${arg}" is neither a preset (${SCENARIO_PRESETS.join(', ')}) nor a file`)
}

function intOpt(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined) return def
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer in ${min}..${max}, got "${v}"`)
  return n
}

function loadWorld(values: { world?: string; preset?: string; 'world-seed'?: string }): CompiledWorld {
  if (values.world) return compileWorld(worldFromFiles(readWorldInputs([values.world])))
  const preset = values.preset ?? 'street'
  if (!PRESETS.includes(preset as Preset)) throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}`)
  return compileWorld(buildWorld({ preset: preset as Preset, seed: intOpt('world-seed', values['world-seed'], 1, 0, 2 ** 31) }))
}

const WORLD_OPTS = { world: { type: 'string' }, preset: { type: 'string' }, 'world-seed': { type: 'string' } } as const

function runCmd(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: { ...WORLD_OPTS, scenario: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' }, replicates: { type: 'string' }, out: { type: 'string' } },
  })
  if (!values.scenario) throw new UsageError('--scenario FILE|NAME is required')
  if (!values.out) throw new UsageError('--out FILE.json is required')
  const days = intOpt('days', values.days, 365, 1, 3650)
  const seed = intOpt('seed', values.seed, 1, 0, 2 ** 31)
  const reps = intOpt('replicates', values.replicates, 1, 1, 1000)
  const scenario = loadScenario(values.scenario)
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
  if (reps > 1) for (const [k, v] of Object.entries((output as { summary: ReturnType<typeof summarize> }).summary.metrics)) out(`${k.padEnd(26)} ${String(v.mean).padStart(10)}  95% [${v.ci95[0]}, ${v.ci95[1]}]`)
  return 0
}

interface SweepPlan {
  preset?: Preset
  worldSeed?: number
  world?: string
  scenario?: string
  days?: number
  seed?: number
  replicates?: number
  levers?: Record<string, unknown[]>
}

const csvCell = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** a sweep thread: the JavaScript bundle beside this file when bin/bundle.js built the CLI (boots in ≈50 ms), else
 *  the TypeScript module through tsx registered inside the thread (≈0.3 s) */
function sweepWorker(): Worker {
  if (import.meta.url.endsWith('/cli.mjs')) return new Worker(new URL('./sweep-worker.mjs', import.meta.url))
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(new URL('./run/sweep-worker.ts', import.meta.url).href)}) })`
  return new Worker(boot, { eval: true })
}

async function sweepCmd(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { plan: { type: 'string' }, workers: { type: 'string' }, out: { type: 'string' } } })
  if (!values.plan) throw new UsageError('--plan FILE.json is required')
  if (!values.out) throw new UsageError('--out FILE.csv is required')
  if (!existsSync(values.plan)) throw new WorldFileError(values.plan, 'no such file')
  const plan = JSON.parse(readFileSync(values.plan, 'utf8')) as SweepPlan
  const nWorkers = intOpt('workers', values.workers, Math.max(1, cpus().length - 1), 1, 64)
  const base = loadScenario(plan.scenario ?? 'hotline-reform')
  const levers = Object.entries(plan.levers ?? {})
  for (const [path, vs] of levers) if (!Array.isArray(vs) || vs.length === 0) throw new UsageError(`plan.levers.${path}: must be a non-empty array`)
  // cartesian product of lever values × replicates
  let combos: unknown[][] = [[]]
  for (const [, vs] of levers) combos = combos.flatMap((c) => vs.map((v) => [...c, v]))
  const days = plan.days ?? 90
  const seeds = replicateSeeds(plan.seed ?? 1, plan.replicates ?? 1)
  const jobs: { id: string; scenario: Scenario; seed: number; values: unknown[] }[] = []
  for (const c of combos) {
    const sc = structuredClone(base) as unknown as Record<string, unknown>
    c.forEach((v, k) => setScenarioPath(sc, levers[k][0], v))
    const parsed = parseScenario(sc)
    for (const seed of seeds) jobs.push({ id: JSON.stringify([seed, ...c]), scenario: parsed, seed, values: c })
  }
  const header = ['id', 'seed', 'scenario', 'days', ...levers.map(([p]) => p), ...SUMMARY_METRICS]
  const done = new Set<string>()
  if (existsSync(values.out)) {
    const lines = readFileSync(values.out, 'utf8').split('\n').filter(Boolean)
    if (lines[0] !== header.join(',')) throw new WorldFileError(values.out, 'exists with different columns: remove it or use another --out')
    for (const l of lines.slice(1)) {
      const m = /^"((?:[^"]|"")*)"|^([^,]*)/.exec(l)!
      done.add(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2])
    }
  } else writeFileSync(values.out, header.join(',') + '\n')
  const todo = jobs.filter((j) => !done.has(j.id))
  err(`sweep: ${jobs.length} runs (${combos.length} lever settings × ${seeds.length} replicates), ${jobs.length - todo.length} already in ${values.out}, ${nWorkers} workers`)
  const t0 = performance.now()
  const byId = new Map(todo.map((j) => [j.id, j]))
  const nw = Math.min(nWorkers, todo.length)
  let next = 0
  let finished = 0
  let ready = 0
  let tReady = t0
  // start every worker first (each loads the simulation modules) while this thread builds and compiles
  // the world once; each worker then gets the compiled columns as its first message and is fed runs from one queue
  // (one run in flight per worker: a run takes far longer than a message, and a deeper queue unbalances the tail)
  const workers = Array.from({ length: nw }, sweepWorker)
  let world: WorldMessage | null = null
  try {
    if (nw > 0 && plan.world) {
      const files: Record<string, string> = {}
      for (const name of readdirSync(plan.world)) if (name.endsWith('.geojson') || name === 'world.json') files[name] = readFileSync(join(plan.world, name), 'utf8')
      world = worldToMessage(compileWorld(worldFromFiles(files)))
    } else if (nw > 0) world = worldToMessage(compileWorld(buildWorld({ preset: plan.preset ?? 'street', seed: plan.worldSeed ?? 1 })))
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()))
    throw e
  }
  await Promise.all(
    workers.map((w) => {
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (next >= todo.length) {
            void w.terminate().then(() => resolve())
            return
          }
          const j = todo[next++]
          w.postMessage({ id: j.id, scenario: j.scenario, seed: j.seed, days })
        }
        w.on('message', (msg: { ready?: boolean; id?: string; metrics?: Record<string, number> }) => {
          if (msg.ready) {
            if (++ready === nw) tReady = performance.now()
            return feed()
          }
          if (msg.id !== undefined && msg.metrics) {
            const j = byId.get(msg.id)!
            const row = [j.id, j.seed, base.name, days, ...j.values, ...SUMMARY_METRICS.map((m) => msg.metrics![m])]
            appendFileSync(values.out!, row.map(csvCell).join(',') + '\n')
            finished++
            err(`run ${finished}/${todo.length}`)
          }
          feed()
        })
        w.on('error', reject)
        w.postMessage({ world })
      })
    }),
  )
  const t1 = performance.now()
  err(`sweep done: ${todo.length} runs in ${((t1 - t0) / 1000).toFixed(1)} s (${((t1 - tReady) / 1000).toFixed(2)} s after every worker was ready) → ${values.out}`)
  return 0
}

function scenariosCmd(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} })
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
  const { values } = parseArgs({ args, options: { ...WORLD_OPTS, days: { type: 'string' }, seed: { type: 'string' } } })
  const days = intOpt('days', values.days, 365, 1, 3650)
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
    if (cmd === 'run') return runCmd(tail)
    if (cmd === 'sweep') return await sweepCmd(tail)
    if (cmd === 'scenarios') return scenariosCmd(tail)
    if (cmd === 'calibrate') return calibrateCmd(tail)
    if (cmd === 'world' && sub === 'build') return worldBuild(rest)
    if (cmd === 'world' && sub === 'check') return worldCheck(rest)
    if (cmd === 'import') return await importCmd([sub, ...rest].filter((x) => x !== undefined))
    if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      out(USAGE)
      return 0
    }
    throw new UsageError(`unknown command "${argv.join(' ')}"`)
  } catch (e) {
    if (e instanceof UsageError) {
      err(`gongzhi: ${e.message}\n\n${USAGE}`)
      return 2
    }
    if (e instanceof ScenarioError) {
      err(`gongzhi: invalid scenario\n${e.message}`)
      return 1
    }
    if (e instanceof WorldFileError || e instanceof RunBoundsError || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      err(`gongzhi: ${(e as Error).message}`)
      return (e as { code?: string }).code ? 2 : 1
    }
    throw e
  }
}
