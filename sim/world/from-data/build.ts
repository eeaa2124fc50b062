// A world from the user's own files: communities (required), streets, buildings and grids (optional). What the
// files give is used as given; what is missing is derived or generated, and every feature says which (`origin`).
// Pure and deterministic for a seed, like buildWorld; the CLI and the page's worker both call it.
import type { Feature, Point, Polygon } from 'geojson'
import { createRng } from '../../engine/rng.ts'
import { interiorPoint } from '../../geometry/interior-point.ts'
import { areaFromPolys, areaM2 } from '../../geometry/measure.ts'
import { roundCoords } from '../../geometry/precision.ts'
import { chainSegments, sharedEdges } from '../generate/roads.ts'
import { LAYER_PROPS, type BuildingP, type CommunityP, type CompoundP, type GridP, type Origin, type ServiceP } from '../schema.ts'
import { WORLD_LAYERS, type Area, type World, type WorldLayerName } from '../types.ts'
import { buildingDrafts, fileBuildings, generateBuildings } from './buildings.ts'
import { estimateHouseholds, formForDensity, PERSONS_PER_HOUSEHOLD, type HouseholdEstimate } from './estimate.ts'
import { fileGrids, generatedGrids } from './grids.ts'
import type { MappedLayer } from './mapping.ts'
import { communityDrafts, districtFeature, FromDataError, streetDrafts, streetFeatures, type CommunityDraft } from './structure.ts'

export const FROM_DATA_VERSION = '1.0.0'

export interface FromDataInput {
  communities: MappedLayer
  streets?: MappedLayer
  buildings?: MappedLayer
  grids?: MappedLayer
  /** the user's confirmation of the household estimate (households per hectare) for communities no file gives households for */
  hhPerHa?: number
  seed?: number
  /** the district's (and a lone derived street's) name */
  name?: string
}

export type HouseholdSource = 'file' | 'residents' | 'buildings' | 'estimate'

export interface FromDataSummary {
  /** per world layer: where its features come from, how many, and how */
  layers: Partial<Record<WorldLayerName, { origin: Origin | 'mixed'; count: number; how: string }>>
  /** communities by where their households come from */
  households: Record<HouseholdSource, number>
  /** the proposal the user must confirm (null when every community has households) */
  estimate: HouseholdEstimate | null
  /** things the user should know that do not stop the build (e.g. buildings and communities disagreeing) */
  notes: string[]
  /** the same notes as an id plus parameters, for the page to say in its language */
  noteMsgs: FromDataNote[]
}

export type FromDataResult =
  | { ok: true; world: World; summary: FromDataSummary }
  | { ok: false; error: string; estimate?: HouseholdEstimate }

interface Resolved {
  cs: CommunityDraft[]
  hh: Map<string, number>
  res: Map<string, number>
  source: Record<HouseholdSource, number>
  estimate: HouseholdEstimate | null
}

function resolve(input: FromDataInput): Resolved & { drafts: ReturnType<typeof buildingDrafts> | null; streets: ReturnType<typeof streetDrafts> } {
  const cs = communityDrafts(input.communities)
  const streets = streetDrafts(cs, input.streets, input.name ?? '我的街道')
  const drafts = input.buildings ? buildingDrafts(input.buildings, cs) : null
  const fromBuildings = new Map<string, number>()
  if (drafts && input.buildings!.fromFile.has('households')) for (const d of drafts.drafts) if (d.community) fromBuildings.set(d.community, (fromBuildings.get(d.community) ?? 0) + (d.households ?? 0))
  const source: Record<HouseholdSource, number> = { file: 0, residents: 0, buildings: 0, estimate: 0 }
  const known = cs.map((c) => {
    if (c.households !== undefined) { source.file++; return c.households }
    if (c.residents !== undefined) { source.residents++; return Math.max(1, Math.round(c.residents / PERSONS_PER_HOUSEHOLD)) }
    const b = fromBuildings.get(c.id)
    if (b) { source.buildings++; return b }
    return undefined
  })
  const estimate = estimateHouseholds(cs.map((c, i) => ({ geometry: areaFromPolys(c.polys), name: c.name, households: known[i] })), input.hhPerHa)
  const hh = new Map<string, number>()
  const res = new Map<string, number>()
  cs.forEach((c, i) => {
    const h = known[i] ?? estimate!.communities.find((r) => r.index === i)!.households
    if (known[i] === undefined) source.estimate++
    hh.set(c.id, h)
    res.set(c.id, c.residents ?? Math.round(h * PERSONS_PER_HOUSEHOLD))
  })
  return { cs, hh, res, source, estimate, drafts, streets }
}

/** What a build will read, derive and generate, without building: the dialog's "what happens" step. */
export function planFromData(input: FromDataInput): FromDataSummary | { error: string } {
  try {
    const r = resolve(input)
    return summaryOf(input, r, r.streets.streets.length, r.streets.how, r.drafts?.drafts.length ?? null, input.grids?.props.length ?? null, r.drafts)
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

function summaryOf(input: FromDataInput, r: Resolved, nStreets: number, streetHow: string, nBuildings: number | null, nGrids: number | null, drafts: ReturnType<typeof buildingDrafts> | null): FromDataSummary {
  const c = input.communities
  const bHow = drafts
    ? `from ${input.buildings!.read.file}${drafts.points ? ` (${drafts.points} points drawn as ${20} m squares)` : ''}${drafts.byLocation ? `, ${drafts.byLocation} placed in a community by location` : ''}${input.buildings!.fromFile.has('households') ? '' : '; households split from the communities\''}`
    : 'generated inside each community to sum to its households'
  const layers: FromDataSummary['layers'] = {
    communities: { origin: 'file', count: c.props.length, how: `from ${c.read.file}` },
    streets: { origin: input.streets ? 'file' : 'derived', count: nStreets, how: input.streets ? `from ${input.streets.read.file}; ${streetHow}` : streetHow },
    district: { origin: 'derived', count: 1, how: 'the union of the streets' },
    buildings: { origin: input.buildings ? 'file' : 'generated', count: nBuildings ?? 0, how: bHow },
    grids: { origin: input.grids ? 'file' : 'generated', count: nGrids ?? 0, how: input.grids ? `from ${input.grids.read.file}, kept as drawn` : 'generated to tile each community in 300–500 households' },
    services: { origin: 'generated', count: r.cs.length * 2 + nStreets, how: 'a party-mass centre and a service station per community, an enforcement centre per street' },
    roads: { origin: 'generated', count: 0, how: 'where two communities share an edge' },
  }
  // compounds are made with generated buildings; buildings from a file come without them
  if (!input.buildings) layers.compounds = { origin: 'generated', count: 0, how: 'generated with the buildings' }
  return { layers, households: r.source, estimate: r.estimate, notes: [], noteMsgs: [] }
}

export function buildFromData(input: FromDataInput): FromDataResult {
  try {
    return build(input)
  } catch (e) {
    if (e instanceof FromDataError) return { ok: false, error: e.message }
    return { ok: false, error: `the world could not be built: ${e instanceof Error ? e.message : String(e)}` }
  }
}

function build(input: FromDataInput): FromDataResult {
  const seed = input.seed ?? 1
  const r = resolve(input)
  if (r.estimate && input.hhPerHa === undefined) {
    const e = r.estimate
    return { ok: false, estimate: e, error: `${input.communities.read.file}: ${e.communities.length} of ${r.cs.length} communities have no households or residents (column mapped: ${input.communities.fromFile.has('households') ? 'households' : 'none'}); the estimate at ${e.hhPerHa} households per hectare (${e.form} form) gives ${e.total}: confirm it with --hh-per-ha ${e.hhPerHa} or give another figure` }
  }
  if (!(input.hhPerHa === undefined || (Number.isFinite(input.hhPerHa) && input.hhPerHa > 0 && input.hhPerHa <= 1000))) return { ok: false, error: `households per hectare must be a number above 0 and at most 1000, got ${input.hhPerHa}` }
  const rng = createRng(seed, 'from-data')
  const communities: Feature<Area, CommunityP>[] = []
  const compounds: Feature<Area, CompoundP>[] = []
  let buildings: Feature<Polygon, BuildingP>[] = []
  const grids: Feature<Area, GridP>[] = []
  const services: Feature<Point, ServiceP>[] = []
  const generated = new Set<string>()
  if (r.drafts) buildings = fileBuildings(r.drafts.drafts, r.hh, r.res)
  else for (const c of r.cs) {
    const hh = r.hh.get(c.id)!
    const form = formForDensity(hh / Math.max(0.01, areaM2(c.polys) / 1e4))
    const g = generateBuildings(c, hh, r.res.get(c.id)!, form, rng.stream(`community/${c.id}`))
    buildings.push(...g.buildings)
    compounds.push(...g.compounds)
    generated.add(c.id)
  }
  const byC = new Map<string, Feature<Polygon, BuildingP>[]>()
  for (const b of buildings) {
    if (!byC.has(b.properties.community)) byC.set(b.properties.community, [])
    byC.get(b.properties.community)!.push(b)
  }
  if (input.grids) grids.push(...fileGrids(input.grids, r.cs, buildings).grids)
  else for (const c of r.cs) grids.push(...generatedGrids(c, byC.get(c.id) ?? [], null, generated.has(c.id), rng.stream(`grids/${c.id}`)))
  for (const c of r.cs) {
    const mine = byC.get(c.id) ?? []
    const props: CommunityP = { id: c.id, origin: 'file', name: c.name, street: c.street, households: r.hh.get(c.id)!, residents: r.res.get(c.id)! }
    if (c.extra) (props as Record<string, unknown>).extra = c.extra
    communities.push({ type: 'Feature', properties: props, geometry: areaFromPolys(c.polys) })
    const hub = mine.length ? interiorPoint([[mine[0].geometry.coordinates[0]]]) : interiorPoint(c.polys)
    for (const [kind, suffix, word] of [['party_mass_center', 'PM', '党群服务中心'], ['service_station', 'SS', '服务站']] as const)
      services.push({ type: 'Feature', properties: { id: `${c.id}-${suffix}`, origin: 'generated', name: `${c.name}${word}`, kind, street: c.street, community: c.id, compound: '' }, geometry: { type: 'Point', coordinates: hub } })
  }
  const streets = streetFeatures(r.streets.streets, communities)
  for (const s of r.streets.streets)
    services.push({ type: 'Feature', properties: { id: `${s.id}-EC`, origin: 'generated', name: `${s.name}综合执法中心`, kind: 'enforcement_center', street: s.id, community: '', compound: '' }, geometry: { type: 'Point', coordinates: interiorPoint(s.polys) } })
  const roads = r.streets.streets.flatMap((s) => chainSegments(sharedEdges(r.cs.filter((c) => c.street === s.id).map((c) => c.polys))))
  const summary = summaryOf(input, r, streets.length, r.streets.how, buildings.length, grids.length, r.drafts)
  if (r.drafts && input.buildings!.fromFile.has('households')) for (const c of r.cs) {
    const sum = (byC.get(c.id) ?? []).reduce((s, b) => s + b.properties.households, 0)
    if (c.households !== undefined && sum !== c.households) note(summary, { id: 'householdsDiffer', params: { community: c.name, buildings: sum, file: input.communities.read.file, households: c.households } })
  }
  const outside = buildings.filter((b) => !b.properties.community).length
  if (outside) note(summary, { id: 'buildingsOutside', params: { n: outside } })
  if (summary.layers.compounds) summary.layers.compounds.count = compounds.length
  summary.layers.roads!.count = roads.length
  const notice = noticeOf(summary)
  const world: World = {
    meta: {
      generator: 'gongzhi-world-from', version: FROM_DATA_VERSION, preset: 'data', seed, crs: 'WGS84', notice, counts: {},
      totals: { households: buildings.reduce((s, b) => s + b.properties.households, 0), residents: buildings.reduce((s, b) => s + b.properties.residents, 0) },
      origins: Object.fromEntries(Object.entries(summary.layers).map(([k, v]) => [k, v.origin])),
    },
    district: { type: 'FeatureCollection', features: [districtFeature(r.streets.streets, input.name ?? '我的数据', notice)] },
    streets: { type: 'FeatureCollection', features: streets },
    communities: { type: 'FeatureCollection', features: communities },
    compounds: { type: 'FeatureCollection', features: compounds },
    buildings: { type: 'FeatureCollection', features: buildings },
    grids: { type: 'FeatureCollection', features: grids },
    services: { type: 'FeatureCollection', features: services },
    roads: { type: 'FeatureCollection', features: roads.map((line, i) => ({ type: 'Feature', properties: { id: `R${i + 1}`, origin: 'generated', class: 'local' }, geometry: { type: 'LineString', coordinates: line } })) },
  }
  for (const k of WORLD_LAYERS) {
    for (const f of world[k].features) {
      f.geometry.coordinates = roundCoords(f.geometry.coordinates)
      const ok = LAYER_PROPS[k].safeParse(f.properties)
      if (!ok.success) return { ok: false, error: `${k} feature "${String((f.properties as { id?: unknown }).id)}": ${ok.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` }
    }
    world.meta.counts[k] = world[k].features.length
  }
  for (const g of world.grids.features) if (g.properties.base) g.properties.base = roundCoords(g.properties.base) as [number, number]
  return { ok: true, world, summary }
}

const WORDS = { file: ['from your file', '来自您的文件'], derived: ['derived', '由文件推导'], generated: ['generated', '生成'], mixed: ['mixed', '混合'] } as const
const ZH_LAYER: Record<string, string> = { communities: '社区', streets: '街道', district: '区域', buildings: '楼栋', grids: '网格', compounds: '小区', services: '服务设施', roads: '道路' }

/** The notice shown with the world (page, CLI, world.json), in English and Chinese. */
export function noticeOf(s: FromDataSummary): string {
  const order = ['communities', 'streets', 'buildings', 'grids', 'compounds', 'services'] as const
  const present = order.filter((k) => s.layers[k])
  const en = present.map((k) => `${k}: ${WORDS[s.layers[k]!.origin][0]}`).join('; ')
  const zh = present.map((k) => `${ZH_LAYER[k]}：${WORDS[s.layers[k]!.origin][1]}`).join('；')
  const est = s.households.estimate ? ` Households of ${s.households.estimate} communities are estimated from their area. 其中${s.households.estimate}个社区的户数按面积估算。` : ''
  return `Built from your data — ${en}.${est} 由您的数据生成——${zh}。`
}

export type FromDataNote =
  | { id: 'householdsDiffer'; params: { community: string; buildings: number; file: string; households: number } }
  | { id: 'buildingsOutside'; params: { n: number } }

/** English for the CLI and the summary's notes; the page says the same from noteMsgs in its own language */
export function noteText(n: FromDataNote): string {
  if (n.id === 'householdsDiffer') {
    const q = n.params
    return `community "${q.community}": its buildings hold ${q.buildings} households, ${q.file} says ${q.households}; the community keeps the file's figure, the simulation uses the buildings'`
  }
  return `${n.params.n} building${n.params.n === 1 ? '' : 's'} lie in no community (world check lists them)`
}

function note(summary: { notes: string[]; noteMsgs: FromDataNote[] }, n: FromDataNote): void {
  summary.notes.push(noteText(n))
  summary.noteMsgs.push(n)
}
