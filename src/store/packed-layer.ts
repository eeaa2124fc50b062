// An imported layer in compact form: coordinates in one Float64Array, the nesting (parts, rings, positions) in
// one Uint32Array, properties as UTF-8 JSON in one Blob, a slice of SLICE features at a time. This is what the
// import worker sends back (typed arrays transferred, the Blob passed by reference) and what IndexedDB stores:
// an 800k-point layer is two typed arrays and a Blob instead of millions of small objects, so writing, reading
// and sending it never builds a giant structured clone (cloning 30 MB of strings alone blocks a page for
// seconds). Decoding goes slice by slice, so the page can yield between slices.
import type { Feature, Geometry, Position } from 'geojson'

export interface PackedLayer {
  /** number of features */
  n: number
  /** number of positions (the size of what the map would draw) */
  points: number
  /** per feature: geometry code, then counts (see pack) */
  shape: Uint32Array
  coords: Float64Array
  /** JSON arrays of properties, SLICE features each, one after another */
  props: Blob
  /** byte offsets of the slices in props, one more than there are slices */
  propsAt: Uint32Array
  /** the file the layer came from (its features' _file), for messages */
  file: string
}

export const SLICE = 5_000
const CODES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'Null'] as const

/** Pack features; geometries other than the six simple types (collections) are stored as null geometry. */
export function packFeatures(features: readonly Feature[]): PackedLayer {
  let nShape = 0
  let nCoords = 0
  const count = (g: Geometry | null): void => {
    if (!g || g.type === 'GeometryCollection') return void (nShape += 1)
    const c = g.coordinates as unknown
    nShape += 1
    if (g.type === 'Point') nCoords += 1
    else if (g.type === 'MultiPoint' || g.type === 'LineString') (nShape += 1), (nCoords += (c as Position[]).length)
    else if (g.type === 'MultiLineString' || g.type === 'Polygon') {
      nShape += 1 + (c as Position[][]).length
      for (const r of c as Position[][]) nCoords += r.length
    } else {
      nShape += 1
      for (const poly of c as Position[][][]) {
        nShape += 1 + poly.length
        for (const r of poly) nCoords += r.length
      }
    }
  }
  for (const f of features) count(f.geometry)
  const shape = new Uint32Array(nShape)
  const coords = new Float64Array(nCoords * 2)
  let s = 0
  let k = 0
  const pos = (p: Position) => {
    coords[k++] = p[0]
    coords[k++] = p[1]
  }
  const line = (r: Position[]) => {
    shape[s++] = r.length
    for (const p of r) pos(p)
  }
  const lines = (rs: Position[][]) => {
    shape[s++] = rs.length
    for (const r of rs) line(r)
  }
  for (const f of features) {
    const g = f.geometry
    if (!g || g.type === 'GeometryCollection') {
      shape[s++] = 6
      continue
    }
    shape[s++] = CODES.indexOf(g.type)
    if (g.type === 'Point') pos(g.coordinates)
    else if (g.type === 'MultiPoint' || g.type === 'LineString') line(g.coordinates)
    else if (g.type === 'MultiLineString' || g.type === 'Polygon') lines(g.coordinates)
    else {
      shape[s++] = g.coordinates.length
      for (const poly of g.coordinates) lines(poly)
    }
  }
  const enc = new TextEncoder()
  const parts: Uint8Array[] = []
  const propsAt = new Uint32Array(Math.ceil(features.length / SLICE) + 1)
  for (let i = 0, j = 0; i < features.length; i += SLICE, j++) {
    const bytes = enc.encode(JSON.stringify(features.slice(i, i + SLICE).map((f) => f.properties ?? null)))
    parts.push(bytes)
    propsAt[j + 1] = propsAt[j] + bytes.length
  }
  const file = String((features[0]?.properties as Record<string, unknown> | null)?._file ?? '')
  return { n: features.length, points: nCoords, shape, coords, props: new Blob(parts as BlobPart[], { type: 'application/json' }), propsAt, file }
}

/** Where each feature starts in shape and in coords: one pass over shape, made when a feature is first looked
 * up, so one feature (an inspector click) is decoded without decoding those before it. */
const startsMemo = new WeakMap<PackedLayer, { s: Uint32Array; k: Uint32Array }>()
export function startsOf(p: PackedLayer): { s: Uint32Array; k: Uint32Array } {
  let m = startsMemo.get(p)
  if (m) return m
  if (onlyPoints(p)) {
    const ss = new Uint32Array(p.n + 1)
    const ks = new Uint32Array(p.n + 1)
    for (let i = 0; i <= p.n; i++) (ss[i] = i), (ks[i] = 2 * i)
    startsMemo.set(p, (m = { s: ss, k: ks }))
    return m
  }
  const { shape } = p
  const ss = new Uint32Array(p.n + 1)
  const ks = new Uint32Array(p.n + 1)
  let s = 0
  let k = 0
  const ring = () => (k += 2 * shape[s++])
  const rings = () => {
    for (let j = shape[s++]; j > 0; j--) ring()
  }
  for (let i = 0; i < p.n; i++) {
    ss[i] = s
    ks[i] = k
    const code = CODES[shape[s++]]
    if (code === 'Point') k += 2
    else if (code === 'MultiPoint' || code === 'LineString') ring()
    else if (code === 'MultiLineString' || code === 'Polygon') rings()
    else if (code === 'MultiPolygon') for (let j = shape[s++]; j > 0; j--) rings()
  }
  ss[p.n] = s
  ks[p.n] = k
  startsMemo.set(p, (m = { s: ss, k: ks }))
  return m
}

/** The properties of one slice, parsed once and kept while it is one of the last few asked for (a click, a hover
 * or the map's sample reads a slice; a whole layer's properties are never held). */
const propsMemo = new WeakMap<PackedLayer, Map<number, Promise<unknown[]>>>()
const KEEP_SLICES = 3
export function propsSlice(p: PackedLayer, slice: number): Promise<unknown[]> {
  let m = propsMemo.get(p)
  if (!m) propsMemo.set(p, (m = new Map()))
  let r = m.get(slice)
  if (r) m.delete(slice)
  else {
    r = p.props.slice(p.propsAt[slice], p.propsAt[slice + 1]).text().then((t) => JSON.parse(t) as unknown[])
    r.catch(() => m.get(slice) === r && m.delete(slice)) // a failed read is tried again next time
  }
  m.set(slice, r)
  if (m.size > KEEP_SLICES) m.delete(m.keys().next().value as number)
  return r
}

/** the properties of feature i */
export async function propsOf(p: PackedLayer, i: number): Promise<Feature['properties']> {
  return ((await propsSlice(p, Math.floor(i / SLICE)))[i % SLICE] ?? null) as Feature['properties']
}

/** feature i, decoded alone */
export async function featureAt(p: PackedLayer, i: number): Promise<Feature> {
  return (await new Unpacker(p, i).next(1))[0]
}

/** A cursor over a packed layer from feature `from`; next(m) decodes up to m more features (call until done). */
export class Unpacker {
  private s = 0
  private k = 0
  private i = 0
  constructor(private p: PackedLayer, from = 0) {
    if (from > 0) {
      const at = startsOf(p)
      this.i = Math.min(from, p.n)
      this.s = at.s[this.i]
      this.k = at.k[this.i]
    }
  }
  get done(): boolean {
    return this.i >= this.p.n
  }
  get decoded(): number {
    return this.i
  }
  async next(max = SLICE): Promise<Feature[]> {
    const { shape, coords } = this.p
    const out: Feature[] = []
    const pos = (): Position => {
      const p = [coords[this.k], coords[this.k + 1]]
      this.k += 2
      return p
    }
    const line = (): Position[] => {
      const n = shape[this.s++]
      const r: Position[] = new Array(n)
      for (let j = 0; j < n; j++) r[j] = pos()
      return r
    }
    const lines = (): Position[][] => {
      const n = shape[this.s++]
      const r: Position[][] = new Array(n)
      for (let j = 0; j < n; j++) r[j] = line()
      return r
    }
    const end = Math.min(this.p.n, this.i + max)
    let props: unknown[] = []
    let sliceOf = -1
    for (; this.i < end; this.i++) {
      const slice = Math.floor(this.i / SLICE)
      if (slice !== sliceOf) {
        props = await propsSlice(this.p, slice)
        sliceOf = slice
      }
      const code = CODES[shape[this.s++]]
      let geometry: Geometry | null
      if (code === 'Point') geometry = { type: 'Point', coordinates: pos() }
      else if (code === 'MultiPoint' || code === 'LineString') geometry = { type: code, coordinates: line() }
      else if (code === 'MultiLineString' || code === 'Polygon') geometry = { type: code, coordinates: lines() }
      else if (code === 'MultiPolygon') {
        const n = shape[this.s++]
        const polys: Position[][][] = new Array(n)
        for (let j = 0; j < n; j++) polys[j] = lines()
        geometry = { type: 'MultiPolygon', coordinates: polys }
      } else geometry = null
      out.push({ type: 'Feature', properties: (props[this.i % SLICE] ?? null) as Feature['properties'], geometry: geometry as Geometry })
    }
    return out
  }
}

/** every feature a Point (the bulk of large layers): feature i is coords[2i], coords[2i + 1] */
export function onlyPoints(p: PackedLayer): boolean {
  return p.shape.length === p.n && p.coords.length === 2 * p.n
}

/** the geometry code of feature i ('Point' … 'Null') */
export function codeAt(p: PackedLayer, i: number): (typeof CODES)[number] {
  return CODES[p.shape[startsOf(p).s[i]]]
}

export async function unpackAll(p: PackedLayer): Promise<Feature[]> {
  const u = new Unpacker(p)
  const out: Feature[] = []
  while (!u.done) for (const f of await u.next()) out.push(f)
  return out
}

/** Every step-th feature, so that at most maxPoints positions are drawn; null when all of it fits. */
export function sampleStep(points: number, maxPoints: number): number | null {
  return points <= maxPoints ? null : Math.ceil(points / maxPoints)
}
