// deck.gl layer factories for the dense layers: buildings (PolygonLayer) and CJK labels (TextLayer with a
// character set computed from the names, so the font atlas holds every glyph and nothing needs the network).
import { CollisionFilterExtension, type CollisionFilterExtensionProps } from '@deck.gl/extensions'
import { PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers'
import type { Feature, Polygon, Position } from 'geojson'
import { defaultScenario, highNeedByBuilding, type BuildingP, type World } from '../../sim/api.ts'
import { centroid, polysOf, type Area } from '../store/geo.ts'

export interface Label {
  text: string
  pos: Position
  size: number
  /** 0 street, 1 community, 2 grid: the coarser wins a collision */
  level: 0 | 1 | 2
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
  for (const f of w.streets.features) addLabel(out, f, 0)
  for (const f of w.communities.features) addLabel(out, f, 1)
  return out
}

const SIZE = [16, 12, 11] as const

function addLabel(out: Label[], f: Feature<Area, { name?: string }>, level: Label['level']): void {
  if (f.properties.name) out.push({ text: f.properties.name, pos: centroid(polysOf(f.geometry)), size: SIZE[level], level })
}

/** grid names (the grid layer is edited, so these follow the document) */
export function gridLabelsOf(grids: readonly Feature<Area, { name?: string }>[]): Label[] {
  const out: Label[] = []
  for (const g of grids) addLabel(out, g, 2)
  return out
}

/** Every distinct character of the labels (CJK included) for the font atlas. */
export function characterSetOf(labels: Label[]): Set<string> {
  const s = new Set<string>()
  for (let c = 32; c < 127; c++) s.add(String.fromCharCode(c))
  for (const l of labels) for (const ch of l.text) s.add(ch)
  return s
}

/** The labels of a zoom band (streets at district zoom, communities at street zoom, grids at community zoom),
 * with the coarser levels kept: where two overlap, the collision filter keeps the coarser one. */
export function labelsLayer(labels: Label[], chars: Set<string>, band: 0 | 1 | 2): TextLayer<Label, CollisionFilterExtensionProps<Label>> {
  const data = labels.filter((l) => l.level <= band && l.level >= band - 1)
  return new TextLayer<Label, CollisionFilterExtensionProps<Label>>({
    id: 'labels',
    data,
    getText: (l) => l.text,
    getPosition: (l) => l.pos as [number, number],
    getSize: (l) => l.size,
    characterSet: chars,
    fontFamily: '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif',
    getColor: (l) => (l.level === 0 ? [70, 55, 35, 255] : l.level === 1 ? [95, 85, 70, 255] : [60, 90, 105, 255]),
    extensions: [new CollisionFilterExtension()],
    collisionEnabled: true,
    getCollisionPriority: (l: Label) => 3 - l.level,
    // a margin around each label so neighbours do not touch
    collisionTestProps: { sizeScale: 1.3 },
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    updateTriggers: { getText: [data.length, band] },
  })
}
