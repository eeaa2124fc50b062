// Every mistake a user can make on the command line gets one line on stderr naming the option, file or field, and
// a non-zero exit (2 for usage, 1 for bad input) — never a Node stack trace, never a silent guess. Each test is named
// after the failure it pins. Most cases call the CLI's main() in this process (main returns an exit code for every
// failure, so nothing can reach Node's uncaught-exception printer); one case of each kind, and everything that
// runs sweeps, goes through bin/gongzhi.js in a child process, as a user runs it.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, cpSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { parseScenario, setScenarioPath } from '../sim/api.ts'
import { failure, main } from '../sim/cli.ts'

const spawned = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, ['bin/gongzhi.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env } })
const dir = mkdtempSync(join(tmpdir(), 'gongzhi-cli-errors-'))
const file = (name: string, content: unknown) => {
  const p = join(dir, name)
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content))
  return p
}
const STACK = /at .*\(.*:\d+:\d+\)/

interface Outcome {
  status: number | null
  stderr: string
}

/** main() in this process, with what it writes to stderr */
async function gongzhi(args: string[]): Promise<Outcome> {
  const chunks: string[] = []
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (chunks.push(String(s)), true))
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    return { status: await main(args), stderr: chunks.join('') }
  } finally {
    err.mockRestore()
    out.mockRestore()
  }
}

/** exits `status` with exactly one line on stderr, containing every `words`, and no stack trace */
function oneLine(r: Outcome, status: number, ...words: string[]): string {
  expect(r.stderr, r.stderr).not.toMatch(STACK)
  const lines = r.stderr.split('\n').filter((l) => l !== '')
  expect(lines, r.stderr).toHaveLength(1)
  expect(r.status, r.stderr).toBe(status)
  for (const w of words) expect(lines[0]).toContain(w)
  return lines[0]
}

const out = join(dir, 'x.json')
const run = (...extra: string[]) => gongzhi(['run', '--preset', 'street', '--scenario', 'whistle', '--out', out, ...extra])
const proc = (args: string[]) => {
  const r = spawned(args)
  return { status: r.status, stderr: r.stderr }
}

describe('bad options exit 2 with one line naming the option', () => {
  it('--days -5 (a negative number, which parseArgs calls ambiguous), as a process', () => oneLine(proc(['run', '--preset', 'street', '--scenario', 'whistle', '--out', out, '--days', '-5']), 2, '--days', '"-5"'))
  it('--seed -1', async () => oneLine(await run('--seed', '-1'), 2, '--seed', '"-1"'))
  it('--days 2.5 and --days many', async () => {
    oneLine(await run('--days', '2.5'), 2, '--days')
    oneLine(await run('--days', 'many'), 2, '--days')
  })
  it('an option without its value, at the end or before another option', async () => {
    oneLine(await run('--days'), 2, '--days needs a value')
    oneLine(await run('--days', '--seed', '3'), 2, '--days needs a value')
  })
  it('an unknown option, with the nearest known one', async () => oneLine(await run('--seeds', '3'), 2, 'unknown option --seeds', 'did you mean "--seed"'))
  it('an extra positional argument', async () => {
    oneLine(await gongzhi(['run', 'extra', '--preset', 'street', '--scenario', 'whistle', '--out', out]), 2, '"extra"')
    oneLine(await gongzhi(['import', 'a.geojson', 'b.geojson', '--out', out]), 2, '"b.geojson"')
  })
  it('--world and --preset together (which world was meant?)', async () => oneLine(await gongzhi(['run', '--world', dir, '--preset', 'street', '--scenario', 'whistle', '--out', out]), 2, '--world', '--preset'))
})

describe('bad scenario files exit 1 naming the file and field', () => {
  it('a misspelt key (gridWorkrs) is an error with "did you mean gridWorkers", as a process', () => {
    const f = file('typo.json', { gridWorkrs: { perGrid: 2 } })
    oneLine(proc(['run', '--preset', 'street', '--scenario', f, '--days', '2', '--out', out]), 1, f, 'scenario.gridWorkrs', 'did you mean "gridWorkers"')
  })
  it('a misspelt nested key (gridWorkers.perGrd)', async () => oneLine(await run('--scenario', file('typo2.json', { gridWorkers: { perGrd: 2 } }), '--days', '2'), 1, 'scenario.gridWorkers.perGrd', '"perGrid"'))
  it('a scenario file holding null', async () => oneLine(await run('--scenario', file('null.json', 'null'), '--days', '2'), 1, 'null.json', 'got null'))
  it('a scenario file that is not JSON names the line and column', async () => oneLine(await run('--scenario', file('broken.json', '{\n  "whistle": {\n'), '--days', '2'), 1, 'broken.json', 'line 3'))
})

const plan = (name: string, p: unknown) => file(name, p)
const csvOf = (p: string) => join(dir, `${p.replace(/.*\//, '')}.csv`)

describe('bad sweep plans exit 1 naming the file and field, and leave no CSV behind', () => {
  const refused = async (name: string, p: unknown, ...words: string[]) => {
    const f = plan(name, p)
    const line = oneLine(await gongzhi(['sweep', '--plan', f, '--out', csvOf(f)]), 1, name, ...words)
    expect(existsSync(csvOf(f)), `${csvOf(f)} left behind`).toBe(false)
    expect(existsSync(`${csvOf(f)}.lock`)).toBe(false)
    return line
  }
  it('a misspelt lever path, with the nearest lever', () => refused('lever-typo.json', { days: 2, levers: { 'gridWorkers.scal': [1, 2] } }, 'plan.levers.gridWorkers.scal', 'did you mean "gridWorkers.scale"'))
  it('a misspelt plan key (replicate)', () => refused('key-typo.json', { days: 2, replicate: 2 }, 'plan.replicate', 'did you mean "replicates"'))
  it('replicates of 2.5', () => refused('reps-frac.json', { days: 2, replicates: 2.5 }, 'plan.replicates', 'whole number'))
  it('replicates of -3', () => refused('reps-neg.json', { days: 2, replicates: -3 }, 'plan.replicates', '≥ 1'))
  it('a string seed ("abc" used to become seeds "abc0", "abc1"…)', () => refused('seed-str.json', { days: 2, seed: 'abc' }, 'plan.seed', '"abc"'))
  it('a __proto__ lever path', () => refused('proto.json', { days: 2, levers: { '__proto__.polluted': [1] } }, '__proto__.polluted', 'prototype'))
  it('constructor.prototype and a bare __proto__ key', async () => {
    await refused('ctor.json', { days: 2, levers: { 'constructor.prototype.polluted': [1] } }, 'constructor.prototype.polluted')
    // JSON.parse makes "__proto__" an own key; it must be refused, not handed on
    await refused('proto-key.json', '{"days": 2, "levers": {"__proto__": [1]}}', '__proto__')
  })
  it('a lever value the scenario schema rejects', () => refused('bad-value.json', { days: 2, levers: { 'gridWorkers.scale': [1, 400] } }, 'plan.levers.gridWorkers.scale[1]', '≤ 10'))
  it('malformed JSON, with its line and column, as a process', () => {
    const f = plan('malformed.json', '{\n  "days": 3,\n  "levers": {,\n}')
    oneLine(proc(['sweep', '--plan', f, '--out', csvOf(f)]), 1, 'malformed.json', 'not valid JSON', 'line 3, column 14')
    expect(existsSync(csvOf(f))).toBe(false)
  })
  it('a bad days', async () => {
    await refused('days-neg.json', { days: -3 }, 'plan.days', '≥ 1')
    await refused('days-str.json', { days: '90' }, 'plan.days')
  })
  it('a missing world directory', () => refused('no-world.json', { days: 2, world: join(dir, 'nowhere') }, 'plan.world', 'nowhere', 'no such directory'))
  it('an unknown preset', () => refused('preset.json', { days: 2, preset: 'mars' }, 'plan.preset', '"mars"'))
  it('a plan of 1,000 × 1,000 lever values is refused at once instead of filling gigabytes', async () => {
    const vs = Array.from({ length: 1000 }, (_, i) => 1 + i / 1000)
    const t0 = performance.now()
    await refused('huge.json', { days: 2, levers: { 'gridWorkers.scale': vs, 'volunteers.hoursPerMonth': vs } }, '1,000,000 runs', '100,000')
    expect(performance.now() - t0).toBeLessThan(2_000)
  })
  it('a plan that is not an object', () => refused('array.json', [1, 2], 'plan: must be a JSON object'))
})

describe('bad worlds exit 1 naming the file', () => {
  const world = join(dir, 'world')
  beforeAll(async () => {
    const r = await gongzhi(['world', 'build', '--preset', 'street', '--out', world])
    expect(r.status, r.stderr).toBe(0)
  })
  /** a copy of the built world, changed by `edit` */
  const variant = (name: string, edit: (d: string) => void) => {
    const d = join(dir, name)
    rmSync(d, { recursive: true, force: true })
    cpSync(world, d, { recursive: true })
    edit(d)
    return d
  }
  const runOn = (d: string, o = out) => gongzhi(['run', '--world', d, '--scenario', 'whistle', '--days', '2', '--out', o])
  const grids = (d: string) => JSON.parse(readFileSync(join(d, 'grids.geojson'), 'utf8'))

  it('a world directory missing district.geojson', async () => {
    const d = variant('no-district', (d) => rmSync(join(d, 'district.geojson')))
    oneLine(await runOn(d), 1, 'district.geojson', 'missing')
  })
  it('a world with an empty grid list (run refuses; world check reports it without crashing)', async () => {
    const d = variant('no-grids', (d) => writeFileSync(join(d, 'grids.geojson'), '{"type":"FeatureCollection","features":[]}'))
    oneLine(await runOn(d), 1, 'grids.geojson', 'at least one grid')
    const communities = JSON.parse(readFileSync(join(d, 'communities.geojson'), 'utf8')).features.length
    expect(communities).toBeGreaterThan(0)
    oneLine(await gongzhi(['world', 'check', d]), 1, `0 grids in ${communities} communities`)
  })
  it('a truncated world.json, in run and in world check (as a process)', async () => {
    const d = variant('cut-meta', (d) => writeFileSync(join(d, 'world.json'), readFileSync(join(world, 'world.json'), 'utf8').slice(0, 200)))
    oneLine(await runOn(d), 1, 'world.json', 'not valid JSON', 'truncated')
    oneLine(proc(['world', 'check', d]), 1, 'world.json', 'not valid JSON')
  })
  it('a truncated layer file names its path, line and column', async () => {
    const d = variant('cut-grids', (d) => writeFileSync(join(d, 'grids.geojson'), readFileSync(join(world, 'grids.geojson'), 'utf8').slice(0, 5000)))
    oneLine(await runOn(d), 1, join(d, 'grids.geojson'), 'not valid JSON: line', 'column')
    oneLine(await gongzhi(['world', 'check', d]), 1, join(d, 'grids.geojson'), 'not valid JSON: line')
  })
  it('run refuses a world that world check rejects: string coordinates', async () => {
    const d = variant('string-coords', (d) => {
      const fc = grids(d)
      const pos = fc.features[0].geometry.coordinates[0][1]
      pos[0] = String(pos[0])
      writeFileSync(join(d, 'grids.geojson'), JSON.stringify(fc))
    })
    expect((await gongzhi(['world', 'check', d])).status).toBe(1)
    const o = join(dir, 'string-coords.json')
    oneLine(await runOn(d, o), 1, 'string-coords', 'world check', 'not a pair of finite numbers')
    expect(existsSync(o)).toBe(false)
  })
  it('run refuses a world that world check rejects: a grid in a community that does not exist', async () => {
    const d = variant('orphan-grid', (d) => {
      const fc = grids(d)
      fc.features[0].properties.community = 'nowhere'
      writeFileSync(join(d, 'grids.geojson'), JSON.stringify(fc))
    })
    oneLine(await runOn(d), 1, 'names community "nowhere"')
  })
  it('a sweep plan whose world lacks district.geojson leaves no CSV', async () => {
    const d = variant('no-district-sweep', (d) => rmSync(join(d, 'district.geojson')))
    const f = plan('world-bad.json', { days: 2, world: d })
    oneLine(await gongzhi(['sweep', '--plan', f, '--out', csvOf(f)]), 1, 'world-bad.json', 'plan.world', 'district.geojson')
    expect(existsSync(csvOf(f))).toBe(false)
    expect(existsSync(`${csvOf(f)}.lock`)).toBe(false)
  })
})

describe('unexpected errors are one line; the stack only with GONGZHI_DEBUG=1', () => {
  it('an --out in a directory that does not exist is refused before the run', async () => {
    oneLine(await run('--days', '1', '--out', join(dir, 'no-such-dir', 'x.json')), 1, 'no-such-dir')
    oneLine(await gongzhi(['sweep', '--plan', plan('ok.json', { days: 1 }), '--out', join(dir, 'no-such-dir', 'x.csv')]), 1, 'no-such-dir')
  })
  it('an error the CLI did not foresee: one line, its stack only under GONGZHI_DEBUG=1', () => {
    const written: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (written.push(String(s)), true))
    const before = process.env.GONGZHI_DEBUG
    try {
      delete process.env.GONGZHI_DEBUG
      expect(failure(new TypeError("Cannot read properties of undefined (reading 'geometry')"))).toBe(1)
      expect(written.join('')).toBe("gongzhi: unexpected error (TypeError): Cannot read properties of undefined (reading 'geometry') (GONGZHI_DEBUG=1 shows where)\n")
      written.length = 0
      process.env.GONGZHI_DEBUG = '1'
      expect(failure(new TypeError('boom'))).toBe(1)
      expect(written.join('')).toMatch(STACK)
    } finally {
      spy.mockRestore()
      if (before === undefined) delete process.env.GONGZHI_DEBUG
      else process.env.GONGZHI_DEBUG = before
    }
  })
})

describe('prototype lever paths never reach Object.prototype', () => {
  it('a __proto__ path in a plan, run in this process, leaves Object.prototype untouched', async () => {
    const csv = join(dir, 'proto-inproc.csv')
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      for (const [name, text] of [
        ['p1.json', '{"days": 1, "levers": {"__proto__.polluted": [1]}}'],
        ['p2.json', '{"days": 1, "levers": {"constructor.prototype.polluted": [1]}}'],
        ['p3.json', '{"days": 1, "levers": {"__proto__": [{"polluted": 1}]}}'],
        ['p4.json', '{"days": 1, "__proto__": {"polluted": 1}}'],
      ]) expect(await main(['sweep', '--plan', file(name, text), '--out', csv])).toBe(1)
    } finally {
      stderr.mockRestore()
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(existsSync(csv)).toBe(false)
    expect(() => setScenarioPath({}, '__proto__.polluted', 1)).toThrow('prototype')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
  it('a scenario file with a __proto__ key is refused', () => {
    expect(() => parseScenario(JSON.parse('{"__proto__": {"polluted": 1}}'))).toThrow('scenario.__proto__: unknown field')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('sweep resume and locking', () => {
  const p = plan('resume.json', { preset: 'street', days: 2, replicates: 2, levers: { 'gridWorkers.scale': [1, 2] } })
  const rows = (f: string) => readFileSync(f, 'utf8').trim().split('\n')
  let full: string[] = []
  beforeAll(() => {
    const csv = join(dir, 'full.csv')
    const r = proc(['sweep', '--plan', p, '--out', csv, '--workers', '2'])
    expect(r.status, r.stderr).toBe(0)
    full = rows(csv)
    expect(full).toHaveLength(5)
    expect(existsSync(`${csv}.lock`)).toBe(false)
  })

  it('a CSV whose last line is cut off: the cut row is dropped and run again, every row exactly once', () => {
    const csv = join(dir, 'cut.csv')
    const text = full.join('\n') + '\n'
    const cutAt = text.length - Math.floor(full[4].length / 2) - 1
    writeFileSync(csv, text.slice(0, cutAt))
    const r = proc(['sweep', '--plan', p, '--out', csv, '--workers', '1'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('dropped the cut-off row on line 5')
    expect(r.stderr).toContain('3 already in')
    const after = rows(csv)
    expect(after).toHaveLength(5)
    expect([...after].sort()).toEqual([...full].sort())
  })

  it('a last row cut exactly at a field boundary (right field count, no line break) is run again too', () => {
    const csv = join(dir, 'cut-field.csv')
    // the last metric loses its final digits: as many fields as the header, but the row never got its line break
    const last = (r: string) => r.split(',').pop()!.length
    const body = full.slice(1).sort((a, b) => last(a) - last(b))
    expect(last(body[3])).toBeGreaterThan(2)
    writeFileSync(csv, [full[0], ...body].join('\n').slice(0, -2))
    const r = proc(['sweep', '--plan', p, '--out', csv, '--workers', '1'])
    expect(r.status, r.stderr).toBe(0)
    expect([...rows(csv)].sort()).toEqual([...full].sort())
  })

  it('a corrupt row in the middle is named by line and the CSV is left as it was', async () => {
    const csv = join(dir, 'corrupt.csv')
    const bad = [...full]
    bad[2] = bad[2].split(',').slice(0, 10).join(',')
    writeFileSync(csv, bad.join('\n') + '\n')
    oneLine(await gongzhi(['sweep', '--plan', p, '--out', csv]), 1, 'corrupt.csv', 'line 3', 'fields')
    expect(readFileSync(csv, 'utf8')).toBe(bad.join('\n') + '\n')
  })

  it('a row of another plan (a seed this plan does not have) is refused', async () => {
    const csv = join(dir, 'foreign.csv')
    // the same row under seed 7: the id's seed and the seed column both changed
    const [id, rest] = full[2].split(/(?<=\]"),/)
    const foreign = `${id.replace(/^"\[\d+,/, '"[7,')},${rest.replace(/^\d+,/, '7,')}`
    writeFileSync(csv, [...full.slice(0, 2), foreign].join('\n') + '\n')
    oneLine(await gongzhi(['sweep', '--plan', p, '--out', csv]), 1, 'line 3', 'seed 7')
  })

  it('a second sweep on the same CSV while the first runs is refused; the first writes every row once', async () => {
    const csv = join(dir, 'locked.csv')
    const big = plan('locked.json', { preset: 'street', days: 20, replicates: 3, levers: { 'gridWorkers.scale': [1, 2] } })
    const first = spawn(process.execPath, ['bin/gongzhi.js', 'sweep', '--plan', big, '--out', csv, '--workers', '1'], { stdio: 'ignore' })
    const done = new Promise<number | null>((resolve) => first.on('exit', resolve))
    while (!existsSync(`${csv}.lock`)) await new Promise((r) => setTimeout(r, 20))
    oneLine(await gongzhi(['sweep', '--plan', big, '--out', csv]), 1, 'locked.csv', `another sweep (process ${first.pid})`)
    expect(await done).toBe(0)
    expect(existsSync(`${csv}.lock`)).toBe(false)
    const lines = rows(csv)
    expect(lines).toHaveLength(7)
    expect(new Set(lines).size).toBe(7)
  }, 120_000)

  it('a lever setting too large for memory stops the sweep with one error line, before any run, leaving no CSV', () => {
    const f = plan('too-big.json', { preset: 'street', days: 3650, levers: { 'demand.surge': [5], 'demand.issuesPerHouseholdYear': [20] } })
    const r = proc(['sweep', '--plan', f, '--out', csvOf(f), '--workers', '1'])
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).not.toMatch(STACK)
    const lines = r.stderr.trim().split('\n')
    expect(lines.at(-1)).toMatch(/^gongzhi: .*GB of memory/)
    expect(lines.filter((l) => l.startsWith('gongzhi:'))).toHaveLength(1)
    expect(existsSync(csvOf(f))).toBe(false)
  })

  it('a lock left by a process that is gone is taken over', () => {
    const csv = join(dir, 'stale.csv')
    writeFileSync(`${csv}.lock`, '2147483646\n')
    const r = proc(['sweep', '--plan', p, '--out', csv, '--workers', '1'])
    expect(r.status, r.stderr).toBe(0)
    expect(rows(csv)).toHaveLength(5)
    expect(existsSync(`${csv}.lock`)).toBe(false)
  })
})
