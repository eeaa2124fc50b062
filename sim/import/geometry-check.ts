// Per-feature geometry checks. normalizeGeometry only trusts what it has walked: it never recurses
// deeper than the declared type allows, so a hostile [[[[…]]]] cannot blow the stack.
import { msg } from './messages.ts'
import type { Position } from 'geojson'
import { dropRepeats, fmtPos, ringProblems } from '../geometry/ring-validity.ts'
import { DEPTH, ringsOf, type Geom } from './coords.ts'
import type { Issues, Where } from './issues.ts'
import { GEOMETRY_TYPES } from './geojson-read.ts'
import { EMPTY, NOT_A_NUMBER, NOT_GEOJSON, OUT_OF_RANGE, ringCode, TOO_FEW_POINTS, UNSUPPORTED_GEOMETRY, WRONG_NESTING } from './reasons.ts'

export interface GeometryStats {
  positions: number
  /** positions with |x| > 180 or |y| > 90 */
  outside: number
  altitude: number
  repeats: number
  example?: Position
}

export const newStats = (): GeometryStats => ({ positions: 0, outside: 0, altitude: 0, repeats: 0 })

const NESTING: Record<number, string> = {
  1: 'a single position (Point)', 2: 'a list of positions (LineString or MultiPoint)',
  3: 'a list of lists of positions (Polygon or MultiLineString)', 4: 'a list of polygons (MultiPolygon)',
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)
  if (v === undefined) return 'nothing'
  if (typeof v === 'number') return String(v)
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v
}

const DEEPEST = 8

/** How many array levels the first leaf sits under (DEEPEST + 1 for "too many to count"), or -1 when an empty array comes first. */
function probeDepth(c: unknown): number {
  let d = 0
  while (Array.isArray(c)) {
    if (d > DEEPEST) return d
    if (c.length === 0) return -1
    c = c[0]
    d++
  }
  return d
}

/** Checks structure and numbers; returns the geometry with [x, y] positions, or null after reporting. */
export function normalizeGeometry(g: unknown, where: Where, issues: Issues, stats: GeometryStats): Geom | null {
  const path = where.path ?? 'geometry'
  if (g === null) { issues.error(EMPTY, msg('nullGeometry'), where); return null }
  if (g === undefined) { issues.error(NOT_GEOJSON, 'has no "geometry" member', where); return null }
  if (typeof g !== 'object' || Array.isArray(g)) { issues.error(NOT_GEOJSON, `its geometry is ${show(g)}, not a geometry object`, where); return null }
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown }
  if (type === 'GeometryCollection') {
    issues.error(UNSUPPORTED_GEOMETRY, 'has a GeometryCollection; split it into one feature per geometry', where)
    return null
  }
  if (typeof type !== 'string' || !(GEOMETRY_TYPES as readonly string[]).includes(type)) {
    issues.error(NOT_GEOJSON, `geometry type ${show(type)} is not a GeoJSON geometry type`, where)
    return null
  }
  const t = type as Geom['type']
  if (!Array.isArray(coordinates)) {
    issues.error(coordinates === undefined ? NOT_GEOJSON : WRONG_NESTING, `its ${t} has ${show(coordinates)} where the "coordinates" array belongs`, { ...where, path: `${path}.coordinates` })
    return null
  }
  if (coordinates.length === 0) { issues.error(EMPTY, `its ${t} has no coordinates`, where); return null }
  const want = DEPTH[t]
  const got = probeDepth(coordinates)
  if (got !== -1 && got !== want) {
    const fits = NESTING[got] ? `; that nesting fits ${NESTING[got]}` : ''
    const depth = got > DEEPEST ? `more than ${DEEPEST} levels` : `${got} level${got === 1 ? '' : 's'}`
    issues.error(WRONG_NESTING, `its ${t} coordinates are nested ${depth} deep but a ${t} needs ${want}${fits}`, { ...where, path: `${path}.coordinates` })
    return null
  }
  let failed = false
  const walk = (c: unknown, depth: number, at: string): unknown => {
    if (failed) return null
    if (depth === 1) return position(c, at)
    if (!Array.isArray(c)) {
      failed = true
      issues.error(WRONG_NESTING, `its ${t} has ${show(c)} at ${at} where ${NESTING[depth - 1] ?? 'an array'} belongs`, { ...where, path: at })
      return null
    }
    const out = new Array(c.length)
    for (let i = 0; i < c.length && !failed; i++) out[i] = walk(c[i], depth - 1, `${at}[${i}]`)
    return out
  }
  const position = (c: unknown, at: string): Position | null => {
    if (!Array.isArray(c) || c.length < 2 || Array.isArray(c[0]) || Array.isArray(c[1])) {
      failed = true
      const what = Array.isArray(c) ? (c.length < 2 ? `a position with ${c.length} number${c.length === 1 ? '' : 's'}` : 'an array of arrays') : show(c)
      issues.error(WRONG_NESTING, `its ${t} has ${what} at ${at} where a [longitude, latitude] position belongs`, { ...where, path: at })
      return null
    }
    const x = c[0]
    const y = c[1]
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      failed = true
      const bad = typeof x !== 'number' || !Number.isFinite(x) ? x : y
      issues.error(NOT_A_NUMBER, `position ${at} has ${show(bad)} where a finite number belongs`, { ...where, path: at })
      return null
    }
    stats.positions++
    if (c.length > 2) stats.altitude++
    if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      stats.outside++
      stats.example ??= [x, y]
    }
    return [x, y]
  }
  const coords = walk(coordinates, want, `${path}.coordinates`)
  if (failed) return null
  return { type: t, coordinates: coords } as Geom
}

/** Range and shape checks on a normalised geometry; returns it with repeated positions dropped, or null. */
export function checkShape(g: Geom, where: Where, issues: Issues, stats: GeometryStats): Geom | null {
  const path = where.path ?? 'geometry'
  let bad: Position | undefined
  let badAt = ''
  const scan = (c: unknown, depth: number, at: string): void => {
    if (bad) return
    if (depth === 1) {
      const p = c as Position
      if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) { bad = p; badAt = at }
      return
    }
    ;(c as unknown[]).forEach((x, i) => scan(x, depth - 1, `${at}[${i}]`))
  }
  scan(g.coordinates, DEPTH[g.type], `${path}.coordinates`)
  if (bad) {
    const swapped = Math.abs(bad[0]) <= 90 && Math.abs(bad[1]) <= 180
    issues.error(OUT_OF_RANGE, msg('outOfRange', { at: badAt, pos: fmtPos(bad), lon: Math.abs(bad[0]) > 180 ? 1 : 0, swapped: swapped ? 1 : 0 }), { ...where, path: badAt })
    return null
  }

  let ok = true
  for (const { ring, label } of ringsOf(g)) {
    for (const p of ringProblems(ring)) {
      const code = ringCode(p.code)
      if (p.code === 'CHECK_INCOMPLETE') issues.warn(code, `${label} ${p.message}`, where)
      else { issues.error(code, `${label} ${p.message}`, where); ok = false }
    }
  }
  if (g.type === 'MultiPolygon' && g.coordinates.some((rings) => rings.length === 0)) {
    issues.error(EMPTY, `polygon ${g.coordinates.findIndex((r) => r.length === 0)} of its MultiPolygon has no rings`, where)
    ok = false
  }
  const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []
  lines.forEach((line, i) => {
    const n = dropRepeats(line).length
    if (n < 2) {
      issues.error(TOO_FEW_POINTS, `${g.type === 'MultiLineString' ? `line ${i}` : 'its line'} has ${n} distinct position${n === 1 ? '' : 's'}; a line needs at least 2`, where)
      ok = false
    }
  })
  if (!ok) return null
  return dropAllRepeats(g, stats)
}

function dropAllRepeats(g: Geom, stats: GeometryStats): Geom {
  const clean = (line: Position[]) => {
    const out = dropRepeats(line)
    stats.repeats += line.length - out.length
    return out
  }
  switch (g.type) {
    case 'LineString': return { type: g.type, coordinates: clean(g.coordinates) }
    case 'MultiLineString':
    case 'Polygon': return { type: g.type, coordinates: g.coordinates.map(clean) }
    case 'MultiPolygon': return { type: g.type, coordinates: g.coordinates.map((rings) => rings.map(clean)) }
    default: return g
  }
}
