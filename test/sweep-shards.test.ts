// Array-job shards as a Slurm array or a Kubernetes Indexed Job runs them: `gongzhi sweep --shard K/N` in separate
// processes, then `gongzhi sweep merge`; the merged CSV must be the local sweep's, byte for byte.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const gongzhi = (...args: string[]) => spawnSync(process.execPath, ['bin/gongzhi.js', ...args], { encoding: 'utf8' })
const dir = mkdtempSync(join(tmpdir(), 'gongzhi-shards-'))
const plan = join(dir, 'plan.json')
const part = (k: number) => join(dir, `part-${k}.csv`)
const N = 3

describe('gongzhi sweep --shard K/N and sweep merge', () => {
  beforeAll(() => {
    // 7 jobs over 3 shards: 3 + 2 + 2, so the slices are uneven as real ones are
    writeFileSync(plan, JSON.stringify({ preset: 'street', scenario: 'whistle', days: 3, replicates: 1, levers: { 'gridWorkers.scale': [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] } }))
    for (let k = 0; k < N; k++) {
      const r = gongzhi('sweep', '--plan', plan, '--shard', `${k}/${N}`, '--workers', '1', '--out', part(k))
      expect(r.status, r.stderr).toBe(0)
    }
  }, 120_000)

  it('each shard runs jobs k, k + N, … and names its plan and slice on its first line', () => {
    const lines = readFileSync(part(1), 'utf8').trim().split('\n')
    expect(lines[0]).toMatch(/^# gongzhi sweep shard 1\/3 plan=[0-9a-f]{16} jobs=7$/)
    expect(lines[1].startsWith('job,id,seed,')).toBe(true)
    expect(lines.slice(2).map((l) => l.split(',')[0])).toEqual(['1', '4'])
  })

  it('the merge of the shards is the local sweep, byte for byte', () => {
    const all = join(dir, 'all.csv')
    const local = join(dir, 'local.csv')
    const m = gongzhi('sweep', 'merge', part(2), part(0), part(1), '--out', all)
    expect(m.status, m.stderr).toBe(0)
    expect(m.stderr).toContain('merged 3 shards, 7 runs')
    const r = gongzhi('sweep', '--plan', plan, '--workers', '2', '--out', local)
    expect(r.status, r.stderr).toBe(0)
    expect(readFileSync(all, 'utf8')).toBe(readFileSync(local, 'utf8'))
    expect(readFileSync(all, 'utf8').trim().split('\n')).toHaveLength(8)
  }, 60_000)

  it('refuses a missing shard, naming it and its jobs', () => {
    const r = gongzhi('sweep', 'merge', part(0), part(2), '--out', join(dir, 'x.csv'))
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain('shard 1/3 missing (jobs 1, 4)')
  })

  it('refuses a duplicated shard, naming both files', () => {
    copyFileSync(part(1), join(dir, 'again-1.csv'))
    const r = gongzhi('sweep', 'merge', part(0), part(1), join(dir, 'again-1.csv'), part(2), '--out', join(dir, 'x.csv'))
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/again-1\.csv.*duplicates shard 1\/3, already given as .*part-1\.csv/)
  })

  it('refuses an unfinished shard and a shard of another plan', () => {
    const lines = readFileSync(part(0), 'utf8').split('\n')
    const cut = join(dir, 'cut-0.csv')
    writeFileSync(cut, lines.slice(0, 3).join('\n') + '\n')
    const r = gongzhi('sweep', 'merge', cut, part(1), part(2), '--out', join(dir, 'x.csv'))
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('shard 0/3 is unfinished: jobs 3, 6 have no row')
    const other = join(dir, 'other-0.csv')
    writeFileSync(other, readFileSync(part(0), 'utf8').replace(/plan=[0-9a-f]+/, 'plan=0123456789abcdef'))
    const o = gongzhi('sweep', 'merge', part(1), other, part(2), '--out', join(dir, 'x.csv'))
    expect(o.status).toBe(1)
    expect(o.stderr).toContain('is a shard of another plan')
  })

  it('a shard resumes its own rows and refuses a file of another slice', () => {
    const lines = readFileSync(part(0), 'utf8').split('\n')
    const f = join(dir, 'resume-0.csv')
    writeFileSync(f, lines.slice(0, 3).join('\n') + '\n')
    const r = gongzhi('sweep', '--plan', plan, '--shard', `0/${N}`, '--workers', '1', '--out', f)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('1 already in')
    expect(readFileSync(f, 'utf8')).toBe(readFileSync(part(0), 'utf8'))
    const wrong = gongzhi('sweep', '--plan', plan, '--shard', `1/${N}`, '--workers', '1', '--out', f)
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toContain('shard 1/3')
    expect(gongzhi('sweep', '--plan', plan, '--shard', '3/3', '--out', f).status).toBe(2)
  }, 60_000)
})
