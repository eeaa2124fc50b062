// Which grid each building belongs to: the grid containing its representative point. A building whose point
// lies in no grid is unassigned (-1), in two grids it goes to the first by index (validation reports the overlap).
import Flatbush from 'flatbush'
import type { Position } from 'geojson'
import { bboxOfPolys, type Polys } from './measure.ts'
import { pointInPolys } from './partition.ts'

export function indexAreas(areas: Polys[]): Flatbush {
  const idx = new Flatbush(Math.max(1, areas.length))
  for (const a of areas) {
    const [x0, y0, x1, y1] = a.length ? bboxOfPolys(a) : [0, 0, 0, 0]
    idx.add(x0, y0, x1, y1)
  }
  idx.finish()
  return idx
}

export function assignPoints(areas: Polys[], points: Position[], index: Flatbush = indexAreas(areas)): Int32Array {
  const out = new Int32Array(points.length).fill(-1)
  points.forEach((p, i) => {
    // The lowest-numbered area containing the point, without collecting and sorting every box that holds it:
    // a pile of thousands of overlapping grids would make that a sort per building.
    let best = -1
    index.search(p[0], p[1], p[0], p[1], (g) => {
      if ((best < 0 || g < best) && areas[g].length && pointInPolys(p, areas[g])) best = g
      return false
    })
    out[i] = best
  })
  return out
}
