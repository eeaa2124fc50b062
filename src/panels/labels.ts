// Labels that carry both languages in their definitions (the metric registry, the lever definitions), in the page's
// language: one way to translate them, with no key built from a string at run time.
import { AREA_METRICS, labelIn, METRICS, type AreaMetric, type Label, type SummaryMetric } from '../../sim/api.ts'
import { getLang } from '../i18n/i18n.ts'

export const inLang = (l: Label): string => labelIn(l, getLang())
export const metricLabel = (m: SummaryMetric): string => inLang(METRICS[m].label)
export const areaMetricLabel = (m: AreaMetric): string => inLang(AREA_METRICS[m].label)
/** an outcome rate by its key in a result's `rates` */
export const rateLabel = (k: 'response' | 'resolution' | 'satisfaction' | 'onTime' | 'discovery' | 'proactive'): string => metricLabel(`rates.${k}` as const)
