// Validity checks for one linear ring, shared by the importer and the grid editor.
// Self-intersection uses a Flatbush index over segments so a 100k-vertex ring is checked in
// O(n log n) on ordinary data; a work budget keeps pathological rings (every edge spanning
// the whole shape) from turning it quadratic: past the budget the check says it stopped.
import Flatbush from 'flatbush'

export type RingProblemCode = 'TOO_FEW_POINTS' | 'UNCLOSED_RING' | 'SELF_INTERSECTION' | 'NOT_A_NUMBER' | 'CHECK_INCOMPLETE'

export interface RingProblem {
  code: RingProblemCode
  /** relative wording, meant to follow "ring 2 " in a caller's message */
  message: string
  at?: [number, number]
}

export interface RingCheckOptions {
  /** stop after this many crossings (default 1: one is enough to reject the ring) */
  maxCrossings?: number
  /** segment-pair tests allowed before giving up (default 64·n + 1e6) */
  budget?: number
}

const fmt = (x: number) => (Math.round(x * 1e4) / 1e4).toString()
export const fmtPos = (p: ArrayLike<number>) => `${fmt(p[0])}, ${fmt(p[1])}`

/** Shoelace area in coordinate units; positive when counter-clockwise (x east, y north). */
export function signedArea(ring: ArrayLike<ArrayLike<number>>): number {
  let s = 0
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]
    const b = ring[(i + 1) % n]
    s += a[0] * b[1] - b[0] * a[1]
  }
  return s / 2
}

/** Drops consecutive repeated positions (common in exported data, harmless, but they make zero-length edges). */
export function dropRepeats(ring: number[][]): number[][] {
  const out: number[][] = []
  for (const p of ring) {
    const q = out[out.length - 1]
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p)
  }
  return out
}

/** Problems of a ring, in the order a user should fix them; an empty list means valid. */
export function ringProblems(ring: number[][], opts: RingCheckOptions = {}): RingProblem[] {
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      return [{ code: 'NOT_A_NUMBER', message: `position ${i} is not a pair of finite numbers` }]
    }
  }
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (ring.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
    return [{
      code: 'UNCLOSED_RING',
      message: `is not closed: it starts at ${fmtPos(first)} but ends at ${fmtPos(last)} (the first position must be repeated at the end)`,
      at: [first[0], first[1]],
    }]
  }
  const r = dropRepeats(ring)
  if (r.length === 0) return [{ code: 'TOO_FEW_POINTS', message: 'is empty; a ring needs at least 4 positions (a triangle plus the repeated first position)' }]
  if (r.length < 4) {
    return [{
      code: 'TOO_FEW_POINTS',
      message: `has ${r.length} distinct position${r.length === 1 ? '' : 's'} including the closing one; a ring needs at least 4 (a triangle plus the repeated first position)`,
      ...(r.length ? { at: [r[0][0], r[0][1]] as [number, number] } : {}),
    }]
  }
  return selfIntersections(r, opts)
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
}

function within(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by)
}

/** Where segments a-b and c-d meet, or null. Touching counts: a pinched ring is invalid too. */
function meet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): [number, number] | null {
  const o1 = orient(ax, ay, bx, by, cx, cy)
  const o2 = orient(ax, ay, bx, by, dx, dy)
  const o3 = orient(cx, cy, dx, dy, ax, ay)
  const o4 = orient(cx, cy, dx, dy, bx, by)
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
    const t = o3 / (o3 - o4)
    return [ax + t * (bx - ax), ay + t * (by - ay)]
  }
  if (o1 === 0 && within(ax, ay, bx, by, cx, cy)) return [cx, cy]
  if (o2 === 0 && within(ax, ay, bx, by, dx, dy)) return [dx, dy]
  if (o3 === 0 && within(cx, cy, dx, dy, ax, ay)) return [ax, ay]
  if (o4 === 0 && within(cx, cy, dx, dy, bx, by)) return [bx, by]
  return null
}

/** Expects a closed ring without repeated consecutive positions. */
export function selfIntersections(r: number[][], opts: RingCheckOptions = {}): RingProblem[] {
  const n = r.length - 1 // segments; segment i runs r[i] -> r[i+1]
  const maxCrossings = opts.maxCrossings ?? 1
  let budget = opts.budget ?? 64 * n + 1_000_000
  const out: RingProblem[] = []

  // A spike (a -> b -> a) folds two neighbouring edges onto each other; neighbours are skipped below.
  for (let i = 0; i < n && out.length < maxCrossings; i++) {
    const a = r[i === 0 ? n - 1 : i - 1]
    const b = r[i]
    const c = r[i + 1]
    if (orient(a[0], a[1], b[0], b[1], c[0], c[1]) === 0 && (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0) {
      out.push({ code: 'SELF_INTERSECTION', message: `doubles back on itself at ${fmtPos(b)}`, at: [b[0], b[1]] })
    }
  }
  if (out.length >= maxCrossings) return out

  const index = new Flatbush(n)
  for (let i = 0; i < n; i++) {
    const a = r[i]
    const b = r[i + 1]
    index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))
  }
  index.finish()

  let stopped = false
  for (let i = 0; i < n && !stopped; i++) {
    const a = r[i]
    const b = r[i + 1]
    // Returning false from the filter keeps flatbush from building a result array per query.
    index.search(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]), (j) => {
      if (stopped || j <= i + 1 || (i === 0 && j === n - 1)) return false
      if (--budget < 0) {
        stopped = true
        return false
      }
      const c = r[j]
      const d = r[j + 1]
      const p = meet(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1])
      if (p) {
        const touches = (p[0] === c[0] && p[1] === c[1]) || (p[0] === d[0] && p[1] === d[1]) || (p[0] === a[0] && p[1] === a[1]) || (p[0] === b[0] && p[1] === b[1])
        out.push({ code: 'SELF_INTERSECTION', message: `${touches ? 'touches' : 'crosses'} itself near ${fmtPos(p)}`, at: p })
        if (out.length >= maxCrossings) stopped = true
      }
      return false
    })
  }
  if (budget < 0 && out.length === 0) {
    out.push({ code: 'CHECK_INCOMPLETE', message: `has ${n} edges packed so tightly that the self-intersection check stopped early; it may still cross itself` })
  }
  return out
}
