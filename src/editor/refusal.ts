// What the user reads when Terra Draw refuses a feature: its validation reason (an English string of the
// library) translated to our message, so an edit never fails silently.
import { t, type Key } from '../i18n/i18n.ts'

/** Terra Draw's validation reasons (its English strings) → our message keys. */
const REASONS: [RegExp, Key][] = [
  [/precision/i, 'edit.reason.precision'],
  [/intersects itself/i, 'edit.reason.selfIntersects'],
  [/less than 4 coordinates|not closed|invalid coordinates/i, 'edit.reason.invalid'],
]

/** The user's message for a feature Terra Draw refused. */
export function refusalMessage(reason: string | undefined): string {
  const key = REASONS.find(([re]) => re.test(reason ?? ''))?.[1]
  return t('edit.refused', { reason: key ? t(key) : (reason ?? '') })
}
