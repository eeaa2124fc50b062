// The outlines a page draws before the interior is built are exactly the district and streets the built world has.
import { describe, expect, it } from 'vitest'
import { buildWorld, presetOutlines } from './generate-world.ts'

describe('presetOutlines', () => {
  it('gives the built world’s district and street outlines, names and kinds', () => {
    for (const preset of ['street', 'shijingshan'] as const) {
      const world = buildWorld({ preset, seed: 3 })
      const o = presetOutlines(preset, 3)
      expect(o.district).toEqual(world.district)
      expect(o.streets.features.map((f) => f.geometry)).toEqual(world.streets.features.map((f) => f.geometry))
      expect(o.streets.features.map((f) => f.properties)).toEqual(world.streets.features.map(({ properties: { id, name, kind } }) => ({ id, name, kind })))
      expect(o.streets.features.length).toBeGreaterThan(0)
    }
  })
})
