// The outlines a city result is drawn on: every street of a preset (real polygons, no world build) as SVG path
// data in one equirectangular frame, with its district. Computed in the worker, so the page only sets attributes.
import { planPreset } from '../world/generate/generate-world.ts'
import type { Preset } from '../world/generate/presets.ts'
import { cosine } from '../engine/det-math.ts'

export interface CityShape {
  width: number
  height: number
  streets: { code: string; name: string; district: string; d: string }[]
  districts: { code: string; name: string; nameEn: string; d: string }[]
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
      let last = ''
      let n = 0
      for (const [x, y] of ring) {
        // half a unit is below what the eye sees at the panel's size, and drops most of the vertices
        const p = `${Math.round((x - x0) * kx * scale * 2) / 2} ${Math.round((y1 - y) * scale * 2) / 2}`
        if (p === last) continue
        d += `${n++ ? 'L' : 'M'}${p}`
        last = p
      }
      d += 'Z'
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
