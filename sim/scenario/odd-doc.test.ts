// docs/odd.md lists every parameter with its default value: the ODD description cannot fall behind the schema.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LEVERS } from './schema.ts'

describe('docs/odd.md', () => {
  it('lists every lever with its default value', () => {
    const doc = readFileSync(new URL('../../docs/odd.md', import.meta.url), 'utf8')
    for (const l of LEVERS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${l.path}\` |`))
      expect(row, l.path).toBeDefined()
      expect(row!.split('|')[2].trim(), l.path).toBe(l.default === null ? 'unset' : String(l.default))
    }
  })
})
