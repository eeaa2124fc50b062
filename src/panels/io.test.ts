import { describe, expect, it } from 'vitest'
import { csvOf, MAX_BYTES, runImport } from './io.ts'

describe('import and export helpers', () => {
  it('refuses an oversized file before reading it', async () => {
    let read = false
    const huge = { name: 'huge.geojson', size: MAX_BYTES + 1, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) } as unknown as File
    const r = await runImport(huge, { type: 'Polygon', coordinates: [] }, null as unknown as HTMLDialogElement)
    expect(r?.ok).toBe(false)
    expect(r && !r.ok && r.issues[0].message).toContain('huge.geojson')
    expect(read).toBe(false)
  })
  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    const csv = csvOf([{ name: 'a,"b"', n: 3, f: '=HYPERLINK("x")' }])
    const lines = csv.replace('\ufeff', '').trim().split('\n')
    expect(lines[0]).toBe('name,n,f')
    expect(lines[1]).toBe('"a,""b""",3,"\'=HYPERLINK(""x"")"')
  })
})
