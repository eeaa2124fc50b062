// deck.gl layer factories for the labels: CJK names (TextLayer with a character set computed from the names, so the
// font atlas holds every glyph and nothing needs the network). Buildings and the 民情图 points: deck-binary.ts.
import { CollisionFilterExtension, type CollisionFilterExtensionProps } from '@deck.gl/extensions'
import { TextLayer } from '@deck.gl/layers'
import type { Feature, Position } from 'geojson'
import type { World } from '../../sim/api.ts'
import { centroid, polysOf, type Area } from '../store/geo.ts'

export interface Label {
  text: string
  pos: Position
  size: number
  /** 0 street, 1 community, 2 grid: the coarser wins a collision */
  level: 0 | 1 | 2
}

export function labelsOf(w: World): Label[] {
  const out = streetLabelsOf(w.streets.features)
  for (const f of w.communities.features) addLabel(out, f, 1)
  return out
}

/** the streets' names alone (the city's outlines, drawn before its interior is built: src/world-load/preview.ts) */
export function streetLabelsOf(streets: readonly Feature<Area, { name?: string }>[]): Label[] {
  const out: Label[] = []
  for (const f of streets) addLabel(out, f, 0)
  return out
}

const SIZE = [16, 12, 11] as const

function addLabel(out: Label[], f: Feature<Area, { name?: string }>, level: Label['level']): void {
  if (f.properties.name) out.push({ text: f.properties.name, pos: centroid(polysOf(f.geometry)), size: SIZE[level], level })
}

/** a grid's label, kept per grid object: an edit recomputes the centres of the grids it replaced, not of all */
const gridLabel = new WeakMap<object, Label | null>()

/** grid names (the grid layer is edited, so these follow the document) */
export function gridLabelsOf(grids: readonly Feature<Area, { name?: string }>[]): Label[] {
  const out: Label[] = []
  for (const g of grids) {
    let l = gridLabel.get(g)
    if (l === undefined) {
      const one: Label[] = []
      addLabel(one, g, 2)
      gridLabel.set(g, (l = one[0] ?? null))
    }
    if (l) out.push(l)
  }
  return out
}

/** The labels of a zoom band inside a view box [w, s, e, n] (the box a little larger than the screen, so a short pan
 * needs no new set): at city scale the layer holds the few hundred labels on screen, not all of the city's. */
export function labelsIn(labels: readonly Label[], band: 0 | 1 | 2, box: readonly number[]): Label[] {
  return labels.filter((l) => l.level <= band && l.level >= band - 1 && l.pos[0] >= box[0] && l.pos[0] <= box[2] && l.pos[1] >= box[1] && l.pos[1] <= box[3])
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
export function labelsLayer(data: Label[], chars: Set<string>, band: 0 | 1 | 2): TextLayer<Label, CollisionFilterExtensionProps<Label>> {
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
    // the labels draw at 11–16 px: a 32 px SDF is still twice that, and each glyph's SDF costs about half what one of
    // 48 px did (the atlas of a first street-zoom view was a task of seconds); the outline is in atlas pixels, so it
    // shrinks with the font to look as it did
    fontSettings: { sdf: true, fontSize: 32, buffer: 4, radius: 8 },
    outlineWidth: 2,
    outlineColor: [255, 255, 255, 230],
    updateTriggers: { getText: [data.length, band] },
  })
}
