// The buildings' rings as flat typed arrays for deck.gl's binary attributes (deck-binary.ts). No deck.gl here:
// the world's worker builds them too and transfers them to the page (src/world-load/).
import type { Feature } from 'geojson'
import type { World } from '../../sim/api.ts'

export interface BuildingArrays {
  length: number
  /** outer ring vertices of every building, [lon, lat] pairs, closed rings as in the world */
  positions: Float64Array
  /** start vertex of building i (length + 1 entries) */
  starts: Uint32Array
  /** RGBA per building */
  fill: Uint8Array
  /** centre of each building (mean of its ring) */
  centres: Float64Array
}

/** The buildings' outer rings as flat arrays (a MultiPolygon building keeps its first polygon's ring). */
export function buildingArrays(w: World): BuildingArrays {
  const bf = w.buildings.features
  const ringOf = (f: (typeof bf)[number]) => {
    const g = f.geometry as Feature['geometry']
    return g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0][0] : []
  }
  let n = 0
  for (const f of bf) n += ringOf(f).length
  const positions = new Float64Array(n * 2)
  const starts = new Uint32Array(bf.length + 1)
  const fill = new Uint8Array(bf.length * 4)
  const centres = new Float64Array(bf.length * 2)
  let v = 0
  bf.forEach((f, i) => {
    starts[i] = v
    const ring = ringOf(f)
    let cx = 0
    let cy = 0
    // the closing vertex repeats the first: leave it out of the centre
    const m = ring.length > 1 ? ring.length - 1 : ring.length
    ring.forEach((p, k) => {
      positions[2 * (v + k)] = p[0]
      positions[2 * (v + k) + 1] = p[1]
      if (k < m) {
        cx += p[0]
        cy += p[1]
      }
    })
    v += ring.length
    centres[2 * i] = m ? cx / m : 0
    centres[2 * i + 1] = m ? cy / m : 0
    fill.set(f.properties.households > 150 ? [120, 110, 98, 220] : [150, 140, 125, 210], 4 * i)
  })
  starts[bf.length] = v
  return { length: bf.length, positions, starts, fill, centres }
}

