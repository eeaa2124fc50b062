// Benchmarks of the engine time the code as the CLI (bin/bundle.js) and the page (Vite) run it: bundled by esbuild,
// not through tsx's per-module transform, whose module interop turns every access to an imported binding into a
// getter call (≈10 % of a `fengtai` year). `rerunBundled` bundles the calling bench file and runs the bundle with the
// same arguments; the bundle itself runs the bench.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FLAG = 'GONGZHI_BENCH_SOURCE'

/** the bench's source file (also when running from its bundle), for paths beside it */
export const benchSource = (metaUrl: string): string => process.env[FLAG] ?? fileURLToPath(metaUrl)
export const isBundled = (): boolean => FLAG in process.env

/** true when the bench ran from its bundle in a child process (the caller exits with `process.exitCode`) */
export async function rerunBundled(metaUrl: string): Promise<boolean> {
  if (isBundled()) return false
  const src = fileURLToPath(metaUrl)
  let esbuild: typeof import('esbuild')
  try {
    esbuild = await import('esbuild')
  } catch {
    esbuild = createRequire(fileURLToPath(import.meta.resolve('tsx')))('esbuild')
  }
  const outdir = join(ROOT, 'node_modules', '.cache', 'gongzhi-bench')
  mkdirSync(outdir, { recursive: true })
  const outfile = join(outdir, basename(src).replace(/\.ts$/, '.mjs'))
  await esbuild.build({ absWorkingDir: ROOT, entryPoints: [src], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' })
  const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, [FLAG]: src } })
  process.exitCode = r.status ?? 1
  return true
}
