// The simulation commands as a user runs them: through bin/gongzhi.js in a child process.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const gongzhi = (...args: string[]) => spawnSync(process.execPath, ['bin/gongzhi.js', ...args], { encoding: 'utf8' })
const dir = mkdtempSync(join(tmpdir(), 'gongzhi-sim-cli-'))

describe('gongzhi run', () => {
  it('writes a result JSON with progress on stderr; the same seed gives the same file', () => {
    const a = join(dir, 'a.json')
    const b = join(dir, 'b.json')
    const r = gongzhi('run', '--preset', 'street', '--scenario', 'whistle', '--days', '30', '--seed', '4', '--out', a)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('day 30/30')
    gongzhi('run', '--preset', 'street', '--scenario', 'whistle', '--days', '30', '--seed', '4', '--out', b)
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'))
    const res = JSON.parse(readFileSync(a, 'utf8'))
    expect(res).toMatchObject({ seed: 4, scenario: 'whistle', days: 30 })
    expect(res.rates.resolution).toBeGreaterThan(0)
  })

  it('with replicates reports means and 95 % intervals', () => {
    const f = join(dir, 'reps.json')
    const r = gongzhi('run', '--preset', 'street', '--scenario', 'hotline-reform', '--days', '20', '--seed', '1', '--replicates', '3', '--out', f)
    expect(r.status, r.stderr).toBe(0)
    const res = JSON.parse(readFileSync(f, 'utf8'))
    expect(res.runs).toHaveLength(3)
    const m = res.summary.metrics['rates.resolution']
    expect(m.ci95[0]).toBeLessThanOrEqual(m.mean)
    expect(m.ci95[1]).toBeGreaterThanOrEqual(m.mean)
    expect(r.stdout).toContain('95% [')
  })

  it('names the bad field of a scenario file (exit 1) and rejects bad usage (exit 2)', () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ gridWorkers: { perGrid: 400 } }))
    const r = gongzhi('run', '--scenario', bad, '--days', '3', '--out', join(dir, 'x.json'))
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('scenario.gridWorkers.perGrid: must be ≤ 20, got 400')
    expect(gongzhi('run', '--scenario', 'nope', '--out', join(dir, 'x.json')).status).toBe(2)
    expect(gongzhi('run', '--scenario', 'whistle', '--days', 'many', '--out', join(dir, 'x.json')).status).toBe(2)
  })
})

describe('gongzhi scenarios', () => {
  it('lists presets one a line and diffs two', () => {
    const r = gongzhi('scenarios')
    expect(r.status).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(8)
    expect(lines.some((l) => l.startsWith('hotline-reform'))).toBe(true)
    const d = gongzhi('scenarios', 'diff', 'whistle', 'hotline-reform')
    expect(d.status).toBe(0)
    expect(d.stdout).toMatch(/hotline\.directDispatch\s+false → true/)
  })
})

describe('gongzhi sweep', () => {
  it('runs levers × replicates on worker threads, one CSV row per run, and resumes', () => {
    const plan = join(dir, 'plan.json')
    writeFileSync(plan, JSON.stringify({ preset: 'street', scenario: 'hotline-reform', days: 10, replicates: 2, levers: { 'gridWorkers.scale': [1, 2] } }))
    const csv = join(dir, 'sweep.csv')
    const r = gongzhi('sweep', '--plan', plan, '--workers', '2', '--out', csv)
    expect(r.status, r.stderr).toBe(0)
    const lines = readFileSync(csv, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(5)
    expect(lines[0]).toContain('gridWorkers.scale')
    expect(lines[0]).toContain('rates.resolution')
    // interrupted: keep two rows; the rerun adds only the missing two
    writeFileSync(csv, lines.slice(0, 3).join('\n') + '\n')
    const again = gongzhi('sweep', '--plan', plan, '--workers', '2', '--out', csv)
    expect(again.stderr).toContain('2 already in')
    const after = readFileSync(csv, 'utf8').trim().split('\n')
    expect(after).toHaveLength(5)
    expect(new Set(after.map((l) => l.split(',').slice(0, 3).join(','))).size).toBe(5)
    // the setting meeting a target with the fewest staff: twice the grid workers is more staff
    const best = gongzhi('sweep', 'best', '--plan', plan, csv, '--target', 'rates.response>=0', '--objective', 'staff.headcount')
    expect(best.status, best.stderr).toBe(0)
    expect(best.stdout).toContain('2 of 2 settings meet it')
    expect(best.stdout).toMatch(/cheapest by staff\.headcount: gridWorkers\.scale=1 /)
    expect(gongzhi('sweep', 'best', '--plan', plan, csv, '--target', 'rates.response>=2').status).toBe(1)
  })

  it('gives the same rows from the precompiled bundle and from the TypeScript through tsx', () => {
    const plan = join(dir, 'plan-tsx.json')
    writeFileSync(plan, JSON.stringify({ preset: 'street', scenario: 'whistle', days: 5, replicates: 2 }))
    const [a, b] = [join(dir, 'bundled.csv'), join(dir, 'tsx.csv')]
    expect(gongzhi('sweep', '--plan', plan, '--workers', '2', '--out', a).status).toBe(0)
    expect(existsSync('node_modules/.cache/gongzhi/manifest.json')).toBe(true)
    const r = spawnSync(process.execPath, ['bin/gongzhi.js', 'sweep', '--plan', plan, '--workers', '2', '--out', b], { encoding: 'utf8', env: { ...process.env, GONGZHI_TSX: '1' } })
    expect(r.status, r.stderr).toBe(0)
    const rows = (f: string) => readFileSync(f, 'utf8').trim().split('\n').sort()
    expect(rows(b)).toEqual(rows(a))
    expect(rows(a)).toHaveLength(3)
  })
})

describe('gongzhi calibrate', () => {
  it('prints simulated figures next to the published ones', () => {
    const r = gongzhi('calibrate', '--preset', 'street', '--days', '30')
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Beijing resolution 2019')
    expect(r.stdout).toContain('published')
    expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(15)
  })
})
