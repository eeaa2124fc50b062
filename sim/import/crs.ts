// Which of China's three lon/lat systems a file uses, and conversion to WGS84.
// GCJ-02 ("Mars", used by Amap/Gaode and Tencent) and BD-09 (Baidu) are WGS84 plus an obfuscating
// offset of a few hundred metres that exists only inside China. Nothing in the numbers says which
// one a file uses, so we trust explicit declarations (a crs member, a .prj), then geography (outside China all
// three agree), then the fit against the district outline we already have in WGS84. A file or column name
// ("grids_bd09.geojson") is only a hint: it is checked against that fit and never reported as certain.
import gcoord from 'gcoord'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { pointInPolys } from '../geometry/partition.ts'
import { emptyBBox, extendBBox, type BBox } from './coords.ts'
import type { CrsName, CrsReport } from './types.ts'

const CRS_LABEL: Record<CrsName, string> = { wgs84: 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' }
export const crsLabel = (c: CrsName) => CRS_LABEL[c]

const PATTERNS: [CrsName, RegExp][] = [
  ['gcj02', /gcj[-_ ]?0?2|amap|gaode|高德|火星|tencent|腾讯/i],
  ['bd09', /bd[-_ ]?0?9|baidu|bmap|百度/i],
  ['wgs84', /wgs[-_ ]?(19)?84|crs[-_: ]?84|(^|[^0-9])(4326|4490)([^0-9]|$)|cgcs[-_ ]?2000|china[-_ ]?geodetic|d[-_]china[-_]2000|国家2000|天地图|tianditu/i],
]

/** The CRS a text names, or null if it names none or more than one. */
export function crsNamedIn(text: string): CrsName | null {
  const hits = PATTERNS.filter(([, re]) => re.test(text)).map(([c]) => c)
  return hits.length === 1 ? hits[0] : null
}

// gcoord's own GCJ-02 inverse loops until it converges; ours stops after a fixed number of steps
// so no input can keep it spinning (it converges in 2-4 steps for real coordinates).
function gcjToWgs(p: Position): Position {
  const [lon, lat] = p
  let x = lon
  let y = lat
  for (let k = 0; k < 30; k++) {
    const [gx, gy] = gcoord.transform([x, y], gcoord.WGS84, gcoord.GCJ02) as number[]
    const dx = gx - lon
    const dy = gy - lat
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break
    x -= dx
    y -= dy
  }
  return [x, y]
}

export function toWgs84(from: CrsName): (p: Position) => Position {
  if (from === 'gcj02') return gcjToWgs
  if (from === 'bd09') return (p) => gcjToWgs(gcoord.transform([p[0], p[1]], gcoord.BD09, gcoord.GCJ02) as number[])
  return (p) => p
}

/** gcoord's box; the offsets are zero outside it. */
export const inChina = (p: Position) => p[0] >= 72.004 && p[0] <= 137.8347 && p[1] >= 0.8293 && p[1] <= 55.8271

export interface CrsEvidence {
  option?: 'auto' | CrsName
  /** strongest first: a crs member, a .prj, the file name, property names; `weak` ones (names) are checked against the coordinates */
  hints: { source: string; text: string; weak?: boolean }[]
  /** a sample of the file's positions (raw, before conversion) */
  sample: Position[]
  reference?: Polygon | MultiPolygon
}

function bboxIoU(a: BBox, b: BBox): number {
  const ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]))
  const iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]))
  const inter = ix * iy
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
  return union > 0 ? inter / union : 0
}

function referenceBBox(ref: Polygon | MultiPolygon): BBox | null {
  const b = emptyBBox()
  const polys = ref.type === 'Polygon' ? [ref.coordinates] : ref.coordinates
  for (const rings of polys ?? []) for (const p of rings?.[0] ?? []) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) extendBBox(b, p)
  return b[0] < b[2] && b[1] < b[3] ? b : null
}

export function detectCrs(ev: CrsEvidence): CrsReport {
  if (ev.option && ev.option !== 'auto') {
    return { detected: ev.option, confidence: 'certain', reason: `chosen in the import options (${crsLabel(ev.option)})`, applied: ev.option }
  }
  let hinted: { crs: CrsName; why: string } | null = null
  for (const h of ev.hints) {
    const named = crsNamedIn(h.text)
    if (!named) continue
    const why = `${h.source} names ${crsLabel(named)} ("${h.text.slice(0, 60)}")`
    if (!h.weak) return { detected: named, confidence: 'certain', reason: why, applied: named }
    hinted ??= { crs: named, why }
  }
  if (ev.sample.length && ev.sample.every((p) => !inChina(p))) {
    return { detected: 'wgs84', confidence: 'certain', reason: 'all coordinates lie outside China, where GCJ-02 and BD-09 equal WGS84', applied: 'wgs84' }
  }
  const fit = ev.reference ? fitToReference(ev.sample, ev.reference) : null
  if (hinted) return checkHint(hinted, fit)
  if (!fit) {
    return unsure('nothing in the file names its coordinate system and no district outline was given to compare with')
  }
  if (fit.best) {
    return { detected: fit.best, confidence: 'likely', reason: `the extent fits the district outline best as ${crsLabel(fit.best)} (overlap ${fit.table})`, applied: fit.best }
  }
  if (fit.scores[0].iou < 0.2) return unsure(`the file's extent overlaps the district outline too little to tell (overlap ${fit.table})`)
  return unsure(`the fit against the district outline does not single out one system (overlap ${fit.table})`)
}

interface Fit {
  scores: { crs: CrsName; iou: number; inside: number }[]
  table: string
  /** the system the coordinates single out, if they do */
  best: CrsName | null
}

const INSIDE_SAMPLE = 400

function fitToReference(sample: Position[], ref: Polygon | MultiPolygon): Fit | null {
  const refBox = referenceBBox(ref)
  if (!refBox) return null
  const refPolys = (ref.type === 'Polygon' ? [ref.coordinates] : ref.coordinates) as Position[][][]
  const stride = Math.max(1, Math.ceil(sample.length / INSIDE_SAMPLE))
  const scores = (['wgs84', 'gcj02', 'bd09'] as CrsName[]).map((crs) => {
    const conv = toWgs84(crs)
    const b = emptyBBox()
    let tested = 0
    let inside = 0
    sample.forEach((p, i) => {
      const q = conv(p)
      extendBBox(b, q)
      if (i % stride === 0) {
        tested++
        if (pointInPolys(q, refPolys)) inside++
      }
    })
    return { crs, iou: bboxIoU(b, refBox), inside: tested ? inside / tested : 0 }
  }).sort((a, b) => b.iou - a.iou)
  const [best, second] = scores
  const table = scores.map((s) => `${crsLabel(s.crs)} ${(s.iou * 100).toFixed(1)}%`).join(', ')
  // The offsets are ~0.5 km, so only a file spanning much of the district moves the overlap noticeably;
  // demand both a good fit and a clear margin (the best misfit at most half the runner-up's).
  const clear = best.iou >= 0.5 && 1 - best.iou <= 0.5 * (1 - second.iou) && best.iou - second.iou >= 0.01
  return { scores, table, best: clear ? best.crs : null }
}

/** A name is believed unless the coordinates say otherwise: a clear fit to another system, or points that
 *  fall inside the district as read one way and out of it as the name would have them. */
function checkHint(h: { crs: CrsName; why: string }, fit: Fit | null): CrsReport {
  if (!fit) return { detected: h.crs, confidence: 'likely', reason: `${h.why}, a hint only: no district outline was given to check it against`, applied: h.crs }
  const named = fit.scores.find((s) => s.crs === h.crs)!
  const mostInside = [...fit.scores].sort((a, b) => b.inside - a.inside)[0]
  const other = fit.best && fit.best !== h.crs ? fit.best : mostInside.inside >= 0.9 && named.inside <= mostInside.inside - 0.2 ? mostInside.crs : null
  if (other) {
    const detail = fit.best === other ? `the extent fits the district outline as ${crsLabel(other)} (overlap ${fit.table})` : `${Math.round(mostInside.inside * 100)} % of the points lie in the district as ${crsLabel(other)}, ${Math.round(named.inside * 100)} % as ${crsLabel(h.crs)}`
    return { detected: other, confidence: 'likely', reason: `${h.why}, but ${detail}`, applied: other, overruled: h.crs }
  }
  return { detected: h.crs, confidence: 'likely', reason: `${h.why}, a hint only; the coordinates do not contradict it (overlap ${fit.table})`, applied: h.crs }
}

function unsure(why: string): CrsReport {
  return { detected: 'unsure', confidence: 'unsure', reason: `${why}; assumed WGS84`, applied: 'wgs84' }
}

export const round7 = (x: number) => Math.round(x * 1e7) / 1e7
