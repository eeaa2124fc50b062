// Build the app once with vite's build() API into a temp dir, serve it with preview() on port 0, and drive
// /usr/bin/chromium with playwright-core. Waits are on app state (window.__gongzhi), never on sleeps.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { build, preview, type PreviewServer } from 'vite'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inflateSync } from 'node:zlib'
import { afterAll, beforeAll } from 'vitest'

export const CHROMIUM = '/usr/bin/chromium'
/** llvmpipe: several times faster than SwiftShader on this CPU-only machine */
export const GL_ARGS = ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist', '--enable-unsafe-swiftshader']

export interface Served {
  url: string
  close(): Promise<void>
}

/** Serve the built app: the build is made once per content of the sources and shared by every e2e file (each runs
 *  in its own process), instead of one vite build per file — ≈ 18 CPU-s each, minutes of a full `npm test`. */
export async function buildAndServe(): Promise<Served> {
  const outDir = await sharedBuild()
  const server: PreviewServer = await preview({ root: process.cwd(), logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } })
  const addr = server.httpServer.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise<void>((r) => server.httpServer.close(() => r()))
    },
  }
}

/** what the build reads: the page, the app and simulation sources, the data they embed, the build settings and
 *  the locked dependencies */
const BUILD_INPUTS = ['index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json', 'src', 'sim', 'data', 'public']

function sourceHash(root: string): string {
  const hash = createHash('sha256')
  const walk = (rel: string): void => {
    const abs = join(root, rel)
    if (!existsSync(abs)) return
    if (statSync(abs).isDirectory()) for (const f of readdirSync(abs).sort()) walk(join(rel, f))
    else hash.update(`${rel}\0`).update(readFileSync(abs)).update('\0')
  }
  for (const f of BUILD_INPUTS) walk(f)
  return hash.digest('hex').slice(0, 16)
}

/** `.cache/e2e-build/HASH`, built by the first process that needs it; the others wait on its lock directory */
async function sharedBuild(): Promise<string> {
  const root = process.cwd()
  const cache = join(root, '.cache', 'e2e-build')
  const dir = join(cache, sourceHash(root))
  const lock = `${dir}.lock`
  mkdirSync(cache, { recursive: true })
  for (;;) {
    if (existsSync(join(dir, 'index.html'))) return dir
    try {
      mkdirSync(lock)
    } catch {
      // another process is building this; take the lock over only if that process is gone
      const pid = Number(readFileSyncSafe(join(lock, 'pid')))
      if (pid && !alive(pid)) rmSync(lock, { recursive: true, force: true })
      await new Promise((r) => setTimeout(r, 500))
      continue
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid))
      const tmp = `${dir}.tmp-${process.pid}`
      await build({ root, logLevel: 'error', build: { outDir: tmp, emptyOutDir: true } })
      // older builds of other sources go: one build is kept
      for (const f of readdirSync(cache)) if (!f.startsWith(basename(dir))) rmSync(join(cache, f), { recursive: true, force: true })
      renameSync(tmp, dir)
      return dir
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
  }
}

const readFileSyncSafe = (f: string): string => {
  try {
    return readFileSync(f, 'utf8')
  } catch {
    return ''
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The fixtures every e2e file needs — the built app served on a free port and one browser — set up once per file. */
export function useServedApp(): { readonly served: Served; readonly browser: Browser } {
  const fx = {} as { served: Served; browser: Browser }
  beforeAll(async () => {
    fx.served = await buildAndServe()
    fx.browser = await launch()
    // a machine shared by many jobs can take longer to build: E2E_SETUP_MS raises the limit for a local run
  }, Number(process.env.E2E_SETUP_MS) || 180_000)
  afterAll(async () => {
    await fx.browser?.close()
    await fx.served?.close()
  })
  return fx
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: GL_ARGS })
}

export function launchPersistent(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: GL_ARGS, viewport: { width: 1400, height: 900 } })
}

export async function openApp(page: Page, url: string, timeout = 60_000): Promise<void> {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(url)
  await page.waitForFunction(() => {
    const g = (window as unknown as { __gongzhi?: { ready: boolean; error?: string } }).__gongzhi
    return g?.ready || g?.error
    // polled on a timer, not on animation frames: a frame requested for every poll made the compositor draw the whole
    // map (the city's outlines, shown while the world is built) for minutes, on software GL a core taken from the
    // worker building the world
  }, undefined, { timeout, polling: 100 })
  const err = await page.evaluate(() => (window as unknown as { __gongzhi: { error?: string } }).__gongzhi.error)
  if (err) throw new Error(`app failed to start: ${err}\n${errors.join('\n')}`)
}

/** Screen position of a [lon, lat] in page coordinates. */
export async function toScreen(page: Page, lonlat: number[]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const app = (window as unknown as { __gongzhi: { app: { view: { map: { project(p: number[]): { x: number; y: number }; getContainer(): HTMLElement } } } } }).__gongzhi.app
    const p = app.view.map.project(ll)
    const r = app.view.map.getContainer().getBoundingClientRect()
    return { x: r.left + p.x, y: r.top + p.y }
  }, lonlat)
}

export async function clickAt(page: Page, p: { x: number; y: number }): Promise<void> {
  await page.mouse.move(p.x, p.y)
  await page.mouse.down()
  await page.mouse.up()
}

/** Waits until the map has rendered everything it was asked to. */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { __gongzhi: { app: { view: { map: { loaded(): boolean; once(e: string, f: () => void): void; triggerRepaint(): void } } } } }).__gongzhi.app.view.map
        map.once('idle', () => resolve())
        map.triggerRepaint()
      }),
  )
}

// ---------- "not blank" check: decode the PNG and measure pixel variance ----------
function decodePng(buf: Buffer): { w: number; h: number; px: Buffer; bpp: number } {
  let pos = 8
  let w = 0
  let h = 0
  let colorType = 6
  const idat: Buffer[] = []
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos)
    const type = buf.toString('ascii', pos + 4, pos + 8)
    const data = buf.subarray(pos + 8, pos + 8 + len)
    if (type === 'IHDR') {
      w = data.readUInt32BE(0)
      h = data.readUInt32BE(4)
      colorType = data[9]
    } else if (type === 'IDAT') idat.push(data)
    pos += 12 + len
  }
  const bpp = colorType === 6 ? 4 : 3
  const raw = inflateSync(Buffer.concat(idat))
  const stride = w * bpp
  const px = Buffer.alloc(h * stride)
  for (let y = 0; y < h; y++) {
    const f = raw[y * (stride + 1)]
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]
      const a = x >= bpp ? px[y * stride + x - bpp] : 0
      const b = y > 0 ? px[(y - 1) * stride + x] : 0
      const c = x >= bpp && y > 0 ? px[(y - 1) * stride + x - bpp] : 0
      let r = v
      if (f === 1) r = v + a
      else if (f === 2) r = v + b
      else if (f === 3) r = v + ((a + b) >> 1)
      else if (f === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        r = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)
      }
      px[y * stride + x] = r & 255
    }
  }
  return { w, h, px, bpp }
}

/** Standard deviation of luminance and number of distinct (quantised) colours of a PNG. */
export function pngVariety(png: Buffer): { sd: number; colours: number } {
  const { w, h, px, bpp } = decodePng(png)
  let s = 0
  let s2 = 0
  const colours = new Set<number>()
  const n = w * h
  for (let i = 0; i < n; i++) {
    const r = px[i * bpp]
    const g = px[i * bpp + 1]
    const b = px[i * bpp + 2]
    const l = 0.299 * r + 0.587 * g + 0.114 * b
    s += l
    s2 += l * l
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4))
  }
  const mean = s / n
  return { sd: Math.sqrt(Math.max(0, s2 / n - mean * mean)), colours: colours.size }
}

let shotNo = 0

/** Screenshot of the map element, asserted not blank; returns the PNG. */
export async function mapShot(page: Page): Promise<Buffer> {
  const png = await page.locator('[data-testid=map]').screenshot()
  const v = pngVariety(png)
  if (v.sd < 8 || v.colours < 12) throw new Error(`map screenshot looks blank (sd ${v.sd.toFixed(1)}, ${v.colours} colours)`)
  // E2E_SHOTS=dir keeps every checked screenshot (whole page) for a person to look at
  const dir = process.env.E2E_SHOTS
  if (dir) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `${String(++shotNo).padStart(2, '0')}.png`), await page.screenshot())
  }
  return png
}

/** Answer the import's questions: the coordinate system (the importer's guess) when asked, then the column mapping
 *  (as inferred, adding the grids unless `mode` says otherwise). */
export async function confirmImport(page: Page, timeout = 120_000, mode?: 'add' | 'replace'): Promise<void> {
  await page.waitForSelector('[data-testid=crs-dialog][open], [data-testid=import-mapping][open]', { timeout })
  if (await page.locator('[data-testid=crs-dialog][open]').count()) {
    await page.click('[data-testid=crs-ok]')
    await page.waitForSelector('[data-testid=import-mapping][open]', { timeout })
  }
  if (mode) await page.check(`[data-testid=import-mode-${mode}]`)
  await page.click('[data-testid=import-confirm]')
}
