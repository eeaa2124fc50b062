import { describe, expect, it } from 'vitest'
import { ringProblems, signedArea } from '../geometry/ring-validity.ts'

/** A closed star-free polygon: n vertices on a wobbly circle, counter-clockwise. */
function circle(n: number, cx = 116.3, cy = 39.85, r = 0.01): number[][] {
  const ring: number[][] = []
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n
    const rr = r * (1 + 0.05 * Math.sin(7 * a))
    ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)])
  }
  ring.push(ring[0])
  return ring
}

describe('ringProblems', () => {
  it('accepts a simple ring', () => {
    expect(ringProblems(circle(50))).toEqual([])
    expect(signedArea(circle(50))).toBeGreaterThan(0)
  })
  it('reports an unclosed ring as such, not silently closed', () => {
    expect(ringProblems(circle(10).slice(0, -1))[0].code).toBe('UNCLOSED_RING')
  })
  it('counts distinct positions', () => {
    expect(ringProblems([[0, 0], [1, 0], [1, 0], [0, 0]])[0].code).toBe('TOO_FEW_POINTS')
    expect(ringProblems([])[0].code).toBe('TOO_FEW_POINTS')
  })
  it('finds a bow-tie, a touch and a spike', () => {
    const bow = ringProblems([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]])
    expect(bow[0]).toMatchObject({ code: 'SELF_INTERSECTION', at: [1, 1] })
    const touch = ringProblems([[0, 0], [4, 0], [4, 4], [2, 0], [0, 4], [0, 0]])
    expect(touch[0].message).toMatch(/touches itself near 2, 0/)
    const spike = ringProblems([[0, 0], [4, 0], [4, 4], [4, 6], [4, 4], [0, 4], [0, 0]])
    expect(spike[0].message).toMatch(/doubles back/)
  })
  // no time limit here: a timed test fails on a loaded machine; the budget test below pins the non-quadratic path
  it('checks a 100k-vertex ring', () => {
    const big = circle(100_000)
    expect(ringProblems(big)).toEqual([])
    // swap two far-apart vertices: the ring now crosses itself
    const bad = big.map((p) => [...p])
    ;[bad[100], bad[50_000]] = [bad[50_000], bad[100]]
    expect(ringProblems(bad)[0].code).toBe('SELF_INTERSECTION')
  })
  it('stops a pathological ring at its budget instead of going quadratic', () => {
    // a simple star whose spokes all reach the centre: every edge's box overlaps a quarter of the others
    const star: number[][] = []
    const n = 20_000
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n
      const r = i % 2 ? 1e-3 : 1
      star.push([r * Math.cos(a), r * Math.sin(a)])
    }
    star.push(star[0])
    const t = performance.now()
    const p = ringProblems(star, { budget: 200_000 })
    expect(performance.now() - t).toBeLessThan(1000)
    expect(p.map((x) => x.code)).toEqual(['CHECK_INCOMPLETE'])
  })
})
