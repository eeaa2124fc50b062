// `gongzhi` command line: world build, world check, import. Exit codes: 0 fine, 1 findings of severity error
// or bad input, 2 usage.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import outline from '../data/outline/fengtai.geo.json' with { type: 'json' }
import { buildWorld, checkWorld, importFile, LAYER_FILES, PRESETS, worldFromFiles, worldToFiles, WorldFileError, type Preset } from './api.ts'
import type { Polygon } from 'geojson'

const USAGE = `gongzhi — grid governance planner and simulator

  gongzhi world build --preset fengtai|street [--seed N] --out DIR
  gongzhi world check DIR | FILE...          (FILEs named communities.geojson, grids.geojson, buildings.geojson)
  gongzhi import FILE [--crs auto|wgs84|gcj02|bd09] [--layer auto|grids|communities|buildings|…] --out FILE
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

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv
  try {
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
    if (e instanceof WorldFileError || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      err(`gongzhi: ${(e as Error).message}`)
      return (e as { code?: string }).code ? 2 : 1
    }
    throw e
  }
}
