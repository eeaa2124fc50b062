// CSV column headers in Chinese, a choice of the zh-CN page. The machine headers (lever paths, metric keys, the
// CLI's columns) stay the default: scripts and the page==CLI comparison read them. With the choice on, the header
// row names each column in Chinese (metric and lever labels, a few fixed columns); the rows are unchanged.
import { isSummaryMetric } from '../../sim/api.ts'
import { getLang, isKey, t, tAny } from '../i18n/i18n.ts'
import { h } from './dom.ts'
import { metricLabel } from './labels.ts'
import { leverLabelOf } from './scenario-panel.ts'

const KEY = 'gongzhi:csvZhHeaders'

export const zhHeaders = (): boolean => getLang() === 'zh-CN' && localStorage.getItem(KEY) === '1'

/** a column's Chinese name: a fixed column, a summary metric, a lever path; else the machine name */
export function zhHeader(col: string): string {
  if (isKey(`csv.col.${col}`)) return tAny(`csv.col.${col}`)
  if (isSummaryMetric(col)) return metricLabel(col)
  return leverLabelOf(col, col)
}

/** the CSV the user downloads: its header row in Chinese when chosen (headers are machine names: no quoting) */
export const csvForUser = (text: string): string => (zhHeaders() ? zhHeaderRow(text) : text)

/** the header row in Chinese */
export function zhHeaderRow(text: string): string {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : ''
  const body = text.slice(bom.length)
  const eol = body.search(/\r?\n/)
  const head = eol < 0 ? body : body.slice(0, eol)
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  return bom + head.split(',').map((c) => quote(zhHeader(c))).join(',') + (eol < 0 ? '' : body.slice(eol))
}

/** the choice, beside a CSV button; shown only in the zh-CN page */
export function csvHeaderChoice(testid: string): HTMLElement {
  const box = h('input', { type: 'checkbox', testid, checked: localStorage.getItem(KEY) === '1', onchange: (e: Event) => localStorage.setItem(KEY, (e.target as HTMLInputElement).checked ? '1' : '0') })
  const label = h('label', { class: 'csv-zh', title: t('csv.zhHeadersHint') }, box, ` ${t('csv.zhHeaders')}`)
  label.hidden = getLang() !== 'zh-CN'
  return label
}
