// The one module that imports maplibre-gl: the map, its offline style built from the world's own layers,
// layer visibility/opacity/order, and the deck.gl overlay for dense layers (buildings, labels).
import { Map as MlMapClass, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type GeoJSONSourceDiff, type MapOptions, type LayerSpecification, type Map as MlMap, type StyleSpecification } from 'maplibre-gl'
import mlWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { MapLibreOverlay } from '@deck.gl/maplibre'
import type { Layer as DeckLayer } from '@deck.gl/core'
import type { Feature, FeatureCollection } from 'geojson'
import { DEFAULT_BAND, type World } from '../../sim/api.ts'
import type { BBox } from '../store/geo.ts'
import { pickResult, setResultLayer } from './result-layer.ts'

setWorkerUrl(mlWorkerUrl)

export type MapLibreMap = MlMap

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** Layer groups the panel shows, bottom to top, with their style layer ids ('deck:' = deck.gl layer). */
/** the layer groups; each names its layer.* string, so one without words is a type error */
export type LayerGroup = 'district' | 'compounds' | 'roads' | 'communities' | 'streets' | 'grids' | 'party' | 'diff' | 'imported' | 'buildings' | 'needs' | 'labels'

export const GROUPS: { key: LayerGroup; layers: string[] }[] = [
  { key: 'district', layers: ['district-fill', 'district-line'] },
  { key: 'compounds', layers: ['compounds-fill'] },
  { key: 'roads', layers: ['roads-line', 'roads-local'] },
  { key: 'communities', layers: ['communities-fill', 'communities-line'] },
  { key: 'streets', layers: ['streets-line'] },
  { key: 'grids', layers: ['grids-fill', 'grids-line', 'grids-sel'] },
  { key: 'party', layers: ['party-line'] },
  { key: 'diff', layers: ['diff-fill'] },
  // points drawn by deck.gl (src/layers/imported-points.ts), lines and polygons by MapLibre
  { key: 'imported', layers: ['imported-fill', 'imported-line', 'deck:imported-points'] },
  { key: 'buildings', layers: ['deck:buildings', 'deck:buildings-line'] },
  { key: 'needs', layers: ['deck:needs'] },
  { key: 'labels', layers: ['deck:labels'] },
]

/** Households choropleth: under, inside, over the DEFAULT_BAND (300–500 households). */
export const BAND_COLORS = { below: '#8fb8de', in: '#9ccf8f', above: '#f0a35e', none: '#dddddd' }

const base = { 'fill-opacity': 1, 'line-opacity': 1 }

/** Level of detail (issue 14): the zoom from which a layer means something. Below it the style does not draw it,
 * so the city view is districts and streets, a district view adds communities and grids, a street view
 * compounds, local roads and buildings (deck.gl, see wiring.ts). A district preset opens at about 10. */
export const MINZOOM = { communities: 9.5, grids: 9.5, compounds: 12, localRoads: 11.5, buildings: 13 } as const

function styleOf(): StyleSpecification {
  const src = (data: unknown) => ({ type: 'geojson' as const, data: data as FeatureCollection })
  const layers: LayerSpecification[] = [
    { id: 'bg', type: 'background', paint: { 'background-color': '#f4f2ec' } },
    { id: 'district-fill', type: 'fill', source: 'district', paint: { 'fill-color': '#fbfaf6', 'fill-opacity': 1 } },
    { id: 'district-line', type: 'line', source: 'district', paint: { 'line-color': '#8a7f6a', 'line-width': 2.5 } },
    { id: 'compounds-fill', type: 'fill', source: 'compounds', minzoom: MINZOOM.compounds, paint: { 'fill-color': '#ebe6d8', 'fill-opacity': 1 } },
    { id: 'roads-line', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'arterial'], paint: { 'line-color': '#ffffff', 'line-width': 4, 'line-opacity': 1 } },
    { id: 'roads-local', type: 'line', source: 'roads', minzoom: MINZOOM.localRoads, filter: ['!=', ['get', 'class'], 'arterial'], paint: { 'line-color': '#ffffff', 'line-width': 1.5, 'line-opacity': 1 } },
    { id: 'communities-fill', type: 'fill', source: 'communities', minzoom: MINZOOM.communities, paint: { 'fill-color': '#000000', 'fill-opacity': 0 } },
    { id: 'communities-line', type: 'line', source: 'communities', minzoom: MINZOOM.communities, paint: { 'line-color': '#a79c86', 'line-width': 1, 'line-dasharray': [3, 2], 'line-opacity': 1 } },
    { id: 'streets-line', type: 'line', source: 'streets', paint: { 'line-color': '#7d6f58', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 15, 2.5], 'line-opacity': 1 } },
    {
      id: 'grids-fill', type: 'fill', source: 'grids', minzoom: MINZOOM.grids,
      paint: {
        'fill-color': ['case', ['<', ['get', '_hh'], 0], BAND_COLORS.none, ['<', ['get', '_hh'], DEFAULT_BAND.min], BAND_COLORS.below, ['>', ['get', '_hh'], DEFAULT_BAND.max], BAND_COLORS.above, BAND_COLORS.in],
        'fill-opacity': 0.45,
      },
    },
    { id: 'grids-line', type: 'line', source: 'grids', minzoom: MINZOOM.grids, paint: { 'line-color': '#4f6d7a', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.3, 13, 0.8, 16, 1.5], 'line-opacity': 1 } },
    { id: 'grids-sel', type: 'line', source: 'grids', minzoom: MINZOOM.grids, filter: ['==', ['get', '_sel'], 1], paint: { 'line-color': '#c0392b', 'line-width': 3, 'line-opacity': 1 } },
    { id: 'party-line', type: 'line', source: 'party', minzoom: MINZOOM.grids, paint: { 'line-color': '#d0021b', 'line-width': 1.5, 'line-dasharray': [2, 2], 'line-opacity': 1 } },
    { id: 'diff-fill', type: 'fill', source: 'diff', paint: { 'fill-color': '#d0021b', 'fill-opacity': 0.3 } },
    { id: 'imported-fill', type: 'fill', source: 'imported', paint: { 'fill-color': '#6a3d9a', 'fill-opacity': 0.15 } },
    { id: 'imported-line', type: 'line', source: 'imported', paint: { 'line-color': '#6a3d9a', 'line-width': 2.5, 'line-opacity': 1 } },
    { id: 'highlight', type: 'circle', source: 'highlight', paint: { 'circle-radius': 12, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#e4002b', 'circle-stroke-width': 3 } },
    // the street or community found by search: a halo under a firm line, above everything it outlines
    { id: 'searched-halo', type: 'line', source: 'searched', paint: { 'line-color': '#ffd84d', 'line-width': 7, 'line-opacity': 0.7 } },
    { id: 'searched-line', type: 'line', source: 'searched', paint: { 'line-color': '#b3232a', 'line-width': 2.5 } },
  ]
  return {
    version: 8,
    sources: {
      district: src(EMPTY), streets: src(EMPTY), communities: src(EMPTY), compounds: src(EMPTY), roads: src(EMPTY),
      // keyed by grid id: an edit updates the grids it changed (updateData), see grid-sync.ts
      grids: { ...src(EMPTY), promoteId: 'id' }, party: { ...src(EMPTY), promoteId: 'id' }, diff: src(EMPTY), imported: src(EMPTY), highlight: src(EMPTY), searched: src(EMPTY),
    },
    layers,
  }
}

export interface MapView {
  map: MlMap
  /** resolves when the style has loaded */
  loaded: Promise<void>
  setWorld(w: World): void
  overlay: MapLibreOverlay
  /** viaUrl: the map's worker fetches the layer as a blob instead of the page cloning it (large layers) */
  setData(source: string, fc: FeatureCollection, viaUrl?: boolean): void
  /** a few features of a source with promoteId added, replaced or removed */
  updateData(source: string, diff: GeoJSONSourceDiff): void
  setDeckLayers(layers: DeckLayer[]): void
  setGroupVisible(key: string, on: boolean): void
  setGroupOpacity(key: string, x: number): void
  setOrder(keys: string[]): void
  fit(b: BBox, maxZoom?: number): void
  flyTo(lonlat: number[], zoom?: number): void
  highlight(lonlat: number[] | null): void
  /** outline the street or community picked in search (null clears it) */
  setSearched(f: Feature | null): void
  setBasemap(style: StyleSpecification | null): void
  /** the result choropleth (see result-layer.ts); null hides it */
  setResultLayer(fc: FeatureCollection | null): void
  /** the result area under a screen point */
  pickResult(point: { x: number; y: number }): string | null
}

/** Beijing, until the world arrives (the map loads while the worker builds the world) */
const START: BBox = [115.4, 39.4, 117.5, 41.1]

/** The map with an empty offline style; setWorld() fills it. */
export function createMap(container: HTMLElement): MapView {
  const map = new MlMapClass({
    container,
    style: styleOf(),
    bounds: START,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    canvasContextAttributes: { preserveDrawingBuffer: false },
  } as MapOptions)
  map.touchZoomRotate.disableRotation()
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left')
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right')
  const overlay = new MapLibreOverlay({ interleaved: false, layers: [] })
  map.addControl(overlay)
  let deckLayers: DeckLayer[] = []
  /** the panel's order of the deck layers (bottom to top); a new set of layers keeps it */
  let deckOrder = GROUPS.flatMap((g) => g.layers).filter((id) => id.startsWith('deck:')).map((id) => id.slice(5))
  const sortDeck = (ls: DeckLayer[]) => [...ls].sort((a, b) => deckOrder.indexOf(a.id) - deckOrder.indexOf(b.id))
  const hidden = new Set<string>()
  const opac = new Map<string, number>()
  const renderDeck = () =>
    overlay.setProps({ layers: deckLayers.map((l) => l.clone({ visible: l.props.visible && !hidden.has(l.id), opacity: opac.get(l.id) ?? 1 })) })
  const paintKeys = (id: string) => {
    const t = map.getLayer(id)?.type
    return t === 'fill' ? ['fill-opacity'] : t === 'line' ? ['line-opacity'] : []
  }
  const baseOpacity = new Map<string, number>()
  let basemapIds: string[] = []
  const blobUrls = new Map<string, string>()
  /** the latest setData per source: a slower blob build never overwrites a newer layer */
  const pending = new Map<string, object>()
  const view: MapView = {
    map,
    overlay,
    loaded: new Promise<void>((resolve) => map.once('load', () => resolve())),
    setWorld(w) {
      // a city's communities, compounds and roads are tens of thousands of features, its 343 streets megabytes of real
      // outlines: sent as blobs (no long task; MapLibre cloned the streets on the page's thread for ≈ 1 s)
      const city = w.grids.features.length > 5000
      for (const k of ['district', 'streets', 'communities', 'compounds', 'roads'] as const) view.setData(k, w[k] as FeatureCollection, city || w[k].features.length > 5000)
    },
    setData(source, fc, viaUrl) {
      const src = map.getSource(source) as GeoJSONSource | undefined
      if (!src) return
      // a newer call cancels a blob still being written for this source
      if (!viaUrl) {
        pending.delete(source)
        return void src.setData(fc)
      }
      const token = {}
      pending.set(source, token)
      // MapLibre walks and clones a GeoJSON object on the page's thread (≈ 270 ms for 10,000 imported points):
      // the layer goes to its worker as a blob URL instead, written a slice at a time so no task is long
      void (async () => {
        let blob = new Blob(['{"type":"FeatureCollection","features":['])
        for (let i = 0; i < fc.features.length; i += 1000) {
          await new Promise((r) => setTimeout(r, 0))
          if (pending.get(source) !== token) return
          const part = fc.features.slice(i, i + 1000).map((f) => JSON.stringify(f)).join(',')
          blob = new Blob([blob, i ? ',' : '', part])
        }
        const url = URL.createObjectURL(new Blob([blob, ']}'], { type: 'application/json' }))
        const old = blobUrls.get(source)
        // the map's worker may still be fetching the previous blob: free it later, not now
        if (old) setTimeout(() => URL.revokeObjectURL(old), 60_000)
        blobUrls.set(source, url)
        pending.delete(source)
        src.setData(url)
      })()
    },
    updateData(source, diff) {
      const src = map.getSource(source) as GeoJSONSource | undefined
      // after a pending blob the map's worker would apply the diff to the old data: wait until the blob is sent
      if (src && !pending.has(source)) void src.updateData(diff)
      else if (src) setTimeout(() => view.updateData(source, diff), 50)
    },
    setDeckLayers(layers) {
      deckLayers = sortDeck(layers)
      renderDeck()
    },
    setGroupVisible(key, on) {
      for (const id of GROUPS.find((g) => g.key === key)?.layers ?? []) {
        if (id.startsWith('deck:')) {
          if (on) hidden.delete(id.slice(5))
          else hidden.add(id.slice(5))
        } else if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none')
      }
      if (key === 'basemap') for (const id of basemapIds) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none')
      renderDeck()
    },
    setGroupOpacity(key, x) {
      for (const id of GROUPS.find((g) => g.key === key)?.layers ?? []) {
        if (id.startsWith('deck:')) opac.set(id.slice(5), x)
        else
          for (const p of paintKeys(id)) {
            const k = `${id}|${p}`
            if (!baseOpacity.has(k)) baseOpacity.set(k, (map.getPaintProperty(id, p as 'fill-opacity') as number | undefined) ?? (base as Record<string, number>)[p])
            map.setPaintProperty(id, p as 'fill-opacity', baseOpacity.get(k)! * x)
          }
      }
      renderDeck()
    },
    setOrder(keys) {
      // bottom to top; deck layers always draw above the map (see notes: interleaving below labels breaks)
      for (const k of keys) for (const id of GROUPS.find((g) => g.key === k)?.layers ?? []) if (!id.startsWith('deck:') && map.getLayer(id)) map.moveLayer(id, 'highlight')
      deckOrder = keys.flatMap((k) => GROUPS.find((g) => g.key === k)?.layers ?? []).filter((id) => id.startsWith('deck:')).map((id) => id.slice(5))
      deckLayers = sortDeck(deckLayers)
      renderDeck()
    },
    fit(b, maxZoom = 17) {
      map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 40, maxZoom, duration: 0 })
    },
    flyTo(lonlat, zoom = 16) {
      map.jumpTo({ center: [lonlat[0], lonlat[1]], zoom: Math.max(map.getZoom(), zoom) })
    },
    highlight(lonlat) {
      view.setData('highlight', { type: 'FeatureCollection', features: lonlat ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: lonlat } }] : [] })
    },
    setSearched(f) {
      view.setData('searched', { type: 'FeatureCollection', features: f ? [f] : [] })
    },
    setBasemap(style) {
      for (const id of basemapIds) map.removeLayer(id)
      for (const s of Object.keys(map.getStyle().sources)) if (s.startsWith('bm-')) map.removeSource(s)
      basemapIds = []
      if (!style) return
      for (const [k, s] of Object.entries(style.sources ?? {})) map.addSource(`bm-${k}`, s)
      for (const l of style.layers ?? []) {
        // no glyphs offline: symbol layers of the online style are skipped
        if (l.type === 'symbol' || l.type === 'background' || !('source' in l)) continue
        const id = `bm-${l.id}`
        map.addLayer({ ...l, id, source: `bm-${String(l.source)}` } as LayerSpecification, 'district-line')
        basemapIds.push(id)
      }
      if (map.getLayer('district-fill')) map.setLayoutProperty('district-fill', 'visibility', 'none')
    },
    setResultLayer: (fc) => setResultLayer(map, fc),
    pickResult: (point) => pickResult(map, point),
  }
  return view
}
