// Which of China's three lon/lat systems a file uses, and conversion to WGS84.
// GCJ-02 ("Mars", used by Amap/Gaode and Tencent) and BD-09 (Baidu) are WGS84 plus an obfuscating
// offset of a few hundred metres that exists only inside China. Nothing in the numbers says which
// one a file uses, so we trust explicit hints, then geography (outside China all three agree), then
// the fit against the district outline we already have in WGS84.
import gcoord from 'gcoord'
import type { MultiPolygon, Polygon, Position } from 'geojson'
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
  /** strongest first: a crs member, a .prj, the file name, property names */
  hints: { source: string; text: string }[]
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
  for (const h of ev.hints) {
    const named = crsNamedIn(h.text)
    if (named) {
      return { detected: named, confidence: 'certain', reason: `${h.source} names ${crsLabel(named)} ("${h.text.slice(0, 60)}")`, applied: named }
    }
  }
  if (ev.sample.length && ev.sample.every((p) => !inChina(p))) {
    return { detected: 'wgs84', confidence: 'certain', reason: 'all coordinates lie outside China, where GCJ-02 and BD-09 equal WGS84', applied: 'wgs84' }
  }
  const refBox = ev.reference ? referenceBBox(ev.reference) : null
  if (!refBox) {
    return unsure('nothing in the file names its coordinate system and no district outline was given to compare with')
  }
  const scores = (['wgs84', 'gcj02', 'bd09'] as CrsName[]).map((crs) => {
    const conv = toWgs84(crs)
    const b = emptyBBox()
    for (const p of ev.sample) extendBBox(b, conv(p))
    return { crs, iou: bboxIoU(b, refBox) }
  }).sort((a, b) => b.iou - a.iou)
  const [best, second] = scores
  const table = scores.map((s) => `${crsLabel(s.crs)} ${(s.iou * 100).toFixed(1)}%`).join(', ')
  // The offsets are ~0.5 km, so only a file spanning much of the district moves the overlap noticeably;
  // demand both a good fit and a clear margin (the best misfit at most half the runner-up's).
  if (best.iou >= 0.5 && 1 - best.iou <= 0.5 * (1 - second.iou) && best.iou - second.iou >= 0.01) {
    return { detected: best.crs, confidence: 'likely', reason: `the extent fits the district outline best as ${crsLabel(best.crs)} (overlap ${table})`, applied: best.crs }
  }
  if (best.iou < 0.2) return unsure(`the file's extent overlaps the district outline too little to tell (overlap ${table})`)
  return unsure(`the fit against the district outline does not single out one system (overlap ${table})`)
}

function unsure(why: string): CrsReport {
  return { detected: 'unsure', confidence: 'unsure', reason: `${why}; assumed WGS84`, applied: 'wgs84' }
}

export const round7 = (x: number) => Math.round(x * 1e7) / 1e7
