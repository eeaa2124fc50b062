import { describe, expect, it } from 'vitest'
import { at, rect, translate } from '../../test/support/shapes.ts'
import { FINDING } from './findings.ts'
import { validateCommunity, type BuildingInput } from './validate-community.ts'

const community = { id: 'C1', geometry: rect(0, 0, 400, 400) }
const quadrants = () => [
  { id: 'G1', geometry: rect(0, 0, 200, 200) },
  { id: 'G2', geometry: rect(200, 0, 400, 200) },
  { id: 'G3', geometry: rect(0, 200, 200, 400) },
  { id: 'G4', geometry: rect(200, 200, 400, 400) },
]
/** four buildings of 400 households, one in each quadrant */
const buildings: BuildingInput[] = [
  { id: 'B1', pos: at(100, 100), households: 400 },
  { id: 'B2', pos: at(300, 100), households: 400 },
  { id: 'B3', pos: at(100, 300), households: 400 },
  { id: 'B4', pos: at(300, 300), households: 400 },
]
const codes = (fs: { code: string }[]) => fs.map((f) => f.code).sort()

describe('validateCommunity', () => {
  it('finds nothing in an exact tiling with balanced grids', () => {
    expect(validateCommunity(community, quadrants(), buildings)).toEqual([])
  })

  it('reports a removed grid as a gap of its area, and its building as unassigned', () => {
    const fs = validateCommunity(community, quadrants().slice(1), buildings)
    const gap = fs.find((f) => f.code === FINDING.GAP)!
    expect(gap.severity).toBe('error')
    expect(gap.areaM2).toBeCloseTo(40_000, -2)
    expect(gap.location[0]).toBeCloseTo(at(100, 100)[0], 4)
    const un = fs.filter((f) => f.code === FINDING.UNASSIGNED_BUILDING)
    expect(un.map((f) => f.features[0].id)).toEqual(['B1'])
  })

  it('reports a shifted grid as overlaps, a gap and a part outside the community', () => {
    const gs = quadrants()
    gs[0] = { id: 'G1', geometry: translate(gs[0].geometry, 50, 0) }
    const fs = validateCommunity(community, gs, buildings)
    const overlap = fs.filter((f) => f.code === FINDING.OVERLAP)
    expect(overlap).toHaveLength(1)
    expect(overlap[0].features.map((f) => f.id)).toEqual(['G1', 'G2'])
    expect(overlap[0].areaM2).toBeCloseTo(50 * 200, -1)
    expect(fs.some((f) => f.code === FINDING.GAP && Math.abs(f.areaM2! - 50 * 200) < 5)).toBe(true)
    const shifted = quadrants()
    shifted[0] = { id: 'G1', geometry: translate(shifted[0].geometry, -30, 0) }
    const out = validateCommunity(community, shifted, buildings).find((f) => f.code === FINDING.CROSSES_COMMUNITY)!
    expect(out.areaM2).toBeCloseTo(30 * 200, -1)
  })

  it('flags households outside the band, and only notes it when the community cannot do better', () => {
    const heavy = buildings.map((b, i) => ({ ...b, households: i === 0 ? 700 : 400 }))
    const high = validateCommunity(community, quadrants(), heavy).find((f) => f.code === FINDING.HOUSEHOLDS_ABOVE)!
    expect(high.value).toBe(700)
    expect(high.severity).toBe('warning')
    const tiny = buildings.map((b) => ({ ...b, households: 50 }))
    const low = validateCommunity(community, quadrants(), tiny).filter((f) => f.code === FINDING.HOUSEHOLDS_BELOW)
    expect(low).toHaveLength(4)
    // 200 households cannot make even one grid of 300: being below the band is expected, not a warning
    expect(low.every((f) => f.severity === 'info')).toBe(true)
  })

  it('warns about a multipart grid and errs when a community has no grids', () => {
    const gs = quadrants()
    const two = { id: 'G1', geometry: [...gs[0].geometry, ...gs[3].geometry] }
    const fs = validateCommunity(community, [two, gs[1], gs[2]], buildings)
    expect(fs.filter((f) => f.code === FINDING.MULTIPART).map((f) => f.features[0].id)).toEqual(['G1'])
    expect(codes(validateCommunity(community, [], buildings))).toEqual([FINDING.NO_GRIDS])
  })

  it('reports a self-intersecting grid as invalid geometry, naming where it crosses', () => {
    const gs = quadrants()
    const bow = [[at(0, 0), at(200, 200), at(200, 0), at(0, 200), at(0, 0)]]
    gs[0] = { id: 'G1', geometry: [bow] }
    const f = validateCommunity(community, gs, buildings).find((x) => x.code === FINDING.INVALID_GEOMETRY)!
    expect(f.features[0].id).toBe('G1')
    expect(f.message).toMatch(/cross/)
    expect(f.location[0]).toBeCloseTo(at(100, 100)[0], 5)
  })

  it('ignores coordinate noise: a seam misaligned by 1 cm is not a gap', () => {
    const gs = quadrants()
    gs[0] = { id: 'G1', geometry: rect(0, 0, 199.99, 200) }
    expect(validateCommunity(community, gs, buildings)).toEqual([])
  })

  it('finds an overlap between two grids whose boxes overlap but are listed far apart', () => {
    const gs = [...quadrants(), { id: 'G5', geometry: rect(150, 150, 250, 250) }]
    const pairs = validateCommunity(community, gs, buildings).filter((f) => f.code === FINDING.OVERLAP).map((f) => f.features.map((r) => r.id).join('+'))
    expect(pairs).toEqual(['G1+G5', 'G2+G5', 'G3+G5', 'G4+G5'])
  })

  it('caps the overlaps it lists and counts the pairs it did not examine', () => {
    const gs = Array.from({ length: 30 }, (_, i) => ({ id: `G${i}`, geometry: rect(0, 0, 400, 400) }))
    const fs = validateCommunity(community, gs, buildings, { listCap: 10 })
    expect(fs.filter((f) => f.code === FINDING.OVERLAP)).toHaveLength(10)
    const rest = fs.find((f) => f.code === FINDING.OVERLAPS_NOT_EXAMINED)!
    expect(rest.value).toBe((30 * 29) / 2 - 10)
    expect(rest.severity).toBe('error')
    const notListed = fs.find((f) => f.code === FINDING.NOT_LISTED)!
    expect(notListed).toMatchObject({ of: FINDING.HOUSEHOLDS_BELOW, value: 19 }) // G0 takes all four buildings
    expect(fs.filter((f) => f.code === FINDING.HOUSEHOLDS_BELOW)).toHaveLength(10)
  })
})
