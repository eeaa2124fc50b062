// The importer's issues in the user's language. sim/import gives each issue a reason code, and most an id with
// parameters (sim/import/messages.ts, whose English text is the CLI's and the English page's). Here the Chinese:
// one sentence per id, and per reason code one for the few issues that carry only English technical detail.
import type { ImportCode, ImportIssue, ImportMsgId as MsgId } from '../../sim/api.ts'
import { getLang, tAny } from './i18n.ts'

const ZH_MSG: Record<MsgId, string> = {
  valueKept: '列“{column}”有 {n} 个值不符合字段“{field}”（如 {value}），已作为属性保留',
  valueMisfit: '列“{column}”看似“{field}”，但前 {seen} 个值中有 {bad} 个不符合（如 {value}），已作为属性保留',
  valueConverted: '已转换列“{column}”的 {n} 个值（文字转数字、百分数转比例、是/否、中文词转代码）',
  generatedId: '{n} 个要素没有编码，已自动生成',
  missingField: '没有列提供“{field}”（{layer}需要此字段）；要素已导入但缺少该字段，使用前请在编辑器中补上',
  invalidValue: '字段“{field}”（列“{column}”）的值 {value} 无效',
  invalidField: '字段“{field}”（列“{column}”）的值 {value} 无效或超出范围',
  duplicateId: '编码“{id}”与第 {twin} 个要素重复；同一图层内编码必须唯一',
  jsonSyntax: '不是有效的 JSON：第 {line} 行第 {column} 列有语法错误',
  noFeatures: '要素集合中没有任何要素',
  nullGeometry: '没有几何图形',
  outOfRange: '坐标 {pos} 超出经纬度范围（经度须在 ±180 以内，纬度须在 ±90 以内）',
  layerGuessed: '已作为“{layer}”导入（根据几何类型和属性推断）',
  wrongGeometry: '几何类型不符合“{layer}”图层的要求',
  crsUnsure: '无法判断坐标是 WGS84、GCJ-02 还是 BD-09；如果要素偏移数百米，请重新导入并选择坐标系',
  crsOverruled: '坐标按 {applied} 读取，而非 {overruled}；如有误，请重新导入并选择坐标系',
  crsDetected: '坐标按 {applied} 读取',
  projectedConverted: '投影坐标已转换为经纬度',
  projectedUnknown: '所有坐标都超出经纬度范围（如 {x}, {y}），也不符合辖区附近的 网络墨卡托或 CGCS2000 高斯–克吕格投影；请导出为经纬度坐标',
  windingFixed: '{n} 个要素的环方向相反，已自动纠正',
  repeatsDropped: '已删除 {n} 个连续重复的点',
  altitudeDropped: '已去掉 {n} 个点的高程（地图为二维）',
  tooLarge: '文件大小 {size}，超过 {limit} 上限；请裁剪到辖区范围或拆分',
  notRecognised: '无法识别此类文件；请导入 GeoJSON（.geojson/.json）、KML（.kml/.kmz）或压缩的 Shapefile（.zip）',
  xmlNotKml: '这是 XML 文件但不是 KML；请导入 GeoJSON、KML 或压缩的 Shapefile',
  moreIssues: '另有 {n} 条未列出（每类只显示前 {cap} 条）',
}

/** for issues without an id: what the reason code says */
const ZH_CODE: Record<ImportCode, string> = {
  TOO_LARGE: '文件过大，请裁剪或拆分',
  UNSUPPORTED_FORMAT: '不支持的文件格式',
  TEXT_ENCODING: '文本编码既不是 UTF-8 也不是 GBK，请另存为 UTF-8',
  JSON_SYNTAX: '不是有效的 JSON',
  NOT_GEOJSON: '不是有效的 GeoJSON 结构',
  UNSUPPORTED_GEOMETRY: '不支持几何集合，请拆分为每个要素一个几何',
  WRONG_NESTING: '坐标数组的嵌套层级不对',
  EMPTY: '没有坐标或要素',
  NOT_A_NUMBER: '坐标中有非数字的值',
  OUT_OF_RANGE: '坐标超出经纬度范围',
  PROJECTED_COORDINATES: '坐标为无法识别的投影坐标，请导出为经纬度',
  TOO_FEW_POINTS: '点数太少，无法构成有效的线或面',
  UNCLOSED_RING: '多边形的环没有闭合',
  SELF_INTERSECTION: '多边形自相交',
  WRONG_GEOMETRY_FOR_LAYER: '几何类型不符合该图层',
  INVALID_PROPERTY: '属性值无效',
  DUPLICATE_ID: '编码重复',
  SHAPEFILE_BROKEN: 'Shapefile 压缩包不完整或已损坏',
  MULTIPLE_LAYERS: '压缩包中有多个图层，请每次导入一个',
  KML_BROKEN: 'KML 文件已损坏或无法转换',
  BAD_OPTION: '导入选项无效',
  INTERNAL: '导入程序出错，请报告此文件',
  WINDING_FIXED: '环方向已纠正',
  CRS_UNSURE: '无法确定坐标系',
  MISSING_FIELD: '缺少字段',
  CHECK_INCOMPLETE: '部分几何检查未能完成，请在地图上核对',
  TEXT_GARBLED: '文字可能是乱码，请检查名称和取值',
  UNKNOWN_CODE_PAGE: '未知的代码页，已按 UTF-8 或 GB18030 读取',
  VALUE_KEPT: '有不符合字段的值，已作为属性保留',
  CRS_DETECTED: '已识别坐标系',
  GENERATED_ID: '已生成编码',
  VALUE_CONVERTED: '已转换部分取值',
  REPEATED_POSITIONS_DROPPED: '已删除重复的点',
  ALTITUDE_DROPPED: '已去掉高程',
  FORMAT_BY_CONTENT: '已按文件内容识别格式',
  DECODED_AS_GBK: '文本不是 UTF-8，已按 GBK 读取',
  LAYER_GUESSED: '已推断图层类型',
  PROJECTED_CONVERTED: '投影坐标已转换为经纬度',
  MORE_ISSUES: '另有问题未列出',
}

const zhParam = (k: string, v: string | number): string | number =>
  k === 'field' ? tAny(`fd.f.${v}`, {}, String(v)) : k === 'layer' ? tAny(`layer.${v}`, {}, String(v)) : v

function zhIssue(i: ImportIssue): string {
  const params = Object.fromEntries(Object.entries(i.params ?? {}).map(([k, v]) => [k, zhParam(k, v)]))
  const text = (i.msg && ZH_MSG[i.msg as MsgId]) || ZH_CODE[i.code as ImportCode] || ZH_CODE.INTERNAL
  const body = text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''))
  const who = i.feature === undefined ? '' : `第 ${i.feature} 个要素${i.featureName ? `（“${i.featureName}”）` : ''}：`
  return `${i.file}：${who}${body}`
}

/** one issue as the user reads it: the importer's English sentence, or its Chinese */
export const importIssueText = (i: ImportIssue): string => (getLang() === 'en' ? i.message : zhIssue(i))
