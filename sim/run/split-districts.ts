// A world of several districts cut into one world per district, for a city run over a world directory. A street
// belongs to the district whose id its own id starts with (NBS codes: 110106… is in 110106), else to the district
// its interior point lies in; communities follow their street, compounds and grids their community, buildings and
// services their community (or their point, when they name none). Roads are left out: the simulator does not use them.
import type { Position } from 'geojson'
import { interiorPoint } from '../geometry/interior-point.ts'
import { polysOf } from '../geometry/measure.ts'
import { pointInPolys } from '../geometry/partition.ts'
import type { World } from '../world/types.ts'
import { WorldFileError } from '../world/world-io.ts'
import type { CityShard } from './city.ts'

export interface DistrictWorld {
  shard: CityShard
  world: World
}

export function splitDistricts(world: World): DistrictWorld[] {
  const ds = world.district.features
  if (ds.length === 0) throw new WorldFileError('district.geojson', 'a city run needs at least one district feature')
  const polys = ds.map((d) => polysOf(d.geometry))
  const at = (p: Position) => polys.findIndex((ps) => pointInPolys(p, ps))
  const streetOf = new Map<string, number>()
  for (const s of world.streets.features) {
    const byId = ds.findIndex((d) => s.properties.id.startsWith(d.properties.id))
    const k = byId >= 0 ? byId : at(interiorPoint(polysOf(s.geometry)))
    if (k < 0) throw new WorldFileError('streets.geojson', `street "${s.properties.id}" lies in no district of district.geojson`)
    streetOf.set(s.properties.id, k)
  }
  const communityOf = new Map<string, number>()
  for (const c of world.communities.features) communityOf.set(c.properties.id, streetOf.get(c.properties.street) ?? at(interiorPoint(polysOf(c.geometry))))
  const byCommunity = (id: string, p: () => Position) => communityOf.get(id) ?? at(p())
  const parts = ds.map(() => ({ streets: [] as World['streets']['features'], communities: [] as World['communities']['features'], compounds: [] as World['compounds']['features'], buildings: [] as World['buildings']['features'], grids: [] as World['grids']['features'], services: [] as World['services']['features'] }))
  const put = <K extends keyof (typeof parts)[number]>(k: number, layer: K, f: (typeof parts)[number][K][number]) => {
    if (k >= 0) (parts[k][layer] as unknown[]).push(f)
  }
  for (const f of world.streets.features) put(streetOf.get(f.properties.id)!, 'streets', f)
  for (const f of world.communities.features) put(communityOf.get(f.properties.id) ?? -1, 'communities', f)
  for (const f of world.compounds.features) put(byCommunity(f.properties.community, () => interiorPoint(polysOf(f.geometry))), 'compounds', f)
  for (const f of world.grids.features) put(byCommunity(f.properties.community, () => interiorPoint(polysOf(f.geometry))), 'grids', f)
  for (const f of world.buildings.features) put(byCommunity(f.properties.community, () => f.geometry.coordinates[0][0]), 'buildings', f)
  for (const f of world.services.features) put(byCommunity(f.properties.community, () => f.geometry.coordinates), 'services', f)
  return ds.map((d, k) => {
    const p = parts[k]
    const residents = p.communities.reduce((s, c) => s + c.properties.residents, 0)
    const households = p.communities.reduce((s, c) => s + c.properties.households, 0)
    const fc = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features })
    return {
      shard: { code: d.properties.id, name: d.properties.name, nameEn: d.properties.name_en ?? d.properties.name, preset: null, weight: residents },
      world: {
        meta: { ...world.meta, totals: { households, residents }, counts: {} },
        district: fc([d]),
        streets: fc(p.streets),
        communities: fc(p.communities),
        compounds: fc(p.compounds),
        buildings: fc(p.buildings),
        grids: fc(p.grids),
        services: fc(p.services),
        roads: fc([]),
      },
    }
  })
}
