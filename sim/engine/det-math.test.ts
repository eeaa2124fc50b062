// The deterministic kernels against known values and against the engine's Math on Node 20 (fdlibm there), and
// their own invariants, which hold in any engine.
import { describe, expect, it } from 'vitest'
import { cosine, expo, ln } from './det-math.ts'

const ulps = (a: number, b: number) => {
  const v = new DataView(new ArrayBuffer(16))
  v.setFloat64(0, a)
  v.setFloat64(8, b)
  return Math.abs(Number(v.getBigInt64(0) - v.getBigInt64(8)))
}

describe('deterministic log, exp and cos', () => {
  it('give exact values where they are known', () => {
    expect(ln(1)).toBe(0)
    expect(ln(0)).toBe(-Infinity)
    expect(Number.isNaN(ln(-1))).toBe(true)
    expect(expo(0)).toBe(1)
    expect(expo(-Infinity)).toBe(0)
    expect(expo(1000)).toBe(Infinity)
    expect(cosine(0)).toBe(1)
    // fdlibm's values, bit for bit
    expect(ln(2)).toBe(0.6931471805599453)
    expect(expo(1)).toBe(2.718281828459045)
    expect(cosine(1)).toBe(0.5403023058681398)
    expect(cosine(Math.PI)).toBe(-1)
  })

  it('stay within one unit in the last place of the engine’s Math over the ranges the model uses', () => {
    let s = 12345
    const r = () => (s = (s * 16807) % 2147483647) / 2147483647
    let worst = 0
    for (let i = 0; i < 50_000; i++) {
      const u = r()
      worst = Math.max(worst, ulps(ln(u), Math.log(u)), ulps(expo(-u * 30), Math.exp(-u * 30)), ulps(cosine(2 * Math.PI * u), Math.cos(2 * Math.PI * u)) > 1 && Math.abs(Math.cos(2 * Math.PI * u)) > 1e-9 ? 2 : 0)
    }
    expect(worst).toBeLessThanOrEqual(1)
  })
})
