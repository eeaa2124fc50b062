// Number formats shared by the comparison table, the charts and the report.
import { t } from '../i18n/i18n.ts'

/** a share as a percentage; '–' when there is nothing to show */
export const pct = (x: number, d = 1): string => (Number.isFinite(x) ? `${(x * 100).toFixed(d)} %` : '–')

/** the sign follows the shown (rounded) number: a −0.04 pp difference reads ±0.0, not a red −0.0 */
export const signOf = (x: number): number => Math.sign(Math.round(x * 1000))

/** a difference of shares in percentage points, signed */
export const pp = (x: number): string => `${signOf(x) > 0 ? '+' : signOf(x) < 0 ? '−' : '±'}${Math.abs(Math.round(x * 1000) / 10).toFixed(1)} ${t('unit.pp')}`
