// Synthetic compound names ("…一区"), plainly patterned so no one mistakes them for surveyed ones; street short names.
const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

export function shortStreetName(name: string): string {
  return name.replace(/(街道|镇|地区)$/, '')
}

export function ordinal(i: number): string {
  return i < ORDINAL.length ? ORDINAL[i] : String(i + 1)
}
