// Communities, streets and the district from the user's files: communities as drawn; streets from a streets
// file, else from the communities' street column (each the union of its communities), else one street around
// them all; the district is the union of the streets. Every feature says where it came from.
import type { Feature } from 'geojson'
import { union } from '../../geometry/clip.ts'
import { interiorPoint } from '../../geometry/interior-point.ts'
import { areaFromPolys, centroidOf, polysOf, type Polys } from '../../geometry/measure.ts'
import { pointInPolys } from '../../geometry/partition.ts'
import type { CommunityP, DistrictP, Origin, StreetP } from '../schema.ts'
import type { Area } from '../types.ts'
import type { MappedLayer } from './mapping.ts'

export class FromDataError extends Error {}

export interface CommunityDraft {
  id: string
  name: string
  street: string
  /** the street's name when `street` holds its code */
  streetName?: string
  polys: Polys
  /** from the file: the community's own column */
  households?: number
  residents?: number
  extra?: unknown
}

export interface StreetDraft {
  id: string
  name: string
  kind: StreetP['kind']
  polys: Polys
  origin: Origin
  extra?: unknown
}

const pad = (n: number, w: number) => String(n).padStart(w, '0')
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined)
const positive = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined)

export function communityDrafts(layer: MappedLayer): CommunityDraft[] {
  const { props, fromFile, read } = layer
  const ids = new Set<string>()
  return props.map((p, i) => {
    const name = (fromFile.has('name') && str(p.name)) || `社区${i + 1}`
    const id = (fromFile.has('id') && str(p.id)) || `C${pad(i + 1, 3)}`
    if (ids.has(id)) throw new FromDataError(`${read.file}: feature ${i} ("${name}"): id "${id}" is used twice`)
    ids.add(id)
    const g = read.geometries[i]
    if (g.type === 'Point') throw new FromDataError(`${read.file}: feature ${i} ("${name}") is a point; communities must be polygons`)
    return {
      id, name,
      street: fromFile.has('street') ? (str(p.street) ?? '') : '',
      streetName: str(p.streetName),
      polys: polysOf(g),
      households: fromFile.has('households') ? positive(p.households) : undefined,
      residents: fromFile.has('residents') ? positive(p.residents) : undefined,
      extra: p.extra,
    }
  })
}

/** Streets, and each community's street id set to one of them. */
export function streetDrafts(cs: CommunityDraft[], streets: MappedLayer | undefined, districtName: string): { streets: StreetDraft[]; how: string } {
  if (streets) {
    const drafts: StreetDraft[] = streets.props.map((p, i) => {
      const g = streets.read.geometries[i]
      const name = (streets.fromFile.has('name') && str(p.name)) || `街道${i + 1}`
      if (g.type === 'Point') throw new FromDataError(`${streets.read.file}: feature ${i} ("${name}") is a point; streets must be polygons`)
      return { id: (streets.fromFile.has('id') && str(p.id)) || `S${pad(i + 1, 2)}`, name, kind: (p.kind as StreetP['kind']) ?? 'subdistrict', polys: polysOf(g), origin: 'file', extra: p.extra }
    })
    let contained = 0
    for (const c of cs) {
      const named = c.street ? drafts.find((s) => s.id === c.street || s.name === c.street) : undefined
      if (c.street && !named) throw new FromDataError(`community "${c.name}" names street "${c.street}", which is not in ${streets.read.file} (by id or name)`)
      const s = named ?? streetContaining(drafts, c.polys)
      c.street = s.id
      if (!named) contained++
    }
    return { streets: drafts, how: contained ? `${contained} communities placed in a street by location` : 'communities matched to streets by their street column' }
  }
  const groups = new Map<string, CommunityDraft[]>()
  for (const c of cs) {
    if (!c.street) continue
    if (!groups.has(c.street)) groups.set(c.street, [])
    groups.get(c.street)!.push(c)
  }
  if (groups.size && cs.some((c) => !c.street)) {
    const c = cs.find((x) => !x.street)!
    throw new FromDataError(`community "${c.name}" has no street while others do; fill its street column or map no street column`)
  }
  if (!groups.size) {
    for (const c of cs) c.street = 'S01'
    return { streets: [{ id: 'S01', name: districtName, kind: 'subdistrict', polys: unionOf(cs.map((c) => c.polys)), origin: 'derived' }], how: 'one street derived from the union of the communities' }
  }
  const drafts: StreetDraft[] = []
  let k = 0
  for (const [value, members] of groups) {
    k++
    const named = members.find((m) => m.streetName)?.streetName
    const codeLike = /^[\w-]{1,64}$/.test(value)
    const id = codeLike ? value : `S${pad(k, 2)}`
    drafts.push({ id, name: named ?? (codeLike && /^\d+$/.test(value) ? `街道${value}` : value), kind: 'subdistrict', polys: unionOf(members.map((m) => m.polys)), origin: 'derived' })
    for (const m of members) m.street = id
  }
  return { streets: drafts, how: `${drafts.length} street${drafts.length === 1 ? '' : 's'} derived from the communities' street column` }
}

function streetContaining(ss: StreetDraft[], polys: Polys): StreetDraft {
  const p = interiorPoint(polys)
  const hit = ss.find((s) => pointInPolys(p, s.polys))
  if (hit) return hit
  // a boundary drawn a little outside every street: the nearest street by centre
  let best = ss[0]
  let bd = Infinity
  for (const s of ss) {
    const c = centroidOf(s.polys)
    const d = (c[0] - p[0]) ** 2 + (c[1] - p[1]) ** 2
    if (d < bd) { bd = d; best = s }
  }
  return best
}

export function unionOf(list: Polys[]): Polys {
  if (list.length === 1) return list[0]
  try {
    return union(...list)
  } catch {
    return list.flat()
  }
}

export function streetFeatures(ss: StreetDraft[], cs: Feature<Area, CommunityP>[]): Feature<Area, StreetP>[] {
  return ss.map((s) => {
    const mine = cs.filter((c) => c.properties.street === s.id)
    const props: StreetP = {
      id: s.id, origin: s.origin, name: s.name, kind: s.kind,
      households: mine.reduce((n, c) => n + c.properties.households, 0),
      residents: mine.reduce((n, c) => n + c.properties.residents, 0),
    }
    if (s.extra) (props as Record<string, unknown>).extra = s.extra
    return { type: 'Feature', properties: props, geometry: areaFromPolys(s.polys) }
  })
}

export function districtFeature(ss: StreetDraft[], name: string, notice: string): Feature<Area, DistrictP> {
  return { type: 'Feature', properties: { id: 'D1', origin: 'derived', name, synthetic: false, source: notice }, geometry: areaFromPolys(unionOf(ss.map((s) => s.polys))) }
}
