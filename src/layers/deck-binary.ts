// Buildings and the 民情图 points as binary attributes for deck.gl (issue 14 §3): one flat Float64Array of ring
// vertices with start indices, not hundreds of thousands of GeoJSON objects deck would walk with accessors. Built
// once per world; the fill (SolidPolygonLayer, pickable, id 'buildings') and the outline (PathLayer) share the
// vertex buffer. A pick answers an index into world.buildings.features.
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers'
import type { Feature } from 'geojson'
import { defaultScenario, highNeedByBuilding, type World } from '../../sim/api.ts'

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

/** the buildings' fill and outline layers */
export function buildingLayers(a: BuildingArrays): [SolidPolygonLayer, PathLayer] {
  const fill = new SolidPolygonLayer({
    id: 'buildings',
    data: { length: a.length, startIndices: a.starts, attributes: { getPolygon: { value: a.positions, size: 2 } } },
    // per building, expanded to its vertices by deck from the index (the accessor runs once per building, at build)
    getFillColor: (_: unknown, { index }: { index: number }) => [a.fill[4 * index], a.fill[4 * index + 1], a.fill[4 * index + 2], a.fill[4 * index + 3]],
    _normalize: false,
    pickable: true,
    autoHighlight: true,
    highlightColor: [228, 0, 43, 160],
  })
  const line = new PathLayer({
    id: 'buildings-line',
    data: { length: a.length, startIndices: a.starts, attributes: { getPath: { value: a.positions, size: 2 } } },
    _pathType: 'open',
    getColor: [90, 80, 70, 200],
    getWidth: 0,
    widthMinPixels: 0.5,
  })
  return [fill, line]
}

/** 民情图: high-need households (elderly living alone, disabled, low-income; generated as the model draws them with
 *  the default shares, docs/book-systems.md) per building, as points at the building's centre sized by their number */
export function needsLayer(w: World, a: BuildingArrays): ScatterplotLayer {
  const bf = w.buildings.features
  const counts = highNeedByBuilding(bf.map((f) => f.properties.households), bf.map((f) => f.properties.elderlyShare), defaultScenario().needs)
  let n = 0
  for (let b = 0; b < counts.length; b++) if (counts[b] > 0) n++
  const pos = new Float64Array(2 * n)
  const radius = new Float32Array(n)
  let k = 0
  for (let b = 0; b < counts.length; b++) {
    if (counts[b] <= 0) continue
    pos[2 * k] = a.centres[2 * b]
    pos[2 * k + 1] = a.centres[2 * b + 1]
    radius[k++] = 4 * Math.sqrt(counts[b])
  }
  return new ScatterplotLayer({
    id: 'needs',
    data: { length: n, attributes: { getPosition: { value: pos, size: 2 }, getRadius: { value: radius, size: 1 } } },
    radiusUnits: 'meters',
    radiusMinPixels: 2,
    getFillColor: [214, 39, 40, 170],
    getLineColor: [255, 255, 255, 200],
    lineWidthMinPixels: 0.5,
    stroked: true,
  })
}
