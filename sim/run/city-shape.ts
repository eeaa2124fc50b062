// The outlines a city result is drawn on: every street of a preset (real polygons, no world build) as SVG path
// data in one equirectangular frame, with its district. Computed in the worker, so the page only sets attributes.
import { planPreset } from '../world/generate/generate-world.ts'
import type { Preset } from '../world/generate/presets.ts'
import { cosine } from '../engine/det-math.ts'
import { simplify } from '@turf/simplify'
import { polygon } from '@turf/helpers'

/** Douglas–Peucker tolerance in the shape's units (≈ pixels at the panel's size): the rounded outlines are
 *  staircases of half-unit steps, a quarter of the vertices draw the same picture (91,000 → 25,000 for the city) */
const TOLERANCE = 0.5

export interface CityShape {
  width: number
  height: number
  streets: { code: string; name: string; district: string; d: string }[]
  districts: { code: string; name: string; nameEn: string; d: string }[]
}

/** a closed ring with fewer vertices; one too small to simplify stays as it is */
function thin(pts: number[][]): number[][] {
  if (pts.length < 4) return pts
  const ring = pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1] ? pts : [...pts, pts[0]]
  const out = simplify(polygon([ring]), { tolerance: TOLERANCE, highQuality: true }).geometry.coordinates[0]
  return out.length >= 4 ? out.slice(0, -1) : pts
}

/** street and district outlines of `preset` (only the `districts` given by code, when any), `width` units wide
 *  (height follows the map's aspect), framed on what is drawn */
export function cityShape(preset: Preset, seed: number, districts: string[] = [], width = 1000): CityShape {
  const plan = planPreset(preset, seed).filter((d) => !districts.length || districts.includes(d.district.code))
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  for (const d of plan) for (const s of d.streets) for (const poly of s.polys) for (const [x, y] of poly[0]) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y)
  }
  const kx = cosine((((y0 + y1) / 2) * Math.PI) / 180)
  const scale = width / ((x1 - x0) * kx || 1)
  const height = Math.ceil((y1 - y0) * scale)
  const path = (polys: number[][][][]) => {
    let d = ''
    for (const poly of polys) for (const ring of poly) {
      // half a unit is below what the eye sees at the panel's size, and drops most of the vertices
      const pts: number[][] = []
      for (const [x, y] of ring) {
        const p = [Math.round((x - x0) * kx * scale * 2) / 2, Math.round((y1 - y) * scale * 2) / 2]
        const q = pts[pts.length - 1]
        if (!q || q[0] !== p[0] || q[1] !== p[1]) pts.push(p)
      }
      d += `M${thin(pts).map((p) => `${p[0]} ${p[1]}`).join('L')}Z`
    }
    return d
  }
  const streets: CityShape['streets'] = []
  const outlines: CityShape['districts'] = []
  for (const { district, streets: ss } of plan) {
    let dd = ''
    for (const s of ss) {
      const d = path(s.polys)
      streets.push({ code: s.code, name: s.name, district: district.code, d })
      dd += d
    }
    outlines.push({ code: district.code, name: district.name, nameEn: district.nameEn, d: dd })
  }
  return { width, height, streets, districts: outlines }
}
