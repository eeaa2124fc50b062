// The way into trainer mode from the planner: a header button that opens ?mode=trainer on the same world.
import { t } from '../i18n/i18n.ts'
import { onLangChange } from '../i18n/i18n.ts'

export function trainerButton(preset: string): void {
  const header = document.querySelector('header.top')
  if (!header || header.querySelector('[data-testid=trainer]')) return
  const b = document.createElement('a')
  b.className = 'trainer-link'
  b.dataset.testid = 'trainer'
  // data worlds (data:ID) are not presets the trainer can rebuild: it falls back to the street world
  b.href = `?mode=trainer&preset=${encodeURIComponent(preset.startsWith('data:') ? 'street' : preset)}`
  const label = () => (b.textContent = t('tr.open'))
  label()
  onLangChange(label)
  header.insertBefore(b, header.querySelector('#lang'))
}
