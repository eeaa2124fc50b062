// Lessons from the book: each a before/after pair of scenario presets with narration, what to watch for, the book
// chapter it rests on (docs/domain.md § Presets) and the moments playback pauses at (the first few events that show
// the reform working). The words are in the i18n files (tr.lesson.ID.*).
import { EVENT_KIND, type Recording, momentsOf, CHANNELS, ROLES } from '../../sim/api.ts'

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
}

const ch = (name: (typeof CHANNELS)[number]) => CHANNELS.indexOf(name)
const role = (name: (typeof ROLES)[number]) => ROLES.indexOf(name)

export const LESSONS: Lesson[] = [
  { id: 'whistle', before: 'grid-management', after: 'whistle', chapter: 'book ch. 4.2', moment: { kind: EVENT_KIND.whistle, a: null } },
  { id: 'grid', before: 'baseline-pre-reform', after: 'grid-management', chapter: 'book ch. 9.2.4', moment: { kind: EVENT_KIND.known, a: ch('patrol') } },
  { id: 'hotline', before: 'fengtai-2019-01', after: 'hotline-reform', chapter: 'book ch. 4.3.2', moment: { kind: EVENT_KIND.known, a: ch('hotline') } },
  { id: 'volunteers', before: 'hotline-reform', after: 'volunteers', chapter: 'book ch. 4.3.2', moment: { kind: EVENT_KIND.known, a: ch('volunteer') } },
  { id: 'redProperty', before: 'hotline-reform', after: 'red-property', chapter: 'book ch. 6.2.4', moment: { kind: EVENT_KIND.done, a: role('property') } },
  { id: 'burden', before: 'hotline-reform', after: 'burden-reduction', chapter: 'book ch. 4.3.2, 8.1.3', moment: { kind: EVENT_KIND.known, a: ch('visit') } },
]

export const lessonById = (id: string | null): Lesson | undefined => LESSONS.find((l) => l.id === id)

/** minutes to pause at in a recording of the lesson's "after" scenario */
export const pausesOf = (l: Lesson, rec: Recording): number[] => momentsOf(rec, l.moment.kind, l.moment.a, 3, 120)
