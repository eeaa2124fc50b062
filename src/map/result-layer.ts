// The result choropleth: one GeoJSON source with a colour per area (`_col`) and a hatched "no data" fill
// (`_nd` = 1), drawn under the grid outlines so the edited layout stays readable on top.
import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl'

const SOURCE = 'result'
export const RESULT_LAYERS = ['result-fill', 'result-nodata', 'result-line'] as const
/** drawn just below this style layer */
const BELOW = 'grids-line'
const HATCH = 'result-hatch'

/** grey diagonal hatching, 8 × 8 */
function hatch(): { width: number; height: number; data: Uint8Array } {
  const n = 8
  const data = new Uint8Array(n * n * 4)
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const on = (x + y) % n < 2
      data.set(on ? [120, 120, 120, 200] : [220, 220, 220, 140], (y * n + x) * 4)
    }
  return { width: n, height: n, data }
}

function ensure(map: MlMap): void {
  if (map.getSource(SOURCE)) return
  if (!map.hasImage(HATCH)) map.addImage(HATCH, hatch())
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
  const before = map.getLayer(BELOW) ? BELOW : undefined
  map.addLayer({ id: 'result-fill', type: 'fill', source: SOURCE, filter: ['==', ['get', '_nd'], 0], paint: { 'fill-color': ['get', '_col'], 'fill-opacity': 0.8 } }, before)
  map.addLayer({ id: 'result-nodata', type: 'fill', source: SOURCE, filter: ['==', ['get', '_nd'], 1], paint: { 'fill-pattern': HATCH, 'fill-opacity': 0.9 } }, before)
  map.addLayer({ id: 'result-line', type: 'line', source: SOURCE, paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.8 } }, before)
}

/** show the areas of `fc` (properties `id`, `_col`, `_nd`), or hide the result layer with null */
export function setResultLayer(map: MlMap, fc: FeatureCollection | null): void {
  ensure(map)
  ;(map.getSource(SOURCE) as GeoJSONSource).setData(fc ?? { type: 'FeatureCollection', features: [] })
  // the layer panel may have reordered the style since: keep the result under the grid outlines
  if (map.getLayer(BELOW)) for (const id of RESULT_LAYERS) map.moveLayer(id, BELOW)
  for (const id of RESULT_LAYERS) map.setLayoutProperty(id, 'visibility', fc ? 'visible' : 'none')
}

/** the id of the result area under a screen point, if a result layer is shown there */
export function pickResult(map: MlMap, point: { x: number; y: number }): string | null {
  if (!map.getLayer('result-fill')) return null
  const f = map.queryRenderedFeatures([point.x, point.y], { layers: ['result-fill', 'result-nodata'] })[0]
  return f ? String(f.properties.id) : null
}
