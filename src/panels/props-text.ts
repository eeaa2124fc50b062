// Feature properties in the inspector in the page's language: known keys get a label, known enumerated values
// (grid type and layer, property model, road class, service kind, true/false) a word; anything else — a column
// the user's own file brought — is shown as it came, since it is the user's own name.
import { SYNTHETIC_NOTICE, SYNTHETIC_NOTICE_EN, SYNTHETIC_NOTICE_ZH } from '../../sim/api.ts'
import { getLang } from '../i18n/i18n.ts'

type Pair = readonly [zh: string, en: string]

const KEYS: Record<string, Pair> = {
  id: ['编号', 'ID'],
  name: ['名称', 'Name'],
  code: ['区划代码', 'Division code'],
  street: ['所属街道', 'Street'],
  community: ['所属社区', 'Community'],
  compound: ['所属小区', 'Compound'],
  type: ['类型', 'Type'],
  layer: ['所属图层', 'Layer'],
  partyBranch: ['网格党支部', 'Party branch on the grid'],
  workersFullTime: ['专职网格员', 'Full-time grid workers'],
  workersPartTime: ['兼职网格员', 'Part-time grid workers'],
  base: ['网格员出发点（经纬度）', 'Grid worker base (lon, lat)'],
  households: ['户数', 'Households'],
  residents: ['人口', 'Residents'],
  buildings: ['楼栋数', 'Buildings'],
  areaM2: ['面积（m²）', 'Area (m²)'],
  compactness: ['紧凑度', 'Compactness'],
  parts: ['组成部分数', 'Parts'],
  farthestHouseholdWalkM: ['到最远楼栋步行距离（m）', 'Walk to the farthest building (m)'],
  farthestWalkM: ['到最远角点步行距离（m）', 'Walk to the farthest corner (m)'],
  farthestWalkMin: ['最远步行时间（分钟）', 'Farthest walk (min)'],
  elderlyShare: ['60 岁以上占比', 'Share aged 60+'],
  partyMembers: ['党员数', 'Party members'],
  renters: ['租户户数', 'Renting households'],
  floors: ['层数', 'Floors'],
  property: ['物业模式', 'Property management'],
  ownersCommittee: ['业主委员会', "Owners' committee"],
  kind: ['类别', 'Kind'],
  class: ['道路等级', 'Road class'],
  population: ['常住人口', 'Resident population'],
  roster: ['网格员名单', 'Grid worker roster'],
  extra: ['文件中的其他属性', 'Other properties from the file'],
  adcode: ['行政区划代码', 'Division code'],
  synthetic: ['模拟生成', 'Synthetic'],
  source: ['数据来源', 'Source'],
  name_en: ['英文名称', 'English name'],
}

const VALUES: Record<string, Pair> = {
  comprehensive: ['综合网格', 'comprehensive'],
  dedicated: ['专属网格', 'dedicated'],
  governance: ['治理网格', 'governance grid'],
  party: ['党建网格', 'party-building grid'],
  none: ['无物业', 'none'],
  self: ['居民自管', 'self-managed'],
  professional: ['专业物业公司', 'professional company'],
  red: ['红色物业', 'red property'],
  arterial: ['主干道', 'arterial'],
  local: ['支路', 'local'],
  party_mass_center: ['党群服务中心', 'party-mass service centre'],
  service_station: ['社区服务站', 'community service station'],
  property_office: ['物业办公室', 'property office'],
  enforcement_center: ['街道综合执法中心', 'street enforcement centre'],
  true: ['是', 'yes'],
  false: ['否', 'no'],
}

const pick = (p: Pair): string => (getLang() === 'en' ? p[1] : p[0])

export function propKey(k: string): string {
  return Object.hasOwn(KEYS, k) ? pick(KEYS[k]) : k
}

export function propValue(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v.map((x) => Number(x.toFixed(6))).join(', ')
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString(getLang()) : String(Number(v.toFixed(3)))
  const s = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)
  if (s === SYNTHETIC_NOTICE) return pick([SYNTHETIC_NOTICE_ZH, SYNTHETIC_NOTICE_EN]) // the data notice, in one language
  return Object.hasOwn(VALUES, s) ? pick(VALUES[s]) : s
}
