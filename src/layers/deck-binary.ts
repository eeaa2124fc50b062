// Buildings and the 民情图 points as binary attributes for deck.gl (issue 14 §3): one flat Float64Array of ring
// vertices with start indices, not hundreds of thousands of GeoJSON objects deck would walk with accessors. Built
// once per world; the fill (SolidPolygonLayer, pickable, id 'buildings') and the outline (PathLayer) share the
// vertex buffer. A pick answers an index into world.buildings.features.
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers'
import type { BuildingArrays } from './building-arrays.ts'
import { defaultScenario, highNeedByBuilding, type World } from '../../sim/api.ts'

export { buildingArrays, type BuildingArrays } from './building-arrays.ts'

/** the buildings' fill and outline layers */
export function buildingLayers(a: BuildingArrays): [SolidPolygonLayer, PathLayer] {
  const fill = new SolidPolygonLayer({
    id: 'buildings',
    // with the triangles made in the world's worker when it could (building-arrays.ts), deck tessellates nothing
    data: { length: a.length, startIndices: a.starts, attributes: { getPolygon: { value: a.positions, size: 2 }, ...(a.indices ? { indices: a.indices } : {}) } },
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
