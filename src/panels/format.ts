// Number formats shared by the comparison table, the charts and the report.
import { t } from '../i18n/i18n.ts'

/** a share as a percentage; '–' when there is nothing to show */
export const pct = (x: number, d = 1): string => (Number.isFinite(x) ? `${(x * 100).toFixed(d)} %` : '–')

/** the sign follows the shown (rounded) number: a −0.04 pp difference reads ±0.0, not a red −0.0 */
export const signOf = (x: number): number => Math.sign(Math.round(x * 1000))

/** a difference of shares in percentage points, signed */
export const pp = (x: number): string => `${signOf(x) > 0 ? '+' : signOf(x) < 0 ? '−' : '±'}${Math.abs(Math.round(x * 1000) / 10).toFixed(1)} ${t('unit.pp')}`

/** An interval's two ends as percentages with as many decimals (1 to 3) as it takes for them to differ, so a
 * narrow interval of a large world never reads as zero-width ("86.6 %–86.6 %"); equal ends stay equal. */
export function pctRange(lo: number, hi: number): [string, string] {
  for (let d = 1; d <= 3; d++) if (pct(lo, d) !== pct(hi, d) || d === 3) return [pct(lo, d), pct(hi, d)]
  return [pct(lo), pct(hi)]
}

/** a summary metric's value as the page shows it: shares as percentages (with `d` decimals), people and yuan with
 *  thousands separators (yuan as 万元), other figures to 4 significant decimals */
export function metricText(unit: string, x: number, d = 1): string {
  if (!Number.isFinite(x)) return '–'
  if (unit === 'share') return pct(x, d)
  if (unit === 'yuan-per-year') return `${(x / 1e4).toLocaleString(undefined, { maximumFractionDigits: 1 })} ${t('unit.wanYuan')}`
  return x.toLocaleString(undefined, { maximumFractionDigits: unit === 'people' ? 1 : 4 })
}
