// Lever units in the page's language. The schema (sim/scenario/schema.ts) carries each unit in English only;
// the Chinese ones live here, keyed by the English text, so a unit the schema adds later still shows (in English)
// until it gets its translation.
import { getLang } from '../i18n/i18n.ts'

const ZH: Record<string, string> = {
  'day of year (0 = 1 Jan)': '一年中的第几天（0 = 1 月 1 日）',
  'issues / household / year': '件 / 户 / 年',
  '× arrivals': '× 诉求量',
  'on/off': '开 / 关',
  '× per unit elderly share': '× 每单位老年人口占比',
  '× per unit renter share': '× 每单位租户占比',
  probability: '概率',
  'hours (mean)': '小时（均值）',
  '% of first contacts': '% 首次联系',
  'trust per satisfied outcome': '每次满意的信任增量',
  'trust per unsatisfied outcome': '每次不满意的信任降幅',
  'trust per issue left unfound': '每件未被发现问题的信任降幅',
  'workers per grid': '人 / 网格',
  '× workers': '× 人数',
  'hours / week': '小时 / 周',
  'share of full time': '占专职比例',
  'share of hours': '工时占比',
  metres: '米',
  'probability per pass': '每次经过的概率',
  'households / worker': '户 / 人',
  workers: '人',
  'share of service hours': '服务工时占比',
  minutes: '分钟',
  'share of serviced compounds': '有物业小区占比',
  'staff / 1,000 households': '人 / 千户',
  'people handling tickets': '接单处置人数',
  officers: '人',
  'officers (district)': '人（全区）',
  'probability per hand-off': '每次转派的概率',
  hours: '小时',
  'share of issues': '诉求占比',
  '0–1': '0–1',
  volunteers: '人',
  'hours / month': '小时 / 月',
  'relative to grid workers': '相对网格员',
  'hours / day': '小时 / 天',
  'days / week': '天 / 周',
  days: '天',
  organisations: '个',
  '万元 / community / year': '万元 / 社区 / 年',
  'yuan / service hour': '元 / 服务小时',
  'share of welfare and dispute cases': '养老和纠纷诉求占比',
  'days (0 = none)': '天（0 = 不开）',
  'share of issues in scope': '范围内诉求占比',
  'share of dissatisfaction removed': '减少的不满意比例',
  'share of compounds': '小区占比',
  'share of the rest / year': '其余小区每年占比',
  'share of failed jobs': '未解决工单占比',
  'unsolved property cases': '件未解决物业诉求',
  months: '月',
  stewards: '人',
  'patrols / week': '次 / 周',
  'activities / year': '次 / 年',
  '× relative change': '× 相对变化',
  'households per unit elderly share': '户 / 每单位老年人口占比',
  'share of households': '住户占比',
  'share of visit time': '走访时间占比',
  'day of the run': '运行第几天',
}

/** the unit in the page's language (English when there is no translation) */
export const leverUnit = (unit: string): string => (getLang() === 'zh-CN' ? (ZH[unit] ?? unit) : unit)

/** " unit" after a lever's value; a choice lever's "unit" is its option list (a|b|c) and a switch's is on/off, and
 *  neither belongs after a value */
export const unitAfter = (v: unknown, unit: string): string => (typeof v === 'number' && unit ? ` ${leverUnit(unit)}` : '')
