// The embedded worlds: Beijing's real street polygons, real community names and codes and each district's census
// population, with a seeded synthetic interior (community boundaries, compounds, buildings, grids, per-street and
// smaller counts). Every street and community draws from streams named by its code, so the `street` preset is
// exactly that street of `fengtai`, a district is exactly itself inside `beijing`, and the same seed gives the same bytes.
import type { Feature, Geometry, Position } from 'geojson'
import { union } from '../../geometry/clip.ts'
import { areaFromPolys, type Polys } from '../../geometry/measure.ts'
import { roundCoord, roundCoords } from '../../geometry/precision.ts'
import type { DistrictP, RoadP, StreetP } from '../schema.ts'
import type { Area, World } from '../types.ts'
import { planDistrict, type PlannedStreet } from './population.ts'
import { DISTRICTS, districtByPinyin, leftOutOf, type DistrictInfo } from './real-data.ts'
import { chainSegments, sharedEdges } from './roads.ts'
import { buildStreet, type StreetOut } from './street-builder.ts'

export { DISTRICT_PRESETS, GENERATOR_VERSION, PRESETS, STREET_PRESET_CODE, SYNTHETIC_NOTICE, SYNTHETIC_NOTICE_EN, SYNTHETIC_NOTICE_ZH, type Preset } from './presets.ts'
import { GENERATOR_VERSION, PRESETS, STREET_PRESET_CODE, SYNTHETIC_NOTICE, type Preset } from './presets.ts'

export interface BuildOptions {
  preset: Preset
  seed: number
  /** called after each street with (streets done, streets in all) */
  onProgress?: (done: number, total: number) => void
}

type F<G extends Geometry, P> = Feature<G, P>

/** The districts and streets a preset covers, with their planned populations (no geometry work beyond areas). */
export function planPreset(preset: Preset, seed: number): { district: DistrictInfo; streets: PlannedStreet[] }[] {
  if (!PRESETS.includes(preset)) throw new Error(`unknown preset "${preset}": use one of ${PRESETS.join(', ')}`)
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`)
  const districts = preset === 'beijing' ? [...DISTRICTS] : [districtByPinyin(preset === 'street' ? 'fengtai' : preset)!]
  return districts.map((district) => {
    const streets = planDistrict(district, seed)
    return { district, streets: preset === 'street' ? streets.filter((s) => s.code === STREET_PRESET_CODE) : streets }
  })
}

function roundLayer<L extends { features: { geometry: { coordinates: unknown } }[] }>(layer: L): L {
  for (const f of layer.features) f.geometry.coordinates = roundCoords(f.geometry.coordinates)
  return layer
}

function districtFeature(district: DistrictInfo, polys: Polys[]): F<Area, DistrictP> {
  const geometry = areaFromPolys(polys.length === 1 ? polys[0] : union(...polys))
  return { type: 'Feature', properties: { id: district.code, name: district.name, name_en: district.nameEn, adcode: district.code, synthetic: true, source: SYNTHETIC_NOTICE }, geometry }
}

export interface PresetOutlines {
  district: { type: 'FeatureCollection'; features: F<Area, DistrictP>[] }
  streets: { type: 'FeatureCollection'; features: F<Area, Pick<StreetP, 'id' | 'name' | 'kind'>>[] }
}

/** The real outlines of a preset (its districts and streets, as buildWorld gives them) without the generated
 * interior: about a second for the whole city where the interior takes minutes, so a page can show the city while
 * the rest is built. */
export function presetOutlines(preset: Preset, seed: number): PresetOutlines {
  const district: PresetOutlines['district'] = { type: 'FeatureCollection', features: [] }
  const streets: PresetOutlines['streets'] = { type: 'FeatureCollection', features: [] }
  for (const { district: d, streets: planned } of planPreset(preset, seed)) {
    for (const s of planned) streets.features.push({ type: 'Feature', properties: { id: s.code, name: s.name, kind: s.kind }, geometry: areaFromPolys(s.polys) })
    district.features.push(districtFeature(d, planned.map((s) => s.polys)))
  }
  return { district: roundLayer(district), streets: roundLayer(streets) }
}

export function buildWorld({ preset, seed, onProgress }: BuildOptions): World {
  const plan = planPreset(preset, seed)
  const total = plan.reduce((s, d) => s + d.streets.length, 0)
  const streets: F<Area, StreetP>[] = []
  const districts: F<Area, DistrictP>[] = []
  const acc: StreetOut = { communities: [], communityPolys: [], compounds: [], buildings: [], grids: [], services: [], households: 0, residents: 0 }
  const roadLines: { line: Position[]; cls: RoadP['class'] }[] = []
  const leftOut: { code: string; name: string; communities: number }[] = []
  for (const { district, streets: planned } of plan) {
    const polys: Polys[] = []
    for (const s of planned) {
      const r = buildStreet(seed, s)
      streets.push({ type: 'Feature', properties: { id: s.code, name: s.name, kind: s.kind, households: r.households, residents: r.residents }, geometry: areaFromPolys(s.polys) })
      acc.communities.push(...r.communities)
      acc.compounds.push(...r.compounds)
      acc.buildings.push(...r.buildings)
      acc.grids.push(...r.grids)
      acc.services.push(...r.services)
      acc.households += r.households
      acc.residents += r.residents
      polys.push(s.polys)
      for (const line of chainSegments(sharedEdges(r.communityPolys))) roadLines.push({ line, cls: 'local' })
      onProgress?.(streets.length, total)
    }
    if (preset !== 'street') {
      for (const line of chainSegments(sharedEdges(polys))) roadLines.push({ line, cls: 'arterial' })
      leftOut.push(...leftOutOf(district))
    }
    districts.push(districtFeature(district, polys))
  }

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
      leftOut,
    },
    district: { type: 'FeatureCollection', features: districts },
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
  for (const g of world.grids.features) if (g.properties.base) g.properties.base = [roundCoord(g.properties.base[0]), roundCoord(g.properties.base[1])]
  return world
}
