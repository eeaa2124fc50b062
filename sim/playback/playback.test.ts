// Playback: binary batches decode to the very events the model emitted; the replayed state at the end of a run
// gives the run's own three rates; scrubbing back through keyframes lands on the same state as playing forward;
// one issue's story has one step per logged event, at the logged times.
import { describe, expect, it } from 'vitest'
import { buildWorld, compileWorld, scenarioPreset, simulate, type SimEvent } from '../api.ts'
import { BatchEncoder, decodeAt, K, UNKNOWN } from './codec.ts'
import { RecordingBuilder, type Recording } from './recording.ts'
import { backlog, C, Replay, STATE } from './replay.ts'
import { clockText, eventLogCsv, eventsOf, storyOf } from './story.ts'
import { momentsOf, placesOf } from './places.ts'

const world = compileWorld(buildWorld({ preset: 'street', seed: 1 }))
const DAYS = 12

function record(scenario: string): { rec: Recording; events: SimEvent[]; result: ReturnType<typeof simulate> } {
  const events: SimEvent[] = []
  const enc = new BatchEncoder(4096)
  const b = new RecordingBuilder()
  const flush = () => {
    const x = enc.take()
    if (x) b.add(x)
  }
  const result = simulate(world, scenarioPreset(scenario), {
    seed: 3,
    days: DAYS,
    onEvent: (e) => {
      events.push(e)
      enc.push(e)
      if (enc.full) flush()
    },
  })
  flush()
  return { rec: b.finish(DAYS * 1440), events, result }
}

const { rec, events, result } = record('hotline-reform')

describe('binary playback events', () => {
  it('decode to the events the model emitted, in order', () => {
    expect(rec.n).toBe(events.length)
    for (let j = 0; j < rec.n; j += 7) expect(decodeAt(rec, j)).toEqual(events[j])
    const kinds = new Set(events.map((e) => e.kind))
    for (const k of ['arise', 'known', 'enter', 'start', 'done', 'whistle', 'verify', 'close', 'callback', 'trust']) expect(kinds.has(k as SimEvent['kind'])).toBe(true)
  })

  it('keeps kinds it does not know as UNKNOWN instead of failing', () => {
    const enc = new BatchEncoder(4)
    enc.push({ kind: 'surveyed', t: 5, issue: 2 } as unknown as SimEvent)
    const b = enc.take()!
    expect(b.kind[0]).toBe(UNKNOWN)
    expect(decodeAt(b, 0)).toBeNull()
  })

  it('records without changing the run', () => {
    const plain = simulate(world, scenarioPreset('hotline-reform'), { seed: 3, days: DAYS })
    expect(JSON.stringify(plain)).toBe(JSON.stringify(result))
  })
})

describe('replay', () => {
  it('ends with the run’s own counts and three rates', () => {
    const r = new Replay(rec, 500)
    r.seekIndex(rec.n)
    expect(r.counters[C.ARISEN]).toBe(result.issues.arisen)
    expect(r.counters[C.WHISTLES]).toBe(result.whistles.count)
    const rates = r.rates()
    expect(rates.response).toBeCloseTo(result.rates.response, 3)
    expect(rates.resolution).toBeCloseTo(result.rates.resolution, 3)
    expect(rates.satisfaction).toBeCloseTo(result.rates.satisfaction, 3)
  })

  it('scrubs back through keyframes to the state playing forward reaches', () => {
    const r = new Replay(rec, 500)
    expect(r.every).toBe(500)
    r.seekTime(9 * 1440)
    const keys = r.keyframes
    r.seekTime(2.5 * 1440)
    expect(r.keyframes).toBe(keys)
    const fresh = new Replay(rec, 500)
    fresh.seekTime(2.5 * 1440)
    expect(r.cursor).toBe(fresh.cursor)
    expect(Array.from(r.state)).toEqual(Array.from(fresh.state))
    expect(Array.from(r.counters)).toEqual(Array.from(fresh.counters))
    // in the middle of a day something is open in every state the map draws
    const seen = new Set(r.state)
    for (const s of [STATE.LATENT, STATE.CLOSED, STATE.RATED]) expect(seen.has(s)).toBe(true)
  })

  it('draws the backlog as known minus closed', () => {
    const b = backlog(rec, 60)
    expect(b.length).toBe(DAYS * 24)
    const r = new Replay(rec)
    r.seekIndex(rec.n)
    expect(b[b.length - 1]).toBe(r.counters[C.KNOWN] - r.counters[C.CLOSED])
    expect(Math.min(...b)).toBeGreaterThanOrEqual(0)
  })
})

describe('one issue’s story', () => {
  it('has one step per logged event of the issue, at the logged times', () => {
    const whistled = rec.issue[Array.from(rec.kind).indexOf(K.whistle)]
    const steps = storyOf(rec, whistled)
    const log = eventLogCsv(rec, whistled).trim().split('\n').slice(1).map((l) => l.split(','))
    expect(steps.map((s) => s.t)).toEqual(log.map((l) => Number(l[1])))
    expect(steps.map((s) => clockText(s.t))).toEqual(log.map((l) => l[2]))
    const kinds = steps.map((s) => s.kind)
    expect(kinds[0]).toBe('arise')
    expect(kinds[1]).toBe('known')
    expect(kinds.indexOf('report')).toBeGreaterThan(kinds.indexOf('whistle'))
    expect(steps[0].household).toBeGreaterThanOrEqual(0)
    const rep = steps.find((s) => s.kind === 'report')!
    expect(rep.inLimit).toBe(rep.minutes! <= 30)
    expect(eventsOf(rec, whistled).length).toBe(steps.length)
  })

  it('says what a callback did to the household’s trust', () => {
    const j = Array.from(rec.kind).lastIndexOf(K.trust)
    const steps = storyOf(rec, rec.issue[j])
    const tr = steps.find((s) => s.kind === 'trust')!
    expect(tr.trust).toBeCloseTo(rec.v[j], 6)
    expect(tr.trustBefore).toBeGreaterThan(0)
  })

  it('formats the clock by day and minute', () => {
    expect(clockText(0)).toBe('D1 00:00')
    expect(clockText(1440 + 61.7)).toBe('D2 01:01')
  })
})

describe('places and moments', () => {
  it('puts every building, grid base and street in lon/lat near the world', () => {
    const p = placesOf(world)
    expect(p.building.length).toBe(2 * world.buildings.n)
    for (let k = 0; k < p.building.length; k += 2) {
      expect(p.building[k]).toBeGreaterThan(116)
      expect(p.building[k]).toBeLessThan(117)
      expect(p.building[k + 1]).toBeGreaterThan(39.5)
    }
    expect(p.gridBase.every(Number.isFinite)).toBe(true)
  })

  it('finds the first moments of an event kind, an hour apart', () => {
    const m = momentsOf(rec, K.whistle, null, 3)
    expect(m.length).toBe(3)
    expect(m[1] - m[0]).toBeGreaterThanOrEqual(60)
  })
})
