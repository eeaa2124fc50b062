// Synthetic names, plainly patterned so no one mistakes them for surveyed ones.
const STEMS = ['东里', '西里', '南里', '北里', '一里', '二里', '三里', '四里', '五里', '花园', '家园', '嘉园', '新村', '东区', '西区', '南区', '北区', '中区', '北路', '南路', '东路', '西路', '苑', '园', '庭', '城', '桥', '坊', '景园', '丽园', '雅园', '和园', '瑞园', '福苑', '康苑', '安苑', '华苑', '春园', '秋园', '枫园']
const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

export function shortStreetName(name: string): string {
  return name.replace(/(街道|镇|地区)$/, '')
}

export function communityName(streetName: string, i: number): string {
  const base = shortStreetName(streetName)
  return i < STEMS.length ? `${base}${STEMS[i]}社区` : `${base}第${i + 1}社区`
}

export function ordinal(i: number): string {
  return i < ORDINAL.length ? ORDINAL[i] : String(i + 1)
}
