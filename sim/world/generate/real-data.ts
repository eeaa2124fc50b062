// The real data every preset is built on (data/real/, see each PROVENANCE.md): street polygons (bj-subdistricts,
// MIT, WGS84), the NBS 2023 street and 社区/村 codes and names, and the 2020 census population of each district.
import type { MultiPolygon, Polygon } from 'geojson'
import dongcheng from '../../../data/real/bj-subdistricts/dongcheng.geo.json' with { type: 'json' }
import xicheng from '../../../data/real/bj-subdistricts/xicheng.geo.json' with { type: 'json' }
import chaoyang from '../../../data/real/bj-subdistricts/chaoyang.geo.json' with { type: 'json' }
import fengtai from '../../../data/real/bj-subdistricts/fengtai.geo.json' with { type: 'json' }
import shijingshan from '../../../data/real/bj-subdistricts/shijingshan.geo.json' with { type: 'json' }
import haidian from '../../../data/real/bj-subdistricts/haidian.geo.json' with { type: 'json' }
import mentougou from '../../../data/real/bj-subdistricts/mentougou.geo.json' with { type: 'json' }
import fangshan from '../../../data/real/bj-subdistricts/fangshan.geo.json' with { type: 'json' }
import tongzhou from '../../../data/real/bj-subdistricts/tongzhou.geo.json' with { type: 'json' }
import shunyi from '../../../data/real/bj-subdistricts/shunyi.geo.json' with { type: 'json' }
import changping from '../../../data/real/bj-subdistricts/changping.geo.json' with { type: 'json' }
import daxing from '../../../data/real/bj-subdistricts/daxing.geo.json' with { type: 'json' }
import huairou from '../../../data/real/bj-subdistricts/huairou.geo.json' with { type: 'json' }
import pinggu from '../../../data/real/bj-subdistricts/pinggu.geo.json' with { type: 'json' }
import miyun from '../../../data/real/bj-subdistricts/miyun.geo.json' with { type: 'json' }
import yanqing from '../../../data/real/bj-subdistricts/yanqing.geo.json' with { type: 'json' }
import divisions from '../../../data/real/divisions/beijing.json' with { type: 'json' }
import { polysOf, type Polys } from '../../geometry/measure.ts'
import { DISTRICTS, type DistrictInfo } from './presets.ts'

export { DISTRICTS, type DistrictInfo }

export interface RealStreet {
  /** 9-digit NBS code */
  code: string
  /** NBS 2023 name (the boundary file's name where NBS has none) */
  name: string
  kind: 'subdistrict' | 'town'
  polys: Polys
}

export interface RealCommunity {
  /** 12-digit NBS code */
  code: string
  /** display name: the committee suffix (居委会, 村委会, …) dropped */
  name: string
  /** 村 (village committee) rather than 社区 (residents' committee) */
  rural: boolean
}

type Fc = { features: { properties: { code: string; name: string }; geometry: Polygon | MultiPolygon }[] }
const FILES = { dongcheng, xicheng, chaoyang, fengtai, shijingshan, haidian, mentougou, fangshan, tongzhou, shunyi, changping, daxing, huairou, pinggu, miyun, yanqing } as unknown as Record<string, Fc>

const NBS_STREET = new Map((divisions as { streets: string[][] }).streets.map(([c, n]) => [c, n]))

const BY_STREET = new Map<string, RealCommunity[]>()
for (const [code, raw] of (divisions as { villages: string[][] }).villages) {
  const street = code.slice(0, 9)
  const list = BY_STREET.get(street) ?? []
  list.push({ code, name: displayName(raw), rural: isRural(code) })
  BY_STREET.set(street, list)
}

/** NBS village-level codes: 001–199 居委会, 200–399 村委会, 4xx virtual communities, 5xx virtual villages. */
export function isRural(code: string): boolean {
  const k = Number(code.slice(9))
  return (k >= 200 && k < 400) || k >= 500
}

/** "多福巷社区居委会" → "多福巷社区", "西山村村委会" → "西山村", "某某居委会" → "某某社区". */
export function displayName(raw: string): string {
  const s = raw.trim()
  const m = /^(.*?)(社区)?(居民委员会|居委会)$/.exec(s)
  if (m) return `${m[1]}社区`
  const v = /^(.*?)(村)?(村民委员会|村委会)$/.exec(s)
  if (v) return `${v[1]}村`
  return s
}

export function districtByPinyin(pinyin: string): DistrictInfo | undefined {
  return DISTRICTS.find((d) => d.pinyin === pinyin)
}

/** The district's streets that have a polygon, in code order. */
export function streetsOf(d: DistrictInfo): RealStreet[] {
  return FILES[d.pinyin].features.map((f) => {
    const name = NBS_STREET.get(f.properties.code) ?? f.properties.name
    return { code: f.properties.code, name, kind: name.endsWith('街道') ? 'subdistrict' : 'town', polys: polysOf(f.geometry) }
  })
}

/** The NBS 2023 社区 and 村 of a street, in code order. */
export function communitiesOf(streetCode: string): RealCommunity[] {
  return BY_STREET.get(streetCode) ?? []
}

/** NBS streets of the district with no polygon (special zones whose land lies in neighbouring towns). */
export function leftOutOf(d: DistrictInfo): { code: string; name: string; communities: number }[] {
  const have = new Set(FILES[d.pinyin].features.map((f) => f.properties.code))
  return [...NBS_STREET.entries()]
    .filter(([c]) => c.startsWith(d.code) && !have.has(c))
    .map(([code, name]) => ({ code, name, communities: communitiesOf(code).length }))
}
