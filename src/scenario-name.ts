// A scenario as the page names it, in the page's language: presets by their label (the id stays in titles and
// data attributes), edited and pinned versions by their preset's label and what was done to it.
import { SCENARIO_PRESETS, scenarioPreset } from '../sim/api.ts'
import { getLang, t } from './i18n/i18n.ts'

/** a scenario's label and description in the page's language (presets carry both; English is the fallback) */
export const scenarioText = (s: { label?: string; description?: string; zh?: { label?: string; description?: string } }): { label: string; description: string } =>
  getLang() === 'zh-CN' ? { label: s.zh?.label || s.label || '', description: s.zh?.description || s.description || '' } : { label: s.label ?? '', description: s.description ?? '' }

/** A scenario's name as the page shows it: a preset by its label in the page's language; an edited one
 * (`base+3`) or a pinned version (`base v2`) as its preset's label with the edit count or the version in words.
 * Ids stay in `title` and data attributes, for people and tests that need them. */
export function scenarioName(id: string): string {
  const base = [...SCENARIO_PRESETS].sort((a, b) => b.length - a.length).find((p) => id === p || id.startsWith(`${p}+`) || id.startsWith(`${p} `))
  if (!base) return id
  const label = scenarioText(scenarioPreset(base)).label || base
  const rest = id.slice(base.length)
  const edited = /\+(\d+)/.exec(rest)?.[1]
  const version = /\bv(\d+)\b/.exec(rest)?.[1]
  return `${label}${edited ? t('scn.nameEdited', { n: edited }) : ''}${version ? t('scn.nameVersion', { n: version }) : ''}`
}

