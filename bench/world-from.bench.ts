// A district-sized world from a user's files: Fengtai's 398 communities exported with Chinese columns (the
// default world's, so the figures compare with `npm run bench`), rebuilt (a) from communities only, (b) with its
// ≈15,600 buildings given as points with households. Prints read + map, plan (what the dialog shows), build and
// check times and the peak RSS, beside buildWorld('fengtai') in the same process and the machine's load.
// Run: npm run bench:from
import { loadavg } from 'node:os'
import { autoMapping, buildFromData, buildWorld, checkWorld, mapLayer, planFromData, readDataLayer, type DataLayer, type MappedLayer } from '../sim/api.ts'

const enc = new TextEncoder()
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function time<T>(label: string, f: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now()
  const r = await f()
  console.log(`${label.padEnd(52)} ${s(performance.now() - t0)}`)
  return r
}

async function mapped(name: string, layer: DataLayer, features: unknown[]): Promise<MappedLayer> {
  const r = await readDataLayer(name, enc.encode(JSON.stringify({ type: 'FeatureCollection', features })), layer, 'wgs84')
  if (!r.ok) throw new Error(r.issues[0].message)
  const m = mapLayer(r.read, autoMapping(r.read))
  if (!m.ok) throw new Error(m.issues[0].message)
  return m.layer
}

const w = await time('buildWorld fengtai (reference)', () => buildWorld({ preset: 'fengtai', seed: 1 }))
const streetName = new Map(w.streets.features.map((f) => [f.properties.id, f.properties.name]))
const communities = await time(`read + map ${w.communities.features.length} communities`, () =>
  mapped('communities.geojson', 'communities', w.communities.features.map((f) => ({
    type: 'Feature', geometry: f.geometry,
    properties: { 社区代码: f.properties.id, 名称: f.properties.name, 户数: f.properties.households, 人口: f.properties.residents, 街道代码: f.properties.street, 街道名称: streetName.get(f.properties.street) },
  }))))
await time('plan (dialog step 3)', () => planFromData({ communities }))
const a = await time('(a) build from communities only', () => buildFromData({ communities }))
if (!a.ok) throw new Error(a.error)
const ca = await time('(a) world check', () => checkWorld(a.world))
console.log(`    ${a.world.meta.counts.streets} streets derived, ${a.world.meta.counts.buildings} buildings and ${a.world.meta.counts.grids} grids generated; ${ca.summary.error} errors`)
const buildings = await time(`read + map ${w.buildings.features.length} buildings as points`, () =>
  mapped('buildings.geojson', 'buildings', w.buildings.features.map((b) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: b.geometry.coordinates[0][0] }, properties: { 户数: b.properties.households } }))))
const b = await time('(b) build with buildings as points', () => buildFromData({ communities, buildings }))
if (!b.ok) throw new Error(b.error)
const cb = await time('(b) world check', () => checkWorld(b.world))
console.log(`    ${b.world.meta.counts.grids} grids generated around the file's buildings; ${cb.summary.error} errors, ${cb.summary.warning} warnings`)
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine`)
