// Where playback draws things, in lon/lat: each building (issues arise there), each grid's base (where its worker
// waits), each street office (whistles start there) and the district departments (where whistles go). Float32 is
// enough (≈1 m) and is what deck.gl's binary attributes take.
import type { CompiledWorld } from '../world/compile.ts'

export interface Places {
  building: Float32Array
  buildingGrid: Int32Array
  buildingStreet: Int32Array
  gridBase: Float32Array
  street: Float32Array
  departments: Float32Array
}

export function placesOf(w: CompiledWorld): Places {
  const { origin, kx, ky } = w.frame
  const lon = (x: number) => origin[0] + x / kx
  const lat = (y: number) => origin[1] + y / ky
  const B = w.buildings.n
  const building = new Float32Array(2 * B)
  const sx = new Float64Array(w.streets.n)
  const sy = new Float64Array(w.streets.n)
  const sn = new Float64Array(w.streets.n)
  let ax = 0
  let ay = 0
  for (let b = 0; b < B; b++) {
    building[2 * b] = lon(w.buildings.x[b])
    building[2 * b + 1] = lat(w.buildings.y[b])
    ax += w.buildings.x[b]
    ay += w.buildings.y[b]
    const s = w.buildings.street[b]
    if (s >= 0) {
      sx[s] += w.buildings.x[b]
      sy[s] += w.buildings.y[b]
      sn[s]++
    }
  }
  const gridBase = new Float32Array(2 * w.grids.n)
  for (let g = 0; g < w.grids.n; g++) {
    gridBase[2 * g] = lon(w.grids.baseX[g])
    gridBase[2 * g + 1] = lat(w.grids.baseY[g])
  }
  const street = new Float32Array(2 * w.streets.n)
  for (let s = 0; s < w.streets.n; s++) {
    street[2 * s] = lon(sn[s] ? sx[s] / sn[s] : ax / Math.max(1, B))
    street[2 * s + 1] = lat(sn[s] ? sy[s] / sn[s] : ay / Math.max(1, B))
  }
  // the departments sit north of the buildings' centre, so arcs to them are visible even on a one-street world
  const cx = ax / Math.max(1, B)
  let maxY = -Infinity
  for (let b = 0; b < B; b++) maxY = Math.max(maxY, w.buildings.y[b])
  const departments = new Float32Array([lon(cx), lat(maxY + 300)])
  return { building, buildingGrid: w.buildings.grid.slice(), buildingStreet: w.buildings.street.slice(), gridBase, street, departments }
}

/** the first `count` moments (minutes) when an event of `kind` (a code of codec.ts K) happens, optionally with a
 *  given `a` (channel, role): the lessons pause there */
export function momentsOf(rec: { n: number; kind: Uint8Array; a: Int32Array; t: Float64Array }, kind: number, a: number | null, count = 3, apartMin = 60): number[] {
  const out: number[] = []
  for (let j = 0; j < rec.n && out.length < count; j++) {
    if (rec.kind[j] !== kind || (a !== null && rec.a[j] !== a)) continue
    if (out.length && rec.t[j] - out[out.length - 1] < apartMin) continue
    out.push(rec.t[j])
  }
  return out
}
