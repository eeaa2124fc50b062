import { describe, expect, it } from 'vitest'
import { progressPainter, type ShownProgress } from './progress-painter.ts'
import { REPAINT_MS } from '../progress.ts'

/** a run's progress as the client reports it: `perSecond` reports a second for `seconds`, the fraction and the
 *  time left moving steadily, the districts finishing one by one */
function reports(seconds: number, perSecond: number, districts: number) {
  const out: { t: number; p: { fraction: number; etaSeconds: number | null; districtsDone: number; districts: number } }[] = []
  const n = seconds * perSecond
  for (let i = 1; i <= n; i++) {
    const fraction = i / n
    const t = (i * 1000) / perSecond
    out.push({ t, p: { fraction, etaSeconds: fraction > 0.01 ? ((t / 1000) * (1 - fraction)) / fraction : null, districtsDone: Math.floor(fraction * districts), districts } })
  }
  return out
}

describe('city progress repaints', () => {
  it('repaints at most once a second however often progress arrives, and always shows the finished run', () => {
    let t = 0
    const painted: ShownProgress[] = []
    const painter = progressPainter((s) => painted.push(s), () => t)
    painter.report({ fraction: 0, etaSeconds: null, districtsDone: 0, districts: 16 })
    const rs = reports(60, 10, 16)
    for (const r of rs) {
      t = r.t
      painter.report(r.p)
    }
    // the first, one a second, and the last
    expect(painter.paints).toBe(painted.length)
    expect(painted.length).toBeLessThanOrEqual(60 + 2)
    expect(painted.length).toBeGreaterThanOrEqual(50)
    expect(painted.at(-1)).toEqual({ percent: 100, districtsDone: 16, districts: 16, etaSeconds: 0 })
    // each paint shows something new
    for (let i = 1; i < painted.length; i++) expect(painted[i]).not.toEqual(painted[i - 1])
  })

  it('does not repaint when nothing shown changes, however long it waits', () => {
    let t = 0
    const painter = progressPainter(() => {}, () => t)
    const p = { fraction: 0.123, etaSeconds: 41.2, districtsDone: 3, districts: 16 }
    expect(painter.report(p)).toBe(true)
    for (let k = 1; k <= 10; k++) {
      t = k * REPAINT_MS * 2
      expect(painter.report({ ...p, fraction: 0.1239, etaSeconds: 41.9 })).toBe(false)
    }
    t += REPAINT_MS
    expect(painter.report({ ...p, fraction: 0.13 })).toBe(true)
    expect(painter.paints).toBe(2)
  })
})
