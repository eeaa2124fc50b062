// What the commands read: JSON files (a syntax error names the line and column), scenarios (a preset name or a
// file, validated strictly), and worlds (a directory of layers, checked as `world check` checks it before a run).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import {
  buildWorld,
  checkWorld,
  compileWorld,
  LAYER_FILES,
  parseScenario,
  PRESETS,
  SCENARIO_PRESETS,
  ScenarioError,
  scenarioPreset,
  worldFromFiles,
  WorldFileError,
  type CompiledWorld,
  type Preset,
  type Scenario,
  type World,
} from '../api.ts'
import { parseJson } from '../import/json-syntax.ts'
import { intOpt, UsageError } from './args.ts'

/** the text of a file, or one line saying why it cannot be read */
export function readText(file: string): string {
  if (!existsSync(file)) throw new WorldFileError(file, 'no such file')
  if (statSync(file).isDirectory()) throw new WorldFileError(file, 'is a directory, expected a file')
  return readFileSync(file, 'utf8')
}

/** an output file that can be written: checked before a run, not after it */
export function writableOut(file: string): string {
  const parent = dirname(file)
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new WorldFileError(file, `cannot be written: ${parent} is not a directory`)
  if (existsSync(file) && statSync(file).isDirectory()) throw new WorldFileError(file, 'is a directory, expected a file name')
  return file
}

/** a JSON value, or a WorldFileError naming the line and column where the syntax breaks */
export function readJson(file: string, text = readText(file)): unknown {
  const r = parseJson(text)
  if (!r.ok) throw new WorldFileError(file, `not valid JSON: line ${r.line}, column ${r.column}: ${r.problem}`)
  return r.value
}

export function loadScenario(arg: string): Scenario {
  if (SCENARIO_PRESETS.includes(arg)) return scenarioPreset(arg)
  if (!existsSync(arg)) throw new UsageError(`--scenario: "${arg}" is neither a preset (${SCENARIO_PRESETS.join(', ')}) nor a file`)
  const raw = readJson(arg)
  try {
    return parseScenario(raw)
  } catch (e) {
    if (e instanceof ScenarioError) throw new WorldFileError(arg, e.problems.join('; '))
    throw e
  }
}

const KNOWN_FILES = new Set([...Object.values(LAYER_FILES), 'world.json'])

/** the layer files of world directories and/or named layer files, by file name (`origin`: where each was read) */
export function readWorldInputs(paths: string[], origin = new Map<string, string>()): Record<string, string> {
  const files: Record<string, string> = {}
  for (const p of paths) {
    if (!existsSync(p)) throw new WorldFileError(p, 'no such file or directory')
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p)) {
        if (!KNOWN_FILES.has(name)) continue
        files[name] = readFileSync(join(p, name), 'utf8')
        origin.set(name, join(p, name))
      }
      if (files['world.json'] !== undefined) {
        // worldFromFiles trusts world.json to be JSON; a truncated one must be named, not thrown as a SyntaxError
        const meta = readJson(join(p, 'world.json'), files['world.json'])
        if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) throw new WorldFileError(join(p, 'world.json'), 'expected a JSON object (the world\'s metadata)')
      }
    } else {
      const name = basename(p)
      if (!KNOWN_FILES.has(name)) throw new WorldFileError(p, `cannot tell which layer this is: name it one of ${[...KNOWN_FILES].join(', ')}`)
      if (name === 'world.json') readJson(p)
      files[name] = readFileSync(p, 'utf8')
      origin.set(name, p)
    }
  }
  return files
}

/** a world from its files; an error names the file by the path it was read from, and a JSON syntax error gets
 *  its line and column */
export function readWorld(paths: string[]): World {
  const origin = new Map<string, string>()
  const files = readWorldInputs(paths, origin)
  try {
    return worldFromFiles(files)
  } catch (e) {
    if (!(e instanceof WorldFileError) || !origin.has(e.file)) throw e
    const path = origin.get(e.file)!
    const r = /not valid JSON/.test(e.message) ? parseJson(files[e.file]) : null
    if (r && !r.ok) throw new WorldFileError(path, `not valid JSON: line ${r.line}, column ${r.column}: ${r.problem}`)
    throw new WorldFileError(path, e.message.slice(e.file.length + 2))
  }
}

/** refuses a world the simulator cannot run: missing layers it needs, or `world check` errors (listed one per kind) */
export function checkRunnable(dir: string, w: World): void {
  const need: [keyof typeof LAYER_FILES, string][] = [
    ['district', 'the district outline'],
    ['communities', 'at least one community'],
    ['grids', 'at least one grid'],
  ]
  for (const [layer, what] of need) if (w[layer].features.length === 0) throw new WorldFileError(join(dir, LAYER_FILES[layer]), `missing or empty: a run needs ${what}`)
  const report = checkWorld(w)
  const errors = report.findings.filter((f) => f.severity === 'error')
  if (!errors.length) return
  const firstOfKind = errors.filter((f, i) => errors.findIndex((g) => g.code === f.code) === i)
  const shown = firstOfKind.slice(0, 5)
  const rest = errors.length - shown.length
  throw new WorldFileError(
    dir,
    `\`world check\` finds ${errors.length} error${errors.length > 1 ? 's' : ''}, so it cannot be simulated: ${shown.map((f) => f.message).join('; ')}${rest > 0 ? `; and ${rest} more (gongzhi world check ${dir} lists them)` : ''}`,
  )
}

/** a world directory read, checked and compiled for a run */
export function loadWorldDir(dir: string): CompiledWorld {
  if (!existsSync(dir)) throw new WorldFileError(dir, 'no such directory')
  if (!statSync(dir).isDirectory()) throw new WorldFileError(dir, 'not a directory: a world is a directory of layers (gongzhi world build --out DIR)')
  const w = readWorld([dir])
  checkRunnable(dir, w)
  return compileWorld(w)
}

export function presetOpt(v: string | undefined): Preset {
  const preset = v ?? 'street'
  if (!PRESETS.includes(preset as Preset)) throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}, got "${preset}"`)
  return preset as Preset
}

export function loadWorld(values: { world?: string; preset?: string; 'world-seed'?: string }): CompiledWorld {
  if (values.world) {
    if (values.preset !== undefined) throw new UsageError('give --world DIR or --preset NAME, not both')
    return loadWorldDir(values.world)
  }
  return compileWorld(buildWorld({ preset: presetOpt(values.preset), seed: intOpt('world-seed', values['world-seed'], 1, 0, 2 ** 31) }))
}
