// Property tests of the grid rules on random communities, tilings and buildings.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FINDING, type Finding } from './findings.ts'
import { generateGrids, gridCount, DEFAULT_BAND } from './generate-grids.ts'
import { areaM2, centroidOf, distanceM, M_PER_DEG_LAT, mPerDegLon, type Polys } from './measure.ts'
import { dissolveFragments, pointInPolys, sharedBorderM, voronoiCells } from './partition.ts'
import { repairGrids } from './repair-grids.ts'
import { validateCommunity, type BuildingInput } from './validate-community.ts'
import { at, blob, translate } from '../../test/support/shapes.ts'

const TILING = new Set<string>([FINDING.GAP, FINDING.OVERLAP, FINDING.CROSSES_COMMUNITY, FINDING.UNASSIGNED_BUILDING, FINDING.MULTIPART, FINDING.OPERATION_FAILED])
const tilingFindings = (fs: Finding[]) => fs.filter((f) => TILING.has(f.code))

interface Case {
  community: Polys
  grids: Polys[]
  buildings: BuildingInput[]
}

const arbCommunity = fc.record({
  rx: fc.integer({ min: 150, max: 900 }),
  ry: fc.integer({ min: 150, max: 900 }),
  n: fc.integer({ min: 5, max: 14 }),
  phase: fc.double({ min: 0, max: 6.28, noNaN: true }),
})

const arbUnit = fc.double({ min: 0.05, max: 0.95, noNaN: true })

const arbCase = fc
  .record({
    c: arbCommunity,
    seeds: fc.array(fc.tuple(arbUnit, arbUnit), { minLength: 2, maxLength: 8 }),
    houses: fc.array(fc.tuple(arbUnit, arbUnit, fc.integer({ min: 5, max: 90 })), { minLength: 10, maxLength: 80 }),
  })
  .map(({ c, seeds, houses }): Case => {
    const community = blob(0, 0, c.rx, c.ry, c.n, c.phase)
    const inside = ([u, v]: [number, number]) => at((u - 0.5) * 1.2 * c.rx, (v - 0.5) * 1.2 * c.ry)
    const pts = seeds.map(inside).filter((p) => pointInPolys(p, community))
    const uniq = pts.filter((p, i) => pts.findIndex((q) => distanceM(p, q) < 5) === i)
    const grids = uniq.length >= 2 ? dissolveFragments(voronoiCells(community, uniq), uniq) : [community]
    const buildings = houses
      .map(([u, v, h], i) => ({ id: `B${i}`, pos: inside([u, v]), households: h }))
      .filter((b) => pointInPolys(b.pos, community))
    return { community, grids, buildings }
  })

const asInput = (grids: Polys[]) => grids.map((geometry, i) => ({ id: `G${i}`, geometry }))
const C = (community: Polys) => ({ id: 'C', geometry: community })

describe('grid rules on random tilings', () => {
  it('a Voronoi tiling of a community has no tiling findings', () => {
    fc.assert(
      fc.property(arbCase, ({ community, grids, buildings }) => {
        expect(tilingFindings(validateCommunity(C(community), asInput(grids), buildings))).toEqual([])
      }),
      { numRuns: 60, seed: 7 },
    )
  })

  it('removing a grid leaves a gap of its area', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), ({ community, grids, buildings }, k) => {
        fc.pre(grids.length >= 2)
        const i = k % grids.length
        const fs = validateCommunity(C(community), asInput(grids.filter((_, j) => j !== i)), buildings)
        const gaps = fs.filter((f) => f.code === FINDING.GAP)
        expect(gaps.length).toBeGreaterThan(0)
        const total = gaps.reduce((s, f) => s + f.areaM2!, 0)
        expect(Math.abs(total - areaM2(grids[i])) / areaM2(grids[i])).toBeLessThan(0.01)
      }),
      { numRuns: 60, seed: 8 },
    )
  })

  it('shifting a grid toward its neighbour gives an overlap and a gap', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), fc.integer({ min: 5, max: 60 }), ({ community, grids, buildings }, k, d) => {
        fc.pre(grids.length >= 2)
        const i = k % grids.length
        const lens = grids.map((g, j) => (j === i ? 0 : sharedBorderM(grids[i], g)))
        const n = lens.indexOf(Math.max(...lens))
        fc.pre(lens[n] > 20)
        const [a, b] = [centroidOf(grids[i]), centroidOf(grids[n])]
        const kx = mPerDegLon(a[1])
        const dx = (b[0] - a[0]) * kx
        const dy = (b[1] - a[1]) * M_PER_DEG_LAT
        const len = Math.hypot(dx, dy)
        const moved = grids.slice()
        moved[i] = translate(grids[i], (dx / len) * d, (dy / len) * d)
        const fs = validateCommunity(C(community), asInput(moved), buildings)
        // a thin neighbour may be jumped over entirely; the moved grid then overlaps the one beyond
        expect(fs.some((f) => f.code === FINDING.OVERLAP && f.features.some((x) => x.id === `G${i}`))).toBe(true)
        expect(fs.some((f) => f.code === FINDING.GAP)).toBe(true)
      }),
      { numRuns: 60, seed: 9 },
    )
  })

  it('one-step repair removes every gap, overlap and outside part', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 }), ({ community, grids, buildings }, k, dx, dy) => {
        fc.pre(grids.length >= 2)
        const broken = grids.slice()
        const i = k % grids.length
        broken[i] = translate(grids[i], dx, dy)
        const { grids: fixed } = repairGrids(community, broken)
        const fs = validateCommunity(C(community), asInput(fixed), buildings)
        expect(fs.filter((f) => f.code === FINDING.GAP || f.code === FINDING.OVERLAP || f.code === FINDING.CROSSES_COMMUNITY || f.code === FINDING.UNASSIGNED_BUILDING)).toEqual([])
        expect(fixed.filter((g) => g.length > 0)).toHaveLength(grids.length)
      }),
      { numRuns: 60, seed: 10 },
    )
  })
})

const arbHouses = fc.array(fc.tuple(arbUnit, arbUnit, fc.integer({ min: 5, max: 90 })), { minLength: 20, maxLength: 160 })

function autoCase(c: { rx: number; ry: number; n: number; phase: number }, houses: [number, number, number][]) {
  const community = blob(0, 0, c.rx, c.ry, c.n, c.phase)
  const buildings = houses
    .map(([u, v, h], i) => ({ id: `B${i}`, pos: at((u - 0.5) * 1.2 * c.rx, (v - 0.5) * 1.2 * c.ry), households: h }))
    .filter((b) => pointInPolys(b.pos, community))
    .filter((b, i, all) => all.findIndex((o) => distanceM(o.pos, b.pos) < 1) === i)
  const grids = generateGrids(community, buildings)
  return { community, buildings, grids, findings: validateCommunity(C(community), asInput(grids), buildings) }
}

describe('automatic grids', () => {
  it('always tile the community exactly, one grid per target share of households', () => {
    fc.assert(
      fc.property(arbCommunity, arbHouses, (c, houses) => {
        const { buildings, grids, findings } = autoCase(c, houses)
        expect(tilingFindings(findings)).toEqual([])
        const total = buildings.reduce((s, b) => s + b.households, 0)
        expect(grids).toHaveLength(buildings.length >= 2 ? gridCount(total) : 1)
      }),
      { numRuns: 80, seed: 11 },
    )
  })

  it('stay in the 300–500 band in at least 98 % of communities whose size allows it', () => {
    // Whole buildings on straight cuts cannot always be balanced (a few buildings of 90 households against a
    // 200-household band); the default world's generator closes the last gap, a real community's planner does.
    const cases = fc.sample(fc.tuple(arbCommunity, arbHouses), { numRuns: 300, seed: 12 })
    let allowed = 0
    let inBand = 0
    for (const [c, houses] of cases) {
      const { buildings, findings } = autoCase(c, houses)
      const total = buildings.reduce((s, b) => s + b.households, 0)
      const k = gridCount(total)
      if (total / k < DEFAULT_BAND.min || total / k > DEFAULT_BAND.max) continue
      allowed++
      if (!findings.some((f) => f.code === FINDING.HOUSEHOLDS_ABOVE || f.code === FINDING.HOUSEHOLDS_BELOW)) inBand++
    }
    expect(allowed).toBeGreaterThan(150)
    expect(inBand / allowed).toBeGreaterThanOrEqual(0.98)
  })
})
