// The property schema of every world layer. GeoJSON in and out follows RFC 7946 (WGS84 lon/lat);
// docs/world-schema.md documents each field. Zod is the single source of truth: the generator, the importer
// and the CLI all validate against these objects, so a field cannot mean one thing in one place and another elsewhere.
import { z } from 'zod'

export const LAYER_KINDS = ['district', 'streets', 'communities', 'compounds', 'buildings', 'grids', 'services', 'roads'] as const
export type LayerKind = (typeof LAYER_KINDS)[number]

const id = z.string().min(1).max(64)
const name = z.string().max(200)
const count = (max: number) => z.number().int().min(0).max(max)
// Upper bounds that no real place reaches (docs/world-schema.md § Bounds says why each is what it is); they keep a
// typo such as 10,000,000 households in one building from reaching the simulator, whose memory grows with them.
export const BOUNDS = {
  buildingHouseholds: 10_000,
  buildingResidents: 30_000,
  communityHouseholds: 30_000,
  communityResidents: 100_000,
  streetHouseholds: 500_000,
  streetResidents: 1_500_000,
  /** a building's residents over its households (China's mean household is 2.6 people, census 2020) */
  residentsPerHousehold: 20,
} as const
const share = z.number().min(0).max(1)
/** Where a feature came from when a world is built from a user's own files (sim/world/from-data): the file,
 *  derived from it (a street as the union of its communities), or generated. Absent on the default world. */
export const ORIGINS = ['file', 'derived', 'generated'] as const
export type Origin = (typeof ORIGINS)[number]
const origin = z.enum(ORIGINS).optional()

/** 区 district */
export const DistrictProps = z.object({
  id,
  origin,
  name,
  name_en: z.string().optional(),
  adcode: z.string().optional(),
  /** true when the interior (streets down to buildings) is generated, not surveyed */
  synthetic: z.boolean().default(false),
  source: z.string().optional(),
})

/** 街道 / 乡镇 street or township */
export const StreetProps = z.object({
  id,
  origin,
  name,
  /** 街道 subdistrict or 镇 town */
  kind: z.enum(['subdistrict', 'town']).default('subdistrict'),
  households: count(BOUNDS.streetHouseholds).default(0),
  residents: count(BOUNDS.streetResidents).default(0),
})

/** 社区 community (residents' committee area) */
export const CommunityProps = z.object({
  id,
  origin,
  name,
  street: id,
  households: count(BOUNDS.communityHouseholds).default(0),
  residents: count(BOUNDS.communityResidents).default(0),
})

/** Property-management model of a 小区: none (老旧小区 with no company), self-managed (居民自管),
 *  professional company, red property (红色物业: company with a party organisation, cross-appointed with the RC). */
export const PROPERTY_MODELS = ['none', 'self', 'professional', 'red'] as const
export type PropertyModel = (typeof PROPERTY_MODELS)[number]

/** 小区 compound */
export const CompoundProps = z.object({
  id,
  origin,
  name,
  community: id,
  property: z.enum(PROPERTY_MODELS).default('professional'),
  /** 业主委员会 owners' committee present */
  ownersCommittee: z.boolean().default(false),
})

/** 楼栋 residential building */
export const BuildingProps = z.object({
  id,
  origin,
  compound: z.string().default(''),
  community: z.string().default(''),
  households: count(BOUNDS.buildingHouseholds),
  residents: count(BOUNDS.buildingResidents).default(0),
  /** share of residents aged 60+ */
  elderlyShare: share.default(0.2),
  partyMembers: count(BOUNDS.buildingResidents).default(0),
  /** households renting */
  renters: count(BOUNDS.buildingHouseholds).default(0),
  floors: z.number().int().min(1).max(200).default(6),
})

/** Checks across fields, kept out of the zod objects (a refined object cannot be made `.partial()`, which the
 *  importer does for missing columns): the field at fault and why, or null. */
export function implausible(layer: LayerKind, p: Record<string, unknown>): { field: string; message: string } | null {
  if (layer !== 'buildings') return null
  const households = Number(p.households ?? 0)
  const residents = Number(p.residents ?? 0)
  if (households > 0 && residents > BOUNDS.residentsPerHousehold * households) {
    return { field: 'residents', message: `${residents} residents in ${households} households is more than ${BOUNDS.residentsPerHousehold} per household` }
  }
  return null
}

/** 网格 grid: 综合 comprehensive (residential) or 专属 dedicated (a school, a business park…) */
export const GRID_TYPES = ['comprehensive', 'dedicated'] as const
export const GridProps = z.object({
  id,
  origin,
  name: name.default(''),
  community: id,
  type: z.enum(GRID_TYPES).default('comprehensive'),
  /** governance grid or party-building grid (多网合一 compares the two layers) */
  layer: z.enum(['governance', 'party']).default('governance'),
  /** 支部建在网格上: a party branch or party group sits on the grid */
  partyBranch: z.boolean().default(true),
  workersFullTime: z.number().int().min(0).max(100).default(1),
  workersPartTime: z.number().int().min(0).max(100).default(0),
  /** 网格员 by name, as an imported file lists them */
  roster: z.array(z.string().max(100)).max(100).optional(),
  /** households and residents an imported file declares for the grid (the simulation counts buildings) */
  households: z.number().int().min(0).max(100_000).optional(),
  residents: z.number().int().min(0).max(1_000_000).optional(),
  /** where the grid worker starts patrols, [lon, lat]; defaults to a point inside the grid */
  base: z.tuple([z.number(), z.number()]).optional(),
})

export const SERVICE_KINDS = ['party_mass_center', 'service_station', 'property_office', 'enforcement_center'] as const
export type ServiceKind = (typeof SERVICE_KINDS)[number]
/** 党群服务中心, 社区服务站, 物业办公室, 街道综合执法中心 */
export const ServiceProps = z.object({
  id,
  origin,
  name,
  kind: z.enum(SERVICE_KINDS),
  street: z.string().default(''),
  community: z.string().default(''),
  compound: z.string().default(''),
})

export const RoadProps = z.object({
  id,
  origin,
  class: z.enum(['arterial', 'local']).default('local'),
})

export type DistrictP = z.infer<typeof DistrictProps>
export type StreetP = z.infer<typeof StreetProps>
export type CommunityP = z.infer<typeof CommunityProps>
export type CompoundP = z.infer<typeof CompoundProps>
export type BuildingP = z.infer<typeof BuildingProps>
export type GridP = z.infer<typeof GridProps>
export type ServiceP = z.infer<typeof ServiceProps>
export type RoadP = z.infer<typeof RoadProps>

export const LAYER_PROPS = {
  district: DistrictProps,
  streets: StreetProps,
  communities: CommunityProps,
  compounds: CompoundProps,
  buildings: BuildingProps,
  grids: GridProps,
  services: ServiceProps,
  roads: RoadProps,
} as const

/** Geometry each layer accepts. */
export const LAYER_GEOMETRY: Record<LayerKind, readonly string[]> = {
  district: ['Polygon', 'MultiPolygon'],
  streets: ['Polygon', 'MultiPolygon'],
  communities: ['Polygon', 'MultiPolygon'],
  compounds: ['Polygon', 'MultiPolygon'],
  buildings: ['Polygon', 'MultiPolygon', 'Point'],
  grids: ['Polygon', 'MultiPolygon'],
  services: ['Point'],
  roads: ['LineString', 'MultiLineString'],
}
