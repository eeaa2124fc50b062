// The sweep without a browser: the plan (seeds shared by every lever setting), the aggregate (the same means and
// intervals as a replicate run), the cheapest point, the CSV, the sliced world files (byte-identical to
// worldToFiles), and the pool on in-process simulator services finishing in shuffled order: identical numbers
// whatever the number of workers.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildWorld, csvRecords, csvText, parseSweepPlan, rowCells, scenarioIssueText, scenarioPreset, summarize, summarizeRows, sweepHeader, worldToFiles, type ScenarioInput, type SimResult } from '../../sim/api.ts'
import { createSimService } from '../../sim/worker.ts'
import { aggregate, axisValues, checkSettings, cheapest, costSign, isIntegerLever, planSweep, rowsOf, sweepCsv, type SweepSettings, type SweepPoint } from './plan.ts'
import { SweepPool, type PoolWorker, type SimRemote } from './pool.ts'
import { worldFilesSliced } from './world-files.ts'

const base = scenarioPreset('grid-management') as ScenarioInput
const settings = (over: Partial<SweepSettings> = {}): SweepSettings => ({
  axes: [{ path: 'gridWorkers.perGrid', from: 1, to: 3, steps: 3 }],
  replicates: 2,
  days: 20,
  seed: 5,
  target: { metric: 'rates.resolution', op: '>=', value: 0.5 },
  strict: false,
  workers: 2,
  ...over,
})

describe('sweep plan', () => {
  it('spaces lever values, rounds integer levers, and shares seeds across points', () => {
    expect(axisValues({ path: 'gridWorkers.perGrid', from: 1, to: 2, steps: 3 })).toEqual([1, 1.5, 2])
    expect(isIntegerLever('street.officeStaff')).toBe(true)
    expect(isIntegerLever('gridWorkers.perGrid')).toBe(false)
    expect(axisValues({ path: 'street.officeStaff', from: 2, to: 4, steps: 5 })).toEqual([2, 3, 4])
    const p = planSweep(base, settings({ axes: [{ path: 'gridWorkers.perGrid', from: 1, to: 3, steps: 3 }, { path: 'street.officeStaff', from: 4, to: 8, steps: 2 }] }))
    expect(p.points).toHaveLength(6)
    expect(p.jobs).toHaveLength(12)
    for (let pt = 0; pt < 6; pt++) expect(p.jobs.filter((j) => j.point === pt).map((j) => j.seed)).toEqual([5, 6])
    const j = p.jobs.find((x) => x.levers['gridWorkers.perGrid'] === 2 && x.levers['street.officeStaff'] === 8)!
    expect((j.scenario as { gridWorkers: { perGrid: number } }).gridWorkers.perGrid).toBe(2)
    expect((j.scenario as { street: { officeStaff: number } }).street.officeStaff).toBe(8)
    expect(p.jobs.map((x) => x.index)).toEqual(p.jobs.map((_, i) => i))
  })

  it('names bad settings', () => {
    expect(checkSettings(settings())).toEqual([])
    expect(checkSettings(settings({ axes: [{ path: 'gridWorkers.perGrid', from: 1, to: 400, steps: 3 }] })).map(scenarioIssueText).join()).toMatch(/gridWorkers.perGrid.to: must be in 0–20, got 400/)
    expect(checkSettings(settings({ axes: [{ path: 'whistle.enabled', from: 0, to: 1, steps: 2 }] })).map(scenarioIssueText).join()).toMatch(/not a numeric lever/)
    expect(checkSettings(settings({ replicates: 0 })).map(scenarioIssueText).join()).toMatch(/replicates/)
  })

  it('picks the cheapest point that meets the target, in the lever’s cost direction', () => {
    const summary = (staff: number) => ({ setting: 0, levers: {}, n: 2, seeds: [1, 2], metrics: { 'staff.headcount': { mean: staff, sd: 0, ci95: [staff, staff] }, 'staff.cost': { mean: staff * 1e5, sd: 0, ci95: [0, 0] } } }) as unknown as SweepPoint['summary']
    const pt = (v: number, meets: boolean, staff = v): SweepPoint => ({ levers: { 'gridWorkers.perGrid': v }, n: 2, mean: 0, lo: 0, hi: 0, meets, headcount: staff, cost: staff * 1e5, summary: summary(staff) })
    const axes = [{ path: 'gridWorkers.perGrid', from: 1, to: 3, steps: 3 }]
    expect(cheapest([pt(1, false), pt(2, true), pt(3, true)], axes)?.levers['gridWorkers.perGrid']).toBe(2)
    expect(cheapest([pt(1, false), pt(2, false)], axes)).toBeNull()
    expect(costSign('communityWorkers.householdsPerWorker')).toBe(-1)
    const hpw = [{ path: 'communityWorkers.householdsPerWorker', from: 100, to: 300, steps: 3 }]
    const q = (v: number, meets: boolean): SweepPoint => ({ ...pt(0, meets), levers: { 'communityWorkers.householdsPerWorker': v } })
    expect(cheapest([q(100, true), q(200, true), q(300, false)], hpw)?.levers['communityWorkers.householdsPerWorker']).toBe(200)
    // by total staff or cost: the setting with the fewest people wins whatever its lever value
    const pts = [pt(1, false, 50), pt(2, true, 90), pt(3, true, 70)]
    expect(cheapest(pts, axes, 'staff.headcount')?.levers['gridWorkers.perGrid']).toBe(3)
    expect(cheapest(pts, axes, 'staff.cost')?.levers['gridWorkers.perGrid']).toBe(3)
    expect(cheapest(pts, axes, 'lever')?.levers['gridWorkers.perGrid']).toBe(2)
  })
})

describe('sliced world files', () => {
  it('are byte-identical to worldToFiles, with the edited grids', async () => {
    const w = buildWorld({ preset: 'street', seed: 1 })
    const grids = w.grids.features.slice(1)
    let yields = 0
    const files = await worldFilesSliced(w, grids, async () => void yields++)
    const ref = worldToFiles({ ...w, grids: { type: 'FeatureCollection', features: grids } })
    expect(Object.keys(files)).toEqual(Object.keys(ref))
    for (const k of Object.keys(ref)) expect(files[k], k).toBe(ref[k])
    // the base layers are cached per world: a second call writes only the grids
    const again = await worldFilesSliced(w, w.grids.features, async () => void yields++)
    expect(again).toEqual(worldToFiles(w))
  })
})

describe('sweep pool', () => {
  const world = buildWorld({ preset: 'street', seed: 1 })
  // the world compiled once, in a service standing for the page's run worker (src/sim-client.ts)
  const source = createSimService()
  source.loadWorld({ files: worldToFiles(world) })
  /** an in-process service whose runs finish after a random delay, so completion order is shuffled */
  let salt = 1
  const factory = (): PoolWorker => {
    const svc = createSimService()
    const delay = () => new Promise((r) => setTimeout(r, (salt = (salt * 7919) % 97)))
    const remote: SimRemote = {
      shareWorld: async (port) => svc.shareWorld(port),
      loadWorldFrom: (port) => svc.loadWorldFrom(port),
      newRunId: async () => svc.newRunId(),
      run: async (req, onProgress, _e, id) => {
        await delay()
        return svc.run(req as Parameters<typeof svc.run>[0], onProgress, undefined, id)
      },
      cancel: async (id) => svc.cancel(id),
    }
    return { remote, dispose: () => undefined }
  }

  it('gives the same numbers with 1 and 3 workers, equal to summarize over the same seeds', async () => {
    const s = settings({ days: 15 })
    const plan = planSweep(base, s)
    let loads = 0
    const shareOnce = async (port: MessagePort) => (loads++, source.shareWorld(port))
    const one = await new SweepPool(factory).run(plan.jobs, { workers: 1, worldKey: 'w', shareWorld: shareOnce })
    const pool3 = new SweepPool(factory)
    const progress: number[] = []
    const three = await pool3.run(plan.jobs, { workers: 3, worldKey: 'w', shareWorld: shareOnce, onProgress: (p) => progress.push(p.done) })
    expect(three.workers).toBe(3)
    expect(one.cancelled || three.cancelled).toBe(false)
    const a = aggregate(plan, one.results, s.target)
    const b = aggregate(plan, three.results, s.target)
    expect(b).toEqual(a)
    expect(sweepCsv(plan, three.results)).toBe(sweepCsv(plan, one.results))
    expect(progress[progress.length - 1]).toBe(plan.jobs.length)
    // each point is a replicate run on seeds 5, 6: the same summary as summarize over those runs
    const runs = plan.jobs.filter((j) => j.point === 1).map((j) => one.results[j.index] as SimResult)
    expect(runs.map((r) => r.seed)).toEqual([5, 6])
    const m = summarize(runs).metrics['rates.resolution']
    expect(a[1]).toMatchObject({ mean: m.mean, lo: m.ci95[0], hi: m.ci95[1], n: 2 })
    for (const p of a) {
      expect(p.lo).toBeLessThanOrEqual(p.mean)
      expect(p.hi).toBeGreaterThanOrEqual(p.mean)
    }
    // a second sweep on the same world does not reload it
    await pool3.run(plan.jobs.slice(0, 2), { workers: 2, worldKey: 'w', shareWorld: shareOnce })
    expect(loads).toBe(2)
    // the CSV: a header, then one row per run with the lever value and seed
    const lines = sweepCsv(plan, one.results).replace(/^\ufeff/, '').trim().split('\n')
    expect(lines[0].split(',').slice(0, 4)).toEqual(['gridWorkers.perGrid', 'replicate', 'seed', 'days'])
    expect(lines).toHaveLength(plan.jobs.length + 1)
    expect(lines[1].split(',').slice(0, 4)).toEqual(['1', '1', '5', '15'])
  })

  it('cancels: no more jobs are handed out and the sweep says it was cancelled', async () => {
    const plan = planSweep(base, settings({ days: 30, replicates: 3 }))
    const pool = new SweepPool(factory)
    let cancelled = false
    const o = await pool.run(plan.jobs, {
      workers: 2,
      worldKey: 'w',
      shareWorld: async (port) => source.shareWorld(port),
      onProgress: (p) => {
        if (p.done >= 1 && !cancelled) (cancelled = true), pool.cancel()
      },
    })
    expect(o.cancelled).toBe(true)
    expect(o.results.filter(Boolean).length).toBeLessThan(plan.jobs.length)
  })
})

describe('the page and the CLI through one sweep core', () => {
  it('give the same plan, jobs and rows, byte for byte in the CLI’s CSV', async () => {
    // the page's form: workers per grid 1 and 2, two replicates from seed 3, 6 days, on the street world
    const s = settings({ axes: [{ path: 'gridWorkers.perGrid', from: 1, to: 2, steps: 2 }], replicates: 2, days: 6, seed: 3 })
    const page = planSweep(scenarioPreset('hotline-reform') as ScenarioInput, s)
    const file = { preset: 'street', scenario: 'hotline-reform', days: 6, seed: 3, replicates: 2, levers: { 'gridWorkers.perGrid': [1, 2] } }
    expect(page.core).toEqual({ ...parseSweepPlan(file), preset: undefined })
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-parity-'))
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(file))
    const cli = spawnSync(process.execPath, ['bin/gongzhi.js', 'sweep', '--plan', join(dir, 'plan.json'), '--workers', '1', '--out', join(dir, 'cli.csv')], { encoding: 'utf8' })
    expect(cli.status, cli.stderr).toBe(0)
    // the page's run worker compiles the world from its layer files and shares it with the sweep's worker
    const runWorker = createSimService()
    runWorker.loadWorld({ files: worldToFiles(buildWorld({ preset: 'street', seed: 1 })) })
    const svc = createSimService()
    const remote: SimRemote = {
      shareWorld: async (port) => svc.shareWorld(port),
      loadWorldFrom: (port) => svc.loadWorldFrom(port),
      newRunId: async () => svc.newRunId(),
      run: async (req, onProgress, _e, id) => svc.run(req as Parameters<typeof svc.run>[0], onProgress, undefined, id),
      cancel: async (id) => svc.cancel(id),
    }
    const out = await new SweepPool(() => ({ remote, dispose: () => undefined })).run(page.jobs, { workers: 1, worldKey: 'w', shareWorld: async (port) => runWorker.shareWorld(port) })
    const rows = rowsOf(page, out.results)
    expect(rows).toHaveLength(4)
    const cliText = readFileSync(join(dir, 'cli.csv'), 'utf8')
    expect(csvText(sweepHeader(page.core), rows.map(rowCells))).toBe(cliText)
    // the page's download is the same rows in its own columns; its summaries are the core's merge of the CLI's rows
    const [head, ...cliRows] = csvRecords(cliText).map((r) => r.fields)
    const [pageHead, ...pageRows] = csvRecords(sweepCsv(page, out.results)).map((r) => r.fields)
    const at = (h: string[], r: string[], c: string) => r[h.indexOf(c)]
    cliRows.forEach((r, i) => {
      for (const c of ['gridWorkers.perGrid', 'seed', 'days', 'rates.resolution', 'hoursToClose.p90']) expect(at(pageHead, pageRows[i], c), c).toBe(at(head, r, c))
    })
    const means = summarizeRows(page.core, rows).map((x) => x.metrics['rates.resolution'].mean)
    expect(aggregate(page, out.results, s.target).map((p) => p.mean)).toEqual(means)
  }, 120_000)
})
