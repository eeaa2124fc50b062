// Precompiles the CLI and the sweep worker to plain JavaScript with esbuild (a dependency of tsx, so always present)
// the first time they are needed, and again whenever one of their source files changes. Loading one bundled file
// takes ≈0.15 s where tsx's on-the-fly transform of the same modules takes ≈0.35 s per process or worker thread,
// and that start-up is paid once by the CLI and once by every sweep worker.
//
// The bundles live in node_modules/.cache/gongzhi/<build>/ beside a manifest of their inputs' sizes and mtimes.
// Every build gets a fresh directory and the manifest is replaced atomically, so CLI processes running at the same
// time (a test run spawns many) never load a half-written bundle. Packages stay external: node resolves them from
// node_modules as usual. Any failure returns null and the caller falls back to tsx.
import { createRequire } from 'node:module'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CACHE = join(ROOT, 'node_modules', '.cache', 'gongzhi')
const MANIFEST = join(CACHE, 'manifest.json')
/** entry points, bundled together so the CLI and its worker always come from the same sources */
const ENTRIES = { cli: 'sim/cli.ts', 'sweep-worker': 'sim/run/sweep-worker.ts', 'city-worker': 'sim/run/city-worker.ts' }
/** old build directories are removed once this old (a process may still be running from one) */
const STALE_MS = 3600_000

const stamp = (file) => {
  const s = statSync(join(ROOT, file))
  return `${s.size}:${s.mtimeMs}`
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'))
  } catch {
    return null
  }
}

function fresh() {
  const m = readManifest()
  try {
    if (!m || !statSync(join(CACHE, m.dir)).isDirectory()) return null
    for (const [file, st] of Object.entries(m.inputs)) if (stamp(file) !== st) return null
    return m.dir
  } catch {
    return null
  }
}

async function loadEsbuild() {
  try {
    return await import('esbuild')
  } catch {
    // not hoisted: take the copy tsx depends on
    return createRequire(fileURLToPath(import.meta.resolve('tsx')))('esbuild')
  }
}

async function build() {
  const esbuild = await loadEsbuild()
  const started = Date.now()
  const dir = `b-${Date.now().toString(36)}-${process.pid}`
  const outdir = join(CACHE, dir)
  const r = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
  })
  const inputs = {}
  // this file decides how the bundles are made, so it counts as an input too
  for (const file of [...Object.keys(r.metafile.inputs), 'bin/bundle.js']) {
    // a source edited while esbuild was reading it may be in the bundle in either version: use tsx this time and
    // leave the manifest alone, so the next start builds again
    if (statSync(join(ROOT, file)).mtimeMs >= started - 1) return null
    inputs[file] = stamp(file)
  }
  const previous = readManifest()?.dir
  const tmp = `${MANIFEST}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify({ dir, inputs }))
  renameSync(tmp, MANIFEST)
  const now = Date.now()
  for (const d of readdirSync(CACHE)) {
    // the build that was current until now may still be running a long sweep
    if (d === dir || d === previous || !d.startsWith('b-')) continue
    try {
      if (now - statSync(join(CACHE, d)).mtimeMs > STALE_MS) rmSync(join(CACHE, d), { recursive: true, force: true })
    } catch {
      // another process removed it first
    }
  }
  return dir
}

/** file URL of the bundled entry (`cli` or `sweep-worker`), building it if a source changed; null if it cannot */
export async function bundled(entry) {
  if (process.env.GONGZHI_TSX === '1') return null
  try {
    const dir = fresh() ?? (mkdirSync(CACHE, { recursive: true }), await build())
    return dir ? pathToFileURL(join(CACHE, dir, `${entry}.mjs`)).href : null
  } catch {
    return null
  }
}
