import { build, preview } from 'vite'
import { chromium } from 'playwright-core'
const t0 = Date.now()
const outDir = '/tmp/sweepcore-chk/dist'
await build({ root: process.cwd(), logLevel: 'error', build: { outDir, emptyOutDir: true } })
console.log('built', (Date.now() - t0) / 1000)
const server = await preview({ root: process.cwd(), logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } })
const port = server.httpServer.address().port
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] })
const page = await b.newPage({ viewport: { width: 1400, height: 900 } })
const errors = []
page.on('pageerror', (e) => errors.push(String(e)))
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
const t1 = Date.now()
await page.goto(`http://127.0.0.1:${port}/?preset=street`, { timeout: 180000 })
await page.waitForFunction(() => window.__gongzhi?.ready || window.__gongzhi?.error, undefined, { timeout: 300000 })
console.log('ready', (Date.now() - t1) / 1000, await page.evaluate(() => window.__gongzhi.error ?? 'ok'))
console.log('errors', errors.slice(0, 5))
await b.close()
await server.close()
