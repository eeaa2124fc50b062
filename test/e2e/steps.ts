// Steps the analyst-workspace e2e files share: open the street world, fill inputs, read downloads and CSV.
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { openApp } from './harness.ts'

export async function newStreetPage(fx: { readonly browser: Browser; readonly served: { url: string } }): Promise<Page> {
  const ctx = await fx.browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await ctx.newPage()
  await openApp(page, `${fx.served.url}?preset=street&panel=run`) // the analyst's tab of the left panel
  return page
}

/** type a value and leave the field, so its change handler runs */
export async function fill(page: Page, testid: string, v: string | number): Promise<void> {
  await page.fill(`[data-testid=${testid}]`, String(v))
  await page.press(`[data-testid=${testid}]`, 'Tab')
}

export async function setRun(page: Page, days: number, replicates: number, seed: number): Promise<void> {
  for (const [id, v] of [['days', days], ['replicates', replicates], ['seed', seed]] as const) await fill(page, id, v)
}

export const waitState = (page: Page, s: string, timeout = 90_000) => page.waitForSelector(`[data-testid=run-panel][data-state=${s}]`, { timeout })

/** click a download button and return the file's bytes */
export async function download(page: Page, testid: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)])
  return readFileSync((await dl.path())!)
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and newlines); a leading BOM is dropped */
export function parseCsv(text: string): string[][] {
  text = text.replace(/^\ufeff/, '')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let q = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (q) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') q = false
      else cell += c
    } else if (c === '"') q = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '')
    else cell += c
  }
  if (cell || row.length) row.push(cell), rows.push(row)
  return rows
}
