// 多网合一: where two grid layers over the same land (governance grids and party-building grids) disagree.
// Each grid of `b` is matched to the grid of `a` it overlaps most; land where a grid of `b` meets any other
// grid of `a`, and land covered by one layer only, is the disagreement.
import { difference, intersect, unionAll } from './clip.ts'
import { areaM2, bboxOfPolys, bboxesOverlap, type Polys } from './measure.ts'

export function layerDiff(a: Polys[], b: Polys[], minM2 = 1): Polys {
  const boxA = a.map((g) => (g.length ? bboxOfPolys(g) : null))
  const out: Polys[] = []
  for (const g of b) {
    if (!g.length) continue
    const bb = bboxOfPolys(g)
    const pieces: { i: number; p: Polys; area: number }[] = []
    a.forEach((h, i) => {
      if (!boxA[i] || !bboxesOverlap(bb, boxA[i]!)) return
      const p = intersect(g, h)
      const area = areaM2(p)
      if (area >= minM2) pieces.push({ i, p, area })
    })
    pieces.sort((x, y) => y.area - x.area)
    for (const x of pieces.slice(1)) out.push(x.p)
  }
  const ua = unionAll(a)
  const ub = unionAll(b)
  out.push(difference(ua, ub), difference(ub, ua))
  return unionAll(out.filter((p) => areaM2(p) >= minM2))
}
