// A grid layer edited as a topology: where grids meet they share vertices, and an edit of one grid's boundary
// is carried to every grid that uses the same vertex or edge. Vertices match by coordinate at the stored
// precision (precision.ts); a vertex of one grid lying on another's edge (a T-junction) is first inserted into
// that edge ("noding"), so that moving it moves both sides and nobody is left behind.
import KDBush from 'kdbush'
import type { Position } from 'geojson'
import { M_PER_DEG_LAT, mPerDegLon, type Polys } from './measure.ts'
import { positionKey, roundPolys, roundPosition } from './precision.ts'

/** A vertex this close to another grid's edge is taken to lie on it, m (a few times the stored precision). */
export const ON_EDGE_M = 0.05

/** What happened to one ring, read from its old and new vertex lists. */
export type RingChange =
  | { kind: 'move'; moves: [Position, Position][] }
  | { kind: 'insert'; a: Position; b: Position; v: Position }
  | { kind: 'remove'; v: Position }
  | { kind: 'other' }

const open = (r: Position[]): Position[] => (r.length > 1 && positionKey(r[0]) === positionKey(r[r.length - 1]) ? r.slice(0, -1) : r.slice())
const close = (r: Position[]): Position[] => (r.length ? [...r, r[0]] : r)

/** Compare a ring before and after an edit (closed rings, same start vertex as the editor keeps them). */
export function diffRing(before: Position[], after: Position[]): RingChange {
  const a = open(before)
  const b = open(after)
  const k = (p: Position) => positionKey(p)
  if (a.length === b.length) {
    const moves: [Position, Position][] = []
    a.forEach((p, i) => {
      if (k(p) !== k(b[i])) moves.push([p, roundPosition(b[i])])
    })
    return { kind: 'move', moves }
  }
  if (b.length === a.length + 1) {
    let i = 0
    while (i < a.length && k(a[i]) === k(b[i])) i++
    if (b.slice(i + 1).every((p, j) => k(p) === k(a[i + j]))) return { kind: 'insert', a: a[(i - 1 + a.length) % a.length], b: a[i % a.length], v: roundPosition(b[i]) }
  }
  if (b.length === a.length - 1) {
    let i = 0
    while (i < b.length && k(a[i]) === k(b[i])) i++
    if (b.slice(i).every((p, j) => k(p) === k(a[i + 1 + j]))) return { kind: 'remove', v: a[i] }
  }
  return { kind: 'other' }
}

/**
 * Insert into every ring the vertices of all the grids that lie on its edges, so every shared boundary carries
 * the same vertices on both sides. Shapes do not change (the inserted points are on the edges, within ON_EDGE_M).
 * Grids that gain nothing are returned as the same objects.
 */
export function nodeGrids(grids: readonly Polys[]): Polys[] {
  const pts: Position[] = []
  const seen = new Set<string>()
  for (const g of grids) for (const poly of g) for (const ring of poly) for (const p of ring) {
    const key = positionKey(p)
    if (!seen.has(key)) {
      seen.add(key)
      pts.push(p)
    }
  }
  if (!pts.length) return grids.slice()
  const kx = mPerDegLon(pts[0][1])
  const xy = (p: Position): [number, number] => [p[0] * kx, p[1] * M_PER_DEG_LAT]
  const index = new KDBush(pts.length)
  for (const p of pts) index.add(...xy(p))
  index.finish()
  return grids.map((g) => {
    let changed = false
    const out = g.map((poly) =>
      poly.map((ring) => {
        const r: Position[] = [ring[0]]
        for (let i = 1; i < ring.length; i++) {
          const [ax, ay] = xy(ring[i - 1])
          const [bx, by] = xy(ring[i])
          const dx = bx - ax
          const dy = by - ay
          const len2 = dx * dx + dy * dy
          const on: { t: number; p: Position }[] = []
          if (len2 > 0) {
            const ends = new Set([positionKey(ring[i - 1]), positionKey(ring[i])])
            for (const j of index.range(Math.min(ax, bx) - ON_EDGE_M, Math.min(ay, by) - ON_EDGE_M, Math.max(ax, bx) + ON_EDGE_M, Math.max(ay, by) + ON_EDGE_M)) {
              const p = pts[j]
              if (ends.has(positionKey(p))) continue
              const [px, py] = xy(p)
              const t = ((px - ax) * dx + (py - ay) * dy) / len2
              if (t <= 0 || t >= 1) continue
              if (Math.hypot(ax + t * dx - px, ay + t * dy - py) <= ON_EDGE_M) on.push({ t, p })
            }
          }
          if (on.length) {
            changed = true
            on.sort((u, v) => u.t - v.t)
            for (const o of on) r.push(o.p)
          }
          r.push(ring[i])
        }
        return r
      }),
    )
    return changed ? out : g
  })
}

/** Apply one ring change to a grid; the same object back when it does not use the vertex or edge. */
function applyChange(g: Polys, change: RingChange): Polys {
  if (change.kind === 'other') return g
  let changed = false
  const out = g.map((poly) =>
    poly.map((ring) => {
      const r = open(ring)
      if (change.kind === 'move') {
        const to = new Map(change.moves.map(([from, dest]) => [positionKey(from), dest]))
        const next = r.map((p) => to.get(positionKey(p)) ?? p)
        if (next.some((p, i) => p !== r[i])) {
          changed = true
          return close(next)
        }
        return ring
      }
      if (change.kind === 'insert') {
        const ka = positionKey(change.a)
        const kb = positionKey(change.b)
        for (let i = 0; i < r.length; i++) {
          const k1 = positionKey(r[i])
          const k2 = positionKey(r[(i + 1) % r.length])
          if ((k1 === ka && k2 === kb) || (k1 === kb && k2 === ka)) {
            changed = true
            return close([...r.slice(0, i + 1), change.v, ...r.slice(i + 1)])
          }
        }
        return ring
      }
      const kv = positionKey(change.v)
      const next = r.filter((p) => positionKey(p) !== kv)
      if (next.length === r.length || next.length < 3) return ring
      changed = true
      return close(next)
    }),
  )
  return changed ? roundPolys(out) : g
}

/** The outer ring of grid `i` with the T-junction vertices of its neighbours: what the vertex editor shows. */
export function nodedRing(grids: readonly Polys[], i: number): Position[] {
  return nodeGrids(grids)[i][0][0]
}

/**
 * Grid `i`'s outer ring was edited from `nodedRing(grids, i)` to `newRing`. Returns every grid after the edit:
 * grid i with its new ring, and each neighbour that shares a moved vertex, the edge a vertex was inserted on,
 * or a removed vertex, changed the same way. Grids not touched are the same objects as given.
 */
export function editShared(grids: readonly Polys[], i: number, newRing: Position[]): Polys[] {
  const noded = nodeGrids(grids)
  const change = diffRing(noded[i][0][0], newRing)
  return noded.map((g, j) => {
    if (j === i) return roundPolys([[close(open(newRing)), ...g[0].slice(1)], ...g.slice(1)])
    const next = applyChange(g, change)
    // noding alone changes no shape: hand back the caller's object so untouched grids stay untouched
    return next === g ? grids[j] : next
  })
}

/**
 * A whole edge dragged: the closed ring with segment `i` (from vertex i to vertex i+1) moved by `delta` (degrees
 * of longitude and latitude), both ends by the same amount. Fed to editShared like any vertex edit, it is a move
 * of two vertices, so every grid that uses either end — including a neighbour whose edge the end lies on — follows.
 */
export function moveEdge(ring: readonly Position[], i: number, delta: readonly [number, number]): Position[] {
  const r = open(ring as Position[])
  const m = r.length
  if (m < 3 || i < 0 || i >= m) return ring.slice()
  for (const j of [i, (i + 1) % m]) r[j] = roundPosition([r[j][0] + delta[0], r[j][1] + delta[1]])
  return close(r)
}
