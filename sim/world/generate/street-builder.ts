// One street's synthetic interior inside its real polygon: community cells (Voronoi), then per community its
// compounds, buildings, grids and service points. Every draw comes from a stream named by the street's or the
// community's code, so a street is the same whichever world (street, district, city) it is built in.
// `buildCommunity` is the reusable step: given a community polygon and its households, it makes the rest.
import type { Feature, Geometry, Point, Polygon } from 'geojson'
import { createRng, type Rng } from '../../engine/rng.ts'
import { generateGrids } from '../../geometry/generate-grids.ts'
import { assignPoints } from '../../geometry/assign-buildings.ts'
import { interiorPoint } from '../../geometry/interior-point.ts'
import { areaFromPolys, areaM2, type Polys } from '../../geometry/measure.ts'
import { dissolveFragments, relaxSeeds, voronoiCells } from '../../geometry/partition.ts'
import type { BuildingP, CommunityP, CompoundP, GridP, PropertyModel, ServiceP } from '../schema.ts'
import type { Area } from '../types.ts'
import { baseFor, rebalanceHouseholds } from './grid-defaults.ts'
import { ordinal, shortStreetName } from './names.ts'
import type { PlannedStreet } from './population.ts'
import { buildSettlement, FORMS, randomPointIn, splitInteger, type BuildingForm } from './settlement.ts'

type F<G extends Geometry, P> = Feature<G, P>

export interface CommunityLayers {
  compounds: F<Area, CompoundP>[]
  buildings: F<Polygon, BuildingP>[]
  grids: F<Area, GridP>[]
  services: F<Point, ServiceP>[]
}

export interface StreetOut extends CommunityLayers {
  communities: F<Area, CommunityP>[]
  communityPolys: Polys[]
  households: number
  residents: number
}

export interface CommunitySpec {
  id: string
  name: string
  street: string
  households: number
  residents: number
  /** village (村): town building forms, more self-managed compounds, more renters */
  rural: boolean
  form: BuildingForm
  /** share of residents aged 60+ around which buildings vary */
  elderlyBase: number
}

/** Building form from the street's density; villages always get the low town form. */
export function formFor(densityPerKm2: number, rural: boolean): BuildingForm {
  if (rural || densityPerKm2 < 6_000) return FORMS.town
  return densityPerKm2 > 16_000 ? FORMS.core : FORMS.urban
}

function propertyModel(rng: Rng, rural: boolean): PropertyModel {
  // assumption: shares of 老旧小区 without a company, self-managed, professional, red property
  const w = rural ? [0.4, 0.2, 0.32, 0.08] : [0.18, 0.1, 0.62, 0.1]
  return (['none', 'self', 'professional', 'red'] as const)[rng.weighted(w)]
}

/** Compounds, buildings (households and residents summing to the spec's), grids of 300–500 households and services. */
export function buildCommunity(cpoly: Polys, spec: CommunitySpec, crng: Rng): CommunityLayers {
  const { id: cid, name: cname, form } = spec
  const stem = cname.replace(/(社区|村)$/, '')
  const out: CommunityLayers = { compounds: [], buildings: [], grids: [], services: [] }
  const settlement = buildSettlement(cpoly, spec.households, form, crng.stream('settlement'))
  const compoundIds = settlement.compounds.map((_, k) => `${cid}-C${k + 1}`)
  settlement.compounds.forEach((kpoly, k) => {
    const property = propertyModel(crng, spec.rural)
    out.compounds.push({
      type: 'Feature',
      properties: { id: compoundIds[k], name: `${stem}${ordinal(k)}区`, community: cid, property, ownersCommittee: crng.bernoulli(property === 'professional' ? 0.12 : 0.05) },
      geometry: areaFromPolys(kpoly),
    })
    if (property !== 'none') {
      out.services.push({ type: 'Feature', properties: { id: `${compoundIds[k]}-P`, name: `${stem}${ordinal(k)}区物业`, kind: 'property_office', street: spec.street, community: cid, compound: compoundIds[k] }, geometry: { type: 'Point', coordinates: interiorPoint(kpoly) } })
    }
  })
  const grids = generateGrids(cpoly, settlement.buildings.map((b) => ({ pos: b.centre, households: b.households, footprint: b.footprint })))
  const owner = assignPoints(grids, settlement.buildings.map((b) => b.centre))
  rebalanceHouseholds(settlement.buildings, owner, grids.length)
  const brng = crng.stream('buildings')
  const renterBase = spec.rural ? 0.38 : 0.22
  const jitter = settlement.buildings.map((b) => b.households * (1 + brng.normal(0, 0.06)))
  const bres = splitInteger(spec.residents, jitter)
  const buildings = settlement.buildings.map((b, k): F<Polygon, BuildingP> => {
    const residents = bres[k]
    return {
      type: 'Feature',
      properties: {
        id: `${cid}-B${String(k + 1).padStart(3, '0')}`,
        compound: compoundIds[b.compound],
        community: cid,
        households: b.households,
        residents,
        elderlyShare: Math.round(Math.min(0.6, Math.max(0.05, spec.elderlyBase + brng.normal(0, 0.05))) * 1000) / 1000,
        partyMembers: Math.round(residents * brng.uniform(0.04, 0.09)),
        renters: Math.round(b.households * Math.min(0.9, Math.max(0, renterBase + brng.normal(0, 0.08)))),
        floors: Math.max(1, form.floors + brng.int(-2, 2)),
      },
      geometry: { type: 'Polygon', coordinates: [b.footprint] },
    }
  })
  out.buildings.push(...buildings)
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
  out.services.push({ type: 'Feature', properties: { id: `${cid}-PM`, name: `${cname}党群服务中心`, kind: 'party_mass_center', street: spec.street, community: cid, compound: '' }, geometry: { type: 'Point', coordinates: hub } })
  out.services.push({ type: 'Feature', properties: { id: `${cid}-SS`, name: `${cname}服务站`, kind: 'service_station', street: spec.street, community: cid, compound: '' }, geometry: { type: 'Point', coordinates: hub } })
  return out
}

/** Community cells inside the real street polygon, one per planned community, then each community's interior. */
export function buildStreet(seed: number, street: PlannedStreet): StreetOut {
  const poly = street.polys
  const rng = createRng(seed, `street/${street.code}`)
  const density = street.residents / (areaM2(poly) / 1e6)
  const seedRng = rng.stream('community-seeds')
  let seeds = street.communities.map(() => randomPointIn(poly, seedRng))
  seeds = relaxSeeds(poly, seeds, 4)
  const cells = dissolveFragments(voronoiCells(poly, seeds), seeds)
  const out: StreetOut = { communities: [], communityPolys: [], compounds: [], buildings: [], grids: [], services: [], households: 0, residents: 0 }
  const elderlyBase = street.kind === 'town' ? 0.2 : density > 16_000 ? 0.27 : 0.21

  street.communities.forEach((c, ci) => {
    const cpoly = cells[ci]
    if (!cpoly || cpoly.length === 0) throw new Error(`street ${street.code}: no cell for community ${c.code}`)
    const crng = createRng(seed, `street/${street.code}/community/${c.code}`)
    const spec: CommunitySpec = { id: c.code, name: c.name, street: street.code, households: c.households, residents: c.residents, rural: c.rural, form: formFor(density, c.rural), elderlyBase: c.rural ? 0.2 : elderlyBase }
    const layers = buildCommunity(cpoly, spec, crng)
    out.compounds.push(...layers.compounds)
    out.buildings.push(...layers.buildings)
    out.grids.push(...layers.grids)
    out.services.push(...layers.services)
    out.communities.push({ type: 'Feature', properties: { id: c.code, name: c.name, street: street.code, households: c.households, residents: c.residents }, geometry: areaFromPolys(cpoly) })
    out.communityPolys.push(cpoly)
    out.households += c.households
    out.residents += c.residents
  })
  out.services.push({ type: 'Feature', properties: { id: `${street.code}-EC`, name: `${shortStreetName(street.name)}综合执法中心`, kind: 'enforcement_center', street: street.code, community: '', compound: '' }, geometry: { type: 'Point', coordinates: interiorPoint(poly) } })
  return out
}

