// deck.gl layer factories for the dense layers: buildings (PolygonLayer) and CJK labels (TextLayer with a
// character set computed from the names, so the font atlas holds every glyph and nothing needs the network).
import { PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers'
import type { Feature, Polygon, Position } from 'geojson'
import { defaultScenario, highNeedByBuilding, type BuildingP, type World } from '../../sim/api.ts'
import { centroid, polysOf, type Area } from '../store/geo.ts'

export interface Label {
  text: string
  pos: Position
  size: number
}

export function buildingsLayer(w: World): PolygonLayer<Feature<Polygon, BuildingP>> {
  return new PolygonLayer<Feature<Polygon, BuildingP>>({
    id: 'buildings',
    data: w.buildings.features,
    getPolygon: (f) => f.geometry.coordinates,
    getFillColor: (f) => (f.properties.households > 150 ? [120, 110, 98, 220] : [150, 140, 125, 210]),
    getLineColor: [90, 80, 70, 200],
    lineWidthMinPixels: 0.5,
    stroked: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: [228, 0, 43, 160],
  })
}

export interface NeedsPoint {
  pos: Position
  households: number
}

/** 民情图: high-need households (elderly living alone, disabled, low-income; generated as the model draws them with
 *  the default shares, docs/book-systems.md) per building, as points sized by their number */
export function needsPoints(w: World): NeedsPoint[] {
  const bf = w.buildings.features
  const counts = highNeedByBuilding(bf.map((f) => f.properties.households), bf.map((f) => f.properties.elderlyShare), defaultScenario().needs)
  const out: NeedsPoint[] = []
  bf.forEach((f, b) => {
    if (counts[b] > 0) out.push({ pos: centroid(polysOf(f.geometry)), households: counts[b] })
  })
  return out
}

export function needsLayer(points: NeedsPoint[]): ScatterplotLayer<NeedsPoint> {
  return new ScatterplotLayer<NeedsPoint>({
    id: 'needs',
    data: points,
    getPosition: (p) => p.pos as [number, number],
    getRadius: (p) => 4 * Math.sqrt(p.households),
    radiusUnits: 'meters',
    radiusMinPixels: 2,
    getFillColor: [214, 39, 40, 170],
    getLineColor: [255, 255, 255, 200],
    lineWidthMinPixels: 0.5,
    stroked: true,
  })
}

export function labelsOf(w: World): Label[] {
  const out: Label[] = []
  const add = (f: Feature<Area, { name: string }>, size: number) => {
    if (f.properties.name) out.push({ text: f.properties.name, pos: centroid(polysOf(f.geometry)), size })
  }
  for (const f of w.streets.features) add(f, 16)
  for (const f of w.communities.features) add(f, 12)
  return out
}

/** Every distinct character of the labels (CJK included) for the font atlas. */
export function characterSetOf(labels: Label[]): Set<string> {
  const s = new Set<string>()
  for (let c = 32; c < 127; c++) s.add(String.fromCharCode(c))
  for (const l of labels) for (const ch of l.text) s.add(ch)
  return s
}

export function labelsLayer(labels: Label[], chars: Set<string>, zoom: number): TextLayer<Label> {
  const data = zoom >= 13.5 ? labels : labels.filter((l) => l.size >= 16)
  return new TextLayer<Label>({
    id: 'labels',
    data,
    getText: (l) => l.text,
    getPosition: (l) => l.pos as [number, number],
    getSize: (l) => l.size,
    characterSet: chars,
    fontFamily: '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif',
    getColor: (l) => (l.size >= 16 ? [70, 55, 35, 255] : [95, 85, 70, 255]),
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    updateTriggers: { getText: data.length },
  })
}
