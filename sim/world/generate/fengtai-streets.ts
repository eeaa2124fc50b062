// Fengtai's 26 streets and towns (24 街道 + 2 镇 since 2021): names and 9-digit codes are public facts
// (NBS 2023 division codes). Centres are hand-placed approximations (WGS84) and residents are synthetic
// round figures summing to ≈2.0 M (2020 census: 2,019,764); neither is surveyed data.

export interface StreetSeed {
  code: string
  name: string
  nameEn: string
  kind: 'subdistrict' | 'town'
  centre: [number, number]
  /** synthetic resident count */
  residents: number
}

export const FENGTAI_STREETS: readonly StreetSeed[] = [
  { code: '110106001', name: '右安门街道', nameEn: 'Youanmen', kind: 'subdistrict', centre: [116.355, 39.862], residents: 90_000 },
  { code: '110106002', name: '太平桥街道', nameEn: 'Taipingqiao', kind: 'subdistrict', centre: [116.325, 39.873], residents: 85_000 },
  { code: '110106003', name: '西罗园街道', nameEn: 'Xiluoyuan', kind: 'subdistrict', centre: [116.380, 39.856], residents: 72_000 },
  { code: '110106004', name: '大红门街道', nameEn: 'Dahongmen', kind: 'subdistrict', centre: [116.398, 39.846], residents: 70_000 },
  { code: '110106005', name: '南苑街道', nameEn: 'Nanyuan', kind: 'subdistrict', centre: [116.385, 39.800], residents: 45_000 },
  { code: '110106006', name: '东高地街道', nameEn: 'Donggaodi', kind: 'subdistrict', centre: [116.411, 39.800], residents: 50_000 },
  { code: '110106007', name: '东铁匠营街道', nameEn: 'Dongtiejiangying', kind: 'subdistrict', centre: [116.412, 39.862], residents: 110_000 },
  { code: '110106008', name: '六里桥街道', nameEn: 'Liuliqiao', kind: 'subdistrict', centre: [116.303, 39.880], residents: 105_000 },
  { code: '110106009', name: '丰台街道', nameEn: 'Fengtai', kind: 'subdistrict', centre: [116.285, 39.855], residents: 85_000 },
  { code: '110106010', name: '新村街道', nameEn: 'Xincun', kind: 'subdistrict', centre: [116.300, 39.835], residents: 115_000 },
  { code: '110106011', name: '长辛店街道', nameEn: 'Changxindian', kind: 'subdistrict', centre: [116.200, 39.838], residents: 85_000 },
  { code: '110106012', name: '云岗街道', nameEn: 'Yungang', kind: 'subdistrict', centre: [116.150, 39.815], residents: 30_000 },
  { code: '110106013', name: '方庄街道', nameEn: 'Fangzhuang', kind: 'subdistrict', centre: [116.432, 39.864], residents: 95_000 },
  { code: '110106014', name: '宛平街道', nameEn: 'Wanping', kind: 'subdistrict', centre: [116.225, 39.852], residents: 45_000 },
  { code: '110106015', name: '马家堡街道', nameEn: 'Majiapu', kind: 'subdistrict', centre: [116.365, 39.840], residents: 100_000 },
  { code: '110106016', name: '和义街道', nameEn: 'Heyi', kind: 'subdistrict', centre: [116.400, 39.815], residents: 50_000 },
  { code: '110106017', name: '卢沟桥街道', nameEn: 'Lugouqiao', kind: 'subdistrict', centre: [116.255, 39.868], residents: 130_000 },
  { code: '110106018', name: '花乡街道', nameEn: 'Huaxiang', kind: 'subdistrict', centre: [116.300, 39.812], residents: 115_000 },
  { code: '110106020', name: '成寿寺街道', nameEn: 'Chengshousi', kind: 'subdistrict', centre: [116.437, 39.851], residents: 60_000 },
  { code: '110106021', name: '石榴庄街道', nameEn: 'Shiliuzhuang', kind: 'subdistrict', centre: [116.420, 39.840], residents: 95_000 },
  { code: '110106022', name: '玉泉营街道', nameEn: 'Yuquanying', kind: 'subdistrict', centre: [116.345, 39.824], residents: 80_000 },
  { code: '110106023', name: '看丹街道', nameEn: 'Kandan', kind: 'subdistrict', centre: [116.272, 39.833], residents: 60_000 },
  { code: '110106024', name: '五里店街道', nameEn: 'Wulidian', kind: 'subdistrict', centre: [116.275, 39.878], residents: 65_000 },
  { code: '110106025', name: '青塔街道', nameEn: 'Qingta', kind: 'subdistrict', centre: [116.262, 39.890], residents: 85_000 },
  { code: '110106100', name: '北宫镇', nameEn: 'Beigong (town)', kind: 'town', centre: [116.150, 39.868], residents: 40_000 },
  { code: '110106101', name: '王佐镇', nameEn: 'Wangzuo (town)', kind: 'town', centre: [116.115, 39.790], residents: 38_000 },
]

/** The `street` preset: one dense street of 60–80 thousand residents. */
export const STREET_PRESET_CODE = '110106003'
