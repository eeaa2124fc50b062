// The world as layers of GeoJSON features: the exchange form (files, editor, importer).
// The simulator never walks these; it uses the compiled form in compile.ts.
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson'
import type { BuildingP, Origin, CommunityP, CompoundP, DistrictP, GridP, RoadP, ServiceP, StreetP } from './schema.ts'

export type Area = Polygon | MultiPolygon
export type AreaFeature<P> = Feature<Area, P>
export type Layer<G extends Polygon | MultiPolygon | Point | LineString | MultiLineString, P> = FeatureCollection<G, P>

export interface WorldMeta {
  generator: string
  version: string
  preset: string
  seed: number
  crs: 'WGS84'
  /** always shown with the world: which parts are real and which are generated */
  notice: string
  counts: Record<string, number>
  totals: { households: number; residents: number }
  /** worlds built from a user's files: where each layer came from ('mixed' when its features differ) */
  origins?: Partial<Record<string, Origin | 'mixed'>>
  /** NBS streets of the chosen districts that have no boundary polygon (special zones) and are not in the world */
  leftOut?: { code: string; name: string; communities: number }[]
}

export interface World {
  meta: WorldMeta
  district: Layer<Area, DistrictP>
  streets: Layer<Area, StreetP>
  communities: Layer<Area, CommunityP>
  compounds: Layer<Area, CompoundP>
  buildings: Layer<Polygon, BuildingP>
  grids: Layer<Area, GridP>
  services: Layer<Point, ServiceP>
  roads: Layer<LineString, RoadP>
}

export type WorldLayerName = Exclude<keyof World, 'meta'>
export const WORLD_LAYERS: readonly WorldLayerName[] = [
  'district', 'streets', 'communities', 'compounds', 'buildings', 'grids', 'services', 'roads',
]
