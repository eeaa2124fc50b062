// A road network from the generated boundaries: arterials where two streets meet, local roads where two
// communities of one street meet. Edges on the district outline are not roads. Shared edges are found by
// exact vertex equality, which the Voronoi construction guarantees for interior boundaries.
import type { Position } from 'geojson'
import type { Polys } from '../../geometry/measure.ts'

type Seg = [Position, Position]
const key = (p: Position) => `${p[0]},${p[1]}`
const segKey = (a: Position, b: Position) => {
  const ka = key(a)
  const kb = key(b)
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`
}

/** Edges that exactly two of the given areas share. */
export function sharedEdges(areas: Polys[]): Seg[] {
  const seen = new Map<string, { seg: Seg; owners: Set<number> }>()
  areas.forEach((polys, i) => {
    for (const poly of polys)
      for (const ring of poly)
        for (let k = 0; k < ring.length - 1; k++) {
          const sk = segKey(ring[k], ring[k + 1])
          const e = seen.get(sk) ?? { seg: [ring[k], ring[k + 1]] as Seg, owners: new Set<number>() }
          e.owners.add(i)
          seen.set(sk, e)
        }
  })
  return [...seen.values()].filter((e) => e.owners.size === 2).map((e) => e.seg)
}

/** Join segments into polylines through vertices where exactly two segments meet. */
export function chainSegments(segs: Seg[]): Position[][] {
  const byNode = new Map<string, number[]>()
  segs.forEach(([a, b], i) => {
    for (const p of [a, b]) {
      const k = key(p)
      const l = byNode.get(k) ?? []
      l.push(i)
      byNode.set(k, l)
    }
  })
  const used = new Uint8Array(segs.length)
  const lines: Position[][] = []
  const extend = (line: Position[], from: Position): void => {
    let cur = from
    for (;;) {
      const next = (byNode.get(key(cur)) ?? []).filter((i) => !used[i])
      if (next.length !== 1 || (byNode.get(key(cur)) ?? []).length !== 2) return
      const i = next[0]
      used[i] = 1
      const [a, b] = segs[i]
      cur = key(a) === key(cur) ? b : a
      line.push(cur)
    }
  }
  segs.forEach(([a, b], i) => {
    if (used[i]) return
    used[i] = 1
    const fwd: Position[] = [a, b]
    extend(fwd, b)
    const back: Position[] = [a]
    extend(back, a)
    lines.push([...back.slice(1).reverse(), ...fwd])
  })
  return lines
}
