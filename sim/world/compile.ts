// The compiled world: structure-of-arrays columns indexed by integer ids, links resolved once
// (building → grid → community → street), positions in a local metric frame, and a spatial index.
// This is what the simulator reads in its hot loop; GeoJSON stays at the edges.
import KDBush from 'kdbush'
import { assignPoints, indexAreas } from '../geometry/assign-buildings.ts'
import { areaM2, M_PER_DEG_LAT, mPerDegLon, polysOf } from '../geometry/measure.ts'
import { buildingPoint } from './grid-layer-index.ts'
import { interiorPoint } from '../geometry/interior-point.ts'
import { PROPERTY_MODELS, SERVICE_KINDS } from './schema.ts'
import type { World, WorldMeta } from './types.ts'

export interface LocalFrame {
  /** [lon, lat] of the frame's origin */
  origin: [number, number]
  /** metres per degree of longitude and latitude at the origin */
  kx: number
  ky: number
}

/** Compressed lists: the items of entry i are items[offsets[i] .. offsets[i+1]). */
export interface Csr {
  offsets: Int32Array
  items: Int32Array
}

export interface CompiledWorld {
  meta: WorldMeta
  frame: LocalFrame
  /** 街道 / 乡镇 streets */
  streets: { n: number; ids: string[]; names: string[] }
  /** 社区 communities (each a 居委会 residents' committee area) */
  communities: { n: number; ids: string[]; names: string[]; street: Int32Array; households: Int32Array; residents: Int32Array }
  /** 小区 compounds; `property` indexes PROPERTY_MODELS (物业 model), `ownersCommittee` 业委会 present */
  compounds: { n: number; ids: string[]; community: Int32Array; property: Uint8Array; ownersCommittee: Uint8Array }
  /** 网格 governance grids, each served by its 网格员 grid workers from its base */
  grids: {
    n: number
    ids: string[]
    community: Int32Array
    workersFullTime: Int32Array
    workersPartTime: Int32Array
    partyBranch: Uint8Array
    baseX: Float64Array
    baseY: Float64Array
    areaM2: Float64Array
    households: Int32Array
    residents: Int32Array
  }
  /** 楼栋 residential buildings, linked to their grid, 小区, 社区 and 街道 (-1 where none) */
  buildings: {
    n: number
    ids: string[]
    x: Float64Array
    y: Float64Array
    households: Int32Array
    residents: Int32Array
    partyMembers: Int32Array
    renters: Int32Array
    elderlyShare: Float32Array
    grid: Int32Array
    compound: Int32Array
    community: Int32Array
    street: Int32Array
  }
  /** service points (党群服务中心, 社区服务站, 物业 office, 综合执法中心); `kind` indexes SERVICE_KINDS */
  services: { n: number; ids: string[]; kind: Uint8Array; x: Float64Array; y: Float64Array; community: Int32Array; street: Int32Array }
  gridBuildings: Csr
  /** KD-tree over building positions (local metres) */
  buildingIndex: KDBush
  /** buildings whose point lies in no grid */
  unassignedBuildings: number
}

function csr(owner: Int32Array, n: number): Csr {
  const offsets = new Int32Array(n + 1)
  for (const o of owner) if (o >= 0) offsets[o + 1]++
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i]
  const fill = offsets.slice(0, n)
  const items = new Int32Array(offsets[n])
  owner.forEach((o, i) => {
    if (o >= 0) items[fill[o]++] = i
  })
  return { offsets, items }
}

const lookup = (ids: string[]) => new Map(ids.map((id, i) => [id, i]))

export function compileWorld(w: World): CompiledWorld {
  const d = polysOf(w.district.features[0].geometry)
  const origin = d[0][0][0] as [number, number]
  const frame: LocalFrame = { origin: [origin[0], origin[1]], kx: mPerDegLon(origin[1]), ky: M_PER_DEG_LAT }
  const toX = (lon: number) => (lon - frame.origin[0]) * frame.kx
  const toY = (lat: number) => (lat - frame.origin[1]) * frame.ky

  const sIds = w.streets.features.map((f) => f.properties.id)
  const sIx = lookup(sIds)
  const cf = w.communities.features
  const cIds = cf.map((f) => f.properties.id)
  const cIx = lookup(cIds)
  const communityStreet = Int32Array.from(cf, (f) => sIx.get(f.properties.street) ?? -1)
  const kf = w.compounds.features
  const kIds = kf.map((f) => f.properties.id)
  const kIx = lookup(kIds)
  const gf = w.grids.features
  const gIds = gf.map((f) => f.properties.id)
  const gPolys = gf.map((f) => polysOf(f.geometry))

  const bf = w.buildings.features
  const nb = bf.length
  const pts = bf.map(buildingPoint)
  const gridOf = assignPoints(gPolys, pts, indexAreas(gPolys))
  const gridCommunity = Int32Array.from(gf, (f) => cIx.get(f.properties.community) ?? -1)
  const b = {
    n: nb,
    ids: bf.map((f) => f.properties.id),
    x: Float64Array.from(pts, (p) => toX(p[0])),
    y: Float64Array.from(pts, (p) => toY(p[1])),
    households: Int32Array.from(bf, (f) => f.properties.households),
    residents: Int32Array.from(bf, (f) => f.properties.residents),
    partyMembers: Int32Array.from(bf, (f) => f.properties.partyMembers),
    renters: Int32Array.from(bf, (f) => f.properties.renters),
    elderlyShare: Float32Array.from(bf, (f) => f.properties.elderlyShare),
    grid: gridOf,
    compound: Int32Array.from(bf, (f) => kIx.get(f.properties.compound) ?? -1),
    community: new Int32Array(nb),
    street: new Int32Array(nb),
  }
  // The community a building belongs to is the one its grid belongs to; its own property is the fallback.
  for (let i = 0; i < nb; i++) {
    const c = gridOf[i] >= 0 ? gridCommunity[gridOf[i]] : (cIx.get(bf[i].properties.community) ?? -1)
    b.community[i] = c
    b.street[i] = c >= 0 ? communityStreet[c] : -1
  }
  const gridBuildings = csr(gridOf, gf.length)
  const sumOver = (col: Int32Array, g: number) => {
    let s = 0
    for (let k = gridBuildings.offsets[g]; k < gridBuildings.offsets[g + 1]; k++) s += col[gridBuildings.items[k]]
    return s
  }
  const bases = gf.map((f, i) => f.properties.base ?? interiorPoint(gPolys[i]))
  const grids = {
    n: gf.length,
    ids: gIds,
    community: gridCommunity,
    workersFullTime: Int32Array.from(gf, (f) => f.properties.workersFullTime),
    workersPartTime: Int32Array.from(gf, (f) => f.properties.workersPartTime),
    partyBranch: Uint8Array.from(gf, (f) => (f.properties.partyBranch ? 1 : 0)),
    baseX: Float64Array.from(bases, (p) => toX(p[0])),
    baseY: Float64Array.from(bases, (p) => toY(p[1])),
    areaM2: Float64Array.from(gPolys, (p) => areaM2(p)),
    households: Int32Array.from(gf, (_, g) => sumOver(b.households, g)),
    residents: Int32Array.from(gf, (_, g) => sumOver(b.residents, g)),
  }
  const buildingIndex = new KDBush(Math.max(1, nb))
  for (let i = 0; i < nb; i++) buildingIndex.add(b.x[i], b.y[i])
  if (nb === 0) buildingIndex.add(0, 0)
  buildingIndex.finish()

  const sf = w.services.features
  return {
    meta: w.meta,
    frame,
    streets: { n: sIds.length, ids: sIds, names: w.streets.features.map((f) => f.properties.name) },
    communities: {
      n: cf.length,
      ids: cIds,
      names: cf.map((f) => f.properties.name),
      street: communityStreet,
      households: Int32Array.from(cf, (f) => f.properties.households),
      residents: Int32Array.from(cf, (f) => f.properties.residents),
    },
    compounds: {
      n: kf.length,
      ids: kIds,
      community: Int32Array.from(kf, (f) => cIx.get(f.properties.community) ?? -1),
      property: Uint8Array.from(kf, (f) => PROPERTY_MODELS.indexOf(f.properties.property)),
      ownersCommittee: Uint8Array.from(kf, (f) => (f.properties.ownersCommittee ? 1 : 0)),
    },
    grids,
    buildings: b,
    services: {
      n: sf.length,
      ids: sf.map((f) => f.properties.id),
      kind: Uint8Array.from(sf, (f) => SERVICE_KINDS.indexOf(f.properties.kind)),
      x: Float64Array.from(sf, (f) => toX(f.geometry.coordinates[0])),
      y: Float64Array.from(sf, (f) => toY(f.geometry.coordinates[1])),
      community: Int32Array.from(sf, (f) => cIx.get(f.properties.community) ?? -1),
      street: Int32Array.from(sf, (f) => sIx.get(f.properties.street) ?? -1),
    },
    gridBuildings,
    buildingIndex,
    unassignedBuildings: gridOf.reduce((s, g) => s + (g < 0 ? 1 : 0), 0),
  }
}
