// Each built-in lesson on the street world, both runs simulated for real: it names a book chapter, says what to watch
// for in both languages, pauses at moments where its event really happens in the "after" run, and the numbers its
// narration quotes are that run's own metrics (read here straight from the results, not through the lesson's table).
import { describe, expect, it } from 'vitest'
import { BatchEncoder, buildWorld, compileWorld, EVENT_KIND, RecordingBuilder, scenarioPreset, simulate, type SimResult } from '../../sim/api.ts'
import { setLang, t, type Key } from '../i18n/i18n.ts'
import { lessonNumbers } from './lesson-panel.ts'
import { LESSONS, pausesOf, type LessonId } from './lessons.ts'

// setLang marks <html lang>: the one piece of the page it needs here
globalThis.document ??= { documentElement: {} } as Document

const world = compileWorld(buildWorld({ preset: 'street', seed: 1 }))
const DAYS = 3

const pct = (x: number) => (x * 100).toFixed(1)
const hours = (x: number | null) => (x === null ? '—' : x.toFixed(1))
/** what each lesson's narration must quote, by placeholder: the metric read from a run's result */
const QUOTES: Record<LessonId, Record<string, (r: SimResult) => string>> = {
  whistle: { whistles: (r) => String(r.whistles.count), p90: (r) => hours(r.hoursToClose.p90) },
  grid: { patrol: (r) => String(r.issues.byChannel.patrol), discovery: (r) => pct(r.rates.discovery) },
  hotline: { resolution: (r) => pct(r.rates.resolution), satisfaction: (r) => pct(r.rates.satisfaction) },
  volunteers: { volunteer: (r) => String(r.issues.byChannel.volunteer), proactive: (r) => pct(r.rates.proactive) },
  redProperty: { reworks: (r) => String(r.reworks), satisfaction: (r) => pct(r.rates.satisfaction) },
  burden: { visit: (r) => String(r.issues.byChannel.visit), discovery: (r) => pct(r.rates.discovery) },
}

function run(scenario: string) {
  const enc = new BatchEncoder()
  const b = new RecordingBuilder()
  const result = simulate(world, scenarioPreset(scenario), {
    seed: 1,
    days: DAYS,
    onEvent: (e) => {
      enc.push(e)
      if (enc.full) b.add(enc.take()!)
    },
  })
  const last = enc.take()
  if (last) b.add(last)
  return { result, rec: b.finish(DAYS * 1440) }
}

describe.each(LESSONS)('lesson $id', (l) => {
  const before = run(l.before)
  const after = run(l.after)

  it('cites the book and says what to watch for, in both languages', () => {
    expect(l.chapter).toMatch(/^book ch\. \d+\.\d+/)
    for (const lang of ['zh-CN', 'en'] as const) {
      setLang(lang)
      for (const part of ['title', 'story', 'watch', 'moment', 'numbers'] as const) {
        const key = `tr.lesson.${l.id}.${part}` as Key
        expect(t(key), `${lang} ${key}`).not.toBe(key)
      }
    }
  })

  it('pauses where its event happens in the "after" run', () => {
    const pauses = pausesOf(l, after.rec)
    expect(pauses.length).toBeGreaterThan(0)
    const r = after.rec
    for (const p of pauses) {
      let hit = false
      for (let j = 0; j < r.n && !hit; j++) hit = r.t[j] === p && r.kind[j] === l.moment.kind && (l.moment.a === null || r.a[j] === l.moment.a)
      expect(hit, `pause at ${p}`).toBe(true)
    }
    if (l.moment.kind === EVENT_KIND.whistle) expect(after.result.whistles.count).toBeGreaterThan(0)
  })

  it("quotes the runs' own numbers", () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      setLang(lang)
      const template = t(`tr.lesson.${l.id}.numbers` as Key)
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      // every quoted figure, before and after, and nothing else
      expect(names.sort()).toEqual(Object.keys(QUOTES[l.id]).flatMap((n) => [`${n}A`, `${n}B`]).sort())
      const expected = template.replace(/\{(\w+)([AB])\}/g, (_, n: string, side: string) => QUOTES[l.id][n]((side === 'A' ? after : before).result))
      expect(lessonNumbers(l, [before.result, after.result])).toBe(expected)
    }
  })
})
