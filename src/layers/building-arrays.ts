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
  /** the fill's triangles as vertex indices, when every ring is convex (a generated world's buildings are
   * rectangles): deck then skips its own tessellation of every building, on the page's thread, the first time the
   * buildings are drawn. Absent for a world with any concave building (deck tessellates those). */
  indices?: Uint32Array
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
  return { length: bf.length, positions, starts, fill, centres, indices: fanIndices(positions, starts) }
}

/** Triangles of each closed ring as a fan from its first vertex, if every ring is convex (else undefined). */
export function fanIndices(positions: Float64Array, starts: Uint32Array): Uint32Array | undefined {
  const n = starts.length - 1
  let count = 0
  for (let i = 0; i < n; i++) {
    // the closing vertex repeats the first
    const m = starts[i + 1] - starts[i] - 1
    if (m >= 3) count += 3 * (m - 2)
    if (m >= 3 && !convex(positions, starts[i], m)) return undefined
  }
  const out = new Uint32Array(count)
  let k = 0
  for (let i = 0; i < n; i++) {
    const s = starts[i]
    const m = starts[i + 1] - s - 1
    for (let j = 1; j + 1 < m; j++) {
      out[k++] = s
      out[k++] = s + j
      out[k++] = s + j + 1
    }
  }
  return out
}

/** whether the ring of m vertices from vertex s turns one way only (collinear vertices allowed) */
function convex(p: Float64Array, s: number, m: number): boolean {
  let sign = 0
  for (let j = 0; j < m; j++) {
    const a = 2 * (s + j)
    const b = 2 * (s + ((j + 1) % m))
    const c = 2 * (s + ((j + 2) % m))
    const cross = (p[b] - p[a]) * (p[c + 1] - p[b + 1]) - (p[b + 1] - p[a + 1]) * (p[c] - p[b])
    if (cross === 0) continue
    if (sign && Math.sign(cross) !== sign) return false
    sign = Math.sign(cross)
  }
  return true
}

