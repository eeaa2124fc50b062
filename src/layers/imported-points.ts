// The imported layers' points as one deck.gl ScatterplotLayer fed binary attributes (issue 16): a GeoJSON source
// would copy them to MapLibre's worker, tile them there and hand each tile back (≈ 150 ms on the page's thread for
// a 10,000-point sample); a typed array of positions goes to the GPU as it is. A pick answers an index into the
// sample, which names the feature in the imported list it was made from.
import { ScatterplotLayer } from '@deck.gl/layers'
import type { PointSample } from './imported-sample.ts'

export const IMPORTED_POINTS = 'imported-points'

/** the colour of the imported layers on the map (the MapLibre lines and polygons use the same, #6a3d9a) */
const COLOR: [number, number, number, number] = [106, 61, 154, 204]

/** Made once per sample: the caller keeps it and hands deck the same instance, so no frame rebuilds its buffers. */
export function importedPointsLayer(s: PointSample): ScatterplotLayer {
  return new ScatterplotLayer({
    id: IMPORTED_POINTS,
    data: { length: s.length, attributes: { getPosition: { value: s.positions, size: 2 } } },
    radiusUnits: 'pixels',
    getRadius: 2.5,
    getFillColor: COLOR,
    pickable: true,
    autoHighlight: true,
    highlightColor: [228, 0, 43, 220],
  })
}
