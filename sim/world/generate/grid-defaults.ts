// Finishing touches on the default grids: households balanced into the band, and each grid worker's base.
import type { Position } from 'geojson'
import { DEFAULT_BAND } from '../../geometry/generate-grids.ts'
import { interiorPoint } from '../../geometry/interior-point.ts'
import type { Polys } from '../../geometry/measure.ts'

/**
 * Whole buildings cannot always be cut into grids of 300–500 households. In a synthetic world the
 * generator may instead move a few households between buildings of the same community (its total is kept),
 * so that the default grids sit in the band — what the planners of a real district aim for.
 */
export function rebalanceHouseholds(buildings: { households: number }[], owner: Int32Array, nGrids: number): void {
  const { min, max } = DEFAULT_BAND
  const sums = new Array<number>(nGrids).fill(0)
  buildings.forEach((b, i) => {
    if (owner[i] >= 0) sums[owner[i]] += b.households
  })
  const total = sums.reduce((s, x) => s + x, 0)
  if (total < min * nGrids || total > max * nGrids) return
  const members = sums.map((_, g) => buildings.filter((_, i) => owner[i] === g))
  const move = (from: number, to: number, n: number): number => {
    const src = [...members[from]].sort((a, b) => b.households - a.households)[0]
    const dst = [...members[to]].sort((a, b) => a.households - b.households)[0]
    if (!src || !dst) return 0
    const k = Math.max(0, Math.min(n, src.households - 1))
    src.households -= k
    dst.households += k
    sums[from] -= k
    sums[to] += k
    return k
  }
  for (let g = 0; g < nGrids; g++) {
    while (sums[g] > max) {
      const to = sums.findIndex((s, h) => h !== g && s < max && members[h].length > 0)
      if (to < 0 || move(g, to, Math.min(sums[g] - max, max - sums[to])) === 0) break
    }
    while (sums[g] < min && members[g].length > 0) {
      const from = sums.findIndex((s, h) => h !== g && s > min)
      if (from < 0 || move(from, g, Math.min(min - sums[g], sums[from] - min)) === 0) break
    }
  }
}

/** The grid worker's base: the building nearest the household-weighted centre, else a point inside the grid. */
export function baseFor(gpoly: Polys, members: { centre: Position; households: number }[]): [number, number] {
  if (members.length === 0) {
    const p = interiorPoint(gpoly)
    return [p[0], p[1]]
  }
  const hh = members.reduce((s, m) => s + m.households, 0) || 1
  const cx = members.reduce((s, m) => s + m.centre[0] * m.households, 0) / hh
  const cy = members.reduce((s, m) => s + m.centre[1] * m.households, 0) / hh
  let best = members[0].centre
  let bestD = Infinity
  for (const m of members) {
    const d = (m.centre[0] - cx) ** 2 + (m.centre[1] - cy) ** 2
    if (d < bestD) {
      bestD = d
      best = m.centre
    }
  }
  return [best[0], best[1]]
}
