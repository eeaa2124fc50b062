// `gongzhi world from`: a world from the user's own files. Prints what was read, how columns were mapped, and
// what was derived or generated; bad input is one line naming the file, feature and problem, exit 1, nothing written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import {
  applyChoice,
  autoMapping,
  buildFromData,
  checkWorld,
  DATA_LAYERS,
  mapLayer,
  readDataLayer,
  worldToFiles,
  type DataLayer,
  type LayerMapping,
  type MappedLayer,
} from '../api.ts'

export const WORLD_FROM_USAGE = `  gongzhi world from --communities FILE [--streets FILE] [--buildings FILE] [--grids FILE]
              [--crs auto|wgs84|gcj02|bd09] [--map layer.field=column ...] [--hh-per-ha N] [--seed N] [--name NAME] --out DIR`

interface Io {
  out(s: string): void
  err(s: string): void
}

const CRS = ['auto', 'wgs84', 'gcj02', 'bd09'] as const

/** 0 built, 1 bad input (nothing written), 2 usage. */
export async function worldFrom(args: string[], io: Io): Promise<number> {
  const usage = (m: string) => (io.err(`gongzhi world from: ${m}\n\n${WORLD_FROM_USAGE}`), 2)
  let values
  try {
    values = parseArgs({
      args,
      options: {
        communities: { type: 'string' }, streets: { type: 'string' }, buildings: { type: 'string' }, grids: { type: 'string' },
        crs: { type: 'string', default: 'auto' }, map: { type: 'string', multiple: true, default: [] },
        'hh-per-ha': { type: 'string' }, seed: { type: 'string', default: '1' }, name: { type: 'string' }, out: { type: 'string' },
      },
    }).values
  } catch (e) {
    return usage((e as Error).message)
  }
  if (!values.communities) return usage('--communities FILE is required (community polygons)')
  if (!values.out) return usage('--out DIR is required')
  if (!(CRS as readonly string[]).includes(values.crs!)) return usage(`--crs must be auto, wgs84, gcj02 or bd09, got "${values.crs}"`)
  const seed = Number(values.seed)
  if (!Number.isSafeInteger(seed)) return usage(`--seed must be an integer, got "${values.seed}"`)
  let hhPerHa: number | undefined
  if (values['hh-per-ha'] !== undefined) {
    hhPerHa = Number(values['hh-per-ha'])
    if (!(Number.isFinite(hhPerHa) && hhPerHa > 0 && hhPerHa <= 1000)) return usage(`--hh-per-ha must be a number above 0 and at most 1000, got "${values['hh-per-ha']}"`)
  }
  const choices: { layer: DataLayer; field: string; column: string }[] = []
  for (const m of values.map as string[]) {
    const hit = /^([a-z]+)\.([A-Za-z]+)=(.*)$/.exec(m)
    if (!hit || !(DATA_LAYERS as readonly string[]).includes(hit[1])) return usage(`--map "${m}" is not layer.field=column with layer one of ${DATA_LAYERS.join(', ')}`)
    choices.push({ layer: hit[1] as DataLayer, field: hit[2], column: hit[3] })
  }

  // read: the communities decide the coordinate system when it is left to detection, so every layer agrees
  const mapped: Partial<Record<DataLayer, MappedLayer>> = {}
  let crs = values.crs as (typeof CRS)[number]
  for (const layer of DATA_LAYERS) {
    const path = values[layer]
    if (!path) continue
    if (!existsSync(path)) return fail(io, `${path}: no such file`)
    const r = await readDataLayer(basename(path), new Uint8Array(readFileSync(path)), layer, crs)
    if (!r.ok) return fail(io, firstError(r.issues))
    const read = r.read
    if (layer === 'communities' && crs === 'auto') crs = read.crs.applied
    // a value kept aside under the final mapping (after --map) is warned about once, naming file, column and an example
    const warned = new Set<string>()
    const warn = (issues: { severity: string; message: string }[]) => {
      for (const i of issues) if (i.severity === 'warning' && !warned.has(i.message)) (warned.add(i.message), io.err(`warning: ${i.message}`))
    }
    warn(read.issues)
    const mapping: LayerMapping = autoMapping(read)
    for (const c of choices.filter((x) => x.layer === layer)) {
      const bad = applyChoice(mapping, read, c.field, c.column)
      if (bad) return fail(io, bad)
    }
    const m = mapLayer(read, mapping)
    if (!m.ok) return fail(io, firstError(m.issues))
    warn(m.issues)
    mapped[layer] = m.layer
    const cols = Object.entries(mapping.fields).map(([f, c]) => `${f} ← ${c}`).join(', ') || 'no column'
    const kept = read.columns.filter((c) => !Object.values(mapping.fields).includes(c))
    io.err(`read ${read.file}: ${read.rows.length} ${layer} (${read.crs.applied.toUpperCase()}, ${read.crs.confidence}: ${read.crs.reason})`)
    io.err(`  mapped ${cols}${kept.length ? `; kept as properties: ${kept.join(', ')}` : ''}`)
  }
  for (const c of choices) if (!mapped[c.layer]) return fail(io, `--map ${c.layer}.${c.field}: no --${c.layer} file was given`)

  const result = buildFromData({ communities: mapped.communities!, streets: mapped.streets, buildings: mapped.buildings, grids: mapped.grids, hhPerHa, seed, name: values.name })
  if (!result.ok) {
    if (result.estimate) for (const r of result.estimate.communities.slice(0, 10)) io.err(`  estimate: ${r.name} ${r.areaHa} ha → ${r.households} households`)
    return fail(io, result.error)
  }
  const { world, summary } = result
  const h = summary.households
  io.err(`households: ${h.file} communities from the file, ${h.residents} from residents (÷ 2.45), ${h.buildings} from their buildings, ${h.estimate} estimated${summary.estimate ? ` at ${summary.estimate.hhPerHa}/ha (${summary.estimate.total} households)` : ''}`)
  for (const n of summary.notes) io.err(`note: ${n}`)
  for (const [layer, s] of Object.entries(summary.layers)) io.err(`${layer.padEnd(12)} ${s.origin.padEnd(9)} ${String(s.count).padStart(6)}  ${s.how}`)
  const report = checkWorld(world)
  io.err(`check: ${report.summary.error} errors, ${report.summary.warning} warnings, ${report.summary.info} notes (gongzhi world check ${values.out})`)
  try {
    mkdirSync(values.out, { recursive: true })
    for (const [name, text] of Object.entries(worldToFiles(world))) writeFileSync(join(values.out, name), text)
  } catch (e) {
    return fail(io, `${values.out}: cannot write the world there (${(e as Error).message})`)
  }
  io.err(world.meta.notice)
  io.out(JSON.stringify({ counts: world.meta.counts, totals: world.meta.totals, origins: world.meta.origins, findings: report.summary }))
  return 0
}

function firstError(issues: { severity: string; message: string }[]): string {
  const errors = issues.filter((i) => i.severity === 'error')
  const first = errors[0]?.message ?? issues[0]?.message ?? 'unreadable input'
  return errors.length > 1 ? `${first} (and ${errors.length - 1} more)` : first
}

function fail(io: Io, line: string): number {
  io.err(`gongzhi world from: ${line}`)
  return 1
}
