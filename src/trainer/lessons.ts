// Lessons from the book: each a before/after pair of scenario presets with narration, what to watch for, the book
// chapter it rests on (docs/domain.md § Presets) and the moments playback pauses at (the first few events that show
// the reform working). The words are in the i18n files (tr.lesson.ID.*).
import { EVENT_KIND, type Recording, type SimResult, momentsOf, CHANNELS, ROLES } from '../../sim/api.ts'

/** the lessons there are: each names its tr.lesson.ID.* strings, so a missing one is a type error */
export type LessonId = 'whistle' | 'grid' | 'hotline' | 'volunteers' | 'redProperty' | 'burden'

export interface Lesson {
  id: LessonId
  before: string
  after: string
  /** `book ch. C.S` */
  chapter: string
  /** the events whose first occurrences in the "after" run are the moments to pause at */
  moment: { kind: number; a: number | null }
  /** the run's own figures the narration quotes (tr.lesson.ID.numbers names them NAME_B before, NAME_A after) */
  figures: Figure[]
}

/** a number of a run the narration quotes: `of` reads it from the run's result, `unit` says how it is written */
export interface Figure {
  name: string
  of: (r: SimResult) => number
  unit: 'pct' | 'count' | 'hours'
}

const byChannel = (name: (typeof CHANNELS)[number]) => (r: SimResult) => (r.issues.byChannel as Record<string, number>)[name] ?? 0

const ch = (name: (typeof CHANNELS)[number]) => CHANNELS.indexOf(name)
const role = (name: (typeof ROLES)[number]) => ROLES.indexOf(name)

export const LESSONS: Lesson[] = [
  {
    id: 'whistle', before: 'grid-management', after: 'whistle', chapter: 'book ch. 4.2', moment: { kind: EVENT_KIND.whistle, a: null },
    figures: [{ name: 'whistles', of: (r) => r.whistles.count, unit: 'count' }, { name: 'p90', of: (r) => r.hoursToClose.p90 ?? NaN, unit: 'hours' }],
  },
  {
    id: 'grid', before: 'baseline-pre-reform', after: 'grid-management', chapter: 'book ch. 9.2.4', moment: { kind: EVENT_KIND.known, a: ch('patrol') },
    figures: [{ name: 'patrol', of: byChannel('patrol'), unit: 'count' }, { name: 'discovery', of: (r) => r.rates.discovery, unit: 'pct' }],
  },
  {
    id: 'hotline', before: 'fengtai-2019-01', after: 'hotline-reform', chapter: 'book ch. 4.3.2', moment: { kind: EVENT_KIND.known, a: ch('hotline') },
    figures: [{ name: 'resolution', of: (r) => r.rates.resolution, unit: 'pct' }, { name: 'satisfaction', of: (r) => r.rates.satisfaction, unit: 'pct' }],
  },
  {
    id: 'volunteers', before: 'hotline-reform', after: 'volunteers', chapter: 'book ch. 4.3.2', moment: { kind: EVENT_KIND.known, a: ch('volunteer') },
    figures: [{ name: 'volunteer', of: byChannel('volunteer'), unit: 'count' }, { name: 'proactive', of: (r) => r.rates.proactive, unit: 'pct' }],
  },
  {
    id: 'redProperty', before: 'hotline-reform', after: 'red-property', chapter: 'book ch. 6.2.4', moment: { kind: EVENT_KIND.done, a: role('property') },
    figures: [{ name: 'reworks', of: (r) => r.reworks, unit: 'count' }, { name: 'satisfaction', of: (r) => r.rates.satisfaction, unit: 'pct' }],
  },
  {
    id: 'burden', before: 'hotline-reform', after: 'burden-reduction', chapter: 'book ch. 4.3.2, 8.1.3', moment: { kind: EVENT_KIND.known, a: ch('visit') },
    figures: [{ name: 'visit', of: byChannel('visit'), unit: 'count' }, { name: 'discovery', of: (r) => r.rates.discovery, unit: 'pct' }],
  },
]

/** a figure as the narration writes it: percentages to one decimal, hours to one decimal, counts whole */
export function figureText(f: Figure, r: SimResult): string {
  const v = f.of(r)
  if (!Number.isFinite(v)) return '—'
  return f.unit === 'pct' ? (v * 100).toFixed(1) : f.unit === 'hours' ? v.toFixed(1) : String(Math.round(v))
}

/** the parameters of tr.lesson.ID.numbers: each figure of the "before" and the "after" run */
export function figureParams(l: Lesson, before: SimResult, after: SimResult): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of l.figures) {
    out[`${f.name}B`] = figureText(f, before)
    out[`${f.name}A`] = figureText(f, after)
  }
  return out
}

export const lessonById = (id: string | null): Lesson | undefined => LESSONS.find((l) => l.id === id)

/** minutes to pause at in a recording of the lesson's "after" scenario */
export const pausesOf = (l: Lesson, rec: Recording): number[] => momentsOf(rec, l.moment.kind, l.moment.a, 3, 120)
