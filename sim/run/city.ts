// A city run: the world sharded by district, each district a run of its own (its streets, departments and resolvers),
// merged exactly. Shards are independent by construction of the model: every pool (grid workers, communities,
// property companies, street offices and enforcement, the district departments) belongs to one district, and the
// 12345 hall is a channel with no queue of its own — a hotline ticket is dispatched to the district's resolvers the
// moment it is known — so nothing one district does changes what another sees (docs/simulation.md § City runs).
// A district's seed is derived from the run's seed and the district's code, never from a worker, so the merged
// result is the same bytes for any number of workers; districts are merged in plan order for the same reason.
import type { CompiledWorld } from '../world/compile.ts'
import { DISTRICTS } from '../world/generate/presets.ts'
import type { Preset } from '../world/generate/presets.ts'
import { hash32, seedHash } from '../engine/rng.ts'
import { parseScenario, type Scenario, type ScenarioInput } from '../scenario/schema.ts'
import { meanCi, metricRange, prepareModel, RESULT_VERSION } from './simulate.ts'
import { addTally, countOf, emptyTally, histQuantile, tallyModel, type DistrictTally, type Tally } from './city-tally.ts'

/** one district of a city run, as the plan lists it */
export interface CityShard {
  code: string
  name: string
  nameEn: string
  /** where a worker gets the district's world: a preset to build, or the index of a district of a world it is sent */
  preset: Preset | null
  /** planned residents: the larger districts are handed out first, so the workers finish together */
  weight: number
}

/** the shards of a preset: every district of `beijing`, or the one district (or street) of any other preset */
export function presetShards(preset: Preset): CityShard[] {
  if (preset === 'beijing') return DISTRICTS.map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn, preset: d.pinyin as Preset, weight: d.residents }))
  const d = DISTRICTS.find((x) => x.pinyin === (preset === 'street' ? 'fengtai' : preset))
  if (!d) throw new Error(`unknown preset "${preset}"`)
  return [{ code: d.code, name: d.name, nameEn: d.nameEn, preset, weight: d.residents }]
}

/** the seed of a district's run: a hash of the run's seed and the district's code (a 31-bit integer) */
export function districtSeed(runSeed: number, code: string): number {
  return hash32(runSeed, seedHash(code), 0x63697479) % 2 ** 31
}

/** what one shard sends back: its street ids and names and, per replicate, the raw tallies */
export interface ShardResult {
  code: string
  streets: { ids: string[]; names: string[] }
  replicates: { runSeed: number; seed: number; days: number; cancelled: boolean; tally: DistrictTally }[]
}

export interface ShardRunOptions {
  code: string
  /** the run seed of each replicate (base, base+1, …) */
  runSeeds: number[]
  days: number
  /** simulated days done in this shard, over all its replicates */
  onProgress?: (daysDone: number, daysTotal: number) => void
  isCancelled?: () => boolean
  /** yield to the event loop this often (days) so a cancel can arrive; 0 never yields */
  yieldEveryDays?: number
}

/** runs one district for every replicate; the same world, scenario, code and seeds always give the same tallies */
export async function runShard(world: CompiledWorld, scenario: Scenario | ScenarioInput, o: ShardRunOptions): Promise<ShardResult> {
  const sc = parseScenario(scenario)
  const total = o.days * o.runSeeds.length
  const every = o.yieldEveryDays ?? 0
  const replicates: ShardResult['replicates'] = []
  let done = 0
  for (const runSeed of o.runSeeds) {
    const seed = districtSeed(runSeed, o.code)
    const m = prepareModel(world, sc, { seed, days: o.days })
    let d = 0
    let cancelled = false
    while (d < o.days) {
      m.runDay(d++)
      o.onProgress?.(++done, total)
      if (every && d % every === 0) await new Promise((r) => setTimeout(r, 0))
      if (o.isCancelled?.()) {
        cancelled = d < o.days
        break
      }
    }
    replicates.push({ runSeed, seed, days: d, cancelled, tally: tallyModel(m) })
    if (cancelled) break
  }
  return { code: o.code, streets: { ids: world.streets.ids.slice(), names: world.streets.names.slice() }, replicates }
}

const r4 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null)
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN)

/** the figures of a merged tally: counts as they are, every rate a ratio of merged counts, percentiles from the
 *  merged histogram */
export function totalsOf(t: Tally, days: number) {
  const c = (k: Parameters<typeof countOf>[1]) => countOf(t, k)
  const closed = c('closed')
  return {
    issues: { arisen: c('arisen'), known: c('known'), closed, open: c('open'), latent: c('latent'), hotline: c('hotline'), proactive: c('proactive') },
    rates: {
      response: r4(ratio(c('responded'), c('known'))),
      resolution: r4(ratio(c('solved'), c('callbacks'))),
      satisfaction: r4(ratio(c('satisfied'), c('callbacks'))),
      onTime: r4(ratio(c('onTime'), c('callbacks'))),
      overdue: r4(1 - ratio(c('onTime'), c('callbacks'))),
      discovery: r4(ratio(c('known'), c('arisen'))),
      proactive: r4(ratio(c('proactive'), c('known'))),
    },
    callbacks: { count: c('callbacks'), solved: c('solved'), satisfied: c('satisfied'), onTime: c('onTime'), responded: c('responded') },
    hotline: { tickets: c('hotline'), perResidentYear: r4((ratio(c('hotline'), c('residents')) * 365) / days) },
    hoursToClose: { n: closed, mean: r4(ratio(t.closeHours, closed)), p50: r4(histQuantile(t.closeHist, closed, 0.5) ?? NaN), p90: r4(histQuantile(t.closeHist, closed, 0.9) ?? NaN) },
    publicSpace: { arisen: c('publicArisen'), known: c('publicKnown'), discovery: r4(ratio(c('publicKnown'), c('publicArisen'))) },
    whistles: { count: c('whistled'), per10k: r4(ratio(c('whistled'), c('known')) * 1e4) },
    households: c('households'),
    residents: c('residents'),
    gridWorkers: r4(t.gridWorkers),
    householdsPerGridWorker: r4(ratio(c('households'), t.gridWorkers)),
  }
}
export type CityTotals = ReturnType<typeof totalsOf>

export interface CityResult {
  version: string
  kind: 'city'
  scenario: string
  params: Scenario
  /** the run seed; each district's own seed is in `districts` */
  seed: number
  days: number
  cancelled: boolean
  world: { preset: string | null; seed: number | null }
  city: CityTotals & { bounces: number; reworks: number; events: number; districts: number; streets: number }
  districts: (CityTotals & { code: string; name: string; nameEn: string; seed: number; days: number })[]
  streets: (CityTotals & { id: string; name: string; district: string })[]
}

/** merges shard results (in plan order: `shards` and `results` aligned) into one city result per replicate */
export function mergeCity(scenario: Scenario | ScenarioInput, world: CityResult['world'], shards: CityShard[], results: ShardResult[], days: number): CityResult[] {
  const sc = parseScenario(scenario)
  const byCode = new Map(results.map((r) => [r.code, r]))
  const nReps = Math.max(0, ...results.map((r) => r.replicates.length))
  const out: CityResult[] = []
  for (let k = 0; k < nReps; k++) {
    const city = emptyTally()
    let bounces = 0
    let reworks = 0
    let events = 0
    let cancelled = false
    let runSeed = NaN
    const districts: CityResult['districts'] = []
    const streets: CityResult['streets'] = []
    for (const shard of shards) {
      const r = byCode.get(shard.code)
      const rep = r?.replicates[k]
      if (!r || !rep) {
        cancelled = true
        continue
      }
      runSeed = rep.runSeed
      cancelled ||= rep.cancelled
      addTally(city, rep.tally.total)
      bounces += rep.tally.bounces
      reworks += rep.tally.reworks
      events += rep.tally.events
      districts.push({ code: shard.code, name: shard.name, nameEn: shard.nameEn, seed: rep.seed, days: rep.days, ...totalsOf(rep.tally.total, rep.days) })
      rep.tally.streets.forEach((t, s) => streets.push({ id: r.streets.ids[s], name: r.streets.names[s], district: shard.code, ...totalsOf(t, rep.days) }))
    }
    out.push({
      version: RESULT_VERSION,
      kind: 'city',
      scenario: sc.name,
      params: sc,
      seed: runSeed,
      days,
      cancelled,
      world,
      city: { ...totalsOf(city, days), bounces, reworks, events, districts: districts.length, streets: streets.length },
      districts,
      streets,
    })
  }
  return out
}

/** the city figures summarised over replicates: mean and 95 % interval of each replicate's merged value, clipped
 *  to the metric's range like a replicate run's */
export const CITY_SUMMARY = ['issues.arisen', 'issues.known', 'issues.closed', 'rates.response', 'rates.resolution', 'rates.satisfaction', 'rates.onTime', 'rates.discovery', 'rates.proactive', 'hotline.perResidentYear', 'hoursToClose.mean', 'hoursToClose.p50', 'hoursToClose.p90', 'whistles.per10k'] as const

export function summarizeCity(runs: CityResult[]): { replicates: number; seeds: number[]; metrics: Record<string, ReturnType<typeof meanCi>> } {
  const at = (r: CityResult, path: string) => {
    let v: unknown = r.city
    for (const p of path.split('.')) v = (v as Record<string, unknown>)[p]
    return typeof v === 'number' ? v : NaN
  }
  return { replicates: runs.length, seeds: runs.map((r) => r.seed), metrics: Object.fromEntries(CITY_SUMMARY.map((p) => [p, meanCi(runs.map((r) => at(r, p)), metricRange(p))])) }
}
