// `gongzhi sensitivity` as a user runs it: worker threads, the table on stdout, CSV and JSON written; a tiny design.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

describe('gongzhi sensitivity', () => {
  it('screens the named levers on worker threads, prints μ* and σ per output and writes CSV and JSON', () => {
    const stem = join(mkdtempSync(join(tmpdir(), 'gongzhi-sens-')), 's')
    const levers = ['residents.reportProbability', 'socialOrgs.fix']
    const r = spawnSync(process.execPath, ['bin/gongzhi.js', 'sensitivity', '--preset', 'street', '--levers', levers.join(','), '--trajectories', '1', '--days', '2', '--workers', '2', '--out', stem], { encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('2 levers × 1 trajectories = 3 runs')
    for (const o of ['rates.response', 'rates.resolution', 'rates.satisfaction', 'hoursToClose.mean', 'rates.discovery']) expect(r.stdout).toContain(`${o}: μ*`)
    for (const l of levers) expect(r.stdout).toContain(l)
    const csv = readFileSync(`${stem}.csv`, 'utf8').trim().split('\n')
    expect(csv[0]).toBe('lever,output,mu_star,mu,sigma,lo,hi')
    expect(csv).toHaveLength(1 + 2 * 5)
    expect(csv.filter((l) => l.startsWith('socialOrgs.fix,')).every((l) => l.split(',')[2] === '0')).toBe(true)
    expect(JSON.parse(readFileSync(`${stem}.json`, 'utf8')).rows).toHaveLength(10)
  })

  it('names an unknown lever (exit 2)', () => {
    const r = spawnSync(process.execPath, ['bin/gongzhi.js', 'sensitivity', '--levers', 'socialOrgs.fixx'], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('socialOrgs.fixx: not a numeric lever')
  })
})
