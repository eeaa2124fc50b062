// What foreign attribute tables call our fields. Chinese GIS exports mix full Chinese headers
// (网格名称), pinyin initials (mc = 名称, hs = 户数) and English; keys are compared after normalize().
import type { LayerKind } from '../world/schema.ts'

/** NFKC folds full-width letters; case, spaces and separators carry no meaning in headers. */
export const normalizeKey = (k: string) => k.normalize('NFKC').toLowerCase().replace(/[\s_\-.:()（）]/g, '')

/** How each layer's own objects are named in headers: 网格名称, 社区编码, wgbm (网格编码 as pinyin initials) … */
const LAYER_WORDS: Record<LayerKind, string[]> = {
  district: ['区', '区县', '行政区', 'district', 'qx'],
  streets: ['街道', '街乡', '乡镇', 'street', 'jd'],
  communities: ['社区', '居委会', '村居', 'community', 'sq'],
  compounds: ['小区', '院落', 'compound', 'xq'],
  buildings: ['楼栋', '楼', '建筑', 'building', 'ld'],
  grids: ['网格', 'grid', 'wg'],
  services: ['设施', '服务站', '站点', 'service', 'ss'],
  roads: ['道路', '路', 'road', 'dl'],
}

const BASE: Record<string, string[]> = {
  id: ['id', 'code', '编码', '编号', '代码', 'bm', 'dm', 'bh', 'uid', 'objectid', 'fid'],
  name: ['name', '名称', 'mc', '名字', 'title', 'namezh', 'namecn', 'label'],
  name_en: ['nameen', 'enname', 'ename', 'englishname', '英文名', '英文名称'],
  adcode: ['adcode', '行政区划代码', '区划代码', 'xzqdm', 'xzqhdm'],
  source: ['source', '来源', '数据来源'],
  synthetic: ['synthetic', '合成'],
  kind: ['kind', '类型', '类别', 'type', 'lx', 'lb', 'category', '设施类型', '服务类型', '街道类型'],
  type: ['type', '网格类型', '类型', 'gridtype', 'lx'],
  layer: ['layer', 'gridlayer', '网格层', '网格体系'],
  households: ['households', 'household', 'hh', '户数', 'hs', '总户数', '住户数', '户'],
  residents: ['residents', 'population', 'pop', '人口', '人数', 'rk', 'rks', '总人口', '常住人口', '居民人数', '人口数'],
  street: ['street', '街道', '所属街道', '街道名称', '街道编码', '街乡', '所属街乡', 'jd', 'ssjd', 'streetid'],
  community: ['community', '社区', '所属社区', '社区名称', '社区编码', 'sq', 'sssq', 'communityid', '居委会'],
  compound: ['compound', '小区', '所属小区', '小区名称', '小区编码', 'xq', 'ssxq', 'compoundid'],
  property: ['property', '物业', '物业类型', '物业模式', '物业管理', 'wy', 'propertymodel'],
  ownersCommittee: ['ownerscommittee', '业委会', '业主委员会', 'ywh'],
  elderlyShare: ['elderlyshare', 'elderly', '老年人占比', '老龄化率', '老人比例', '老年人比例', '60岁以上占比', 'lnrzb'],
  partyMembers: ['partymembers', 'party', '党员', '党员数', '党员人数', 'dy', 'dys'],
  renters: ['renters', '租户', '租户数', '出租户', '出租户数', '租房户数', 'czh'],
  floors: ['floors', 'floor', '层数', '楼层', '楼层数', '地上层数', 'cs', 'storeys', 'levels'],
  partyBranch: ['partybranch', '党支部', '支部', '党小组', 'dzb'],
  workersFullTime: ['workersfulltime', '专职网格员', '专职网格员数', '网格员', '网格员数', 'fulltime'],
  roster: ['roster', '网格员', '网格员姓名', '网格员名单', '专职网格员', '专职网格员姓名', '网格长', 'wgy', 'workers'],
  workersPartTime: ['workersparttime', '兼职网格员', '兼职网格员数', 'parttime'],
  class: ['class', '等级', '道路等级', 'fclass', 'highway', 'roadclass', 'dj'],
  base: ['base', '巡查起点'],
}

/** Normalised synonyms of one of our fields for one layer, best first. */
export function synonymsFor(field: string, layer: LayerKind): string[] {
  const words = LAYER_WORDS[layer]
  const own = normalizeKey(field)
  let list = BASE[field] ?? []
  if (field === 'id') list = [...list.slice(0, 2), ...words.flatMap((w) => [`${w}编码`, `${w}编号`, `${w}代码`, `${w}id`, `${w}code`, `${w}bm`, `${w}bh`, `${w}dm`]), ...list.slice(2)]
  if (field === 'name') list = [...list.slice(0, 2), ...words.flatMap((w) => [`${w}名称`, `${w}名`, `${w}name`, `${w}mc`]), ...list.slice(2)]
  return [...new Set([own, ...list].map(normalizeKey))]
}

/** Enum values as people write them. Keys normalised like headers. */
export const ENUM_WORDS: Record<string, Record<string, string>> = {
  kind: {
    // services
    党群服务中心: 'party_mass_center', 党群中心: 'party_mass_center', 党群服务站: 'party_mass_center', partymasscenter: 'party_mass_center',
    社区服务站: 'service_station', 服务站: 'service_station', 便民服务站: 'service_station', servicestation: 'service_station',
    物业办公室: 'property_office', 物业: 'property_office', 物业服务中心: 'property_office', propertyoffice: 'property_office',
    综合执法中心: 'enforcement_center', 执法中心: 'enforcement_center', 街道综合执法中心: 'enforcement_center', enforcementcenter: 'enforcement_center',
    // streets
    街道: 'subdistrict', 街道办事处: 'subdistrict', 镇: 'town', 乡: 'town', 乡镇: 'town', 地区: 'subdistrict',
  },
  property: { 无: 'none', 无物业: 'none', 自管: 'self', 居民自管: 'self', 专业: 'professional', 专业物业: 'professional', 物业公司: 'professional', 红色物业: 'red', 红色: 'red' },
  type: { 综合: 'comprehensive', 综合网格: 'comprehensive', 专属: 'dedicated', 专属网格: 'dedicated', 专业网格: 'dedicated' },
  layer: { 治理: 'governance', 治理网格: 'governance', 党建: 'party', 党建网格: 'party' },
  class: {
    主干: 'arterial', 主干道: 'arterial', 主干路: 'arterial', 快速路: 'arterial', 干道: 'arterial', primary: 'arterial', secondary: 'arterial', trunk: 'arterial', motorway: 'arterial',
    支路: 'local', 次干路: 'local', 小区路: 'local', 巷: 'local', residential: 'local', tertiary: 'local', service: 'local', unclassified: 'local',
  },
}

export const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 't', '是', '有', '√', '已建', '已成立'])
export const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'f', '否', '无', '×', '未建', '未成立', ''])
