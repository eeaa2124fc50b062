// deck.gl layer factories for the dense layers: buildings (PolygonLayer) and CJK labels (TextLayer with a
// character set computed from the names, so the font atlas holds every glyph and nothing needs the network).
import { PolygonLayer, TextLayer } from '@deck.gl/layers'
import type { Feature, Polygon, Position } from 'geojson'
import type { BuildingP, World } from '../../sim/api.ts'
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
