import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findSyntaxError, parseJson } from './json-syntax.ts'

describe('JSON syntax locator', () => {
  it('agrees with JSON.parse on valid JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
      expect(findSyntaxError(JSON.stringify(v, null, pretty ? 2 : 0))).toBeNull()
    }), { numRuns: 500, seed: 1 })
  })

  it('finds an error wherever JSON.parse refuses a mutated text', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom(',', '}', ']', '"', ':', 'x', '', '\n', "'", '{', '['), (v, at, ch) => {
      const s = JSON.stringify(v, null, 1)
      const i = at % (s.length + 1)
      const t = s.slice(0, i) + ch + s.slice(i + 1)
      let valid = true
      try { JSON.parse(t) } catch { valid = false }
      expect(findSyntaxError(t) === null).toBe(valid)
    }), { numRuns: 1000, seed: 2 })
  })

  it('words common mistakes plainly, with line and column', () => {
    const r = parseJson('{\n  "a": [1, 2,],\n}')
    expect(r).toMatchObject({ ok: false, line: 2, column: 14 })
    expect(!r.ok && r.problem).toMatch(/trailing comma/)
    expect(parseJson("{'a': 1}")).toMatchObject({ ok: false, line: 1, column: 2 })
    expect(parseJson('{"a": NaN}')).toMatchObject({ ok: false, problem: expect.stringMatching(/NaN/) })
    expect(parseJson('{"a": -Infinity}')).toMatchObject({ ok: false, problem: expect.stringMatching(/Infinity/) })
    expect(parseJson('{"a": 1} x')).toMatchObject({ ok: false, problem: expect.stringMatching(/after the end/) })
  })
})
