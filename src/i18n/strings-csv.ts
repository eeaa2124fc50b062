// The CSV exports' header choice and their columns' Chinese names (English keeps the machine names the CLI writes).
const COLS = {
  id: ['编号', 'id'], name: ['名称', 'name'], scenario: ['情景', 'scenario'], seed: ['随机种子', 'seed'], days: ['模拟天数', 'days'],
  replicate: ['重复序号', 'replicate'], community: ['社区编号', 'community'], community_name: ['社区', 'community_name'],
  households: ['户数', 'households'], residents: ['人口', 'residents'], buildings: ['楼栋数', 'buildings'],
  area_m2: ['面积（平方米）', 'area_m2'], compactness: ['紧凑度', 'compactness'], walk_min: ['最远步行（分钟）', 'walk_min'],
  workers_full_time: ['专职网格员', 'workers_full_time'], workers_part_time: ['兼职网格员', 'workers_part_time'], party_branch: ['党支部', 'party_branch'],
} as const
type ColKey = `csv.col.${keyof typeof COLS}`
const cols = (i: 0 | 1) => Object.fromEntries(Object.entries(COLS).map(([k, v]) => [`csv.col.${k}`, v[i]])) as Record<ColKey, string>

export const csvZh = {
  'csv.zhHeaders': '中文表头',
  'csv.zhHeadersHint': '导出的 CSV 用中文列名；不选则用英文机器列名（与命令行一致，便于脚本读取）',
  ...cols(0),
}

export const csvEn: Record<keyof typeof csvZh, string> = {
  'csv.zhHeaders': 'Chinese headers',
  'csv.zhHeadersHint': 'Chinese column names in the exported CSV; otherwise the machine names the command line writes',
  ...cols(1),
}
