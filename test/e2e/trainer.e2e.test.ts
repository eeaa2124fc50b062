// Trainer mode end to end on the street world and two simulated days (one page load per step that needs one):
// open a lesson, whose narration quotes its runs' numbers; play, pause, scrub back and forth (two moments differ,
// neither blank, and scrubbing back restores the counters); follow an issue clicked on the map, whose story times
// equal its exported event log; the split screen shows two non-blank maps with one clock, and an issue picked from
// the run before the reform tells that run's story; a shared link restores the moment and the followed issue in a
// new page, which exports a WebM that a <video> plays.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { pngVariety, useServedApp } from './harness.ts'
import { download, parseCsv } from './steps.ts'

const fx = useServedApp()
let page: Page
let shared = ''

type Hook = { __gongzhi: { ready: boolean; error?: string; trainer: { player: { t: number; playing: boolean }; split: boolean; panes: { where(i: number): number[] | null; nearest(x: number, y: number): number; replay: { state: Uint8Array }; view: { map: { project(p: number[]): { x: number; y: number } } } }[]; lastVideo?: Blob } } }

async function ready(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const g = (window as unknown as Hook).__gongzhi
    return g?.ready || g?.error
  }, undefined, { timeout: 180_000 })
  const err = await p.evaluate(() => (window as unknown as Hook).__gongzhi.error)
  if (err) throw new Error(err)
}

/** the pane's map, asserted not blank */
async function shot(p: Page, pane: number, name: string): Promise<Buffer> {
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  const png = await p.locator(`[data-testid=pane-${pane}]`).screenshot()
  const v = pngVariety(png)
  expect(v.sd, `${name} is blank`).toBeGreaterThan(8)
  expect(v.colours).toBeGreaterThan(12)
  const dir = process.env.E2E_SHOTS
  if (dir) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `trainer-${name}.png`), await p.screenshot())
  }
  return png
}

const scrub = (p: Page, t: number) =>
  p.$eval('[data-testid=scrubber]', (el, v) => {
    const i = el as HTMLInputElement
    i.value = String(v)
    i.dispatchEvent(new Event('input'))
  }, t)
const counters = (p: Page, pane: number) => p.textContent(`[data-testid=pane-${pane}] [data-testid=counters]`)

describe('trainer mode', () => {
  it('opens a lesson from the picker', async () => {
    const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })
    page = await ctx.newPage()
    await page.goto(`${fx.served.url}?mode=trainer&preset=street&days=2&lang=en`)
    await ready(page)
    // the lesson is recorded in the same worker and replaces the view, without a page load
    await page.selectOption('[data-testid=lesson-picker]', 'whistle')
    await ready(page)
    expect(page.url()).toContain('lesson=whistle')
    const lesson = await page.textContent('[data-testid=lesson-panel]')
    expect(lesson).toContain('book ch. 4.2')
    expect(lesson).toContain('Whistle')
    expect(await page.locator('[data-testid=lesson-numbers] tbody tr').count()).toBe(6)
    // the narration quotes this run's figures: the whistles and the 90th percentile of hours to close, before and
    // after, as the key-numbers table (from the runs' results) has them
    const table = await page.$$eval('[data-testid=lesson-numbers] tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')))
    const said = (await page.textContent('[data-testid=lesson-result]'))!.match(/\d+(\.\d+)?/g)!
    const [p90B, p90A] = table[4].map((c) => c.replace(/[^\d.]/g, ''))
    const [whB, whA] = table[5]
    expect(said).toEqual([whA, whB, '90', p90B, p90A])
  }, 180_000)

  it('plays, pauses, and scrubs back and forth', async () => {
    // at a week a second the lesson stops itself at its first whistle and says what to watch
    await page.selectOption('[data-testid=speed]', '10080')
    await page.click('[data-testid=play]')
    await page.waitForSelector('[data-testid=lesson-moment]:not([hidden])', { timeout: 120_000 })
    const first = await page.evaluate(() => (window as unknown as Hook).__gongzhi.trainer.player)
    expect(first.playing).toBe(false)
    expect(first.t).toBeGreaterThan(0)
    // play on slowly, then pause by hand
    await page.selectOption('[data-testid=speed]', '60')
    await page.click('[data-testid=play]')
    await page.waitForFunction((t0) => (window as unknown as Hook).__gongzhi.trainer.player.t > t0 + 1, first.t, { timeout: 120_000 })
    await page.click('[data-testid=pause]', { force: true })
    const paused = await page.evaluate(() => (window as unknown as Hook).__gongzhi.trainer.player)
    expect(paused.playing).toBe(false)
    expect(paused.t).toBeGreaterThan(first.t)
    // step to the next event
    await page.click('[data-testid=step]')
    expect(await page.evaluate(() => (window as unknown as Hook).__gongzhi.trainer.player.t)).toBeGreaterThan(paused.t)
    await scrub(page, 1800)
    const late = await shot(page, 1, 'late')
    const lateCounts = await counters(page, 1)
    expect(await page.textContent('[data-testid=clock]')).toBe('D2 06:00')
    await scrub(page, 600)
    const early = await shot(page, 1, 'early')
    expect(early.equals(late)).toBe(false)
    expect(await counters(page, 1)).not.toBe(lateCounts)
    await scrub(page, 1800)
    expect(await counters(page, 1)).toBe(lateCounts)
  }, 180_000)

  it('follows an issue clicked on the map; its story times are its event log', async () => {
    // from the list first
    const first = await page.$eval('[data-testid=issue-list] option', (o) => (o as HTMLOptionElement).value)
    await page.selectOption('[data-testid=issue-list]', first)
    await page.waitForSelector(`[data-testid=issue-story][data-issue="${first}"] li`)
    // then an issue being handled at this moment, clicked where it is drawn
    const pt = await page.evaluate((skip) => {
      const p = (window as unknown as Hook).__gongzhi.trainer.panes[1]
      const r = document.querySelector('[data-testid=pane-1]')!.getBoundingClientRect()
      const st = p.replay.state
      for (let i = 0; i < st.length; i++) {
        if (!(st[i] >= 3 && st[i] <= 5) || String(i) === skip) continue
        const s = p.view.map.project(p.where(i)!)
        // inside the map, clear of the corner clock and the counters, and not nearest the issue already followed
        const near = p.nearest(s.x, s.y)
        if (s.x > 120 && s.y > 60 && s.x < r.width - 220 && s.y < r.height - 60 && near >= 0 && String(near) !== skip) return { x: r.left + s.x, y: r.top + s.y }
      }
      return null
    }, first)
    expect(pt).not.toBeNull()
    await page.mouse.click(pt!.x, pt!.y)
    await page.waitForSelector(`[data-testid=issue-story][data-issue]:not([data-issue="${first}"]) li`, { timeout: 60_000 })
    const picked = Number(await page.getAttribute('[data-testid=issue-story]', 'data-issue'))
    const times = await page.$$eval('[data-testid=issue-story] time', (els) => els.map((e) => Number((e as HTMLElement).dataset.t)))
    const shown = await page.$$eval('[data-testid=issue-story] time', (els) => els.map((e) => e.textContent))
    expect(times.length).toBeGreaterThanOrEqual(2)
    const log = parseCsv((await download(page, 'export-log')).toString('utf8'))
    const rows = log.slice(1).filter((r) => r.length > 1)
    expect(rows.every((r) => Number(r[4]) === picked)).toBe(true)
    expect(times).toEqual(rows.map((r) => Number(r[1])))
    expect(shown).toEqual(rows.map((r) => r[2]))
    expect(await page.textContent('[data-testid=issue-story] li:first-child')).toMatch(/arose in building \d+, household \d+/)
  }, 180_000)

  it('shows before and after side by side with one clock', async () => {
    await page.click('[data-testid=split-toggle]')
    await page.waitForFunction(() => (window as unknown as Hook).__gongzhi.trainer.split)
    await scrub(page, 1500)
    await shot(page, 0, 'split-before')
    await shot(page, 1, 'split-after')
    const clocks = await page.$$eval('[data-testid=pane-clock]', (els) => els.map((e) => e.textContent))
    expect(clocks).toEqual(['D2 01:00', 'D2 01:00'])
    expect(await page.textContent('[data-testid=clock]')).toBe('D2 01:00')
    // an issue picked from the run before the reform: its story and event log are that run's
    await page.selectOption('[data-testid=follow-side]', '0')
    const before = await page.$eval('[data-testid=issue-list] option:nth-child(3)', (o) => (o as HTMLOptionElement).value)
    await page.selectOption('[data-testid=issue-list]', before)
    await page.waitForSelector(`[data-testid=issue-story][data-issue="${before}"] li`)
    const times = await page.$$eval('[data-testid=issue-story] time', (els) => els.map((e) => Number((e as HTMLElement).dataset.t)))
    const rows = parseCsv((await download(page, 'export-log')).toString('utf8')).slice(1).filter((r) => r.length > 1)
    expect(rows.every((r) => Number(r[4]) === Number(before))).toBe(true)
    expect(times).toEqual(rows.map((r) => Number(r[1])))
    await scrub(page, 1500)
  }, 180_000)

  it('restores the moment from a shared link, in presentation mode', async () => {
    await page.click('[data-testid=share-link]')
    shared = await page.inputValue('[data-testid=share-url]')
    expect(shared).toContain('t=1500')
    const story = await page.textContent('[data-testid=issue-story]')
    const p2 = await page.context().newPage()
    await p2.goto(`${shared}&videoSeconds=2`)
    await ready(p2)
    expect(await p2.textContent('[data-testid=clock]')).toBe('D2 01:00')
    expect(await p2.evaluate(() => (window as unknown as Hook).__gongzhi.trainer.split)).toBe(true)
    expect(await p2.inputValue('[data-testid=follow-side]')).toBe('0')
    expect(await p2.textContent('[data-testid=issue-story]')).toBe(story)
    expect(await counters(p2, 0)).toBe(await counters(page, 0))
    await p2.click('[data-testid=present]')
    expect(await p2.evaluate(() => document.body.classList.contains('presenting'))).toBe(true)
    await shot(p2, 1, 'presenting')
    await p2.click('[data-testid=present]')
    // two seconds of replay exported as WebM (WebCodecs VP8 in this Chromium), which a <video> then plays
    const [dl] = await Promise.all([p2.waitForEvent('download', { timeout: 90_000 }), p2.click('[data-testid=export-video]')])
    const webm = readFileSync((await dl.path())!)
    expect(dl.suggestedFilename()).toMatch(/\.webm$/)
    expect(webm.length).toBeGreaterThan(1000)
    expect([...webm.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3])
    const played = await p2.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const video = document.createElement('video')
      video.muted = true
      video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }))
      await new Promise((ok, no) => ((video.onloadeddata = ok), (video.onerror = () => no(new Error(video.error?.message)))))
      const meta = { ready: video.readyState, duration: video.duration }
      document.body.append(video)
      await video.play()
      await new Promise((r) => video.requestVideoFrameCallback(r))
      video.pause()
      // a played frame shows the map, not a cleared drawing buffer
      const c = Object.assign(document.createElement('canvas'), { width: video.videoWidth, height: video.videoHeight })
      const g = c.getContext('2d')!
      g.drawImage(video, 0, 0)
      const px = g.getImageData(0, 0, c.width, c.height).data
      let sum = 0
      let sq = 0
      for (let i = 0; i < px.length; i += 4) (sum += px[i + 1]), (sq += px[i + 1] ** 2)
      const n = px.length / 4
      const sd = Math.sqrt(sq / n - (sum / n) ** 2)
      video.remove()
      return { ...meta, w: video.videoWidth, h: video.videoHeight, sd }
    }, webm.toString('base64'))
    expect(played.ready).toBeGreaterThanOrEqual(2)
    expect(played.duration).toBeGreaterThan(1)
    expect(played.duration).toBeLessThan(30)
    expect(played.w).toBeGreaterThan(100)
    expect(played.h).toBeGreaterThan(100)
    expect(played.sd, 'the video is blank').toBeGreaterThan(8)
  }, 180_000)
})
