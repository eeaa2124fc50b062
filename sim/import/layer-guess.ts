// Guessing which of our layers a file is, when the user did not say. The guess is reported as an info
// issue with its reason, so a wrong one is easy to spot and override with the `layer` option.
import { areaM2 as planarAreaM2, polysOf } from '../geometry/measure.ts'
import type { Area } from '../world/types.ts'
import { LAYER_KINDS, type LayerKind } from '../world/schema.ts'
import type { Geom } from './coords.ts'
import { normalizeKey, synonymsFor } from './synonyms.ts'

const BUILDING_MAX_AREA_M2 = 20_000
const BUILDING_MAX_HOUSEHOLDS = 5_000

/** Area in m², enough to tell a building from a grid from a district. */
function areaM2(g: Geom): number {
  return g.type === 'Polygon' || g.type === 'MultiPolygon' ? planarAreaM2(polysOf(g as Area)) : 0
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

export function guessLayer(fileName: string, geoms: Geom[], props: Record<string, unknown>[]): { layer: LayerKind; reason: string } {
  const counts = { point: 0, line: 0, area: 0 }
  for (const g of geoms) {
    if (g.type === 'Point' || g.type === 'MultiPoint') counts.point++
    else if (g.type === 'LineString' || g.type === 'MultiLineString') counts.line++
    else counts.area++
  }
  const dominant = counts.point >= counts.line && counts.point >= counts.area ? 'point' : counts.line >= counts.area ? 'line' : 'area'

  const base = normalizeKey(fileName.split(/[\\/]/).pop() ?? '').replace(/\.[a-z0-9]+$/, '')
  const singular = (k: string) => (k === 'communities' ? 'community' : k.replace(/s$/, ''))
  const named = LAYER_KINDS.find((k) => base.includes(singular(k)))
  const fits: Record<string, LayerKind[]> = {
    point: ['services', 'buildings'], line: ['roads'], area: ['district', 'streets', 'communities', 'compounds', 'buildings', 'grids'],
  }
  if (named && fits[dominant].includes(named)) return { layer: named, reason: `the file name mentions "${named}"` }

  const hhSyn = new Set(synonymsFor('households', 'buildings'))
  const hhKey = (p: Record<string, unknown>) => Object.keys(p).find((k) => hhSyn.has(normalizeKey(k)))
  const households = props.map((p) => { const k = hhKey(p); return k === undefined ? NaN : Number(String(p[k]).replace(/,/g, '')) }).filter(Number.isFinite)
  const hasHouseholds = households.length > 0

  if (dominant === 'point') {
    return hasHouseholds ? { layer: 'buildings', reason: 'points with household counts' } : { layer: 'services', reason: 'points without household counts' }
  }
  if (dominant === 'line') return { layer: 'roads', reason: 'lines' }

  const area = median(geoms.map(areaM2))
  if (hasHouseholds && median(households) < BUILDING_MAX_HOUSEHOLDS && area < BUILDING_MAX_AREA_M2) {
    return { layer: 'buildings', reason: `small polygons (median ${Math.round(area)} m²) with household counts` }
  }
  // A grid is at most a few km² even in a town; a district or street outline is tens of km².
  if (area > 20_000_000) return geoms.length === 1 ? { layer: 'district', reason: `one polygon of ${(area / 1e6).toFixed(0)} km²` } : { layer: 'streets', reason: `polygons of ${(area / 1e6).toFixed(0)} km² (median)` }
  const text = [base, ...mentions(props)].join(' ')
  if (/网格|grid/i.test(text)) return { layer: 'grids', reason: 'polygons whose attributes mention 网格/grid' }
  if (/社区|居委会|community/i.test(text)) return { layer: 'communities', reason: 'polygons whose attributes mention 社区/community' }
  return { layer: 'grids', reason: 'polygons without a clearer hint' }
}

/** Keys and short string values of the first features: enough to catch 网格/社区 without reading a whole city. */
function mentions(props: Record<string, unknown>[]): string[] {
  const out: string[] = []
  for (const p of props.slice(0, 200)) {
    for (const [k, v] of Object.entries(p)) {
      out.push(k)
      if (typeof v === 'string' && v.length < 60) out.push(v)
    }
  }
  return out
}
