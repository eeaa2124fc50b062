// `world check` on hostile grid layers: 5,000 grids in one community, all overlapping (issue 16 §3). Each case
// writes the layers to a temporary directory and runs the real command in a fresh process, timing it and
// reading that process's peak RSS. Targets: ≤ 30 s and ≤ 1 GB each.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { at, rect } from '../test/support/shapes.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const N = 5_000
const SIDE = 2_000 // metres, the community's square

function layers(mode: 'identical' | 'random'): Record<string, unknown> {
  let s = 42
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647
  const polygon = (p: number[][][][]) => ({ type: 'Polygon', coordinates: p[0] })
  const grid = () => {
    if (mode === 'identical') return polygon(rect(0, 0, SIDE, SIDE))
    const x = rnd() * (SIDE - 300)
    const y = rnd() * (SIDE - 300)
    return polygon(rect(x, y, x + 300, y + 300))
  }
  return {
    'communities.geojson': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'C1', name: '重叠社区', street: 'S1' }, geometry: polygon(rect(0, 0, SIDE, SIDE)) }] },
    'grids.geojson': { type: 'FeatureCollection', features: Array.from({ length: N }, (_, i) => ({ type: 'Feature', properties: { id: `G${i}`, community: 'C1' }, geometry: grid() })) },
    'buildings.geojson': { type: 'FeatureCollection', features: Array.from({ length: 2_000 }, (_, i) => ({ type: 'Feature', properties: { id: `B${i}`, households: 10, residents: 25 }, geometry: { type: 'Point', coordinates: at(rnd() * SIDE, rnd() * SIDE) } })) },
  }
}

const PEAK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("PEAK_RSS_KB "+process.resourceUsage().maxRSS+"\\n"))'

for (const mode of ['identical', 'random'] as const) {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-check-'))
  const files = Object.entries(layers(mode)).map(([name, fc]) => {
    writeFileSync(join(dir, name), JSON.stringify(fc))
    return join(dir, name)
  })
  const t0 = performance.now()
  const r = spawnSync(process.execPath, ['--import', PEAK, join(ROOT, 'bin/gongzhi.js'), 'world', 'check', ...files], { encoding: 'utf8', maxBuffer: 1 << 30 })
  const s = (performance.now() - t0) / 1000
  rmSync(dir, { recursive: true, force: true })
  const peakMB = Number(/PEAK_RSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024
  let findings = NaN
  let notListed = ''
  try {
    const report = JSON.parse(r.stdout) as { findings: { code: string; value?: number }[] }
    findings = report.findings.length
    notListed = report.findings.filter((f) => f.code === 'grid-overlaps-not-examined').map((f) => `${f.value} pairs not examined`).join('')
  } catch {
    console.log(r.stderr.slice(0, 2000))
  }
  console.log(`world check, ${N} ${mode} overlapping grids: ${s.toFixed(1)} s, peak RSS ${peakMB.toFixed(0)} MB   (targets ≤ 30 s, ≤ 1024 MB; exit ${r.status}, ${findings} findings listed, ${notListed})`)
}
