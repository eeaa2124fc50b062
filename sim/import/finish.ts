// Last step for a valid geometry: to WGS84, 7 decimals (~1 cm; more is noise and bloats files),
// and RFC 7946 winding. Wrong winding is legal input (shapefiles wind the other way), so it is fixed, not refused.
import type { Position } from 'geojson'
import { dropRepeats, signedArea } from '../geometry/ring-validity.ts'
import { mapPositions, type Geom } from './coords.ts'
import { round7, toWgs84 } from './crs.ts'
import type { CrsName } from './types.ts'

export interface Finished {
  geometry: Geom
  rewound: boolean
  /** label of a ring that rounding squeezed below 4 positions */
  collapsed?: string
}

export function finishGeometry(g: Geom, from: CrsName): Finished {
  const conv = toWgs84(from)
  const moved = mapPositions(g, (p) => {
    const q = conv(p)
    return [round7(q[0]), round7(q[1])]
  })
  let rewound = false
  let collapsed: string | undefined
  const fixPolygon = (rings: Position[][], prefix: string): Position[][] =>
    rings.map((ring, i) => {
      const r = dropRepeats(ring)
      if (r.length < 4) collapsed ??= `${prefix}ring ${i}`
      const ccw = signedArea(r) > 0
      if (ccw === (i === 0)) return r
      rewound = true
      return r.reverse()
    })
  switch (moved.type) {
    case 'Polygon':
      return { geometry: { type: 'Polygon', coordinates: fixPolygon(moved.coordinates, '') }, rewound, collapsed }
    case 'MultiPolygon':
      return { geometry: { type: 'MultiPolygon', coordinates: moved.coordinates.map((rings, i) => fixPolygon(rings, `polygon ${i} `)) }, rewound, collapsed }
    case 'LineString':
      return { geometry: { type: 'LineString', coordinates: dropRepeats(moved.coordinates) }, rewound }
    case 'MultiLineString':
      return { geometry: { type: 'MultiLineString', coordinates: moved.coordinates.map(dropRepeats) }, rewound }
    default:
      return { geometry: moved, rewound }
  }
}
