// Foundation benchmarks: world build time and peak memory per preset (each in a fresh process, so one
// preset's heap does not inflate the other's), compile time of the full world into the simulator's form,
// and the time to re-validate a community after one grid is edited (target ≤ 100 ms; compile ≤ 2 s).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { buildWorld, checkCommunity, compileWorld, indexGridLayer, putGrid, type Preset } from '../sim/api.ts'
import { polysOf } from '../sim/geometry/measure.ts'

const self = fileURLToPath(import.meta.url)

function child(preset: Preset): void {
  const t0 = performance.now()
  const w = buildWorld({ preset, seed: 1 })
  const ms = performance.now() - t0
  const peakMB = process.resourceUsage().maxRSS / 1024
  const cpuMs = process.cpuUsage().user / 1000
  console.log(JSON.stringify({ preset, buildMs: Math.round(ms), cpuMs: Math.round(cpuMs), peakRssMB: Math.round(peakMB), buildings: w.meta.counts.buildings, grids: w.meta.counts.grids, communities: w.meta.counts.communities }))
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function main(): void {
  // `--quick` skips the whole city (≈100 s of CPU); the largest district is chaoyang
  const presets = process.argv.includes('--quick') ? ['street', 'fengtai', 'chaoyang'] : ['street', 'fengtai', 'chaoyang', 'beijing']
  console.log('# world build (fresh process per preset, seed 1; wall clock, and CPU time of the whole process)')
  for (const preset of presets) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', self, '--child', preset], { encoding: 'utf8' })
    const row = JSON.parse(r.stdout.trim().split('\n').pop()!)
    console.log(`build ${preset.padEnd(8)} ${String(row.buildMs).padStart(7)} ms   CPU ${String(row.cpuMs).padStart(7)} ms   peak RSS ${String(row.peakRssMB).padStart(5)} MB   (${row.communities} communities, ${row.buildings} buildings, ${row.grids} grids)`)
  }

  const w = buildWorld({ preset: 'fengtai', seed: 1 })
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    compileWorld(w)
    times.push(performance.now() - t0)
  }
  console.log(`compile fengtai      ${median(times).toFixed(0).padStart(6)} ms   (median of 5; target ≤ 2000 ms)`)

  // Edit one grid (move one vertex 20 m) and re-check its community, as the editor does on every drag.
  const ix = indexGridLayer(w)
  const edits: number[] = []
  const grids = w.grids.features
  for (let i = 0; i < 200; i++) {
    const f = grids[(i * 7919) % grids.length]
    const geometry = polysOf(f.geometry).map((poly) => poly.map((ring) => ring.map((p) => [p[0], p[1]])))
    const ring = geometry[0][0]
    ring[1] = [ring[1][0] + 0.0002, ring[1][1]]
    const t0 = performance.now()
    putGrid(ix, { id: f.properties.id, community: f.properties.community, geometry, base: f.properties.base })
    checkCommunity(ix, f.properties.community)
    edits.push(performance.now() - t0)
  }
  const sorted = [...edits].sort((a, b) => a - b)
  console.log(`revalidate after edit ${median(edits).toFixed(1).padStart(5)} ms median, ${sorted[Math.floor(sorted.length * 0.95)].toFixed(1)} ms p95, ${sorted[sorted.length - 1].toFixed(1)} ms max   (200 edits on fengtai; target ≤ 100 ms)`)
}

if (process.argv[2] === '--child') child(process.argv[3] as Preset)
else main()
