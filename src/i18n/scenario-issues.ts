// Scenario and lever-setting problems in the user's language. sim/scenario/issues.ts gives each problem a code with
// parameters and makes the English (the CLI's text, shown as is on the English page); here the Chinese, one sentence
// per code, built from the parameters, never from the English. Values the user typed are shown as given, except the
// JSON words null/true/false, which read 空值/是/否.
import { SCENARIO_EN, type ScenarioIssue, type ScenarioIssueCode, type ScenarioIssueParams } from '../../sim/api.ts'
import { getLang, t, type Key } from './i18n.ts'

/** an enumerated lever's value in words (the value itself stays the option's value and title) */
const OPTION_KEYS: Record<string, Key> = {
  world: 'scn.opt.world',
  'one-per-grid': 'scn.opt.onePerGrid',
  households: 'scn.opt.households',
  workload: 'scn.opt.workload',
  disputes: 'scn.opt.disputes',
  public: 'scn.opt.public',
  'disputes+public': 'scn.opt.disputesPublic',
}
export const optionText = (v: string): string => (Object.hasOwn(OPTION_KEYS, v) ? t(OPTION_KEYS[v]) : v)

/** zod's type names (SCENARIO_EN's expected/received) in Chinese */
const TYPE_ZH: Record<string, string> = {
  number: '数字',
  int: '整数',
  boolean: '是或否',
  string: '文字',
  array: '列表',
  object: '一组参数',
  null: '空值',
  undefined: '未给出',
  NaN: '非数字',
  Infinity: '无穷大',
  '-Infinity': '负无穷大',
}
const typeZh = (s: string): string => TYPE_ZH[s] ?? '其他类型'

const JSON_WORDS: Record<string, string> = { null: '空值', true: '是', false: '否', undefined: '未给出' }
/** the value the user gave (JSON text, or a number of the sweep form) */
const gotZh = (got: string | number): string => (typeof got === 'number' ? (Number.isNaN(got) ? '空' : String(got)) : Object.hasOwn(JSON_WORDS, got) ? JSON_WORDS[got] : got)
const now = (got: string | number | undefined): string => (got === undefined ? '' : `，当前为 ${gotZh(got)}`)
const maybe = (s: string | undefined): string => (s === undefined ? '' : `，是否指“${s}”？`)
/** how big: a number's value, a text's length or a list's size */
const measure = (origin: string): string => (origin === 'string' ? '长度' : origin === 'array' ? '项数' : '')

const ZH: { [K in ScenarioIssueCode]: (p: ScenarioIssueParams<K>) => string } = {
  notObject: (p) => `须为一组参数${now(p.got)}`,
  tooBig: (p) => `${measure(p.origin)}须 ${p.inclusive ? '≤' : '<'} ${p.limit}${now(p.got)}`,
  tooSmall: (p) => `${measure(p.origin)}须 ${p.inclusive ? '≥' : '>'} ${p.limit}${now(p.got)}`,
  wrongType: (p) => `须为${typeZh(p.expected)}，当前为${typeZh(p.received)}${p.got === undefined || p.got === 'null' ? '' : ` ${gotZh(p.got)}`}`,
  notOption: (p) => `须为以下之一：${p.allowed.map(optionText).join('、')}${now(p.got)}`,
  unknownField: (p) => `没有这个参数${maybe(p.suggestion)}`,
  notLever: (p) => `不是可调参数${maybe(p.suggestion)}`,
  prototypePath: () => '不是可调参数（路径指向对象原型）',
  invalid: (p) => `取值无效${now(p.got)}`,
  axesCount: () => '须选一个或两个参数',
  axesSame: () => '两个参数须不同',
  notNumericLever: () => '不是数值参数，不能扫描',
  notInRange: (p) => `须在 ${p.min}–${p.max} 之间${now(p.got)}`,
  wholeInRange: (p) => `须为 ${p.min}–${p.max} 之间的整数${now(p.got)}`,
  wholeAtLeast: (p) => `须为不小于 ${p.min} 的整数${now(p.got)}`,
  unknownMetric: () => '不是可选的指标',
  notNumber: () => '须为数字',
}

/** the problem without its field, in the page's language */
export const issueDetail = (i: ScenarioIssue): string =>
  ((getLang() === 'zh-CN' ? ZH[i.code] : SCENARIO_EN[i.code]) as (p: unknown) => string)(i.params)
