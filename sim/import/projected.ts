// Projected metres -> longitude/latitude. Chinese GIS offices export in CGCS2000 Gauss–Krüger (3° or 6° zones,
// with or without the zone number in front of the easting) and web tools in Web Mercator; refusing those files
// sent users to a GIS desk for a step proj4 does exactly. The EPSG definitions are generated here rather than
// fetched: they follow one rule (transverse Mercator on GRS80, k = 1, false easting 500 km, optionally prefixed
// by the zone number), so the whole family used in China is a few lines.
import proj4 from 'proj4'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { emptyBBox, extendBBox, type BBox } from './coords.ts'
import { inChina } from './crs.ts'

export interface Projection {
  epsg: number
  label: string
  proj: string
}

const tmerc = (lon0: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs`

/** EPSG:3857, 4491–4554 (CGCS2000 Gauss–Krüger: 4491–4501 6° zones 13–23, 4502–4512 6° by central meridian,
 *  4513–4533 3° zones 25–45, 4534–4554 3° by central meridian). */
export function projectionByEpsg(epsg: number): Projection | null {
  if (epsg === 3857 || epsg === 900913 || epsg === 102100) return { epsg: 3857, label: 'EPSG:3857 (Web Mercator)', proj: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs +type=crs' }
  if (epsg >= 4491 && epsg <= 4501) { const zone = epsg - 4478; return gk(epsg, 6, zone * 6 - 3, zone) }
  if (epsg >= 4502 && epsg <= 4512) return gk(epsg, 6, 75 + (epsg - 4502) * 6)
  if (epsg >= 4513 && epsg <= 4533) { const zone = epsg - 4488; return gk(epsg, 3, zone * 3, zone) }
  if (epsg >= 4534 && epsg <= 4554) return gk(epsg, 3, 75 + (epsg - 4534) * 3)
  return null
}

function gk(epsg: number, width: 3 | 6, lon0: number, zone?: number): Projection {
  const what = zone ? `zone ${zone}` : `CM ${lon0}E`
  return { epsg, label: `EPSG:${epsg} (CGCS2000 / ${width}-degree Gauss-Kruger ${what})`, proj: tmerc(lon0, zone ? zone * 1e6 + 500_000 : 500_000) }
}

/** The EPSG code a crs member or .prj names: "EPSG:4547", "urn:ogc:def:crs:EPSG::4547", "CGCS2000_3_Degree_GK_CM_114E",
 *  "CGCS2000 / 3-degree Gauss-Kruger zone 38", "WGS_1984_Web_Mercator_Auxiliary_Sphere". */
export function epsgNamedIn(text: string): number | null {
  const code = /epsg[:/ ]*:?(\d{4,6})/i.exec(text)
  if (code && projectionByEpsg(Number(code[1]))) return projectionByEpsg(Number(code[1]))!.epsg
  if (/web[_ ]?mercator|pseudo[-_ ]?mercator|popular[_ ]visualisation/i.test(text)) return 3857
  const m = /cgcs[_ ]?2000[_ /]*([36])[_ -]degree[_ ]g(?:auss)?[-_ ]?k(?:ruger)?[_ ](?:(?:zone[_ ](\d+))|(?:cm[_ ](\d+)e))/i.exec(text)
  if (!m) return null
  const width = Number(m[1])
  if (m[2]) {
    const zone = Number(m[2])
    if (width === 6 && zone >= 13 && zone <= 23) return 4478 + zone
    if (width === 3 && zone >= 25 && zone <= 45) return 4488 + zone
    return null
  }
  const cm = Number(m[3])
  if (width === 6 && (cm - 75) % 6 === 0 && cm >= 75 && cm <= 135) return 4502 + (cm - 75) / 6
  if (width === 3 && (cm - 75) % 3 === 0 && cm >= 75 && cm <= 135) return 4534 + (cm - 75) / 3
  return null
}

export function unprojector(p: Projection): (q: Position) => Position {
  const conv = proj4(p.proj, 'EPSG:4326')
  return (q) => conv.forward([q[0], q[1]]) as Position
}

/** Projections the numbers could be in, from their size: a zone prefix names its zone; without one, every central
 *  meridian of China is a candidate; Web Mercator whenever the numbers are in its range. */
function candidates(sample: Position[]): Projection[] {
  const b = emptyBBox()
  for (const p of sample) extendBBox(b, p)
  const out: Projection[] = []
  if (b[1] >= 0 && b[3] <= 7e6) {
    const zone = Math.floor(b[0] / 1e6)
    if (zone === Math.floor(b[2] / 1e6)) {
      if (zone >= 13 && zone <= 23) out.push(projectionByEpsg(4478 + zone)!)
      if (zone >= 25 && zone <= 45) out.push(projectionByEpsg(4488 + zone)!)
    }
    // a 6° central meridian is also a 3° one, with the same definition: the 3° codes cover both
    if (b[0] > -5e5 && b[2] < 1.5e6) for (let e = 4534; e <= 4554; e++) out.push(projectionByEpsg(e)!)
  }
  if (Math.abs(b[0]) <= 20_037_509 && Math.abs(b[2]) <= 20_037_509 && Math.abs(b[1]) <= 20_048_967 && Math.abs(b[3]) <= 20_048_967) out.push(projectionByEpsg(3857)!)
  return out
}

export interface ProjectionGuess {
  projection: Projection
  confidence: 'certain' | 'likely' | 'unsure'
  reason: string
}

const SAMPLE = 200

/** Which projection the file uses: a named one is taken as said; otherwise the candidates are tried and the one
 *  that puts the points in the district (or, without a district, in China) wins. Null when none fits. */
export function guessProjection(sample: Position[], hints: { source: string; text: string; weak?: boolean }[], reference?: Polygon | MultiPolygon): ProjectionGuess | null {
  for (const h of hints) {
    const epsg = epsgNamedIn(h.text)
    if (epsg) { const projection = projectionByEpsg(epsg)!; return { projection, confidence: h.weak ? 'likely' : 'certain', reason: `${h.source} names ${projection.label}` } }
  }
  const pts = sample.filter((_, i) => i % Math.max(1, Math.floor(sample.length / SAMPLE)) === 0)
  if (!pts.length) return null
  const ref = reference ? refBox(reference) : null
  // without a district to compare with, only a zone number in the eastings says which projection it is
  const cands = candidates(pts).filter((c) => ref || /zone/.test(c.label))
  const scored = cands.map((projection) => {
    const conv = unprojector(projection)
    let hits = 0
    let dist = 0
    for (const p of pts) {
      const q = conv(p)
      if (!Number.isFinite(q[0]) || !Number.isFinite(q[1])) { dist += 1e9; continue }
      if (ref) {
        const dx = Math.max(ref[0] - q[0], 0, q[0] - ref[2])
        const dy = Math.max(ref[1] - q[1], 0, q[1] - ref[3])
        if (dx === 0 && dy === 0) hits++
        dist += Math.hypot(dx, dy)
      } else if (inChina(q)) hits++
    }
    return { projection, hits: hits / pts.length, dist: dist / pts.length }
  }).filter((s) => s.hits > 0 || (ref && s.dist < 0.5)).sort((a, b) => b.hits - a.hits || a.dist - b.dist)
  if (!scored.length) return null
  const [best, second] = scored
  const where = ref ? 'the district' : 'China'
  const share = `${Math.round(best.hits * 100)} % of the points fall in ${where}`
  if (second && second.hits >= best.hits * 0.9 && (!ref || second.dist - best.dist < 0.05)) {
    return { projection: best.projection, confidence: 'unsure', reason: `the numbers are projected metres; read as ${best.projection.label}, ${share}, but ${second.projection.label} fits about as well` }
  }
  return { projection: best.projection, confidence: best.hits >= 0.5 ? 'likely' : 'unsure', reason: `the numbers are projected metres; read as ${best.projection.label}, ${share}` }
}

function refBox(ref: Polygon | MultiPolygon): BBox | null {
  const b = emptyBBox()
  for (const rings of ref.type === 'Polygon' ? [ref.coordinates] : ref.coordinates) for (const p of rings[0] ?? []) extendBBox(b, p)
  if (!(b[0] < b[2])) return null
  // a file may cover a little more than the district: a margin of a third of its size
  const mx = (b[2] - b[0]) / 3
  const my = (b[3] - b[1]) / 3
  return [b[0] - mx, b[1] - my, b[2] + mx, b[3] + my]
}
